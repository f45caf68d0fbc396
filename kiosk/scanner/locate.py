"""Finding where a QR code probably is, even when no decoder could read it.

Two sources of candidates: positions that zxing-cpp reports for codes it found but could not decode
(``return_errors=True``), and a cheap texture detector for codes too small or too degraded for any
finder-pattern search. A QR code is a square patch with dense edges in *both* directions; text
lines (horizontal edges only) and phone bezels (one edge direction) score low.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True, slots=True)
class Candidate:
    """A region that looks like a QR code, in full-frame pixel coordinates."""

    cx: float
    cy: float
    size: float  # side of the square around the code, px
    angle_deg: float = 0.0  # in-plane rotation of the code (0 when unknown)
    version: int | None = None  # QR version when a decoder saw the format information
    source: str = "texture"  # "zxing" (located by the decoder) or "texture"

    @property
    def module_px(self) -> float | None:
        """Estimated pixels per module (needs the version; else assumes a dense BHYT code, v11)."""
        modules = 17 + 4 * (self.version if self.version else 11)
        return self.size / modules

    def box(self, shape: tuple[int, ...], margin: float = 0.18) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) around the code plus a quiet-zone margin, clipped to the frame."""
        half = self.size * (0.5 + margin) + 4
        h, w = shape[:2]
        x0, y0 = int(max(0, self.cx - half)), int(max(0, self.cy - half))
        x1, y1 = int(min(w, self.cx + half)), int(min(h, self.cy + half))
        return x0, y0, x1, y1


def from_quad(points: list[tuple[float, float]], version: int | None) -> Candidate:
    """A candidate from a decoder's four corner points."""
    pts = np.array(points, np.float32)
    cx, cy = pts.mean(axis=0)
    sides = [float(np.linalg.norm(pts[i] - pts[(i + 1) % 4])) for i in range(4)]
    dx, dy = pts[1] - pts[0]
    return Candidate(float(cx), float(cy), max(sides), math.degrees(math.atan2(float(dy), float(dx))),
                     version, "zxing")


def texture_candidates(gray: np.ndarray, max_candidates: int = 2) -> list[Candidate]:
    """Square patches with dense two-directional edges, best first (about 2 ms on 1280×720)."""
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    gx = cv2.convertScaleAbs(cv2.Sobel(small, cv2.CV_16S, 1, 0, ksize=3))
    gy = cv2.convertScaleAbs(cv2.Sobel(small, cv2.CV_16S, 0, 1, ksize=3))
    score = cv2.min(cv2.blur(gx, (9, 9)), cv2.blur(gy, (9, 9)))
    peak = float(score.max())
    if peak < 8:
        return []
    _, mask = cv2.threshold(score, max(8.0, 0.35 * peak), 255, cv2.THRESH_BINARY)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    found: list[tuple[float, Candidate]] = []
    for contour in contours:
        area = cv2.contourArea(contour)
        if area < 18 * 18:
            continue
        (cx, cy), (w, h), angle = cv2.minAreaRect(contour)
        if min(w, h) < 1 or max(w, h) / min(w, h) > 2.0:
            continue
        x, y, bw, bh = cv2.boundingRect(contour)
        strength = float(score[y : y + bh, x : x + bw].mean())
        found.append((strength * math.sqrt(area), Candidate(cx * 2, cy * 2, max(w, h) * 2, float(angle))))
    found.sort(key=lambda item: -item[0])
    return [c for _, c in found[:max_candidates]]


#: refine(): blur window (px, full resolution) of the edge-density map, and the share of its peak kept.
REFINE_WINDOW = 7
REFINE_LEVEL = 0.5


def refine(gray: np.ndarray, candidate: Candidate) -> Candidate:
    """A tighter square around the code inside a texture candidate.

    The texture detector works at half resolution with a wide window: a small code merges with the
    text lines and the phone's edges next to it, so its box can be two or three times the code's size
    and the upscaling strategies (capped at ``strategies.MAX_SIDE``) then cannot enlarge the code
    enough. At full resolution, with a window of a few modules and a higher threshold, the code's
    own two-directional texture stands out: keep the strongest blob's rotated rectangle.
    """
    if candidate.source != "texture":
        return candidate
    x0, y0, x1, y1 = candidate.box(gray.shape, margin=0.1)
    roi = gray[y0:y1, x0:x1]
    if min(roi.shape[:2]) < 32:
        return candidate
    gx = cv2.convertScaleAbs(cv2.Sobel(roi, cv2.CV_16S, 1, 0, ksize=3))
    gy = cv2.convertScaleAbs(cv2.Sobel(roi, cv2.CV_16S, 0, 1, ksize=3))
    k = (REFINE_WINDOW, REFINE_WINDOW)
    score = cv2.min(cv2.blur(gx, k), cv2.blur(gy, k))
    score = cv2.blur(score, k)
    peak = float(score.max())
    if peak < 8:
        return candidate
    _, mask = cv2.threshold(score, REFINE_LEVEL * peak, 255, cv2.THRESH_BINARY)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return candidate
    contour = max(contours, key=cv2.contourArea)
    (cx, cy), (w, h), angle = cv2.minAreaRect(contour)
    side = max(w, h) + REFINE_WINDOW  # the window's half-width lost at each edge by the threshold
    if side < 24 or min(w, h) < 0.5 * max(w, h) or side >= candidate.size:
        return candidate
    return Candidate(cx + x0, cy + y0, side, float(angle), candidate.version, "texture")


def merge_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Merge partial detections of one code (zxing often reports pieces) into their union box."""
    merged: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: -c.size):
        for i, m in enumerate(merged):
            if abs(c.cx - m.cx) < (c.size + m.size) / 2 and abs(c.cy - m.cy) < (c.size + m.size) / 2:
                x0 = min(c.cx - c.size / 2, m.cx - m.size / 2)
                x1 = max(c.cx + c.size / 2, m.cx + m.size / 2)
                y0 = min(c.cy - c.size / 2, m.cy - m.size / 2)
                y1 = max(c.cy + c.size / 2, m.cy + m.size / 2)
                merged[i] = Candidate((x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0), m.angle_deg,
                                      m.version or c.version, m.source)
                break
        else:
            merged.append(c)
    return merged
