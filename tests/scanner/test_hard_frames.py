"""The hard-frame techniques (finder completion, deblurring) and the independent scene generator."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
import zxingcpp

from kiosk.scanner import handheld
from kiosk.scanner.deblur import blur_direction, line_kernel
from kiosk.scanner.finders import find_finders, third_finder_places
from kiosk.scanner.strategies import _deblur_up2, _finder_completion
from tests.scanner.conftest import frozen_decoder, qr_image

TEXT = "0123456789|Nguyễn Thị Ánh|01011990|Nữ|Xóm Đông, xã Yên Phú|01012021"


def _gray_code(scale: int = 4, border: int = 40) -> np.ndarray:
    img = cv2.cvtColor(qr_image(TEXT, scale), cv2.COLOR_BGR2GRAY)
    return cv2.copyMakeBorder(img, border, border, border, border, cv2.BORDER_CONSTANT, value=255)


def _zxing(img: np.ndarray) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode)]


# -- the independent generator -----------------------------------------------------------------------

def test_handheld_frames_are_deterministic_and_720p() -> None:
    a, payload = handheld.render("mixed", 2.0, 1)
    b, again = handheld.render("mixed", 2.0, 1)
    assert a.shape == (720, 1280, 3) and payload == again
    assert np.array_equal(a, b)


def test_handheld_seed_splits_are_disjoint() -> None:
    assert not set(handheld.TUNING_SEEDS) & set(handheld.HELDOUT_SEEDS)


def test_handheld_clean_large_code_is_a_valid_code() -> None:
    frame, payload = handheld.render("clean", 4.0, 0)
    assert _zxing(frame) == [payload]


def test_handheld_finder_glare_blows_out_a_finder() -> None:
    """The finder_glare condition saturates the sensor at one of the three finder patterns."""
    for seed in handheld.TUNING_SEEDS:
        frame, _payload = handheld.render("finder_glare", 3.0, seed)
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        assert np.count_nonzero(gray >= 250) > 50
        assert _zxing(frame) == []  # no finder, no read: the condition does what it says


def test_handheld_payloads_alternate_cccd_and_bhyt() -> None:
    assert handheld.payload_for(1).count("|") == 6  # CCCD: 7 fields, UTF-8
    assert handheld.payload_for(2).endswith("$")  # BHYT-like


def test_unknown_condition_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown condition"):
        handheld.scene("fog", 2.0, 0)


# -- finder completion -------------------------------------------------------------------------------

def test_finders_found_on_a_clean_code() -> None:
    img = _gray_code()
    binary = cv2.adaptiveThreshold(img, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 33, 8)
    assert len(find_finders(binary)) == 3


def test_third_finder_place_is_among_the_candidates() -> None:
    from kiosk.scanner.finders import Finder

    p, q = Finder(10, 10, 4, 0), Finder(110, 10, 4, 0)  # top-left and top-right
    places = third_finder_places(p, q)
    assert len(places) == 6
    assert min(math.hypot(x - 10, y - 110) for x, y in places) < 1e-6  # bottom-left


@pytest.mark.parametrize("corner", [0, 1, 2])
def test_completion_reads_a_code_with_one_finder_blown_out(corner: int) -> None:
    img = _gray_code()
    n = (img.shape[0] - 2 * 40) // 4 - 8  # modules (qr_image has a 4-module quiet zone)
    centres = ((3.5, 3.5), (n - 3.5, 3.5), (3.5, n - 3.5))
    cx, cy = (40 + (4 + c) * 4 for c in centres[corner])
    cv2.circle(img, (int(cx), int(cy)), 22, 255, -1)  # a saturated spot over the whole finder
    assert _zxing(img) == []
    reads = _finder_completion(img, 0.0)
    assert [r.text for r in reads] == [TEXT]


def test_completion_gives_nothing_without_two_finders() -> None:
    rng = np.random.default_rng(3)
    noise = rng.integers(0, 255, (200, 200), dtype=np.uint8)
    assert _finder_completion(noise, 0.0) == []


# -- deblurring --------------------------------------------------------------------------------------

def test_blur_direction_is_estimated() -> None:
    img = _gray_code(scale=3)
    smeared = cv2.filter2D(img, -1, line_kernel(7.0, 30.0))
    angle, ratio = blur_direction(smeared)
    assert ratio > 1.4
    assert abs(((angle - 30.0) + 90) % 180 - 90) < 12
    assert blur_direction(img)[1] < 1.3  # a sharp code has edges both ways


def test_deblurring_reads_a_smeared_code() -> None:
    img = _gray_code(scale=2, border=20)
    smeared = cv2.filter2D(img, -1, line_kernel(3.0, 120.0), borderType=cv2.BORDER_REPLICATE)
    smeared = cv2.GaussianBlur(smeared, (0, 0), 0.5)
    assert _zxing(smeared) == []
    assert [r.text for r in _deblur_up2(smeared, 0.0)] == [TEXT]


def test_decoder_reads_finder_glare_frame() -> None:
    """Through the whole decoder (frozen clock: all strategies): a finder-glare tuning frame."""
    frame, payload = handheld.render("finder_glare", 4.0, 0)
    result = frozen_decoder().decode_still(frame)
    assert result.texts == [payload]
    assert result.reads[0].strategy == "roi_wide_finder_completion"


# -- tighter regions and global thresholds (issue 17, second round) ----------------------------------

def test_refine_tightens_a_texture_region_around_the_code() -> None:
    """A 1.5 px/module code next to the phone's text lines (a tuning seed of the independent generator):
    the text lines make a second texture region, merged with the code's into one too large for the
    upscaling strategies; the refined one is the code."""
    from kiosk.scanner.locate import merge_overlapping, refine, texture_candidates
    from kiosk.scanner.strategies import _up4_fixed

    frame, payload = handheld.render("clean", 1.5, 2)
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    loose = merge_overlapping(texture_candidates(gray))[0]  # as the decoder merges them
    tight = refine(gray, loose)
    assert tight.size < 0.75 * loose.size
    x0, y0, x1, y1 = tight.box(gray.shape)
    assert [r.text for r in _up4_fixed(gray[y0:y1, x0:x1], tight.angle_deg)] == [payload]  # all of it inside


def test_refine_leaves_zxing_located_regions_alone() -> None:
    from kiosk.scanner.locate import Candidate, refine

    frame = np.full((720, 1280), 128, np.uint8)
    located = Candidate(500.0, 340.0, 200.0, 0.0, 5, "zxing")
    assert refine(frame, located) is located


def test_global_threshold_strategy_reads_a_blurred_small_code() -> None:
    from kiosk.scanner.strategies import _target_otsu

    # 2 px/module, smeared along x over 3 px: thin modules fade into their light neighbours
    gray = _gray_code(scale=2, border=30)
    blurred = cv2.filter2D(gray, -1, line_kernel(3.0, 0.0))
    assert _target_otsu(blurred, 0.0)[0].text == TEXT
