"""Finder-pattern completion: read a code whose third finder pattern is lost (glare, a finger).

A QR decoder needs all three finder patterns to set up its sampling grid; a saturated highlight on one
of them makes the whole code unreadable although most of its modules are sharp, and Reed–Solomon could
correct the few under the glare (``docs/decoder-evaluation.md``). Here:

1. the region is upscaled to about 5 px per module and binarised locally;
2. finder patterns are found as nested contours (dark ring ⊃ light ring ⊃ dark core, area ratios near
   49 : 25 : 9);
3. with two finders P, Q found, the third lies where a right angle closes the triangle: perpendicular to
   PQ from P or from Q (P, Q adjacent) or from the midpoint (P, Q diagonal), on either side — six places;
4. for each place, a clean finder (with its light separator) is drawn there, oriented and scaled like
   the two found ones, and zxing-cpp decodes the repaired region: it finds three finders, the alignment
   pattern and the perspective itself, and its Reed–Solomon decoding corrects the modules under the
   glare. A wrong place gives no read (the code's checksums reject it), never a wrong text.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

#: Target module size (px) of the upscaled region the finders are searched in.
TARGET_MODULE_PX = 4.0
#: Largest upscaled side (px): bounds the cost.
MAX_SIDE = 720


@dataclass(frozen=True, slots=True)
class Finder:
    x: float
    y: float
    module: float  # estimated module size, px (outer side / 7)
    angle: float  # orientation of the outer square, rad (mod pi/2)


def _square_angle(contour: np.ndarray) -> float:
    (_, _), (_, _), angle = cv2.minAreaRect(contour)
    return math.radians(angle) % (math.pi / 2)


def find_finders(binary: np.ndarray) -> list[Finder]:
    """Finder patterns in a binary image (255 = dark module)."""
    contours, hierarchy = cv2.findContours(binary, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    h = hierarchy[0]
    found: list[Finder] = []
    for i, contour in enumerate(contours):
        hole = h[i][2]
        if hole < 0:
            continue
        core = h[hole][2]
        if core < 0:
            continue
        outer_area = cv2.contourArea(contour)
        hole_area = cv2.contourArea(contours[hole])
        core_area = cv2.contourArea(contours[core])
        if outer_area < 60 or core_area <= 0 or hole_area <= 0:
            continue
        if not (2.5 < outer_area / core_area < 12.0 and 1.2 < outer_area / hole_area < 3.5):
            continue
        (_, _), (w, hgt), _ = cv2.minAreaRect(contour)
        if min(w, hgt) <= 0 or max(w, hgt) / min(w, hgt) > 1.6:
            continue
        if outer_area / (w * hgt) < 0.7:  # a square, not a ring of another shape
            continue
        m = cv2.moments(contours[core])
        if m["m00"] <= 0:
            continue
        found.append(Finder(m["m10"] / m["m00"], m["m01"] / m["m00"], math.sqrt(outer_area) / 7.0,
                            _square_angle(contour)))
    # one finder per place (nested duplicates from thick rings)
    unique: list[Finder] = []
    for f in sorted(found, key=lambda f: -f.module):
        if all(math.hypot(f.x - g.x, f.y - g.y) > 3 * f.module for g in unique):
            unique.append(f)
    return unique


def third_finder_places(p: Finder, q: Finder) -> list[tuple[float, float]]:
    """The six places where the missing finder can be, given two found ones."""
    px, py, qx, qy = p.x, p.y, q.x, q.y
    dx, dy = qx - px, qy - py
    places = []
    for sign in (1.0, -1.0):
        rx, ry = -dy * sign, dx * sign  # PQ turned by ±90°
        places.append((px + rx, py + ry))  # right angle at P
        places.append((qx + rx, qy + ry))  # right angle at Q
        places.append(((px + qx) / 2 + rx / 2, (py + qy) / 2 + ry / 2))  # P, Q diagonal
    return places


def paint_finder(image: np.ndarray, x: float, y: float, module: float, angle: float,
                 dark: int, light: int) -> None:
    """Draw a clean finder (9×9 light separator, 7×7 dark, 5×5 light, 3×3 dark) centred at (x, y)."""
    ux, uy = math.cos(angle) * module, math.sin(angle) * module
    vx, vy = -uy, ux
    for half, colour in ((4.5, light), (3.5, dark), (2.5, light), (1.5, dark)):
        pts = np.array([[x + sx * half * ux + sy * half * vx, y + sx * half * uy + sy * half * vy]
                        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))], np.float32)
        cv2.fillConvexPoly(image, np.round(pts * 16).astype(np.int32), colour, cv2.LINE_AA, 4)


def _code_like(image: np.ndarray, module: float) -> np.ndarray:
    """1 where the image looks like QR modules (strong local contrast) or is blown out (glare), else 0."""
    f = image.astype(np.float32)
    k = max(3, int(2 * module) | 1)
    mean = cv2.blur(f, (k, k))
    std = np.sqrt(np.maximum(cv2.blur(f * f, (k, k)) - mean * mean, 0))
    lo, hi = np.percentile(f[::3, ::3], (5, 95))
    spread = float(hi - lo) or 1.0
    return ((std > 0.2 * spread) | (f >= 250)).astype(np.float32)


def _square_score(code_like: np.ndarray, p: tuple[float, float], q: tuple[float, float],
                  c: tuple[float, float], corner: str,
                  module: float) -> tuple[float, tuple[int, int, int, int]]:
    """Share of code-like pixels inside the code square that finders p, q, c would span, and its box
    (x0, y0, x1, y1, with a 4-module quiet zone; may reach outside the image)."""
    pts = {"p": np.array(p), "q": np.array(q), "c": np.array(c)}
    right = pts[corner]  # the finder at the right angle (top-left of the code)
    a, b = (pts[k] for k in "pqc" if k != corner)
    d = a + b - right
    corners = np.array([right, a, d, b])
    centre = corners.mean(axis=0)
    grow = 3.5 * module * math.sqrt(2)
    corners = np.array([pt + (pt - centre) / (np.linalg.norm(pt - centre) or 1.0) * grow for pt in corners])
    mask = np.zeros(code_like.shape, np.uint8)
    cv2.fillConvexPoly(mask, np.round(corners).astype(np.int32), 1)
    inside = mask.astype(bool)
    area = float(cv2.contourArea(corners.astype(np.float32)))
    lo = np.floor(corners.min(axis=0) - 4 * module).astype(int)
    hi = np.ceil(corners.max(axis=0) + 4 * module).astype(int)
    box = (int(lo[0]), int(lo[1]), int(hi[0]), int(hi[1]))
    if area <= 0:
        return 0.0, box
    # outside the image counts as not code-like
    return float(code_like[inside].sum()) / area, box


def completions(roi: np.ndarray, module_px: float | None, *, places: int = 2,
                offsets: tuple[tuple[int, int], ...] = ((0, 0),)) -> Iterator[np.ndarray]:
    """Versions of ``roi`` (grey) with a missing third finder drawn in, most plausible first (lazily);
    dark modules are dark in them (a dark-mode code comes back inverted), cropped to the code.

    Only when exactly two finder patterns of similar size are found. The ``places`` most plausible
    of the six possible places (by the share of code-like pixels in the code square they imply) are
    tried, each shifted by ``offsets`` (in modules; perspective moves the true place by a module or two).
    """
    m = module_px or 2.0
    factor = min(TARGET_MODULE_PX / max(m, 0.5), MAX_SIDE / max(roi.shape[:2]))
    up = cv2.resize(roi, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC) if factor > 1.05 else roi
    dark_mode = float(np.median(up)) < 100  # light modules on a dark page: look for inverted finders
    for inverted in ((True, False) if dark_mode else (False,)):
        src = 255 - up if inverted else up
        block = int(TARGET_MODULE_PX * 8) | 1
        # C = 8: flat areas (the page, the background, a blown-out spot) stay empty instead of
        # breaking up into thousands of noise contours (contour tracing is the cost here)
        binary = cv2.adaptiveThreshold(src, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 8)
        finders = find_finders(binary)
        if len(finders) != 2:
            continue
        p, q = finders
        if max(p.module, q.module) > 1.6 * min(p.module, q.module):
            continue
        module = (p.module + q.module) / 2
        if math.hypot(q.x - p.x, q.y - p.y) < 12 * module:  # version 1: 14 modules apart, more diagonally
            continue
        code_like = _code_like(src, module)
        along = math.atan2(q.y - p.y, q.x - p.x)
        ranked = []
        for k, (x, y) in enumerate(third_finder_places(p, q)):
            corner = ("p", "q", "c")[k % 3]
            score, box = _square_score(code_like, (p.x, p.y), (q.x, q.y), (x, y), corner, module)
            ranked.append((score, k, x, y, box))
        ranked.sort(reverse=True)
        dark, light = (int(v) for v in np.percentile(src[::3, ::3], (5, 95)))
        pad = math.ceil(12 * module)  # room for a finder drawn at the region's edge, and its quiet zone
        padded = cv2.copyMakeBorder(src, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=light)
        for i, j in offsets:
            for _, k, x, y, (bx0, by0, bx1, by1) in ranked[:places]:
                angle = along + (math.pi / 4 if k % 3 == 2 else 0.0)  # diagonal: the grid is at 45° to PQ
                ux, uy = math.cos(angle) * module, math.sin(angle) * module
                repaired = padded.copy()
                paint_finder(repaired, x + pad + i * ux - j * uy, y + pad + i * uy + j * ux, module, angle,
                             dark, light)
                # only the code square (+ quiet zone): zxing's time grows with the area
                yield repaired[max(0, by0 + pad):by1 + pad, max(0, bx0 + pad):bx1 + pad]
        return
