"""The setup wizard's pages. Each page shows and edits part of :class:`SetupAnswers`; live tests are
requested by signal (the wizard runs them on a worker) and their outcome comes back by ``show_result``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.setup.answers import SetupAnswers, facility_problem, hub_url_problem, province_name, token_problem
from kiosk.setup.probes import ProbeResult
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.setup.texts import probe_text, problem_text
from kiosk.ui.widgets import button, label, set_role

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setClearButtonEnabled(True)
    return edit


def result_label(name: str) -> QLabel:
    widget = label("", "muted", align=LEFT)
    widget.setObjectName(name)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def show_probe(widget: QLabel, result: ProbeResult | None, running_text: str) -> None:
    """A test's outcome: "…" while running, then a pass (green) or fail (red) line with the detail."""
    if result is None:
        widget.setText(running_text)
        set_role(widget, "muted")
        return
    mark = "✔ " if result.ok and not result.skipped else ("– " if result.skipped else "✘ ")
    detail = f" ({result.detail})" if result.detail and not result.ok else ""
    widget.setText(mark + probe_text(result) + detail)
    set_role(widget, "muted" if result.skipped else ("status-ok" if result.ok else "status-bad"))


class SetupPage(TranslatedWidget):
    #: Short name for the step list and screenshots.
    key = ""

    def page_layout(self) -> QVBoxLayout:
        """The page's column: no extra margins (the wizard has them), even spacing."""
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(8)
        return root

    def load(self, answers: SetupAnswers) -> None:
        raise NotImplementedError

    def store(self, answers: SetupAnswers) -> SetupAnswers:
        raise NotImplementedError

    def check(self) -> bool:
        """Show what is wrong on the page; True when the wizard may go on."""
        return True

    def title(self) -> str:
        raise NotImplementedError


class FacilityPage(SetupPage):
    key = "facility"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code_caption = label("", align=LEFT)
        self.code = field("setup-facility-code")
        self.code.setMaxLength(12)
        self.code.textChanged.connect(lambda _t: self._update_hint(final=False))
        self.hint = result_label("setup-facility-hint")
        self.name_caption = label("", align=LEFT)
        self.name = field("setup-facility-name")
        self.name.setMaxLength(120)
        root = self.page_layout()
        for widget in (self.code_caption, self.code, self.hint, self.name_caption, self.name):
            root.addWidget(widget)
        root.addStretch(1)
        self._error = ""
        self.retranslate_ui()

    def load(self, answers: SetupAnswers) -> None:
        self.code.setText(answers.facility_code)
        self.name.setText(answers.facility_name)

    def store(self, answers: SetupAnswers) -> SetupAnswers:
        return dataclasses.replace(answers, facility_code=self.code.text(), facility_name=self.name.text())

    def _update_hint(self, *, final: bool) -> bool:
        problem = facility_problem(self.code.text())
        if problem is None:
            code = self.code.text().replace(" ", "").replace("-", "")
            self.hint.setText(self.tr("Province: {province}").format(province=province_name(code)))
            set_role(self.hint, "status-ok")
            return True
        if final or problem.code == "province" or len(self.code.text().strip()) >= 5:
            self.hint.setText(problem_text(problem))
            set_role(self.hint, "status-bad")
        else:
            self.hint.setText(self.tr("2 digits (province) and 3 letters or digits, e.g. 01999"))
            set_role(self.hint, "muted")
        return False

    def check(self) -> bool:
        ok = self._update_hint(final=True)
        if not ok:
            self.code.setFocus()
        return ok

    def title(self) -> str:
        return self.tr("Facility")

    def retranslate_ui(self) -> None:
        self.code_caption.setText(self.tr("Facility code (MA_CSKCB)"))
        self.name_caption.setText(self.tr("Facility name, printed on tickets"))
        self._update_hint(final=False)


