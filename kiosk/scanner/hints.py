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
#: Below this edge sharpness (mean |Laplacian| over contrast) the code is smeared.
BLUR_SHARPNESS = 0.22
#: Below this spread between dark and light modules (grey levels) the screen is too dim.
MIN_CONTRAST = 35.0


def hints_for(gray: np.ndarray, candidate: Candidate) -> list[CaptureHint]:
    """Hints for an unread candidate region, most important first."""
    x0, y0, x1, y1 = candidate.box(gray.shape, margin=0.0)
    roi = gray[y0:y1, x0:x1]
    if roi.size < 64:
        return []
    hints: list[CaptureHint] = []
    h, w = roi.shape[:2]
    core = roi[h // 10 : h - h // 10, w // 10 : w - w // 10]  # the code itself, not the surroundings
    saturated = float(np.count_nonzero(core >= 252)) / max(1, core.size)
    if saturated >= GLARE_FRACTION:
        hints.append(CaptureHint.REDUCE_GLARE)
    module = candidate.module_px
    if module is not None and module < MIN_MODULE_PX:
        hints.append(CaptureHint.MOVE_CLOSER)
    lo, hi = np.percentile(roi, (5, 95))
    contrast = float(hi - lo)
    if contrast < MIN_CONTRAST:
        hints.append(CaptureHint.INCREASE_BRIGHTNESS)
    elif module is None or module >= 1.8:
        lap = cv2.Laplacian(roi, cv2.CV_32F, ksize=3)
        sharpness = float(np.mean(np.abs(lap))) / contrast
        if sharpness < BLUR_SHARPNESS:
            hints.append(CaptureHint.HOLD_STILL)
    return hints
