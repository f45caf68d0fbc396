"""Capture hints: what the user should change, derived from what the decoder sees.

Hints are enum codes; the UI translates them. They are only computed for a region that looks like a
code but could not be read in this frame.
"""

from __future__ import annotations

import enum

import cv2
import numpy as np

from kiosk.scanner.locate import Candidate


class CaptureHint(enum.StrEnum):
    MOVE_CLOSER = "move_closer"  # the code is too small in the image
    REDUCE_GLARE = "reduce_glare"  # a saturated patch over the code: tilt the phone / lower brightness
    HOLD_STILL = "hold_still"  # the code is smeared (motion blur)
    INCREASE_BRIGHTNESS = "increase_brightness"  # the code has very little contrast


#: A code with fewer pixels per module than this is hard to read: ask the user to come closer.
MIN_MODULE_PX = 2.2
#: Fraction of saturated pixels in the code region that counts as glare.
GLARE_FRACTION = 0.02
#: Above this gradient anisotropy (0 = edges in all directions, 1 = one direction only) the code is
#: smeared in one direction: motion blur. A QR code has edges in both directions; steep tilt alone
#: stays below ~0.2 on the synthetic suite.
MOTION_ANISOTROPY = 0.2
#: Below this spread between dark and light modules (grey levels) the screen is too dim.
MIN_CONTRAST = 35.0


def hints_for(gray: np.ndarray, candidate: Candidate) -> list[CaptureHint]:
    """Hints for an unread candidate region, most important first.

    A code too small comes first: coming closer is what helps most, and a small code on a bright
    screen also shows saturated white modules that would otherwise read as glare."""
    x0, y0, x1, y1 = candidate.box(gray.shape, margin=0.0)
    roi = gray[y0:y1, x0:x1]
    if roi.size < 64:
        return []
    hints: list[CaptureHint] = []
    h, w = roi.shape[:2]
    core = roi[h // 10 : h - h // 10, w // 10 : w - w // 10]  # the code itself, not the surroundings
    module = candidate.module_px
    if module is not None and module < MIN_MODULE_PX:
        hints.append(CaptureHint.MOVE_CLOSER)
    saturated = float(np.count_nonzero(core >= 252)) / max(1, core.size)
    if saturated >= GLARE_FRACTION:
        hints.append(CaptureHint.REDUCE_GLARE)
    lo, hi = np.percentile(roi, (5, 95))
    contrast = float(hi - lo)
    if contrast < MIN_CONTRAST:
        hints.append(CaptureHint.INCREASE_BRIGHTNESS)
    elif anisotropy(roi) > MOTION_ANISOTROPY:
        hints.append(CaptureHint.HOLD_STILL)
    return hints


def anisotropy(roi: np.ndarray) -> float:
    """(λ1 − λ2) / (λ1 + λ2) of the gradient structure tensor over the region."""
    f = roi.astype(np.float32)
    gx = cv2.Sobel(f, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(f, cv2.CV_32F, 0, 1)
    jxx, jyy, jxy = float((gx * gx).mean()), float((gy * gy).mean()), float((gx * gy).mean())
    trace = jxx + jyy
    if trace <= 1e-6:
        return 0.0
    disc = max(0.0, (jxx - jyy) ** 2 / 4 + jxy**2) ** 0.5
    return 2 * disc / trace
