"""What a window's builder needs of the running application, as a protocol.

:mod:`kiosk.ui.app` builds the desk or the self-service window through :mod:`kiosk.ui.desk.build` and
:mod:`kiosk.ui.selfservice.build`; those builders type the application against :class:`AppContext`
instead of importing :class:`kiosk.ui.app.KioskApp`, so the application module sits above them and
no import runs back up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from kiosk.config import Config
from kiosk.ui.admin_pin import PinGuard
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.services import Services
from kiosk.ui.sound import SoundPlayer
from kiosk.ui.status_collector import StatusCollector
from kiosk.ui.workers import TaskRunner


class RunSettings(Protocol):
    """The part of the run's options a builder reads."""

    @property
    def config_path(self) -> Path | None: ...


class AppContext(Protocol):
    """The running application, as the window builders see it (read-only attributes)."""

    @property
    def config(self) -> Config: ...
    @property
    def options(self) -> RunSettings: ...
    @property
    def runner(self) -> TaskRunner: ...
    @property
    def languages(self) -> LanguageManager: ...
    @property
    def appearance(self) -> Appearance: ...
    @property
    def status(self) -> StatusCollector: ...
    @property
    def sounds(self) -> SoundPlayer: ...
    @property
    def services(self) -> Services: ...
    @property
    def camera(self) -> Any: ...
    @property
    def sync(self) -> Any: ...
    @property
    def pin_guard(self) -> PinGuard: ...

    def save_settings(self, font_scale: int, high_contrast: bool) -> None: ...
    def save_pin(self, pin_hash: str) -> None: ...
