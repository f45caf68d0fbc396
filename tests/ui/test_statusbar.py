"""The status strip shows the snapshot's sync and device states in the current language."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from kiosk.sync.status import SyncStatus
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.status_model import DeviceState, DeviceStatus, StatusSnapshot
from kiosk.ui.statusbar import StatusBar


def test_status_bar_texts_in_two_languages(qtbot: QtBot, languages: LanguageManager) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    now = dt.datetime.now(dt.UTC)
    bar.show_snapshot(StatusSnapshot(
        sync=SyncStatus(online=True, last_success_at=now - dt.timedelta(minutes=5), pending_count=2),
        hub_configured=True, camera=DeviceStatus(DeviceState.LOST, "camera 0: no frames"),
        printer=DeviceStatus(DeviceState.PAPER_OUT)))
    languages.switch("en")
    assert bar.sync_label.text() == "Online"
    assert bar.last_label.text() == "Synced 5 min ago"
    assert bar.pending_label.text() == "Waiting to upload: 2"
    assert bar.device_labels["camera"].text() == "Camera: reconnecting"
    assert bar.device_labels["printer"].text() == "Printer: out of paper"
    assert bar.device_labels["printer"].property("role") == "status-bad"
    languages.switch("vi")
    assert bar.last_label.text() == "Đồng bộ 5 phút trước"
    assert bar.device_labels["printer"].text() == "Máy in: hết giấy"
