"""``kiosk --self-test`` / ``kiosk self-test``: prove an installation works, from source or frozen.

Every part the kiosk needs at run time is exercised for real, offscreen and in a temporary folder
(nothing of the installation's own data is touched):

* ``database``: a new SQLite store, migrations to head, demo data, a visit committed and read back
  through a second connection;
* ``decoder``: the bundled image of a demo VssID QR decoded by zxing-cpp *and* by pyzbar (libzbar),
  both texts equal, and by the app's OpenCV/NumPy phone-screen decoder; parsed as a BHYT card;
* ``translations``: every ``.qm`` catalogue loads and translates a known string;
* ``printer``: a ticket rendered with the installed Noto fonts and written by a file printer;
* ``serial``: pyserial's URL handlers (``loop://``), which a frozen app loses unless bundled;
* ``qt``: a widget created and grabbed on the offscreen platform; the platform plugins the kiosk
  session needs (xcb, wayland, offscreen) are present.

Each check imports the part it exercises inside itself, so a broken or missing part fails its own check
instead of the whole self-test, and Qt loads only for the Qt checks.

One line per check, or one JSON object with ``--json``. Exit 0 when all pass, 1 otherwise (the
failed checks are named). The packaging smoke test runs the frozen bundle with ``--self-test``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from kiosk import __version__
from kiosk.errors import CheckFailed

#: The demo VssID QR (card DN4010100000001 of resources/demo/cards.csv), 207 x 207 pixels.
SELFTEST_IMAGE: Final = Path(__file__).resolve().parents[1] / "resources" / "selftest" / "vssid-demo-qr.png"
#: Card number in that image.
SELFTEST_CARD: Final = "DN4010100000001"
#: (context, source) of a string every catalogue translates (the admin screen's title).
KNOWN_STRING: Final = ("AdminScreen", "Kiosk settings")
#: Qt platform plugins the kiosk session needs: wayland (cage), xcb (X11 fallback), offscreen (tests).
NEEDED_PLATFORMS: Final = ("offscreen", "wayland", "xcb")
EXIT_OK, EXIT_FAILED = 0, 1


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    seconds: float
    detail: str


# ----- the checks (each returns a one-line detail or raises) -------------------------------------------
def check_database(work: Path) -> str:
    from kiosk.cards.parse import parse_payload
    from kiosk.db import schema
    from kiosk.db.demo import demo_scenarios, load_demo
    from kiosk.db.store import Store

    path = work / "selftest.sqlite3"
    with Store.open(path) as store:
        revision = store.schema_revision()
        if revision != schema.HEAD:
            raise CheckFailed(f"migrated to {revision}, expected {schema.HEAD}")
        load_demo(store)
        card = parse_payload(demo_scenarios()[0].payload)
        visit = store.check_in("K01", card, facility_code="01999")
    with Store.open(path, upgrade=False) as again:  # a new engine: the commit is on disk
        found = [v for v in again.list_visits() if v["id"] == visit["id"]]
        pending = [v["id"] for v in again.pending_visits()]
    if not found or found[0]["ticket"] != visit["ticket"]:
        raise CheckFailed(f"visit {visit['id']} not read back")
    if visit["id"] not in pending:
        raise CheckFailed("the new visit is not in the outbox")
    return f"SQLite migrated to {revision}; visit {visit['ticket']} committed, read back, in the outbox"


def check_decoder(work: Path) -> str:
    import zxingcpp
    from PIL import Image
    from pyzbar import pyzbar

    from kiosk.cards.model import BhytCard
    from kiosk.cards.parse import parse_payload

    if not SELFTEST_IMAGE.is_file():
        raise CheckFailed(f"test image missing: {SELFTEST_IMAGE}")
    with Image.open(SELFTEST_IMAGE) as opened:
        image = opened.convert("L")
    zx = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    zb = [s.data.decode("utf-8") for s in pyzbar.decode(image) if s.type == "QRCODE"]
    if not zx:
        raise CheckFailed("zxing-cpp found no QR code in the test image")
    if not zb:
        raise CheckFailed("pyzbar (libzbar) found no QR code in the test image")
    if zx[0] != zb[0]:
        raise CheckFailed("zxing-cpp and pyzbar read different texts")
    # The camera path as the app runs it: OpenCV + NumPy (a broken native library shows here) and the
    # phone-screen decoder.
    import cv2

    from kiosk.scanner.decoder import PhoneScreenDecoder

    frame = cv2.imread(str(SELFTEST_IMAGE))
    if frame is None:
        raise CheckFailed(f"OpenCV cannot read {SELFTEST_IMAGE}")
    live = PhoneScreenDecoder().decode_still(frame).texts
    if live[:1] != zx[:1]:
        raise CheckFailed("the phone-screen decoder (OpenCV) did not read the test image")
    card = parse_payload(zx[0])
    if not isinstance(card, BhytCard) or card.card_number != SELFTEST_CARD:
        raise CheckFailed(f"decoded text is not the demo BHYT card {SELFTEST_CARD}")
    return f"zxing-cpp, pyzbar (libzbar) and the OpenCV phone-screen decoder read BHYT card {card.card_number}"


def check_translations(work: Path) -> str:
    from kiosk.ui.selftest_checks import check_translations as check

    return check(KNOWN_STRING)


def check_printer(work: Path) -> str:
    import datetime as dt
    import uuid

    from kiosk.printing import Ticket, TicketPrinter
    from kiosk.printing.printer import PrinterSettings

    job = work / "ticket.bin"
    printer = TicketPrinter(PrinterSettings(target=f"file:{job}", status_check=False), tickets_dir=work)
    ticket = Ticket("Phòng khám Đa khoa Mẫu", "Khám bệnh đa khoa", "P.101", "K01-001", dt.datetime.now(),
                    uuid.uuid4(), "vi")
    result = printer.print_ticket(ticket)
    if not result.printed:
        raise CheckFailed(f"{result.message} {result.detail}".strip())
    size = job.stat().st_size if job.is_file() else 0
    if size == 0:
        raise CheckFailed(f"the file printer wrote nothing to {job}")
    return f"ticket rendered (Noto fonts) and printed to a file, {size} bytes of ESC/POS"


def check_serial(work: Path) -> str:
    import serial

    port = serial.serial_for_url("loop://", timeout=2)
    try:
        port.write(b"DN4010100000001\r")
        echoed = port.read_until(b"\r")
    finally:
        port.close()
    if echoed != b"DN4010100000001\r":
        raise CheckFailed(f"loop:// echoed {echoed!r}")
    return "pyserial URL handlers present (loop:// echoes)"


def check_qt(work: Path) -> str:
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.ui.selftest_checks import check_widgets

    return check_widgets(work, NEEDED_PLATFORMS)


CHECKS: Final[dict[str, Callable[[Path], str]]] = {
    "database": check_database,
    "decoder": check_decoder,
    "translations": check_translations,
    "printer": check_printer,
    "serial": check_serial,
    "qt": check_qt,
}


def run_checks(names: list[str] | None = None) -> list[CheckResult]:
    """Run the named checks (all by default) in a temporary folder; never raises for a failed check."""
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as tmp:
        for name in names or list(CHECKS):
            work = Path(tmp) / name
            work.mkdir()
            start = time.perf_counter()
            try:
                detail, ok = CHECKS[name](work), True
            except CheckFailed as exc:
                detail, ok = str(exc), False
            except Exception as exc:  # a broken installation shows as a failed check, not a traceback
                if os.environ.get("KIOSK_DEBUG"):
                    import traceback

                    traceback.print_exc()
                detail, ok = f"{type(exc).__name__}: {exc}", False
            results.append(CheckResult(name, ok, round(time.perf_counter() - start, 3), detail))
    return results


def report(results: list[CheckResult], *, as_json: bool) -> int:
    failed = [r.name for r in results if not r.ok]
    total = sum(r.seconds for r in results)
    if as_json:
        out = {"ok": not failed, "version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
               "seconds": round(total, 3), "failed": failed, "checks": [asdict(r) for r in results]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        where = "frozen bundle" if getattr(sys, "frozen", False) else "source"
        lines = [f"kiosk {__version__} self-test ({where})"]
        lines += [f"  {'ok' if r.ok else 'FAIL':4}  {r.name:<12} {r.seconds:6.2f} s  {r.detail}" for r in results]
        lines.append(f"self-test FAILED: {', '.join(failed)}" if failed
                     else f"self-test passed: {len(results)} checks in {total:.1f} s")
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_FAILED if failed else EXIT_OK


def _command(args: argparse.Namespace) -> int:
    return report(run_checks(args.check or None), as_json=args.json)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "self-test", help="check this installation (database, decoder, translations, printer, serial, Qt)",
        description="Exercise every part the kiosk needs, offscreen, in a temporary folder. Exit 0 when all "
                    "checks pass, 1 otherwise. `kiosk --self-test` is the same.")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--check", action="append", choices=list(CHECKS), metavar="NAME",
                   help=f"run only this check (repeatable): {', '.join(CHECKS)}")
    p.set_defaults(handler=_command)
