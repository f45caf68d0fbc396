"""The phone-screen decoder on rendered frames: reads, zero wrong reads, hints, live strategy spreading."""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.cards import parse_payload
from kiosk.scanner.decoder import PhoneScreenDecoder
from kiosk.scanner.hints import CaptureHint
from kiosk.scanner.synthetic import (
    empty_frame,
    render,
    scene_params,
    synthetic_bhyt_payload,
)
from tests.scanner.conftest import StepClock, frozen_decoder

# Every decoder here that could run out of budget gets a fake clock (StepClock): which strategies run
# then depends on the code path only, never on how fast this machine is.


def test_synthetic_payloads_are_valid_invented_cards() -> None:
    for seed in range(20):
        card = parse_payload(synthetic_bhyt_payload(seed))
        assert card.kind == "bhyt"
        assert not card.warnings


def test_rendering_is_deterministic(payload: str) -> None:
    a = render(scene_params("mix", 2.0, 3), payload)
    b = render(scene_params("mix", 2.0, 3), payload)
    assert a.shape == (720, 1280, 3)
    assert np.array_equal(a, b)


@pytest.mark.parametrize(
    ("category", "size"),
    [("clean", 3.0), ("glare", 4.0), ("moire", 3.0), ("dark", 3.0), ("dim", 3.0), ("tilt", 3.0),
     ("lowlight", 3.0), ("motion", 3.0)],
)
def test_reads_phone_screen(category: str, size: float, payload: str) -> None:
    frame = render(scene_params(category, size, 7), payload)
    result = frozen_decoder().decode_still(frame)
    assert result.texts == [payload]


def test_reads_small_code_that_raw_zxing_misses() -> None:
    import zxingcpp

    # 1.5 px/module, clean: raw zxing-cpp cannot read it; the ROI cascade can.
    payload = synthetic_bhyt_payload(2)
    frame = render(scene_params("clean", 1.5, 2), payload)
    assert payload not in [b.text for b in zxingcpp.read_barcodes(frame)]
    result = frozen_decoder().decode_still(frame)
    assert result.texts == [payload]
    assert result.reads[0].strategy.startswith("roi_")


def test_no_code_no_read_and_cheap() -> None:
    decoder = frozen_decoder()
    for seed in range(3):
        result = decoder.decode_still(empty_frame(seed))
        assert result.texts == []
        assert result.hints == [] or result.candidates


def test_zero_wrong_reads_on_hard_frames() -> None:
    """Whatever the decoder returns on degraded frames is exactly the payload (or nothing)."""
    decoder = frozen_decoder()
    for category in ("mix", "motion", "lowlight", "glare"):
        for size in (1.5, 2.0):
            payload = synthetic_bhyt_payload(11)
            texts = decoder.decode_still(render(scene_params(category, size, 11), payload)).texts
            assert texts in ([], [payload])


def test_hint_move_closer_for_tiny_code() -> None:
    payload = synthetic_bhyt_payload(3)
    frame = render(scene_params("clean", 1.0, 3), payload)
    result = frozen_decoder().decode_still(frame)
    assert result.texts == []
    assert result.hints[0] is CaptureHint.MOVE_CLOSER  # the first hint, the one the screen shows


def test_hint_glare() -> None:
    payload = synthetic_bhyt_payload(0)
    frame = render(scene_params("glare", 1.5, 0), payload)
    result = frozen_decoder().decode_still(frame)
    assert result.texts == []  # this seed's saturated core is unreadable
    assert CaptureHint.REDUCE_GLARE in result.hints


def test_live_mode_spreads_strategies_over_frames() -> None:
    payload = synthetic_bhyt_payload(0)
    frame = render(scene_params("mix", 2.0, 0), payload)  # unreadable; module ~2.3 px
    decoder = PhoneScreenDecoder(budget_ms=0.0, clock=StepClock(0.0))  # no budget: one ROI strategy per frame
    tried: list[str] = []
    for _ in range(4):
        tried += [t for t in decoder.decode(frame).tried if t != "raw"]
    assert len(tried) == 4
    assert len(set(tried)) == 4  # a different strategy each frame, not the same one again


