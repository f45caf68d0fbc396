"""Grid rectification: read a code that zxing-cpp *located* but whose modules it sampled wrongly.

zxing-cpp samples a located code on a grid set up by one projective transform (three finder patterns and
an alignment pattern). When the code is not flat (a bowed card, a printed code on cloth), the lens bends
it (barrel distortion) or the corners were found half a module off (a small, blurred code), the grid
drifts off the modules somewhere in the symbol and Reed–Solomon gets more wrong codewords than it can
correct: the result is a located code with a checksum error. Here (``docs/decoder-evaluation.md`` §6):

1. the located quadrilateral and version give a first grid (a homography from module coordinates);
2. the region is resampled through that grid onto a square image, ``PX`` pixels per module;
3. the modules are read (mean of each module's centre), binarised, the function patterns (finders,
   separators, timing, alignment) overwritten with what they must be, and an ideal image drawn;
4. around each point of a coarse control lattice, a patch of the ideal image is matched against the
   resampled image (normalised cross-correlation, sub-pixel peak): the offset is how far the grid is off
   there; the offsets, limited and smoothed, become a displacement field added to the module
   coordinates before the homography;
5. steps 2–4 are repeated a few times; after each, the resampled image and clean redraws of its modules
   (a few thresholds) are handed to zxing-cpp. A wrong grid fails the format and Reed–Solomon checks; it
   does not give a wrong text.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
import zxingcpp

#: Pixels per module of the resampled (rectified) code.
PX = 5
#: Light modules drawn around the rectified code (zxing-cpp needs a quiet zone).
QUIET = 3
#: Spacing (modules) of the control lattice the grid's displacement is measured on.
LATTICE_MODULES = 6.0
#: The registration stages: (half-side of the patches matched around each control point, largest offset
#: searched, match only the known pixels), in modules. The first stage matches only the function
#: patterns and the quiet zone, which are right however far off the grid is, over wide patches and a
#: wide search: a grid more than half a module off is pulled within reach of the later stages, which
#: match whole patches (data modules included) ever more locally. (Chosen on kiosk.scanner.handheld's
#: tuning seeds.)
STAGES: tuple[tuple[float, float, bool], ...] = ((7.0, 1.5, True), (5.0, 1.0, False), (4.0, 0.6, False),
                                                 (3.5, 0.4, False))
#: A known-pixels patch must be at least this share function pattern or quiet zone.
MIN_KNOWN = 0.15
#: Patches with a correlation peak below this are not trusted (their offset comes from the neighbours).
MIN_PEAK = 0.35
#: Thresholds tried on the module means, as offsets from their midpoint (fractions of the dark–light range).
THRESHOLDS: tuple[float, ...] = (0.0, -0.12, 0.12)
#: Rounds of fitting and re-deciding in the equaliser.
EQUALISER_ROUNDS = 4

_QR: Any = zxingcpp.BarcodeFormat.QRCode  # (the stubs want BarcodeFormats; one format works)
Point = tuple[float, float]


def alignment_centres(version: int) -> list[int]:
    """Row/column coordinates of the alignment patterns' centres (ISO/IEC 18004 Annex E)."""
    if version < 2:
        return []
    count = version // 7 + 2
    size = 17 + 4 * version
    step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
    return [6, *sorted(size - 7 - i * step for i in range(count - 1))]


def function_patterns(version: int) -> tuple[np.ndarray, np.ndarray]:
    """(mask, value) over the N×N modules: which modules are fixed, and their colour (1 = dark)."""
    n = 17 + 4 * version
    mask = np.zeros((n, n), bool)
    value = np.zeros((n, n), np.uint8)
    finder = np.zeros((7, 7), np.uint8)
    finder[[0, 6], :] = 1
    finder[:, [0, 6]] = 1
    finder[2:5, 2:5] = 1
    for r, c in ((0, 0), (0, n - 7), (n - 7, 0)):
        value[r:r + 7, c:c + 7] = finder
    # the finders with their light separators
    mask[:8, :8] = True
    mask[:8, n - 8:] = True
    mask[n - 8:, :8] = True
    timing = (np.arange(n) % 2 == 0).astype(np.uint8)
    mask[6, 8:n - 8] = True
    value[6, 8:n - 8] = timing[8:n - 8]
    mask[8:n - 8, 6] = True
    value[8:n - 8, 6] = timing[8:n - 8]
    centres = alignment_centres(version)
    pattern = np.ones((5, 5), np.uint8)
    pattern[1:4, 1:4] = 0
    pattern[2, 2] = 1
    for r in centres:
        for c in centres:
            if mask[r, c]:
                continue  # overlaps a finder
            mask[r - 2:r + 3, c - 2:c + 3] = True
            value[r - 2:r + 3, c - 2:c + 3] = pattern
    return mask, value


