"""The clipping check itself: it must flag text that does not fit (else the flow tests prove nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.support import clipped_text


def test_flags_clipped_label_and_button(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    short = QLabel("Thẻ BHYT còn giá trị sử dụng đến hết năm 2030")
    short.setFixedWidth(60)
    wrapped = QLabel("健康保険証は有効です。" * 10)
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)
    button = QPushButton("Đăng ký khám bệnh")
    button.setFixedWidth(40)
    fine = QLabel("OK")
    for w in (short, wrapped, button, fine):
        layout.addWidget(w)
    root.show()
    qtbot.waitExposed(root)
    problems = clipped_text(root)
    assert len(problems) == 3, problems
    assert not any("'OK'" in p for p in problems)