def test_live_mode_small_code_gets_its_strategy_every_frame() -> None:
    from kiosk.scanner.decoder import FUSED_STRATEGY, SMALL_CODE_STRATEGY

    payload = synthetic_bhyt_payload(0)
    frame = render(scene_params("lowlight", 1.5, 0), payload)  # unreadable at 1.5 px
    # Every clock reading costs 4 ms of fake CPU time: a few strategies fit per frame, the same number
    # on any machine.
    decoder = PhoneScreenDecoder(clock=StepClock(4.0))
    per_frame = [decoder.decode(frame).tried[1:] for _ in range(3)]
    assert per_frame[0][0] == SMALL_CODE_STRATEGY  # nothing to fuse with yet
    assert all(t[0] == FUSED_STRATEGY for t in per_frame[1:])  # the same scene again: fused first
    assert all(SMALL_CODE_STRATEGY in t for t in per_frame)  # ... and the small-code strategy every frame
    rest = [name for t in per_frame for name in t if name not in (SMALL_CODE_STRATEGY, FUSED_STRATEGY)]
    assert rest  # the budget left room for the rotation
    assert len(rest) == len(set(rest))  # the other strategies rotate instead of repeating


def test_budget_limits_strategies_per_frame_whatever_the_machine() -> None:
    """With a clock that says each step took 10 ms, an 18 ms budget runs fewer strategies than 40 ms."""
    payload = synthetic_bhyt_payload(0)
    frame = render(scene_params("mix", 2.0, 0), payload)  # unreadable
    tight = PhoneScreenDecoder(budget_ms=18.0, clock=StepClock(10.0)).decode(frame).tried
    loose = PhoneScreenDecoder(budget_ms=40.0, clock=StepClock(10.0)).decode(frame).tried
    assert tight == PhoneScreenDecoder(budget_ms=18.0, clock=StepClock(10.0)).decode(frame).tried
    assert 1 < len(tight) < len(loose)


def test_live_frames_start_a_strategy_only_if_its_cost_with_margin_fits() -> None:
    """Frozen clock (nothing measured is spent): only the predictions decide. Live, a strategy starts if
    COST_MARGIN x its nominal cost fits what is left; a single image takes no margin."""
    from kiosk.scanner import decoder as decoder_module
    from kiosk.scanner.strategies import ROI_STRATEGIES

    payload = synthetic_bhyt_payload(0)
    frame = render(scene_params("mix", 2.0, 0), payload)  # unreadable; module ~2.3 px: plain rotation
    live = PhoneScreenDecoder(budget_ms=1000.0, clock=StepClock(0.0))
    first = live.decode(frame)
    roi_names = [t for t in first.tried if t != "raw"]
    assert len(roi_names) == len(ROI_STRATEGIES)  # a budget that cannot run out: the whole rotation
    # a budget with room for the second strategy at its nominal cost, but not at 1.5 times it
    costs = {name: cost for name, _, cost in ROI_STRATEGIES}
    candidate = first.candidates[0]
    x0, y0, x1, y1 = candidate.box(frame.shape)
    factor = decoder_module.size_factor(frame[y0:y1, x0:x1])
    first_cost, second = (costs[name] * factor for name in roi_names[:2])
    # frozen measured clock: nothing counts as spent, so room for the second strategy at its nominal
    # cost but not at COST_MARGIN times it
    budget = second * (1 + decoder_module.COST_MARGIN) / 2
    live_tried = PhoneScreenDecoder(budget_ms=budget, clock=StepClock(0.0)).decode(frame).tried
    assert [t for t in live_tried if t != "raw"] == roi_names[:1]  # the first always runs; not the second
    assert roi_names[1] in PhoneScreenDecoder(budget_ms=budget, clock=StepClock(0.0)).decode_still(frame).tried
    # nominal costs are the clock itself (whole-frame pass included): exact, no margin
    exact = decoder_module.BASE_COST_MS + first_cost + second + 0.01
    nominal = PhoneScreenDecoder(budget_ms=exact, nominal_budget=True).decode(frame).tried
    assert [t for t in nominal if t != "raw"] == roi_names[:2]


def test_inverted_dark_mode_code(payload: str) -> None:
    frame = render(scene_params("dark", 2.5, 1), payload)
    assert frozen_decoder().decode_still(frame).texts == [payload]


def test_cached_4x_image_is_exactly_the_fresh_one() -> None:
    import cv2

    from kiosk.scanner import strategies

    rng = np.random.default_rng(4)
    a = rng.integers(0, 255, (120, 130), dtype=np.uint8)
    b = a.copy()
    b[10:20, 10:20] = 0  # same shape, other pixels: must not be served from a's cache
    for roi in (a, a, b, a):
        for amount in (1.5, 2.5):
            fresh = strategies._unsharp(strategies._scale(roi, 4.0, cv2.INTER_LANCZOS4), amount, 2.5)
            assert np.array_equal(strategies._up4_sharp(roi, amount), fresh)
