"""Camera exposure control: lowered for a blown-out code, restored afterwards; with a simulated camera."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import numpy as np

from kiosk.scanner import handheld
from kiosk.scanner.decoder import FrameResult, PhoneScreenDecoder, Read
from kiosk.scanner.exposure import CAP_PROP_AUTO_EXPOSURE, CAP_PROP_EXPOSURE, ExposureController, shorter
from kiosk.scanner.hints import CaptureHint
from kiosk.scanner.locate import Candidate
from kiosk.scanner.pipeline import LivePipeline
from kiosk.scanner.sources import SimulatedExposureSource
from tests.scanner.conftest import StepClock

PAYLOAD = handheld.payload_for(4)
# A lamp reflected over the middle of a 3 px/module code: saturated at the camera's own exposure.
GLARED = replace(handheld.scene("clean", 3.0, 4), glare=(("spot", 0.45, 0.5, 0.22, 0.0, 1.6, 0.8),))


@lru_cache(maxsize=8)
def _frame(relative: float) -> np.ndarray:
    """The glared scene with ``relative`` times the light reaching the sensor (shorter exposure)."""
    s = GLARED
    scene = replace(s, screen_nits=s.screen_nits * relative, ambient=s.ambient * relative,
                    glare=tuple((g[0], g[1], g[2], g[3], g[4], g[5] * relative, g[6]) for g in s.glare))
    return handheld.render_scene(scene, PAYLOAD)


def _glare_result() -> FrameResult:
    return FrameResult(candidates=[Candidate(640, 360, 180)], hints=[CaptureHint.REDUCE_GLARE])


def _camera(accepts: bool = True) -> SimulatedExposureSource:
    return SimulatedExposureSource(lambda rel, i: np.zeros((4, 4, 3), np.uint8), frames=100, accepts=accepts)


def test_one_saturated_frame_changes_nothing() -> None:
    camera = _camera()
    control = ExposureController(camera, trigger_frames=2)
    control.update(_glare_result())
    control.update(FrameResult(candidates=[Candidate(640, 360, 180)]))  # not saturated: streak broken
    control.update(_glare_result())
    assert control.changes == 0


def test_lowers_in_steps_then_restores_after_a_read() -> None:
    camera = _camera()
    control = ExposureController(camera, trigger_frames=2, max_steps=2)
    for _ in range(2):
        control.update(_glare_result())
    camera.read()  # the request is applied before the next frame
    assert camera.get_property(CAP_PROP_EXPOSURE) == shorter(156.0) == 78.0
    assert camera.get_property(CAP_PROP_AUTO_EXPOSURE) == 1.0  # V4L2 manual
    for _ in range(6):
        control.update(_glare_result())
        camera.read()
    assert camera.get_property(CAP_PROP_EXPOSURE) == 39.0  # two steps at most
    control.update(FrameResult(reads=[Read("x", "raw", "zxing")]))
    camera.read()
    assert (camera.get_property(CAP_PROP_EXPOSURE), camera.get_property(CAP_PROP_AUTO_EXPOSURE)) == (156.0, 3.0)
    assert control.steps == 0


def test_restores_when_the_code_is_gone() -> None:
    camera = _camera()
    control = ExposureController(camera, idle_frames=3)
    for _ in range(2):
        control.update(_glare_result())
    camera.read()
    assert control.steps == 1
    for _ in range(3):
        control.update(FrameResult())
        camera.read()
    assert control.steps == 0
    assert camera.get_property(CAP_PROP_EXPOSURE) == 156.0


def test_log2_seconds_cameras_step_by_one() -> None:
    assert shorter(-6.0) == -7.0
    assert shorter(200.0) == 100.0


def test_camera_that_ignores_the_request_is_left_alone() -> None:
    camera = _camera(accepts=False)
    control = ExposureController(camera)
    for _ in range(2):
        control.update(_glare_result())
    camera.read()
    control.update(_glare_result())  # first frame after the request: the camera did not take it
    assert control.unsupported
    for _ in range(10):
        control.update(_glare_result())
        camera.read()
    assert control.steps == 0
    assert camera.get_property(CAP_PROP_EXPOSURE) == 156.0


def test_simulated_camera_glare_is_read_only_with_exposure_control() -> None:
    """End to end: live pipeline + controller + a camera whose frames follow its exposure setting."""
    def run(control: bool) -> tuple[list[str], SimulatedExposureSource]:
        source = SimulatedExposureSource(lambda rel, i: _frame(rel), frames=8)
        pipeline = LivePipeline(decoder=PhoneScreenDecoder(clock=StepClock(4.0)))
        if control:
            pipeline.exposure = ExposureController(source, trigger_frames=2)
        texts: list[str] = []
        while (frame := source.read()) is not None:
            texts += [scan.text for scan in pipeline.process(frame).scans]
            if texts:
                source.read()  # one more frame: the restore is applied
                break
        return texts, source

    texts, source = run(control=False)
    assert texts == []  # the blown-out code is never read at the camera's own exposure
    texts, source = run(control=True)
    assert texts == [PAYLOAD]
    exposures = [rel for _, rel in source.history]
    assert exposures[:2] == [1.0, 1.0] and 0.5 in exposures  # lowered after two saturated frames ...
    assert exposures[-1] == 1.0  # ... and the camera's own setting is back after the read
    assert source.get_property(CAP_PROP_AUTO_EXPOSURE) == 3.0
