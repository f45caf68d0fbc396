"""Frame sources: video file, image folder, camera index/path, stream URL, reconnection with backoff."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.scanner.gate import Scan
from kiosk.scanner.pipeline import CameraWorker, LivePipeline
from kiosk.scanner.sources import (
    ImageFolderSource,
    OpenCvSource,
    ReconnectingSource,
    SourceError,
    SourceState,
    is_live,
    open_source,
)
from kiosk.scanner.synthetic import empty_frame, render, scene_params


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory, payload: str) -> Path:
    path = tmp_path_factory.mktemp("video") / "scan.avi"
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (1280, 720))
    assert out.isOpened()
    for i in range(3):
        out.write(empty_frame(i))
    for i in range(5):
        out.write(render(scene_params("clean", 3.0, 40 + i), payload))
    out.release()
    return path


def test_video_file_source(video: Path) -> None:
    source = open_source(str(video))
    frames = []
    while (frame := source.read()) is not None:
        frames.append(frame)
    assert len(frames) == 8
    assert frames[0].shape == (720, 1280, 3) and frames[0].dtype == np.uint8
    assert source.ended
    source.close()


def test_image_folder_source_skips_unreadable(tmp_path: Path, frame_clean: np.ndarray) -> None:
    cv2.imwrite(str(tmp_path / "b.png"), frame_clean)
    cv2.imwrite(str(tmp_path / "a.jpg"), frame_clean)
    (tmp_path / "c.png").write_bytes(b"not a png")
    (tmp_path / "notes.txt").write_text("ignored")
    source = open_source(str(tmp_path))
    assert isinstance(source, ImageFolderSource)
    assert source.read() is not None and source.read() is not None
    assert source.read() is None and source.ended
    assert [p.name for p in source.skipped] == ["c.png"]


def test_missing_things_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        open_source(str(tmp_path / "nope.mp4"))
    with pytest.raises(SourceError, match="no camera source"):
        open_source("  ")
    with pytest.raises(SourceError, match="cannot open camera"):
        open_source("7")  # no camera on this machine
    with pytest.raises(SourceError, match="cannot open camera"):
        open_source("/dev/video99")


def test_live_specs() -> None:
    assert is_live("0") and is_live("/dev/video0") and is_live("rtsp://10.0.0.5/stream")
    assert not is_live("clip.mp4") and not is_live("/data/frames")


def test_reconnecting_source_reports_states_and_backs_off(video: Path) -> None:
    """A camera that vanishes (here: a file that runs out, then is missing) is reopened with backoff."""
    clock = [0.0]
    attempts: list[float] = []
    available = [False]

    def opener() -> OpenCvSource:
        attempts.append(clock[0])
        if not available[0]:
            raise SourceError("camera unplugged")
        return OpenCvSource(str(video), live=True)

    states: list[SourceState] = []
    src = ReconnectingSource(opener, on_state=lambda s, d: states.append(s), initial_backoff_s=1.0,
                             max_backoff_s=4.0, lost_after=2, clock=lambda: clock[0])
    for t in (0.0, 0.5, 1.0, 2.9, 3.0, 6.0, 7.0):
        clock[0] = t
        assert src.read() is None
    assert attempts == [0.0, 1.0, 3.0, 7.0]  # 1 s, 2 s, 4 s apart
    available[0] = True
    clock[0] = 11.0
    frames = 0
    while src.read() is not None:
        frames += 1
    assert frames == 8 and src.state is SourceState.RUNNING
    assert src.read() is None  # second empty read → lost
    assert src.state is SourceState.LOST
    clock[0] = 20.0
    assert src.read() is not None  # reopened
    assert states == [SourceState.RUNNING, SourceState.LOST, SourceState.RUNNING]
    src.close()
    assert src.state is SourceState.CLOSED


def test_camera_worker_on_video_reports_one_scan(video: Path, payload: str) -> None:
    scans: list[Scan] = []
    source = open_source(str(video))
    worker = CameraWorker(source, LivePipeline(duplicate_window_s=5.0), on_scan=scans.append)
    worker.start()
    assert worker.wait_done(10)
    worker.stop()
    assert worker.frames_read == 8
    assert worker.frames_decoded + worker.dropped == 8
    assert [s.text for s in scans] == [payload]  # 5 frames show it: one scan
    assert scans[0].card is not None
