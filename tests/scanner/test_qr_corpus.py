"""Regression test on the real photos of ``../shared/qr-corpus`` (read in place, never copied here).

The corpus (179 photographs of printed QR codes, ZXing's blackbox sets qrcode-1..6) lives beside the
project, outside the repository; the test skips with the reason when it is absent. The decoder runs
with a *nominal* budget (each strategy charged its nominal cost from ``strategies.py``) and a frozen
clock, so which strategies run on an image — hence the read count — is the same on any machine and
under any load. The floors are what the decoder read when they were set (issue 17): a lower count is
a regression; a higher one is welcome (raise the floor then). Wrong reads must stay at 0.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from kiosk.scanner.benchmark import CORPUS
from kiosk.scanner.decoder import PhoneScreenDecoder
from tests.scanner.conftest import StepClock

BLACKBOX = CORPUS / "zxing-blackbox"
#: Images read per folder (and in all) by decode_still with the nominal budget, counted by this test.
FLOORS: dict[str, int] = {
    "qrcode-1": 20, "qrcode-2": 34, "qrcode-3": 42, "qrcode-4": 48, "qrcode-5": 19, "qrcode-6": 15,
}
TOTAL_FLOOR = 178  # of 179 images (99.4 %; issue 17 third round: bent prints read by roi_rectify)


def _norm(text: str) -> str:
    """The corpus's comparison rule: CRLF as LF, trailing whitespace stripped."""
    return text.replace("\r\n", "\n").rstrip()


def test_qr_corpus_read_count_floor_and_no_wrong_reads() -> None:
    if not BLACKBOX.is_dir():
        pytest.skip(f"QR photo corpus not found at {BLACKBOX} (set KIOSK_QR_CORPUS to its folder): "
                    "the regression test needs the real photos")
    decoder = PhoneScreenDecoder(clock=StepClock(0.0), nominal_budget=True)
    read: dict[str, int] = {}
    wrong: list[str] = []
    unreadable: list[str] = []
    for folder in sorted(p for p in BLACKBOX.iterdir() if p.is_dir()):
        read[folder.name] = 0
        for image_path in sorted(folder.glob("*.png")):
            image = cv2.imread(str(image_path), cv2.IMREAD_COLOR)
            if image is None:
                unreadable.append(image_path.name)
                continue
            expected = _norm(Path(image_path.with_suffix(".txt")).read_text(encoding="utf-8", errors="replace"))
            texts = [_norm(t) for t in decoder.decode_still(image).texts]
            if expected in texts:
                read[folder.name] += 1
            elif texts:
                wrong.append(f"{folder.name}/{image_path.name}: {texts!r}")
    assert not unreadable, f"corpus images OpenCV cannot load: {unreadable}"
    assert wrong == []
    below = {name: (read.get(name, 0), floor) for name, floor in FLOORS.items() if read.get(name, 0) < floor}
    assert below == {}, f"folders read fewer images than their floor (read, floor): {below}"
    assert sum(read.values()) >= TOTAL_FLOOR, f"read {sum(read.values())} of the corpus, floor {TOTAL_FLOOR}"
