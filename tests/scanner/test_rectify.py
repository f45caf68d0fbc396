"""Grid rectification and equalisation (kiosk/scanner/rectify.py) on codes built here, bent and blurred
in known ways: what zxing-cpp alone cannot read, the rectified grid reads, and a wrong grid reads nothing."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
import zxingcpp

from kiosk.scanner import rectify
from kiosk.scanner.decoder import PhoneScreenDecoder
from kiosk.scanner.handheld import modules_of
from kiosk.scanner.strategies import barcode_quad, barcode_version, zxing_read
from tests.scanner.conftest import StepClock

PAYLOAD = "0123456789|NGUYEN VAN A|01/01/1990|1|BENH VIEN DA KHOA|79 - 001|01/01/2026|31/12/2026|$"


def _modules(version_hint: str = PAYLOAD, ec: str = "M") -> np.ndarray:
    return modules_of(version_hint, ec)


def _image(modules: np.ndarray, px: int, quiet: int = 4) -> np.ndarray:
    img = np.where(np.pad(modules, quiet), 0, 255).astype(np.uint8)
    return cv2.resize(img, None, fx=px, fy=px, interpolation=cv2.INTER_NEAREST)


def _zxing_texts(image: np.ndarray) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def _bent(image: np.ndarray, amplitude: float, period: float) -> np.ndarray:
    """A print on cloth: both axes displaced by slow waves (``amplitude`` px)."""
    h, w = image.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    map_x = xs + amplitude * np.sin(2 * math.pi * ys / period)
    map_y = ys + amplitude * np.sin(2 * math.pi * xs / (period * 1.3) + 1.0)
    return cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)


@pytest.mark.parametrize(("version", "centres"), [
    (1, []), (2, [6, 18]), (7, [6, 22, 38]), (14, [6, 26, 46, 66]),
    (32, [6, 34, 60, 86, 112, 138]), (40, [6, 30, 58, 86, 114, 142, 170]),
])
def test_alignment_centres_are_the_standard_table(version: int, centres: list[int]) -> None:
    assert rectify.alignment_centres(version) == centres


@pytest.mark.parametrize("payload", ["short", PAYLOAD, PAYLOAD * 3])
def test_function_patterns_agree_with_a_real_code(payload: str) -> None:
    modules = modules_of(payload, "M").astype(np.uint8)
    version = (modules.shape[0] - 17) // 4
    mask, value = rectify.function_patterns(version)
    assert mask.shape == modules.shape
    assert np.array_equal(value[mask], modules[mask])
    assert mask.sum() > 3 * 64  # three finders with separators at least


def test_a_bent_code_zxing_cannot_read_is_read_on_its_rectified_grid() -> None:
    modules = _modules()
    image = _bent(_image(modules, 6), amplitude=2.0, period=140.0)
    assert PAYLOAD not in _zxing_texts(image)  # the premise: the grid of one homography drifts off
    located = [(barcode_quad(b), barcode_version(b)) for b in zxing_read(image, errors=True)
               if not b.valid and barcode_version(b)]
    assert located, "zxing-cpp should still locate the code"
    texts = [t for quad, version in located for t in rectify.rectified_reads(image, quad, version or 0)]
    assert texts == [PAYLOAD] or set(texts) == {PAYLOAD}


def test_the_decoder_reads_a_bent_print_through_roi_rectify() -> None:
    image = cv2.cvtColor(_bent(_image(_modules(), 6), amplitude=2.0, period=140.0), cv2.COLOR_GRAY2BGR)
    result = PhoneScreenDecoder(clock=StepClock(0.0)).decode_still(image)
    assert result.texts == [PAYLOAD]
    assert result.reads[0].strategy == "roi_rectify"


def test_a_dark_mode_code_is_rectified_in_its_own_polarity() -> None:
    modules = _modules()
    image = 255 - _bent(_image(modules, 6), amplitude=2.0, period=140.0)  # light modules on a dark page
    n = modules.shape[0]
    assert PAYLOAD not in _zxing_texts(image)
    q = 4 * 6.0
    quad = [(q + x * 6.0, q + y * 6.0) for x, y in ((0, 0), (n, 0), (n, n), (0, n))]
    assert rectify.rectified_reads(image, quad, (n - 17) // 4) == [PAYLOAD]


def test_a_wrong_grid_never_gives_a_wrong_text() -> None:
    modules = _modules()
    image = _image(modules, 5)
    n = modules.shape[0]
    version = (n - 17) // 4
    q = 4 * 5  # quiet zone in px
    shifted = [(q + x * 5 + 3 * 5.0, q + y * 5 + 2 * 5.0) for x, y in ((0, 0), (n, 0), (n, n), (0, n))]
    # registration may pull a grid three modules off back onto the code; it never reads anything else
    assert set(rectify.rectified_reads(image, shifted, version)) <= {PAYLOAD}
    assert set(rectify.rectified_reads(image, shifted, version + 1)) <= {PAYLOAD}
    assert set(rectify.rectified_reads(image, shifted, version - 1)) <= {PAYLOAD}
    noise = np.random.default_rng(5).integers(0, 256, image.shape).astype(np.uint8)
    assert rectify.rectified_reads(noise, shifted, version) == []


def test_the_exact_grid_reads_the_code_and_a_half_module_error_is_registered_away() -> None:
    modules = _modules()
    image = _image(modules, 5)
    n = modules.shape[0]
    version = (n - 17) // 4
    q = 20.0
    exact = [(q + x * 5.0, q + y * 5.0) for x, y in ((0, 0), (n, 0), (n, n), (0, n))]
    assert rectify.rectified_reads(image, exact, version) == [PAYLOAD]
    # the far corner 2 modules off: the first grid samples the wrong modules there
    off = [*exact[:2], (exact[2][0] + 10.0, exact[2][1] - 8.0), exact[3]]
    assert rectify.rectified_reads(image, off, version) == [PAYLOAD]


def _blurred_small(modules: np.ndarray, module_px: float, sigma_modules: float) -> tuple[np.ndarray, list]:
    """The code at ``module_px`` px per module (area-sampled from 8 px), Gaussian-blurred, with noise."""
    big = _image(modules, 8).astype(np.float32)
    big = cv2.GaussianBlur(big, (0, 0), sigma_modules * 8)
    factor = module_px / 8
    small = cv2.resize(big, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    rng = np.random.default_rng(3)
    small = np.clip(small + rng.normal(0, 3, small.shape), 0, 255).astype(np.uint8)
    n = modules.shape[0]
    q = 4 * module_px
    quad = [(q + x * module_px, q + y * module_px) for x, y in ((0, 0), (n, 0), (n, n), (0, n))]
    return small, quad


def test_the_equaliser_undoes_what_neighbours_leak_into_blurred_modules() -> None:
    modules = _modules(ec="Q")
    n = modules.shape[0]
    version = (n - 17) // 4
    image, quad = _blurred_small(modules, 1.7, 0.55)
    grid = rectify.Grid(quad, version)
    mask, value = rectify.function_patterns(version)
    means = rectify.module_means(grid.resample(image), n)
    thresholded = rectify.binarised(means, mask, value, 0.0)
    equalised = rectify.equalised(means, thresholded, mask, value)
    truth = modules.astype(np.uint8)
    before = float((thresholded != truth)[~mask].mean())
    after = float((equalised != truth)[~mask].mean())
    assert before > 0.04  # a threshold misreads thin modules between the other colour
    assert after < before / 3


def test_a_blurred_small_code_is_read_with_equalisation_but_not_by_zxing() -> None:
    modules = _modules(ec="Q")
    n = modules.shape[0]
    image, quad = _blurred_small(modules, 1.7, 0.55)
    up = cv2.resize(image, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
    assert PAYLOAD not in _zxing_texts(up)
    assert rectify.rectified_reads(image, quad, (n - 17) // 4) == [PAYLOAD]
