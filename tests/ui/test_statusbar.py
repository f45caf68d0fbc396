"""The status strip shows the snapshot's sync and device states in the current language, readable at 100 %;
patients do not see devices that are not there."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from kiosk.sync.status import SyncStatus
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.status_model import DeviceState, DeviceStatus, StatusSnapshot
from kiosk.ui.statusbar import StatusBar
from kiosk.ui.theme import NORMAL, stylesheet


def test_status_bar_texts_in_two_languages(qtbot: QtBot, languages: LanguageManager) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    now = dt.datetime.now(dt.UTC)
    bar.show_snapshot(StatusSnapshot(
        sync=SyncStatus(online=True, last_success_at=now - dt.timedelta(minutes=5), pending_count=2),
        hub_configured=True, camera=DeviceStatus(DeviceState.LOST, "camera 0: no frames"),
        printer=DeviceStatus(DeviceState.PAPER_OUT)))
    languages.switch("en")
    assert bar.sync_label.text() == "Hub connected"
    assert bar.last_label.text() == "Synced 5 min ago"
    assert bar.pending_label.text() == "Waiting to upload: 2"
    assert bar.device_labels["camera"].text() == "Camera: reconnecting"
    assert bar.device_labels["printer"].text() == "Printer: out of paper"
    assert bar.device_labels["printer"].property("role") == "status-bad"
    languages.switch("vi")
    assert bar.last_label.text() == "Đồng bộ 5 phút trước"
    assert bar.device_labels["printer"].text() == "Máy in: hết giấy"


def test_offline_is_not_no_hub_and_patients_do_not_see_absent_devices(qtbot: QtBot,
                                                                      languages: LanguageManager) -> None:
    desk, patients = StatusBar(), StatusBar(hide_absent=True)
    for bar in (desk, patients):
        qtbot.addWidget(bar)
        bar.show()
    languages.switch("en")
    offline = StatusSnapshot(sync=SyncStatus(online=False), hub_configured=True,
                             printer=DeviceStatus(DeviceState.READY))
    no_hub = StatusSnapshot(sync=None, hub_configured=False, printer=DeviceStatus(DeviceState.READY))
    desk.show_snapshot(offline)
    offline_text, offline_role = desk.sync_label.text(), desk.sync_label.property("role")
    desk.show_snapshot(no_hub)
    assert offline_text != desk.sync_label.text() and offline_role != desk.sync_label.property("role")
    assert desk.device_labels["scanner"].text() == "Scanner: not configured"
    assert desk.device_labels["scanner"].isVisible()
    patients.show_snapshot(no_hub)
    assert not patients.device_labels["scanner"].isVisible() and not patients.device_labels["camera"].isVisible()
    assert patients.device_labels["printer"].isVisible()


def test_status_text_is_at_least_16_px_at_100_percent(qtbot: QtBot, qapp: object) -> None:
    for base in (16, 22):  # desk and self-service base sizes
        bar = StatusBar()
        qtbot.addWidget(bar)
        bar.setStyleSheet(stylesheet(NORMAL, 100, base_px=base))
        bar.show()
        bar.ensurePolished()
        bar.sync_label.ensurePolished()
        assert bar.sync_label.fontInfo().pixelSize() >= 16, base


def test_pending_warn_minutes_from_the_configuration_marks_old_uploads(
        qtbot: QtBot, languages: LanguageManager) -> None:
    from kiosk.checkin.factory import pending_warning
    from kiosk.config import Config
    from kiosk.ui.status_collector import StatusCollector
    from kiosk.ui.workers import TaskRunner

    config = Config()
    config.hub.pending_warn_minutes = 30
    runner = TaskRunner()
    collector = StatusCollector(runner, hub_configured=True, pending_warn_after=pending_warning(config))
    bar = StatusBar()
    qtbot.addWidget(bar)
    collector.changed.connect(bar.show_snapshot)
    languages.switch("en")
    now = dt.datetime.now(dt.UTC)
    collector.set_sync(SyncStatus(online=True, pending_count=3, oldest_pending_at=now - dt.timedelta(minutes=20)))
    assert bar.pending_label.text() == "Waiting to upload: 3"  # younger than 30 minutes: not a problem
    collector.set_sync(SyncStatus(online=True, pending_count=3, oldest_pending_at=now - dt.timedelta(minutes=45)))
    assert bar.pending_label.text() == "Uploads waiting too long: 3"
    assert bar.pending_label.property("role") == "status-bad"
    runner.shutdown()


def test_sync_panel_shows_visits_set_aside(qtbot: QtBot, languages: LanguageManager) -> None:
    from kiosk.ui.desk.sync_panel import SyncPanel

    panel = SyncPanel()
    qtbot.addWidget(panel)
    panel.show_snapshot(StatusSnapshot(sync=SyncStatus(online=True, rejected_count=2), hub_configured=True))
    languages.switch("en")
    assert "2 visits set aside: the hub rejected them" in panel.detail.text()
    languages.switch("vi")
    assert "2 lượt khám bị máy chủ từ chối" in panel.detail.text()
    panel.show_snapshot(StatusSnapshot(sync=SyncStatus(online=True), hub_configured=True))
    assert "2" not in panel.detail.text()