class HubPage(SetupPage):
    key = "hub"
    test_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = label("", "muted", align=LEFT)
        self.url_caption = label("", align=LEFT)
        self.url = field("setup-hub-url")
        self.url.setPlaceholderText("https://hub.benhvien.local:8443")
        self.token_caption = label("", align=LEFT)
        self.token = field("setup-hub-token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_token = button(name="setup-show-token")
        self.show_token.setCheckable(True)
        self.show_token.toggled.connect(lambda on: self.token.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.test_button = button(name="setup-test-hub")
        self.test_button.clicked.connect(self._test)
        self.result = result_label("setup-hub-result")
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.show_token)
        root = self.page_layout()
        root.addWidget(self.intro)
        root.addSpacing(8)
        root.addWidget(self.url_caption)
        root.addWidget(self.url)
        root.addWidget(self.token_caption)
        root.addLayout(token_row)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        root.addLayout(test_row)
        root.addStretch(1)
        self._result: ProbeResult | None = None
        self._running = False
        self._problem_text = ""
        self.retranslate_ui()

    def load(self, answers: SetupAnswers) -> None:
        self.url.setText(answers.hub_url)
        self.token.setText(answers.hub_token)

    def store(self, answers: SetupAnswers) -> SetupAnswers:
        return dataclasses.replace(answers, hub_url=self.url.text(), hub_token=self.token.text())

    def check(self) -> bool:
        problem = hub_url_problem(self.url.text()) or token_problem(self.token.text(), self.url.text())
        self._problem_text = problem_text(problem) if problem else ""
        self.retranslate_ui()
        return problem is None

    def _test(self) -> None:
        if self.check():
            self.test_requested.emit()

    def show_result(self, result: ProbeResult | None) -> None:
        self._running = result is None
        self._result = result
        self.test_button.setEnabled(not self._running)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Hub")

    def retranslate_ui(self) -> None:
        self.intro.setText(self.tr("The hub keeps the card list and receives the visits. Leave the address empty "
                                   "if this kiosk works on its own."))
        self.url_caption.setText(self.tr("Hub address"))
        self.token_caption.setText(self.tr("Device token (issued for this kiosk by the hub administrator)"))
        self.show_token.setText(self.tr("Show"))
        self.test_button.setText(self.tr("Test the hub"))
        if self._problem_text:
            self.result.setText(self._problem_text)
            set_role(self.result, "status-bad")
        else:
            show_probe(self.result, self._result, self.tr("Connecting to the hub…") if self._running else "")


class DepartmentsPage(SetupPage):
    key = "departments"
    #: A file to read (the wizard reads it on a worker and calls show_departments / show_error).
    file_chosen = Signal(object)

    def __init__(self, demo_file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo_file = demo_file
        self.intro = label("", "muted", align=LEFT)
        self.path = field("setup-departments-file")
        self.path.editingFinished.connect(self._path_edited)
        self.browse = button(name="setup-departments-browse")
        self.browse.clicked.connect(self._browse)
        self.demo = button(name="setup-departments-demo")
        self.demo.clicked.connect(lambda: self.choose(self.demo_file))
        self.demo.setVisible(demo_file is not None)
        self.keep = button(name="setup-departments-keep")
        self.keep.clicked.connect(lambda: self.choose(None))
        self.preview = QListWidget()
        self.preview.setObjectName("setup-departments-preview")
        self.message = result_label("setup-departments-message")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo)
        buttons.addWidget(self.keep)
        buttons.addStretch(1)
        root = self.page_layout()
        root.addWidget(self.intro)
        root.addLayout(row)
        root.addLayout(buttons)
        root.addWidget(self.message)
        root.addWidget(self.preview, 1)
        self.file: Path | None = None
        self._count = 0
        self._error = ""
        self._loading = False
        self.retranslate_ui()

    def load(self, answers: SetupAnswers) -> None:
        if answers.departments_file is not None:
            self.choose(answers.departments_file)

    def store(self, answers: SetupAnswers) -> SetupAnswers:
        return dataclasses.replace(answers, departments_file=self.file)

    def choose(self, path: Path | None) -> None:
        self.file = path
        self.path.setText(str(path) if path else "")
        self.preview.clear()
        self._error, self._count = "", 0
        self._loading = path is not None
        self.retranslate_ui()
        if path is not None:
            self.file_chosen.emit(path)

    def _path_edited(self) -> None:
        text = self.path.text().strip()
        current = str(self.file) if self.file else ""
        if text != current:
            self.choose(Path(text).expanduser() if text else None)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Departments file"), str(Path.home()),
                                              self.tr("Departments (*.json *.csv)"))
        if name:
            self.choose(Path(name))

    def show_departments(self, lines: list[str]) -> None:
        self._loading = False
        self.preview.clear()
        self.preview.addItems(lines)
        self._count = len(lines)
        self.retranslate_ui()

    def show_error(self, text: str) -> None:
        self._loading = False
        self._error = text
        self.retranslate_ui()

    def check(self) -> bool:
        return not self._loading and not (self.file is not None and self._error)

    def title(self) -> str:
        return self.tr("Departments")

    def retranslate_ui(self) -> None:
        self.intro.setText(self.tr("Import the clinic's departments from a JSON or CSV file, or keep the ones "
                                   "already here. The hub also sends departments at every synchronisation."))
        self.path.setPlaceholderText(self.tr("No file: keep the current departments"))
        self.browse.setText(self.tr("Choose file…"))
        self.demo.setText(self.tr("Demo departments"))
        self.keep.setText(self.tr("Keep current"))
        if self._error:
            self.message.setText(self.tr("This file cannot be used: {reason}").format(reason=self._error))
            set_role(self.message, "status-bad")
        elif self._loading:
            self.message.setText(self.tr("Reading the file…"))
            set_role(self.message, "muted")
        elif self.file is not None:
            self.message.setText(self.tr("{count} departments will be imported:").format(count=self._count))
            set_role(self.message, "status-ok")
        else:
            self.message.setText(self.tr("The current departments stay as they are."))
            set_role(self.message, "muted")