class Grid:
    """Module coordinates → image coordinates: a homography after a smooth displacement field."""

    def __init__(self, quad: list[Point], version: int) -> None:
        self.n = 17 + 4 * version
        src = np.array([[0, 0], [self.n, 0], [self.n, self.n], [0, self.n]], np.float32)
        self.h = cv2.getPerspectiveTransform(src, np.array(quad, np.float32))
        # control lattice over the symbol, about LATTICE_MODULES apart
        self.lattice = np.linspace(0.0, float(self.n), max(3, round(self.n / LATTICE_MODULES)) + 1)
        k = len(self.lattice)
        self.field = np.zeros((k, k, 2), np.float32)

    def _field_at(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """The displacement at (u, v), bilinear between lattice points (constant outside the symbol)."""
        lat = self.lattice
        step = lat[1] - lat[0]
        fu = np.clip((u - lat[0]) / step, 0, len(lat) - 1.001)
        fv = np.clip((v - lat[0]) / step, 0, len(lat) - 1.001)
        iu, iv = fu.astype(int), fv.astype(int)
        au, av = (fu - iu)[..., None], (fv - iv)[..., None]
        f = self.field
        return ((1 - av) * ((1 - au) * f[iv, iu] + au * f[iv, iu + 1])
                + av * ((1 - au) * f[iv + 1, iu] + au * f[iv + 1, iu + 1]))

    def resample(self, gray: np.ndarray) -> np.ndarray:
        """The code and QUIET modules around it, PX pixels per module, through the current grid."""
        # the mapping is smooth: compute it at module centres, interpolate it to pixels (cv2.resize
        # with factor PX puts source sample j at destination pixel centre (j + 0.5) * PX - 0.5)
        m = self.n + 2 * QUIET
        centres = np.arange(m, dtype=np.float32) + 0.5 - QUIET
        u, v = np.meshgrid(centres, centres)
        shifted = np.stack([u, v], axis=-1) + self._field_at(u, v)
        xy = cv2.perspectiveTransform(shifted.reshape(-1, 1, 2).astype(np.float32), self.h).reshape(m, m, 2)
        side = m * PX
        full = cv2.resize(xy, (side, side), interpolation=cv2.INTER_LINEAR)
        return cv2.remap(gray, full[..., 0], full[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def module_means(rect: np.ndarray, n: int) -> np.ndarray:
    """Mean of the central 3×3 pixels of every module of a rectified image."""
    inner = rect[QUIET * PX:(QUIET + n) * PX, QUIET * PX:(QUIET + n) * PX].astype(np.float32)
    blocks = inner.reshape(n, PX, n, PX)
    lo, hi = (PX - 3) // 2, (PX - 3) // 2 + 3
    return blocks[:, lo:hi, :, lo:hi].mean(axis=(1, 3))


def draw(modules: np.ndarray) -> np.ndarray:
    """A clean image of N×N modules (1 = dark) with a quiet zone, PX pixels per module."""
    n = modules.shape[0]
    canvas = np.full((n + 2 * QUIET, n + 2 * QUIET), 255, np.uint8)
    canvas[QUIET:QUIET + n, QUIET:QUIET + n] = np.where(modules > 0, 0, 255)
    return cv2.resize(canvas, None, fx=PX, fy=PX, interpolation=cv2.INTER_NEAREST)


def binarised(means: np.ndarray, mask: np.ndarray, value: np.ndarray, offset: float) -> np.ndarray:
    """Module colours (1 = dark) from their means: a threshold midway between the function patterns'
    dark and light modules, following the local level (a glare halo, vignetting), moved by ``offset``
    (a fraction of the dark–light range); the function patterns keep their fixed colours."""
    dark = means[mask & (value == 1)]
    light = means[mask & (value == 0)]
    if dark.size == 0 or light.size == 0:
        lo, hi = float(means.min()), float(means.max())
    else:
        lo, hi = float(np.median(dark)), float(np.median(light))
    # local midpoint: the illumination varies over a code (glare halo, vignetting)
    local = cv2.GaussianBlur(means, (0, 0), max(3.0, means.shape[0] / 6))
    mid = 0.5 * (local + (lo + hi) / 2) + offset * (hi - lo)
    bits = (means < mid).astype(np.uint8)
    bits[mask] = value[mask]
    return bits


def _offsets(rect: np.ndarray, ideal: np.ndarray, grid: Grid, radius: float, search: float,
             known: np.ndarray | None = None) -> None:
    """Match patches of ``ideal`` in ``rect`` around each control point; add the offsets to the field.

    ``known``: match only these pixels (1) of the ideal image: the function patterns and the quiet
    zone, which are right however far off the grid is (the data modules of a grid more than half a
    module off are sampled from the neighbouring modules, so an ideal drawn from them is shifted too).
    """
    r_px = round(radius * PX)
    s_px = max(1, round(search * PX))
    k = len(grid.lattice)
    found = np.full((k, k, 2), np.nan, np.float32)
    side = rect.shape[0]
    for j, v in enumerate(grid.lattice):
        for i, u in enumerate(grid.lattice):
            cx, cy = round((u + QUIET) * PX), round((v + QUIET) * PX)
            x0, x1 = max(cx - r_px, s_px), min(cx + r_px, side - s_px)
            y0, y1 = max(cy - r_px, s_px), min(cy + r_px, side - s_px)
            if x1 - x0 < 2 * PX or y1 - y0 < 2 * PX:
                continue
            template = ideal[y0:y1, x0:x1]
            window = rect[y0 - s_px:y1 + s_px, x0 - s_px:x1 + s_px]
            if known is None:
                if float(template.std()) < 20:
                    continue  # a uniform patch (quiet zone) says nothing about the position
                score = cv2.matchTemplate(window, template, cv2.TM_CCOEFF_NORMED)
            else:
                weights = known[y0:y1, x0:x1]
                if float(weights.mean()) < MIN_KNOWN or float(template[weights > 0].std()) < 20:
                    continue
                score = cv2.matchTemplate(window, template, cv2.TM_CCOEFF_NORMED, mask=weights)
                score = np.nan_to_num(score, nan=-1.0, posinf=-1.0, neginf=-1.0)
            _, peak, _, (px, py) = cv2.minMaxLoc(score)
            if peak < MIN_PEAK:
                continue
            dx, dy = float(px), float(py)
            if 0 < px < score.shape[1] - 1:
                a, b, c = score[py, px - 1], score[py, px], score[py, px + 1]
                dx += 0.5 * (a - c) / (a - 2 * b + c) if a - 2 * b + c < 0 else 0.0
            if 0 < py < score.shape[0] - 1:
                a, b, c = score[py - 1, px], score[py, px], score[py + 1, px]
                dy += 0.5 * (a - c) / (a - 2 * b + c) if a - 2 * b + c < 0 else 0.0
            found[j, i] = ((dx - s_px) / PX, (dy - s_px) / PX)
    valid = ~np.isnan(found[..., 0])
    if valid.sum() < 4:
        return
    # fill the untrusted points from the trusted ones (nearest), then smooth lightly
    filled = found.copy()
    ys, xs = np.nonzero(valid)
    for j in range(k):
        for i in range(k):
            if not valid[j, i]:
                nearest = np.argmin((ys - j) ** 2 + (xs - i) ** 2)
                filled[j, i] = found[ys[nearest], xs[nearest]]
    smooth = cv2.GaussianBlur(filled, (3, 3), 0.7, borderType=cv2.BORDER_REPLICATE)
    grid.field += np.clip(smooth, -search, search)


def _neighbours(bits: np.ndarray) -> list[np.ndarray]:
    """The 3×3 neighbourhood of every module as nine shifted copies (outside the symbol: light, 0)."""
    n = bits.shape[0]
    padded = np.pad(bits.astype(np.float32), 1)
    return [padded[1 + di:1 + di + n, 1 + dj:1 + dj + n] for di in (-1, 0, 1) for dj in (-1, 0, 1)]


def _design(bits: np.ndarray, background: list[np.ndarray]) -> np.ndarray:
    return np.stack([c.ravel() for c in (*_neighbours(bits), *background)], axis=1)


def equalised(means: np.ndarray, bits: np.ndarray, mask: np.ndarray, value: np.ndarray,
              rounds: int = EQUALISER_ROUNDS) -> np.ndarray:
    """Module colours corrected for what the neighbours leak into each module's mean.

    At 1.5–2 px per module a blurred module's mean is as much its neighbours' as its own (motion,
    defocus, the lens, demosaicing): a threshold then misreads modules surrounded by the other colour.
    Model every mean as a background (a quadratic surface: vignetting, a glare halo) plus a weighted sum
    of the 3×3 modules around it; fit the weights by least squares to the current colours (the function
    patterns are known exactly, the data modules are the threshold's guess), then choose each module's
    colour as the one whose predicted mean is nearer its measured mean, given its neighbours' colours
    (half the modules at a time, in a checkerboard, so neighbours are never changed together). Repeat.
    This is decision-directed channel estimation and interference cancellation (docs §6).
    """
    n = means.shape[0]
    m = means.ravel().astype(np.float32)
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) / n - 0.5
    background = [np.ones((n, n), np.float32), xx, yy, xx * yy, xx * xx, yy * yy]
    board = (np.add.outer(np.arange(n), np.arange(n)) % 2).astype(bool)
    b = bits.astype(np.float32)
    for _ in range(rounds):
        design = _design(b, background)
        # least squares through the normal equations: 15 unknowns, thousands of modules (numpy's SVD-based
        # lstsq cost 4 ms a call here, this 0.1 ms); a tiny ridge keeps a singular system solvable
        gram = design.T @ design + 1e-3 * np.eye(design.shape[1], dtype=np.float32)
        weights = np.linalg.solve(gram, design.T @ m)
        own = float(weights[4])  # the module's own colour (dark = 1) must lower its mean
        if own >= 0:
            break
        for half in (board, ~board):
            predicted = _design(b, background) @ weights
            without = predicted - own * b.ravel()  # the mean if this module were light
            dark = (np.abs(m - without - own) < np.abs(m - without)).reshape(n, n)
            b = np.where(half, dark, b)
            b[mask] = value[mask]
    return b.astype(np.uint8)


def _read(image: np.ndarray, pure: bool) -> list[str]:
    found = zxingcpp.read_barcodes(image, formats=_QR, is_pure=pure, try_rotate=False, try_downscale=False,
                                   try_invert=False, text_mode=zxingcpp.TextMode.Plain)
    return [b.text for b in found if b.valid]


def _decoded(rect: np.ndarray, means: np.ndarray, mask: np.ndarray, value: np.ndarray) -> list[str]:
    """zxing-cpp on the rectified image, then on clean redraws of its modules: a few thresholds, then
    the equalised colours."""
    texts = _read(rect, pure=False)
    for offset in THRESHOLDS:
        if texts:
            return texts
        texts = _read(draw(binarised(means, mask, value, offset)), pure=True)
    if texts:
        return texts
    return _read(draw(equalised(means, binarised(means, mask, value, 0.0), mask, value)), pure=True)


def rectified_reads(gray: np.ndarray, quad: list[Point], version: int) -> list[str]:
    """Texts read from the located code ``quad`` (outer corners, in zxing-cpp's order: top-left,
    top-right, bottom-right, bottom-left) of ``version``, registering its grid stage by stage."""
    if not 1 <= version <= 40:
        return []
    grid = Grid(quad, version)
    mask, value = function_patterns(version)
    known = cv2.resize(np.pad(mask, QUIET, constant_values=True).astype(np.uint8), None, fx=PX, fy=PX,
                       interpolation=cv2.INTER_NEAREST)
    rect = grid.resample(gray)
    means = module_means(rect, grid.n)
    # light-on-dark (dark mode): the finders' rings tell
    inverted = float(means[mask & (value == 1)].mean()) > float(means[mask & (value == 0)].mean())
    for stage in (None, *STAGES):
        if stage is not None:
            radius, search, known_only = stage
            ideal = draw(binarised(means, mask, value, 0.0))
            _offsets(rect, ideal, grid, radius, search, known if known_only else None)
            rect = grid.resample(gray)
            means = module_means(rect, grid.n)
        if inverted:
            rect, means = 255 - rect, 255 - means
        texts = _decoded(rect, means, mask, value)
        if texts:
            return texts
    return []
