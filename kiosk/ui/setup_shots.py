"""Render every setup-wizard page to PNG (offscreen), to look at the layout in each language.

    QT_QPA_PLATFORM=offscreen python -m kiosk.ui.setup_shots OUTDIR [--langs vi,en] [--size 1280x720]

Pages are shown with realistic content: a facility code, a hub URL, the demo departments, device
settings and test outcomes (a passed camera test on the demo clip, a failed hub test), as a
technician would see them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def render(out: Path, langs: list[str], size: tuple[int, int]) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.config import Config
    from kiosk.db.demo import DEMO_DEPARTMENTS
    from kiosk.setup.probes import ProbeResult
    from kiosk.ui.appearance import Appearance
    from kiosk.ui.i18n import LanguageManager
    from kiosk.ui.setup_wizard import SetupWizard

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    look = Appearance(app, touch=True)
    look.apply()
    languages = LanguageManager(app, default="vi")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    config = Config()
    config.hub.url = "https://hub.benhvien.local:8443"
    config.hub.token = "kh1_example_token_0123456789"
    config.camera.source = "/dev/video0"
    config.serial.url = "/dev/ttyACM0"

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            languages.switch(lang)
            wizard = SetupWizard(config, Path(tmp) / "config.toml", restart_after_save=True,
                                 demo_departments=DEMO_DEPARTMENTS)
            wizard.resize(*size)
            wizard.show()
            wizard.departments.choose(DEMO_DEPARTMENTS)
            wizard.hub.show_result(ProbeResult(False, "hub_unreachable",
                                               detail="cannot reach the hub (ConnectionError)"))
            wizard.devices.show_result("camera", ProbeResult(True, "camera_ok", {"width": "1280", "height": "720"}))
            wizard.devices.show_result("serial", None)
            wizard.devices.show_scan_waiting()
            wizard.devices.show_result("printer", ProbeResult(
                False, "printer_failed", {"reason": "Ticket printer is offline", "status": "offline"},
                detail="serial /dev/ttyUSB0: no answer to a status request"))
            for i, page in enumerate(wizard.pages):
                wizard.go(i)
                settle(400 if page.key == "departments" else 100)
                path = out / f"setup-{i + 1}-{page.key}-{lang}.png"
                wizard.grab().save(str(path))
                written.append(path)
            wizard.shutdown()
            wizard.close()
            wizard.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--langs", default="vi,en")
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    w, h = (int(v) for v in args.size.split("x"))
    for path in render(args.out, args.langs.split(","), (w, h)):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
