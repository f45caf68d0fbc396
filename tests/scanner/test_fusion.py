"""Multi-frame fusion: alignment of shifted frames, and its use in live mode for small codes."""

from __future__ import annotations

import itertools

import cv2
import numpy as np

from kiosk.scanner.decoder import PhoneScreenDecoder, to_gray
from kiosk.scanner.fusion import FrameFusion
from kiosk.scanner.synthetic import approach_frames, render, scene_params, synthetic_bhyt_payload
from tests.scanner.conftest import StepClock


def test_fusion_aligns_a_moved_frame_and_averages_noise() -> None:
    payload = synthetic_bhyt_payload(5)
    clean = to_gray(render(scene_params("clean", 3.0, 5), payload)).astype(np.float32)
    rng = np.random.default_rng(1)
    shift = np.array([[1, 0, 2.5], [0, 1, -1.5]], np.float32)  # the phone moved 2.5 px right, 1.5 up
    previous = cv2.warpAffine(clean, shift, (1280, 720), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    noisy_now = np.clip(clean + rng.normal(0, 12, clean.shape), 0, 255).astype(np.uint8)
    noisy_prev = np.clip(previous + rng.normal(0, 12, clean.shape), 0, 255).astype(np.uint8)
    fusion = FrameFusion()
    box = (520, 240, 760, 480)
    assert fusion.fused(noisy_now, box) is None  # nothing to fuse with yet
    fusion.push(noisy_prev)
    fused = fusion.fused(noisy_now, box)
    assert fused is not None and fused.shape == (240, 240)
    truth = clean[240:480, 520:760]
    err_single = np.abs(noisy_now[240:480, 520:760].astype(np.float32) - truth).mean()
    err_fused = np.abs(fused.astype(np.float32) - truth).mean()
    assert err_fused < 0.8 * err_single  # aligned averaging removed noise (misalignment would add error)


def test_fusion_ignores_unrelated_frames() -> None:
    fusion = FrameFusion()
    rng = np.random.default_rng(2)
    fusion.push(rng.integers(0, 255, (720, 1280), dtype=np.uint8))
    now = to_gray(render(scene_params("clean", 3.0, 6), synthetic_bhyt_payload(6)))
    assert fusion.fused(now, (520, 240, 760, 480)) is None


def test_live_decoder_uses_fusion_on_an_approaching_small_code() -> None:
    frames, payload = approach_frames(200, "glare")
    decoder = PhoneScreenDecoder(clock=StepClock(4.0))  # fake CPU clock: the same strategies on any machine
    tried: list[str] = []
    for frame in frames:
        result = decoder.decode(frame)
        tried += result.tried
        if result.texts:
            assert result.texts == [payload]
            break
    assert any(t.startswith("fused_") for t in tried)


def test_clip_glare_moves_smoothly() -> None:
    """A reflected lamp moves with the phone: consecutive clip frames have the highlight in nearly the same place."""
    frames, _ = approach_frames(201, "glare")
    centres = []
    for _, frame in zip(range(3), frames, strict=False):
        ys, xs = np.nonzero(to_gray(frame) >= 250)
        assert len(xs) > 20
        centres.append(np.array([xs.mean(), ys.mean()]))
    assert all(float(np.linalg.norm(b - a)) < 4.0 for a, b in itertools.pairwise(centres))
