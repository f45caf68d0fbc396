"""Multi-frame fusion for codes too small to read in one frame (live mode only).

A phone held toward the camera moves a little between frames; sensor noise, JPEG artefacts and a
glare spot that wanders over the screen differ from frame to frame, the code does not. Averaging the
same region of the last few frames, each aligned to the current one (OpenCV's ECC image alignment,
affine), removes much of that and lets a 1.3–1.4 px/module code decode a few frames earlier. Frames
whose alignment fails or correlates poorly are left out, so a moving scene degrades to the plain
single-frame result, never to a wrong one (the QR checksum and the scan gate still apply).
"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

#: Previous frames kept for fusion.
HISTORY = 2
#: Alignments whose ECC correlation is below this are not used.
MIN_CORRELATION = 0.85


class FrameFusion:
    def __init__(self, history: int = HISTORY) -> None:
        self._frames: deque[np.ndarray] = deque(maxlen=history)

    def clear(self) -> None:
        self._frames.clear()

    def push(self, gray: np.ndarray) -> None:
        """Remember this frame (call after using it)."""
        if self._frames and self._frames[-1].shape != gray.shape:
            self._frames.clear()
        self._frames.append(gray)

    def __len__(self) -> int:
        return len(self._frames)

    def fused(self, gray: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray | None:
        """The region ``box`` of ``gray`` averaged with the aligned same region of earlier frames.

        Returns None when no earlier frame could be aligned.
        """
        x0, y0, x1, y1 = box
        template = gray[y0:y1, x0:x1].astype(np.float32)
        if template.shape[0] < 24 or template.shape[1] < 24:
            return None
        acc = template.copy()
        used = 1
        criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 25, 1e-3)
        pad = max(4, (x1 - x0) // 8)
        for prev in self._frames:
            if prev.shape != gray.shape:
                continue
            # a slightly larger window of the previous frame, so motion does not push the code out
            px0, py0 = max(0, x0 - pad), max(0, y0 - pad)
            px1, py1 = min(gray.shape[1], x1 + pad), min(gray.shape[0], y1 + pad)
            source = prev[py0:py1, px0:px1].astype(np.float32)
            warp = np.array([[1, 0, x0 - px0], [0, 1, y0 - py0]], np.float32)
            try:
                corr, found = cv2.findTransformECC(  # type: ignore[call-overload]  # (stubs: no None mask)
                    template, source, warp, cv2.MOTION_AFFINE, criteria, None, 3)
            except cv2.error:
                continue  # did not converge
            if corr < MIN_CORRELATION:
                continue
            aligned = cv2.warpAffine(source, found, (x1 - x0, y1 - y0),
                                     flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                     borderMode=cv2.BORDER_REPLICATE)
            acc += aligned
            used += 1
        if used == 1:
            return None
        return np.clip(acc / used, 0, 255).astype(np.uint8)
