"""`kiosk decode --json FILE...` contract and `kiosk bench decode` registration."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.cli import build_parser, main
from kiosk.scanner.synthetic import empty_frame, render, scene_params

from .conftest import qr_image


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    code = main(["decode", "--json", *args])
    lines = capsys.readouterr().out.splitlines()
    return code, [json.loads(line) for line in lines]


def test_decode_images_json_lines(tmp_path: Path, payload: str, frame_clean: np.ndarray,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    phone = tmp_path / "phone.png"
    printed = tmp_path / "printed.jpg"
    empty = tmp_path / "empty.png"
    cv2.imwrite(str(phone), frame_clean)
    cv2.imwrite(str(printed), qr_image("Xin chào, mã thử nghiệm"))
    cv2.imwrite(str(empty), empty_frame(1))
    code, rows = run_json(capsys, str(phone), str(printed), str(empty))
    assert code == 0
    assert [r["file"] for r in rows] == [str(phone), str(printed), str(empty)]
    assert rows[0]["texts"] == [payload]
    assert rows[1]["texts"] == ["Xin chào, mã thử nghiệm"]  # a still image: any QR text is reported
    assert rows[2]["texts"] == []
    for r in rows:
        assert r["frame"] == 0
        assert isinstance(r["ms"], float) and r["ms"] >= 0
        assert set(r) == {"file", "frame", "texts", "ms"}


def test_decode_video_one_line_per_frame(tmp_path: Path, payload: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clip.mp4"
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 30, (1280, 720))
    out.write(empty_frame(0))
    for i in range(3):
        out.write(render(scene_params("clean", 3.0, 60 + i), payload))
    other = cv2.resize(qr_image("NOT-A-CARD-12345"), (400, 400))
    for _ in range(2):
        frame = empty_frame(2)
        frame[100:500, 400:800] = other
        out.write(frame)
    out.release()
    code, rows = run_json(capsys, str(path))
    assert code == 0
    assert [r["frame"] for r in rows] == list(range(6))
    assert rows[0]["texts"] == []
    assert all(r["texts"] == [payload] for r in rows[1:4])
    # other content is reported only once it was read in two frames (live-pipeline plausibility)
    assert rows[4]["texts"] == [] and rows[5]["texts"] == ["NOT-A-CARD-12345"]


def test_decode_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG broken")
    vid = tmp_path / "bad.mp4"
    vid.write_bytes(b"nothing")
    code, rows = run_json(capsys, str(tmp_path / "missing.png"), str(bad), str(vid), str(tmp_path))
    assert code == 1
    assert [r["error"]["code"] for r in rows] == ["not_found", "unreadable", "unreadable", "not_a_file"]


def test_decode_plain_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.png"
    cv2.imwrite(str(path), qr_image("PLAIN-OUTPUT-TEST"))
    assert main(["decode", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}#0: PLAIN-OUTPUT-TEST"


def test_bench_decode_is_registered() -> None:
    args = build_parser().parse_args(["bench", "decode", "--quick"])
    assert args.quick is True
    assert callable(args.handler)
