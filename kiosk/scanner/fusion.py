"""Multi-frame fusion for codes too small to read in one frame (live mode only).

A phone held toward the camera moves a little between frames; sensor noise, JPEG artefacts and a
glare spot that wanders over the screen differ from frame to frame, the code does not. Averaging the
same region of the last few frames, each aligned to the current one, removes much of that and lets a
1.3–1.4 px/module code decode a few frames earlier.

Alignment: each frame is aligned once, to the frame before it (OpenCV's ECC image alignment, affine,
on a high-passed region so that a glare spot — a smooth, bright, moving blob — does not pull the
alignment), and the links are chained: the current region is mapped into frame ``k`` frames back by
composing ``k`` links. Consecutive frames differ least, so one ECC per frame is cheaper and more
robust than aligning every old frame to the current one. A failed or poorly correlated link breaks
the chain: a moving scene degrades to the plain single-frame result, never to a wrong one (the QR
checksum and the scan gate still apply).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import cv2
import numpy as np

#: Previous frames kept for fusion (the fused region averages up to HISTORY + 1 frames).
HISTORY = 2
#: Links whose ECC correlation (on the high-passed regions) is below this are not used.
MIN_CORRELATION = 0.6
#: High-pass sigma (px) applied before alignment: removes glare and illumination gradients.
HIGHPASS_SIGMA = 3.0
#: Regions larger than this (side, px) are not fused: large codes do not need it, and ECC cost grows.
MAX_BOX = 260


def _highpass(image: np.ndarray) -> np.ndarray:
    f = image.astype(np.float32)
    return f - cv2.GaussianBlur(f, (0, 0), HIGHPASS_SIGMA)


def _translation(dx: float, dy: float) -> np.ndarray:
    return np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], np.float64)


class FrameFusion:
    def __init__(self, history: int = HISTORY) -> None:
        # (frame, link): link maps full-frame points of this frame into the frame before it
        # (3×3 affine), or None when the chain starts here.
        self._frames: deque[tuple[np.ndarray, np.ndarray | None]] = deque(maxlen=history)
        self._pending: np.ndarray | None = None

    def clear(self) -> None:
        self._frames.clear()
        self._pending = None

    def push(self, gray: np.ndarray) -> None:
        """Remember this frame (call after using it), linked to the previous one if fused() aligned it."""
        if self._frames and self._frames[-1][0].shape != gray.shape:
            self._frames.clear()
        if self._pending is None:
            self._frames.clear()
        self._frames.append((gray, self._pending))
        self._pending = None

    def __len__(self) -> int:
        return len(self._frames)

    def _link(self, gray: np.ndarray, prev: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray | None:
        """Affine map (3×3) from points of ``gray`` to points of ``prev`` around ``box``, or None."""
        x0, y0, x1, y1 = box
        pad = max(4, (x1 - x0) // 8)
        px0, py0 = max(0, x0 - pad), max(0, y0 - pad)
        px1, py1 = min(gray.shape[1], x1 + pad), min(gray.shape[0], y1 + pad)
        template = _highpass(gray[y0:y1, x0:x1])
        source = _highpass(prev[py0:py1, px0:px1])
        previous_motion = self._frames[-1][1] if self._frames else None

        def guesses() -> Iterator[np.ndarray]:
            if previous_motion is not None:
                yield previous_motion  # the phone keeps moving the same way
            # a larger jump: the translation found by phase correlation (ECC converges within ~1 module)
            (dx, dy), _ = cv2.phaseCorrelate(template, _highpass(prev[y0:y1, x0:x1]))
            yield _translation(dx, dy)

        criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 20, 1e-3)
        for guess in guesses():
            warp = (_translation(-px0, -py0) @ guess @ _translation(x0, y0))[:2].astype(np.float32)
            try:
                corr, found = cv2.findTransformECC(  # type: ignore[call-overload]  # (stubs: no None mask)
                    template, source, warp, cv2.MOTION_AFFINE, criteria, None, 3)
            except cv2.error:
                continue  # did not converge
            if corr >= MIN_CORRELATION:
                local = np.vstack([found.astype(np.float64), [0, 0, 1]])
                return _translation(px0, py0) @ local @ _translation(-x0, -y0)
        return None

    def fused(self, gray: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray | None:
        """The region ``box`` of ``gray`` averaged with the aligned same region of earlier frames.

        Returns None when no earlier frame could be aligned.
        """
        x0, y0, x1, y1 = box
        self._pending = None
        if not self._frames or self._frames[-1][0].shape != gray.shape:
            return None
        if not (24 <= x1 - x0 <= MAX_BOX and 24 <= y1 - y0 <= MAX_BOX):
            return None
        link = self._link(gray, self._frames[-1][0], box)
        if link is None:
            return None
        self._pending = link
        acc = gray[y0:y1, x0:x1].astype(np.float32)
        used = 1
        chain = link @ _translation(x0, y0)  # ROI coordinates -> full-frame coordinates of that frame
        for frame, back in reversed(self._frames):
            aligned = cv2.warpAffine(frame, chain[:2], (x1 - x0, y1 - y0),
                                     flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                     borderMode=cv2.BORDER_REPLICATE)
            acc += aligned
            used += 1
            if back is None:
                break
            chain = back @ chain
        return np.clip(acc / used, 0, 255).astype(np.uint8)
