from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scanner.decoder import PhoneScreenDecoder
from kiosk.scanner.synthetic import render, scene_params, synthetic_bhyt_payload


class StepClock:
    """A fake CPU clock for the decoder: every reading advances it by ``step_ms``.

    The decoder reads its clock at the start of a frame and once before each further strategy, so
    with this clock the number of strategies that fit a budget depends only on the code path, never on
    the machine's speed. ``step_ms=0`` is a frozen clock: the whole cascade always fits.
    """

    def __init__(self, step_ms: float = 0.0) -> None:
        self.step_s = step_ms / 1000.0
        self.now = 0.0

    def __call__(self) -> float:
        self.now += self.step_s
        return self.now


def frozen_decoder(**kwargs: object) -> PhoneScreenDecoder:
    """A decoder whose budget never runs out (frozen clock): what it reads does not depend on CPU speed."""
    return PhoneScreenDecoder(clock=StepClock(0.0), **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def payload() -> str:
    return synthetic_bhyt_payload(7)


@pytest.fixture(scope="session")
def frame_clean(payload: str) -> np.ndarray:
    return render(scene_params("clean", 3.0, 7), payload)


def qr_image(text: str, scale: int = 4) -> np.ndarray:
    """A plain printed-style QR image (white border) as BGR."""
    from kiosk.scanner.synthetic import qr_matrix

    m = qr_matrix(text)
    img = np.where(m, 0, 255).astype(np.uint8)
    img = np.pad(img, 4, constant_values=255)
    img = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
    return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
