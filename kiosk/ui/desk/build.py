"""Assembles the reception-desk window from the running application (:class:`kiosk.ui.app_context.AppContext`)."""

from __future__ import annotations

from kiosk.config import default_config_path
from kiosk.ui.app_context import AppContext
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.screenshots import click_when_visible


def build_desk(kiosk: AppContext) -> DeskWindow:
    languages = kiosk.languages
    model = DeskModel(kiosk.services, lambda: languages.current or languages.default)
    window = DeskWindow(model, languages, on_sync_now=lambda: kiosk.sync.trigger() if kiosk.sync else None)
    kiosk.status.changed.connect(window.sync.show_snapshot)
    model.print_changed.connect(lambda r: kiosk.status.set_printer(r.status))
    model.feedback.connect(kiosk.sounds.play)
    window.screen_shown.connect(lambda name: autopilot_step(window, name))
    window.setup_requested.connect(lambda: open_setup(window, kiosk))
    return window


def open_setup(window: DeskWindow, kiosk: AppContext) -> None:
    """The setup in its own window: the admin PIN first, then the wizard (restart with code 3 after saving)."""
    # Lazy: the wizard's modules load only when staff open the setup, not at every start.
    from kiosk.ui.setup_wizard import SetupWindow, SetupWizard, setup_config

    current = getattr(window, "setup_window", None)
    if current is not None and current.isVisible():
        current.raise_()
        current.activateWindow()
        return
    path = kiosk.options.config_path or default_config_path()
    setup = SetupWindow(lambda: SetupWizard(setup_config(path), path, runner=kiosk.runner, restart_after_save=True),
                        guard=kiosk.pin_guard, on_pin_changed=kiosk.save_pin)
    setup.resize(1280, 720)
    setup.show()
    window.setup_window = setup  # type: ignore[attr-defined]


def autopilot_step(window: DeskWindow, name: str) -> None:
    """Screenshot runs: register the checked patient with the highlighted department, as staff would."""
    if getattr(window, "autopilot", False) and name == "patient":
        window.autopilot = False  # one registration is enough to show every part of the desk
        click_when_visible(lambda: window.patient.register_button, 1500)
