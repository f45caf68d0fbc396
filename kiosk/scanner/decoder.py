"""The phone-screen QR decoder: zxing-cpp first, a strategy cascade for hard frames, capture hints.

Per frame (live mode, :meth:`PhoneScreenDecoder.decode`):

1. zxing-cpp on the whole grey frame (≈1–2 ms at 1280×720). It also reports codes it *located* but
   could not decode (``return_errors``), which become regions of interest.
2. Without a located code, a texture detector proposes regions (≈2 ms).
3. ROI strategies (upscaling, sharpening, other binarizers, glare flattening, deskew, pyzbar as a
   second opinion) are tried in a fixed order while the frame's time budget lasts. The position in
   that order is kept between frames, so the expensive strategies are spread over consecutive frames
   of the same scene instead of being run all at once: a 30 fps camera is never backlogged.

Budgets are counted in CPU time of the decoding thread (``time.thread_time``), so other processes
competing for the cores do not change which strategies run (results stay reproducible); ``ms`` in
the results is that CPU time.

:meth:`decode_still` runs the same steps on a single image, trying the whole cascade within a budget.
The decoder reports *what it read*; deciding whether a read is plausible enough to act on is
:class:`kiosk.scanner.gate.ScanGate`'s job.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from kiosk.scanner.fusion import FrameFusion
from kiosk.scanner.hints import CaptureHint, hints_for
from kiosk.scanner.locate import Candidate, from_quad, merge_overlapping, refine, texture_candidates
from kiosk.scanner.strategies import (
    APPLIES,
    EXTRA_ROI_STRATEGIES,
    FRAME_ORDER_LARGE,
    FRAME_ORDER_SMALL,
    FRAME_SMALL_MODULE_PX,
    FULL_STRATEGIES,
    ROI_STRATEGIES,
    WIDE_MARGIN,
    barcode_quad,
    barcode_version,
    zxing_read,
)

#: Default time budget per live frame (ms): leaves room for capture and UI at 30 fps on 2 cores.
LIVE_BUDGET_MS = 18.0
#: Nominal cost of the whole-frame zxing pass and the texture detector (ms, see nominal_budget; measured
#: with ``python -m bench.decode_costs`` like the strategies' costs in strategies.py).
BASE_COST_MS = 2.5
#: Live, with the measured clock, a strategy is started only if its nominal cost times this still fits
#: the budget: the nominal costs are means (bench.decode_costs) and a frame should not overrun its budget.
#: Chosen on kiosk.scanner.handheld's tuning seeds decoded live (each frame up to 6 times; three runs,
#: CPU times vary between runs): 1.0 let 19 % of frames run over 18 ms, 1.5 4-8 % (p99 21-29 ms) with
#: 0-1 read fewer of 180, 2.0 2-3 % with 1-5 fewer.
COST_MARGIN = 1.5
#: Default budget for a single image.
STILL_BUDGET_MS = 28.0
#: Images up to this size (longest side) also get the whole-image strategies (before the ROI cascade).
#: Camera frames are larger: there the whole-image strategies would cost ~20 ms on every empty frame.
SMALL_IMAGE_PX = 800
#: Live mode: codes with fewer px/module than this get SMALL_CODE_STRATEGY on every frame.
SMALL_MODULE_PX = 1.9
SMALL_CODE_STRATEGY = "roi_up4_lanczos_sharp"
#: Run first on a region where zxing-cpp located a code (with its version) but could not decode it.
RECTIFY_STRATEGY = "roi_rectify"
#: The strategy run on the fused region (several aligned frames averaged) of a small code.
FUSED_STRATEGY = "fused_flat_up4"
#: A candidate from the previous frames is reused for this many frames when none is found.
CANDIDATE_MEMORY_FRAMES = 3


def size_factor(roi: np.ndarray) -> float:
    """What a region strategy is charged, as a multiple of its nominal cost: costs are for a ~150 px
    region; larger ones cost more, but upscaled images are capped at strategies.MAX_SIDE, so the
    growth levels off."""
    return min((max(roi.shape[:2]) / 150.0) ** 2, 2.0)


@dataclass(frozen=True, slots=True)
class Read:
    """One decoded payload in one frame."""

    text: str
    strategy: str  # "raw" or the name of the ROI/full strategy that read it
    engine: str  # "zxing" or "zbar"
    candidate: Candidate | None = None


@dataclass(slots=True)
class FrameResult:
    reads: list[Read] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    hints: list[CaptureHint] = field(default_factory=list)
    tried: list[str] = field(default_factory=list)
    ms: float = 0.0

    @property
    def texts(self) -> list[str]:
        seen: dict[str, None] = {}
        for read in self.reads:
            seen.setdefault(read.text, None)
        return list(seen)


def to_gray(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return frame
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


class PhoneScreenDecoder:
    """Stateful decoder for a stream of frames of one camera (not thread-safe; one per camera)."""

    def __init__(self, budget_ms: float = LIVE_BUDGET_MS, *, use_zbar: bool = True, use_fusion: bool = True,
                 clock: Callable[[], float] = time.thread_time, without: frozenset[str] = frozenset(),
                 nominal_budget: bool = False) -> None:
        """``without``: names of strategies never to run (the benchmark's ablations).

        ``nominal_budget``: count the budget in the strategies' nominal costs (``strategies.py``; about
        what they cost on a loaded 2-core machine) instead of measured CPU time, so which strategies
        run does not depend on the machine or its load at all. For reproducible benchmark rates; a
        camera should keep the measured clock (the budget is there to keep up with 30 fps).
        """
        self.budget_ms = budget_ms
        self.without = without
        self.nominal_budget = nominal_budget
        self._spent_ms = 0.0
        self.use_zbar = use_zbar
        self._fusion = FrameFusion() if use_fusion else None
        self._clock = clock
        self._cursor = 0
        self._memory: Candidate | None = None
        self._memory_age = 0

    def reset(self) -> None:
        """Forget the previous frames (new scene)."""
        self._cursor = 0
        self._memory = None
        self._memory_age = 0

    def decode(self, frame: np.ndarray) -> FrameResult:
        """Decode one live frame, continuing the strategy cascade from the previous frame."""
        result = self._run(frame, self.budget_ms, still=False)
        if self._fusion is not None:
            if result.reads or not result.candidates:
                self._fusion.clear()
            else:
                self._fusion.push(to_gray(frame))
        return result

    def decode_still(self, image: np.ndarray, budget_ms: float = STILL_BUDGET_MS) -> FrameResult:
        """Decode a single image with a fresh cascade (does not disturb the live state)."""
        saved = (self._cursor, self._memory, self._memory_age)
        self.reset()
        try:
            return self._run(image, budget_ms, still=True)
        finally:
            self._cursor, self._memory, self._memory_age = saved

    # -- internals -------------------------------------------------------------------------------

    def _strategies(self) -> list[tuple[str, Callable[[np.ndarray, float], list], float]]:
        return [s for s in ROI_STRATEGIES if (self.use_zbar or "zbar" not in s[0]) and s[0] not in self.without]

    def _run(self, frame: np.ndarray, budget_ms: float, *, still: bool) -> FrameResult:
        start = self._clock()
        self._spent_ms = BASE_COST_MS
        result = FrameResult()
        gray = to_gray(frame)
        small = max(gray.shape[:2]) <= SMALL_IMAGE_PX
        # On a camera frame the whole-frame pass looks for light-on-dark codes only; an inverted
        # (dark-mode) code is left to the region strategies, which try both polarities on the located
        # region: the inverted whole-frame pass cost as much as the first one on every frame not read
        # (issue 17, measured on kiosk.scanner.handheld's tuning seeds: no read lost, median 9.3 -> 6.4 ms).
        barcodes = zxing_read(gray, errors=True, invert=small)
        result.tried.append("raw")
        for b in barcodes:
            if b.valid:
                result.reads.append(Read(b.text, "raw", "zxing", from_quad(barcode_quad(b), barcode_version(b))))
            else:
                result.candidates.append(from_quad(barcode_quad(b), barcode_version(b)))
        if result.reads:
            self.reset()
            result.ms = (self._clock() - start) * 1000
            return result
        # zxing's located pieces and the texture detector's regions, merged: zxing sometimes reports
        # only a finder pattern of a code the texture detector frames completely.
        result.candidates = merge_overlapping(result.candidates + texture_candidates(gray))
        # a texture region is often much larger than its code (text lines, the phone's edge): tighten it
        result.candidates = merge_overlapping([refine(gray, c) for c in result.candidates])
        candidates = self._remember(result.candidates)
        if still and small:
            self._full_fallbacks(gray, result, start, budget_ms)
        if candidates and not result.reads:
            self._cascade(gray, candidates, result, start, budget_ms, still)
        if not result.reads and result.candidates:
            result.hints = hints_for(gray, result.candidates[0])
        if result.reads:
            self.reset()
        result.ms = (self._clock() - start) * 1000
        return result

    def _remember(self, found: list[Candidate]) -> list[Candidate]:
        if found:
            if self._memory is None:
                self._cursor = 0  # a new scene: start with the strategies that pay off most often
            self._memory, self._memory_age = found[0], 0
            return found
        if self._memory is not None and self._memory_age < CANDIDATE_MEMORY_FRAMES:
            self._memory_age += 1
            return [self._memory]
        self._memory = None
        return []

    def _elapsed(self, start: float) -> float:
        if self.nominal_budget:
            return self._spent_ms
        return (self._clock() - start) * 1000

    def _cascade(self, gray: np.ndarray, candidates: list[Candidate], result: FrameResult,
                 start: float, budget_ms: float, still: bool) -> None:
        strategies = self._strategies()
        small = max(gray.shape[:2]) <= SMALL_IMAGE_PX
        rois = []
        for c in candidates[:2]:
            x0, y0, x1, y1 = c.box(gray.shape)
            if x1 - x0 >= 16 and y1 - y0 >= 16:
                rois.append((c, gray[y0:y1, x0:x1]))
        if not rois:
            return
        n = len(strategies)  # the live rotation; the extra strategies follow
        strategies = [*strategies, *(s for s in EXTRA_ROI_STRATEGIES if s[0] not in self.without)]
        index = {s[0]: i for i, s in enumerate(strategies)}
        plan: list[tuple[int, int, bool]] = []  # (strategy index, roi index, advances the cursor)
        if still and small:
            plan = [(k, r, False) for r in range(len(rois)) for k in range(n)]
        elif still:  # a camera frame: an order for its module size
            for c_index, (c, _) in enumerate(rois):
                names = FRAME_ORDER_SMALL if (c.module_px or 9.0) < FRAME_SMALL_MODULE_PX else FRAME_ORDER_LARGE
                order = [index[m] for m in names if m in index]
                order += [k for k in range(n) if k not in order]
                plan += [(k, c_index, False) for k in order]
        else:
            rotation = [((self._cursor + k) % n, 0, True) for k in range(n)]
            small_code = (rois[0][0].module_px or 9.0) < SMALL_MODULE_PX
            first = next((i for i, s in enumerate(strategies) if s[0] == SMALL_CODE_STRATEGY), None)
            if small_code and first is not None:  # the one strategy that reads 1.3-1.5 px codes: every frame
                plan = [(first, 0, False)] + [p for p in rotation if p[0] != first]
                if self._fusion is not None and len(self._fusion):
                    fused = self._fusion.fused(gray, rois[0][0].box(gray.shape))
                    if fused is not None:  # ... and, first, on the last frames averaged (see fusion.py)
                        rois.append((rois[0][0], fused))
                        plan.insert(0, (index[FUSED_STRATEGY], len(rois) - 1, False))
            else:
                plan = rotation
        rectify = index.get(RECTIFY_STRATEGY)
        if rectify is not None and still and small:
            # a small image zxing located a code in but could not decode (a photo of a bent print):
            # its grid first (rectify.py). Not on camera frames: there it read no frame of
            # kiosk.scanner.handheld's tuning seeds that the orders do not read sooner (issue 17)
            located = [r for r, (c, _) in enumerate(rois) if c.version]  # only zxing reports a version
            plan = [(rectify, r, False) for r in located] + [p for p in plan if p[0] != rectify or p[1] not in located]
        for done, (k, r, advances) in enumerate(plan):
            name, fn, cost = strategies[k]
            candidate, roi = rois[r]
            if name.startswith("roi_wide_"):
                x0, y0, x1, y1 = candidate.box(gray.shape, WIDE_MARGIN)
                roi = gray[y0:y1, x0:x1]
            applies = APPLIES.get(name)
            if applies is not None and not applies(candidate, roi):
                if advances:
                    self._cursor = (k + 1) % n
                continue
            scale = size_factor(roi)
            # live, with a measured clock, the nominal cost is a mean: allow for a region that costs more
            # (a single image has no frame rate to keep up with)
            predicted = cost * scale * (COST_MARGIN if not (self.nominal_budget or still) else 1.0)
            if done > 0 and not (r > 0 and not still) and self._elapsed(start) + predicted > budget_ms:
                break
            if advances:
                self._cursor = (k + 1) % n
            label = name
            result.tried.append(label)
            self._spent_ms += cost * scale
            for raw in fn(roi, candidate.angle_deg):
                result.reads.append(Read(raw.text, label, raw.engine, candidate))
            if result.reads:
                return

    def _full_fallbacks(self, gray: np.ndarray, result: FrameResult, start: float, budget_ms: float) -> None:
        for name, fn, cost in FULL_STRATEGIES:
            if "zbar" in name and not self.use_zbar:
                continue
            scale = gray.size / 250_000
            if self._elapsed(start) + cost * scale > budget_ms:
                break
            result.tried.append(name)
            self._spent_ms += cost * scale
            for raw in fn(gray, 0.0):
                result.reads.append(Read(raw.text, name, raw.engine, None))
            if result.reads:
                return
