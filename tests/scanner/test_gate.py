"""Scan gate: plausibility (card payloads at once, other text only after two frames), duplicates, AIM."""

from __future__ import annotations

from kiosk.scanner.gate import ScanGate, ScanSource, clean_text, strip_aim

CCCD = "001185000321||Trần Thị Bình|21061985|Nữ|Số 1 ngõ Mẫu, phường Thử Nghiệm, Hà Nội|10052022"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_card_payload_is_accepted_at_once_and_parsed(payload: str) -> None:
    gate = ScanGate(5.0, clock=Clock())
    gate.next_frame()
    scan = gate.offer(payload, ScanSource.CAMERA)
    assert scan is not None
    assert scan.card is not None and scan.card.kind == "bhyt"
    assert scan.error is None


def test_other_camera_text_needs_two_frames() -> None:
    gate = ScanGate(5.0, clock=Clock())
    gate.next_frame()
    assert gate.offer("https://example.invalid/not-a-card", ScanSource.CAMERA) is None
    assert gate.offer("https://example.invalid/not-a-card", ScanSource.CAMERA) is None  # same frame
    gate.next_frame()
    scan = gate.offer("https://example.invalid/not-a-card", ScanSource.CAMERA)
    assert scan is not None
    assert scan.card is None and scan.error is not None


def test_other_text_seen_too_far_apart_is_not_confirmed() -> None:
    gate = ScanGate(5.0, clock=Clock())
    gate.next_frame()
    assert gate.offer("RANDOM-TEXT-1", ScanSource.CAMERA) is None
    for _ in range(10):
        gate.next_frame()
    assert gate.offer("RANDOM-TEXT-1", ScanSource.CAMERA) is None


def test_hardware_scanner_text_is_reported_once_with_error() -> None:
    gate = ScanGate(5.0, clock=Clock())
    scan = gate.offer("hello", ScanSource.SERIAL)
    assert scan is not None and scan.card is None and scan.error is not None


def test_duplicate_window_extends_while_seen(payload: str) -> None:
    clock = Clock()
    gate = ScanGate(5.0, clock=clock)
    assert gate.offer(payload, ScanSource.SERIAL) is not None
    clock.now += 4
    assert gate.offer("]Q1" + payload + "\r\n", ScanSource.CAMERA) is None  # same payload, AIM + CRLF
    clock.now += 4  # 8 s after the first scan but only 4 s after the last sighting
    assert gate.offer(payload, ScanSource.CAMERA) is None
    clock.now += 5.1
    assert gate.offer(payload, ScanSource.CAMERA) is not None
    gate.forget()
    assert gate.offer(payload, ScanSource.CAMERA) is not None


def test_aim_prefix_and_cleaning() -> None:
    assert strip_aim("]Q1" + CCCD) == (CCCD, "]Q1")
    assert strip_aim(CCCD) == (CCCD, None)
    assert clean_text("\ufeff]Q2" + CCCD + "\r\n") == CCCD


def test_duplicate_window_boundary_exactly_at_the_window_is_still_the_same_scan(payload: str) -> None:
    clock = Clock()
    gate = ScanGate(5.0, clock=clock)
    assert gate.offer(payload, ScanSource.SERIAL) is not None
    clock.now += 5.0  # exactly the window after the last sighting: still the same scan
    assert gate.offer(payload, ScanSource.SERIAL) is None


def test_duplicate_window_boundary_just_past_the_window_is_a_new_scan(payload: str) -> None:
    clock = Clock()
    gate = ScanGate(5.0, clock=clock)
    first = gate.offer(payload, ScanSource.SERIAL)
    assert first is not None and first.at == 100.0
    clock.now += 5.25  # past the window: a new check-in
    again = gate.offer(payload, ScanSource.SERIAL)
    assert again is not None and again.at == 105.25


def test_a_scan_carries_the_clean_text_its_source_time_and_the_reader_warnings(payload: str) -> None:
    clock = Clock()
    scan = ScanGate(5.0, clock=clock).offer("]Q1" + payload + "\r\n", ScanSource.SERIAL, ("too_long_truncated",))
    assert scan is not None
    assert (scan.text, scan.source, scan.at, scan.warnings) == (payload, ScanSource.SERIAL, 100.0,
                                                               ("too_long_truncated",))


def test_the_default_duplicate_window_is_five_seconds(payload: str) -> None:
    clock = Clock()
    gate = ScanGate(clock=clock)
    assert gate.offer(payload, ScanSource.WEDGE) is not None
    clock.now += 5.0
    assert gate.offer(payload, ScanSource.WEDGE) is None
    clock.now += 5.25
    assert gate.offer(payload, ScanSource.WEDGE) is not None


def test_other_camera_text_is_confirmed_up_to_five_frames_later_and_not_six() -> None:
    gate = ScanGate(5.0, clock=Clock())
    gate.next_frame()
    assert gate.offer("TEXT-A", ScanSource.CAMERA) is None
    assert gate.offer("TEXT-B", ScanSource.CAMERA) is None
    for _ in range(5):
        gate.next_frame()
    assert gate.offer("TEXT-A", ScanSource.CAMERA) is not None  # 5 frames later: the same read, confirmed
    gate.next_frame()
    assert gate.offer("TEXT-B", ScanSource.CAMERA) is None  # 6 frames later: too far apart, a first sighting


def test_clean_text_removes_nul_and_line_ends_only() -> None:
    assert clean_text("\ufeff\ufeff" + CCCD) == CCCD
    assert clean_text(CCCD[:5] + "\x00" + CCCD[5:] + "\x00") == CCCD
    assert clean_text("\r\n " + CCCD + " \n") == " " + CCCD + " "  # spaces belong to the payload


def test_clean_text_keeps_letters_at_both_ends() -> None:
    assert clean_text("\ufeffXA|B|X\r\n") == "XA|B|X"