class DeviceRow:
    """Caption, setting, Test button and outcome of one device (camera, scanner or printer)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.caption = label("", align=LEFT, wrap=False)
        self.edit = field(f"setup-{key}")
        self.test_button = button(name=f"setup-test-{key}")
        self.result = result_label(f"setup-{key}-result")
        self.outcome: ProbeResult | None = None
        self.running = False


class DevicesPage(SetupPage):
    key = "devices"
    test_requested = Signal(str)
    cancel_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = {key: DeviceRow(key) for key in ("camera", "serial", "printer")}
        self.intro = label("", "muted", align=LEFT)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for i, row in enumerate(self.rows.values()):
            grid.addWidget(row.caption, 2 * i, 0)
            grid.addWidget(row.edit, 2 * i, 1)
            grid.addWidget(row.test_button, 2 * i, 2)
            grid.addWidget(row.result, 2 * i + 1, 1, 1, 2)
            row.test_button.clicked.connect(lambda _=False, k=row.key: self._clicked(k))
        grid.setColumnStretch(1, 1)
        root = self.page_layout()
        root.addWidget(self.intro)
        root.addLayout(grid)
        root.addStretch(1)
        self.scan_waiting = False
        self.retranslate_ui()

    def load(self, answers: SetupAnswers) -> None:
        for key, value in (("camera", answers.camera), ("serial", answers.serial), ("printer", answers.printer)):
            self.rows[key].edit.setText(value)

    def store(self, answers: SetupAnswers) -> SetupAnswers:
        return dataclasses.replace(answers, camera=self.rows["camera"].edit.text(),
                                   serial=self.rows["serial"].edit.text(), printer=self.rows["printer"].edit.text())

    def _clicked(self, key: str) -> None:
        if self.rows[key].running:
            self.cancel_requested.emit(key)
        else:
            self.test_requested.emit(key)

    def show_result(self, key: str, result: ProbeResult | None) -> None:
        row = self.rows[key]
        row.running, row.outcome = result is None, result
        if key == "serial" and result is not None:
            self.scan_waiting = False
        self.retranslate_ui()

    def show_scan_waiting(self) -> None:
        self.scan_waiting = True
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Camera, scanner, printer")

    def retranslate_ui(self) -> None:
        self.intro.setText(self.tr("Leave a field empty if the device is not used. Each test uses the device "
                                   "now: the printer prints a test ticket, the scanner waits for a scan."))
        captions = {"camera": self.tr("Camera"), "serial": self.tr("Serial scanner"), "printer": self.tr("Printer")}
        holders = {"camera": self.tr("0, /dev/video0, a video file or a stream URL"),
                   "serial": self.tr("/dev/ttyACM0 or COM3"),
                   "printer": self.tr("empty: a file in the data folder; serial:/dev/ttyUSB0, network:10.0.0.9")}
        for key, row in self.rows.items():
            row.caption.setText(captions[key])
            row.edit.setPlaceholderText(holders[key])
            row.test_button.setText(self.tr("Stop") if row.running and key == "serial" else self.tr("Test"))
            row.test_button.setEnabled(not row.running or key == "serial")
            waiting = self.tr("Scan any code now…") if key == "serial" and self.scan_waiting else self.tr("Testing…")
            show_probe(row.result, row.outcome, waiting if row.running else "")
