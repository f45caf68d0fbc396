"""Assembles the self-service window from the running application (:class:`kiosk.ui.app_context.AppContext`)."""

from __future__ import annotations

from kiosk.config import default_config_path
from kiosk.ui.app_context import AppContext
from kiosk.ui.screenshots import click_when_visible
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow


def build_self_service(kiosk: AppContext) -> SelfServiceWindow:
    languages = kiosk.languages
    model = SelfServiceModel(kiosk.services, lambda: languages.current or languages.default)
    ui = kiosk.config.ui
    window = SelfServiceWindow(model, languages, kiosk.appearance, idle_s=ui.idle_timeout_s,
                               warn_s=ui.idle_warning_s, pin_hash=lambda: kiosk.config.ui.admin_pin_hash,
                               camera=kiosk.camera, on_settings=kiosk.save_settings,
                               pin_guard=kiosk.pin_guard, on_pin_changed=kiosk.save_pin)
    model.printer_state.connect(kiosk.status.set_printer)
    window.admin.setup.connect(lambda: open_setup(window, kiosk))
    window.screen_shown.connect(lambda name: autopilot_step(window, name))
    return window


def open_setup(window: SelfServiceWindow, kiosk: AppContext) -> None:
    """The setup wizard as a page of the window (the admin PIN was already given); back to the admin panel."""
    from kiosk.ui.setup_wizard import SetupWizard, open_in_stack, setup_config  # lazy: only when opened

    path = kiosk.options.config_path or default_config_path()
    wizard = SetupWizard(setup_config(path), path, runner=kiosk.runner, restart_after_save=True)
    # Leaving the wizard shows the model's screen again: the admin panel, or the welcome after an idle reset.
    open_in_stack(window.stack, wizard,
                  lambda _saved: window.stack.setCurrentWidget(window.pages[window.model.screen]))
    window.model.screen_changed.connect(wizard.cancel)  # idle reset or any screen change ends the setup


def autopilot_step(window: SelfServiceWindow, name: str) -> None:
    """Screenshot runs: press what a patient would press, a moment after each screen appears."""
    if not getattr(window, "autopilot", False):
        return
    if name == Screen.VERDICT:
        click_when_visible(lambda: window.verdict.continue_button, 1500)
    elif name == Screen.IDENTITY:
        show_demo_identity(window)
    elif name == Screen.DEPARTMENTS:
        click_when_visible(lambda: next(iter(window.departments.buttons.values()), None), 1500)
    elif name == Screen.TICKET:
        click_when_visible(lambda: window.ticket.done_button, 3000)


def show_demo_identity(window: SelfServiceWindow) -> None:
    """Screenshot runs: the demo patient shows their chip ID card — a CCCD QR made from the checked card's name
    and birth date (and its citizen ID when the demo card list has one), as a patient at the identity step
    would show theirs. Only the autopilot of a screenshot run does this."""
    from PySide6.QtCore import QTimer

    from kiosk.cards import BhytCard
    from kiosk.db.demo import cccd_payload

    result = window.model.result
    if result is None:
        return
    card, cached = result.card, result.cached
    holder = card if isinstance(card, BhytCard) and card.name and card.birth_date else cached
    if holder is None or not holder.name or holder.birth_date is None:
        return
    citizen_id = (cached.citizen_id if cached is not None else None) or (
        card.personal_id if isinstance(card, BhytCard) else None) or "001090000099"
    payload = cccd_payload(citizen_id, holder.name, holder.birth_date, holder.gender)
    QTimer.singleShot(1500, lambda: window.scan(payload, "serial"))
