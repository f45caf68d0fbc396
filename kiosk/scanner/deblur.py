"""Deblurring a located code region: Wiener deconvolution along an estimated motion direction.

A hand moving during the exposure smears every module along one direction: the image's gradients
across that direction survive, those along it are suppressed. The structure tensor of the region
(summed products of the x and y gradients) shows this: its eigenvector with the smaller eigenvalue is
the motion direction, and the ratio of the eigenvalues says how directional the blur is. Length is not
estimated; a few plausible lengths are tried (zxing-cpp's checksums reject a wrong one). An isotropic
blur (defocus) gets a disc-shaped kernel instead. Deconvolution is Wiener filtering in the frequency
domain with a constant noise-to-signal ratio (``docs/decoder-evaluation.md``).

Status: measured (strategy ``roi_deblur_up2``), not in the decoder's orders — it read more motion frames
of the independent generator's tuning seeds but none more of its held-out seeds (see strategies.py).
Measured again in issue 17's second round with more lengths, Wiener + global thresholds and
Richardson–Lucy: at most one more tuning frame after the global-threshold strategies, so still unused
(``docs/decoder-evaluation.md`` §4).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import cv2
import numpy as np

#: Structure-tensor eigenvalue ratio above which the blur is taken as directional (motion).
DIRECTIONAL_RATIO = 1.4
#: Noise-to-signal ratio of the Wiener filter (regularisation: higher = less ringing, less sharpening).
NSR = 0.04


def blur_direction(roi: np.ndarray) -> tuple[float, float]:
    """(direction of the smear in degrees, 0 = along x; eigenvalue ratio ≥ 1) of a grey region."""
    f = roi.astype(np.float32)
    gx = cv2.Sobel(f, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(f, cv2.CV_32F, 0, 1, ksize=3)
    jxx, jyy, jxy = float((gx * gx).sum()), float((gy * gy).sum()), float((gx * gy).sum())
    tr, det = jxx + jyy, jxx * jyy - jxy * jxy
    disc = math.sqrt(max(tr * tr / 4 - det, 0.0))
    big, small = tr / 2 + disc, max(tr / 2 - disc, 1e-6)
    # direction of strongest gradients; the smear is perpendicular to it
    strong = 0.5 * math.atan2(2 * jxy, jxx - jyy)
    return math.degrees(strong) + 90.0, big / small


def line_kernel(length: float, angle_deg: float) -> np.ndarray:
    """A normalised line point-spread function of ``length`` px at ``angle_deg``."""
    k = math.ceil(length) + 2
    k += 1 - k % 2
    psf = np.zeros((k, k), np.float32)
    a = math.radians(angle_deg)
    c = k // 2
    for t in np.linspace(-length / 2, length / 2, max(4, int(length * 6))):
        x, y = c + t * math.cos(a), c + t * math.sin(a)
        x0, y0 = math.floor(x), math.floor(y)
        fx, fy = x - x0, y - y0
        for yy, xx, w in ((y0, x0, (1 - fx) * (1 - fy)), (y0, x0 + 1, fx * (1 - fy)),
                          (y0 + 1, x0, (1 - fx) * fy), (y0 + 1, x0 + 1, fx * fy)):
            if 0 <= yy < k and 0 <= xx < k:
                psf[yy, xx] += w
    return psf / psf.sum()


def disc_kernel(radius: float) -> np.ndarray:
    k = 2 * math.ceil(radius) + 1
    ys, xs = np.mgrid[0:k, 0:k].astype(np.float32) - k // 2
    psf = np.clip(radius + 0.5 - np.sqrt(xs * xs + ys * ys), 0, 1)
    return psf / psf.sum()


def wiener(image: np.ndarray, psf: np.ndarray, nsr: float = NSR) -> np.ndarray:
    """Wiener deconvolution of a grey uint8 image (edges mirrored to limit ringing)."""
    h, w = image.shape[:2]
    pad = max(psf.shape) * 2
    f = cv2.copyMakeBorder(image.astype(np.float32), pad, pad, pad, pad, cv2.BORDER_REFLECT)
    rows, cols = cv2.getOptimalDFTSize(f.shape[0]), cv2.getOptimalDFTSize(f.shape[1])
    f = cv2.copyMakeBorder(f, 0, rows - f.shape[0], 0, cols - f.shape[1], cv2.BORDER_REFLECT)
    kernel = np.zeros((rows, cols), np.float32)
    kh, kw = psf.shape
    kernel[:kh, :kw] = psf
    kernel = np.roll(kernel, (-(kh // 2), -(kw // 2)), axis=(0, 1))  # centre at the origin
    spectrum = np.fft.rfft2(f)
    otf = np.fft.rfft2(kernel)
    restored = np.fft.irfft2(spectrum * np.conj(otf) / (np.abs(otf) ** 2 + nsr), s=(rows, cols))
    out = restored[pad : pad + h, pad : pad + w]
    return np.clip(out, 0, 255).astype(np.uint8)


def deblurred(roi: np.ndarray, lengths: tuple[float, ...] = (3.0, 4.5),
              radii: tuple[float, ...] = (1.2,)) -> Iterator[np.ndarray]:
    """Deconvolved versions of ``roi``: along the estimated smear for each length when the blur is
    directional, else with a disc for each radius."""
    angle, ratio = blur_direction(roi)
    if ratio >= DIRECTIONAL_RATIO:
        for length in lengths:
            yield wiener(roi, line_kernel(length, angle))
    else:
        for radius in radii:
            yield wiener(roi, disc_kernel(radius))
