"""The wizard's last page: what will be saved, then the outcome of saving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from kiosk.setup.answers import Problem, SetupAnswers
from kiosk.ui.setup.pages import LEFT, SetupPage, result_label
from kiosk.ui.setup.texts import problem_text
from kiosk.ui.widgets import label, set_role


class SummaryPage(SetupPage):
    key = "summary"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setVerticalSpacing(12)
        self.form.setHorizontalSpacing(16)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("facility", "hub", "departments", "camera", "serial", "printer"):
            self.captions[key] = label("", align=LEFT, wrap=False)
            self.values[key] = label("", align=LEFT)
            self.values[key].setObjectName(f"setup-summary-{key}")
            self.form.addRow(self.captions[key], self.values[key])
        self.message = result_label("setup-summary-message")
        root = self.page_layout()
        root.addLayout(self.form)
        root.addSpacing(12)
        root.addWidget(self.message)
        root.addStretch(1)
        self._answers = SetupAnswers()
        self._departments: list[str] = []
        self._state = "ready"
        self._detail = ""
        self._problems: list[Problem] = []
        self._restart = True
        self.retranslate_ui()

    def load(self, answers: SetupAnswers) -> None:
        self._answers = answers

    def store(self, answers: SetupAnswers) -> SetupAnswers:
        return answers

    def show_answers(self, answers: SetupAnswers, departments: list[str]) -> None:
        self._answers, self._departments, self._state, self._problems = answers, departments, "ready", []
        self.retranslate_ui()

    def show_problems(self, problems: list[Problem]) -> None:
        self._state, self._problems = "problems", problems
        self.retranslate_ui()

    def show_saving(self) -> None:
        self._state = "saving"
        self.retranslate_ui()

    def show_saved(self, path: Path, *, restart: bool) -> None:
        self._state, self._detail, self._restart = "saved", str(path), restart
        self.retranslate_ui()

    def show_save_error(self, text: str) -> None:
        self._state, self._detail = "error", text
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Summary")

    def retranslate_ui(self) -> None:
        a = self._answers
        none = self.tr("none")
        captions = {"facility": self.tr("Facility"), "hub": self.tr("Hub"), "departments": self.tr("Departments"),
                    "camera": self.tr("Camera"), "serial": self.tr("Serial scanner"), "printer": self.tr("Printer")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.values["facility"].setText(f"{a.facility_code} – {a.facility_name}".strip(" –"))
        self.values["hub"].setText(a.hub_url or self.tr("none (works offline)"))
        if a.departments_file is None:
            self.values["departments"].setText(self.tr("keep the current departments"))
        else:
            self.values["departments"].setText(self.tr("import {count} from {file}").format(
                count=len(self._departments), file=a.departments_file.name))
        self.values["camera"].setText(a.camera or none)
        self.values["serial"].setText(a.serial or none)
        self.values["printer"].setText(a.printer or self.tr("a file in the data folder"))
        role = "muted"
        if self._state == "problems":
            text = "\n".join(problem_text(p) for p in self._problems)
            role = "status-bad"
        elif self._state == "saving":
            text = self.tr("Saving…")
        elif self._state == "saved":
            text = self.tr("Saved to {path}.").format(path=self._detail) + " " + (
                self.tr("Restart the kiosk to use the new settings.") if self._restart
                else self.tr("The kiosk starts with these settings."))
            role = "status-ok"
        elif self._state == "error":
            text = self.tr("Not saved: {reason}").format(reason=self._detail)
            role = "status-bad"
        else:
            text = self.tr("Check the settings, then press Save.")
        self.message.setText(text)
        set_role(self.message, role)
