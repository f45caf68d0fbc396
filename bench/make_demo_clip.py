"""Make ``resources/demo/vssid-demo.mp4``: a phone showing a VssID-style BHYT QR, seen by a webcam.

    .venv/bin/python -m bench.make_demo_clip [--out PATH]

Deterministic (same bytes for the same OpenCV build): 2/3 s of background, the phone brought toward
the camera (module size 1.6 → 3.2 px) with a little glare, then held (slight sway) for 1.5 s, then
taken away: 116 frames, 1280×720, 30 fps, mp4v (the pip OpenCV has no H.264 encoder), under 2 MB.
The payload is invented (``DEMO_PAYLOAD``: hex-encoded invented name, invented numbers);
the UI uses the clip as the camera in demo mode.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import replace
from pathlib import Path

import cv2

from kiosk.scanner.synthetic import FRAME_H, FRAME_W, empty_frame, render, scene_params

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "demo" / "vssid-demo.mp4"
FPS = 30
DEMO_SEED = 1


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


#: The demo patient (invented): a 2018-template card registered at the default facility 01999, open-ended,
#: and listed in resources/demo/cards.csv so the demo shows a valid card end to end.
DEMO_PAYLOAD = "|".join([
    "DN4010100000099", _hex("Lê Thị Thu Hà"), "08/03/1990", "2", _hex("Số 9 ngõ Mẫu, phường Thử Nghiệm, Hà Nội"),
    "01 - 999", "01/01/2025", "-", "15/12/2024", "01010100000099", "-", "4", " 01/01/2030",
    "8a1f0c2a9b7d3c41-7102", "$"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    payload = DEMO_PAYLOAD
    # no sensor noise: per-frame noise would make the clip several MB; JPEG artefacts and blur remain
    base = replace(scene_params("clean", 2.0, DEMO_SEED), glare=90.0, glare_size=0.25, offset=(40.0, 10.0),
                   noise_sigma=0.0, background_seed=DEMO_SEED,
                   roll_deg=-4.0, yaw_deg=6.0, pitch_deg=-5.0)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    writer = cv2.VideoWriter(str(args.out), cv2.VideoWriter.fourcc(*"mp4v"), FPS, (FRAME_W, FRAME_H))
    if not writer.isOpened():
        raise SystemExit(f"cannot write {args.out}")
    frames = 0
    for i in range(20):  # empty scene (2/3 s)
        writer.write(empty_frame(i, background_seed=DEMO_SEED, noise_sigma=0.0))
        frames += 1
    approach, hold, leave = 36, 44, 16
    for i in range(approach + hold + leave):
        if i < approach:
            f = i / (approach - 1)
            size = 1.6 + 1.6 * f
        elif i < approach + hold:
            size = 3.2
        else:
            size = 3.2 - 2.0 * (i - approach - hold) / (leave - 1)
        sway = math.sin(i / 9.0)
        p = replace(base, module_px=size, seed=5000 + i, roll_deg=base.roll_deg + 2 * sway,
                    offset=(base.offset[0] + 25 * sway, base.offset[1] + 8 * math.cos(i / 11.0)))
        writer.write(render(p, payload))
        frames += 1
    writer.release()
    print(f"wrote {args.out} ({frames} frames, {args.out.stat().st_size / 1e6:.2f} MB); payload: {payload}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
