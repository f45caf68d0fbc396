from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scanner.synthetic import render, scene_params, synthetic_bhyt_payload


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
