"""``kiosk decode`` (QR codes in images and videos) and ``kiosk bench decode``.

``kiosk decode --json FILE...`` prints one JSON line per image, or per frame of a video::

    {"file": "<path as given>", "frame": 0, "texts": ["<payload>", ...], "ms": 3.1}

``ms`` is the wall-clock decode time of that image/frame, file reading excluded. Images are decoded
as single stills; a video's frames go through the live camera pipeline in order (strategies spread
across frames), and a text that is not a card payload is only reported once it was read in two frames
(as the live scanner would). A file that cannot be read gives
``{"file": ..., "error": {"code": ..., "message": ...}}`` and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from kiosk.scanner.sources import IMAGE_SUFFIXES


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("decode", help="decode QR codes in image and video files")
    p.add_argument("files", nargs="+", metavar="FILE", help="images (png, jpg, …) or videos (mp4, avi, …)")
    p.add_argument("--json", action="store_true", help="one JSON object per image / video frame")
    p.set_defaults(handler=_decode)

    bench = _bench_parser(subparsers)
    b = bench.add_parser("decode", help="decoder benchmark: project vs raw zxing-cpp vs raw pyzbar")
    b.add_argument("--quick", action="store_true", help="short run for CI (seconds)")
    b.add_argument("--json-out", metavar="PATH", help="also write the JSON report to PATH")
    b.add_argument("--workers", type=int, default=2, help="processes rendering synthetic frames")
    b.add_argument("--suites", default="blackbox,synthetic,handheld_tuning,handheld_heldout,clips",
                   help="comma-separated subset of the benchmark's suites (while tuning, leave handheld_heldout out)")
    b.set_defaults(handler=_bench_decode)


def _bench_parser(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The ``bench`` command's own subparsers (shared with other areas that add benchmarks)."""
    existing = subparsers.choices.get("bench")
    if existing is not None:
        for action in existing._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
    parser = subparsers.add_parser("bench", help="benchmarks")
    return parser.add_subparsers(dest="bench_command", metavar="BENCHMARK", required=True)


def _emit(args: argparse.Namespace, obj: dict[str, Any]) -> None:
    if args.json:
        print(json.dumps(obj, ensure_ascii=False), flush=True)
    elif "error" in obj:
        print(f"{obj['file']}: {obj['error']['message']}", file=sys.stderr)
    else:
        for text in obj["texts"]:
            print(f"{obj['file']}#{obj['frame']}: {text}")


def _decode(args: argparse.Namespace) -> int:
    from pathlib import Path

    import cv2

    from kiosk.scanner.decoder import PhoneScreenDecoder

    status = 0
    decoder = PhoneScreenDecoder()
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            problem = ("not_a_file", "a folder, not a file") if path.is_dir() else ("not_found", "no such file")
            _emit(args, {"file": name, "error": {"code": problem[0], "message": problem[1]}})
            status = 1
            continue
        if path.suffix.lower() in IMAGE_SUFFIXES:
            image = cv2.imread(name, cv2.IMREAD_COLOR)
            if image is None:
                _emit(args, {"file": name, "error": {"code": "unreadable",
                                                      "message": "not an image OpenCV can read"}})
                status = 1
                continue
            t0 = time.perf_counter()
            result = decoder.decode_still(image)
            ms = (time.perf_counter() - t0) * 1000
            _emit(args, {"file": name, "frame": 0, "texts": result.texts, "ms": round(ms, 2)})
        elif not _decode_video(args, name):
            status = 1
    return status


def _decode_video(args: argparse.Namespace, name: str) -> bool:
    import cv2

    from kiosk.scanner.decoder import PhoneScreenDecoder
    from kiosk.scanner.gate import try_parse

    capture = cv2.VideoCapture(name)
    if not capture.isOpened():
        _emit(args, {"file": name, "error": {"code": "unreadable", "message": "not a video OpenCV can read"}})
        return False
    decoder = PhoneScreenDecoder()
    seen: dict[str, int] = {}  # non-card text -> last frame it was read in
    frame_no = 0
    try:
        while True:
            ok, frame = capture.read()
            if not ok or frame is None:
                break
            t0 = time.perf_counter()
            result = decoder.decode(frame)
            texts = []
            for text in result.texts:
                card, _ = try_parse(text)
                last = seen.get(text)
                seen[text] = frame_no
                if card is not None or (last is not None and frame_no - last <= 5):
                    texts.append(text)
            ms = (time.perf_counter() - t0) * 1000
            _emit(args, {"file": name, "frame": frame_no, "texts": texts, "ms": round(ms, 2)})
            frame_no += 1
    finally:
        capture.release()
    if frame_no == 0:
        _emit(args, {"file": name, "error": {"code": "no_frames", "message": "the video has no readable frames"}})
        return False
    return True


def _bench_decode(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.scanner.benchmark import format_tables, run

    report = run(quick=args.quick, workers=max(1, args.workers), suites=tuple(args.suites.split(",")))
    print(format_tables(report))
    text = json.dumps(report, ensure_ascii=False)
    print(text)
    if args.json_out:
        Path(args.json_out).write_text(text + "\n", encoding="utf-8")
    return 0
