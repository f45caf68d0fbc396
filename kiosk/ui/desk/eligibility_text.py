"""Translated desk texts for a check-in's eligibility under the 2025 rules (docs/eligibility.md): the route
and the benefit that follows, what the verdict rests on (confirmed online, or the local card list and how
old it is), the gateway's kept data and the "possibly still admitted elsewhere" warning. For staff; context
``DeskEligibility``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.cards.route import Route
from kiosk.checkin.result import CheckResult, StaffFlag, VerdictSource
from kiosk.ui.status_model import relative_minutes
from kiosk.ui.texts import online_text

if TYPE_CHECKING:
    from kiosk.cards.route import RouteDecision
    from kiosk.gateway.protocol import CardDetails

translate = QCoreApplication.translate


def route_name(route: Route) -> str:
    names = {
        Route.REGISTERED_HERE: translate("DeskEligibility", "Registered here"),
        Route.PRIMARY_CARE_ANYWHERE: translate("DeskEligibility", "Primary care, registered elsewhere"),
        Route.REFERRAL: translate("DeskEligibility", "With a referral paper"),
        Route.APPOINTMENT: translate("DeskEligibility", "Re-examination appointment"),
        Route.EMERGENCY: translate("DeskEligibility", "Emergency"),
        Route.SELF_REFERRED: translate("DeskEligibility", "Self-referred"),
        Route.REFERRAL_NEEDED: translate("DeskEligibility", "Referral paper needed"),
        Route.OUTSIDE_ROUTE: translate("DeskEligibility", "Outside route: reception decides"),
        Route.UNKNOWN: translate("DeskEligibility", "Registered facility not known yet"),
    }
    return names[route]


def route_text(decision: RouteDecision) -> str:
    """"Self-referred · code 1.12" (the proposed MA_DOITUONG_KCB, or "code chosen by reception")."""
    code = (translate("DeskEligibility", "code {code}").format(code=decision.object_code)
            if decision.object_code else translate("DeskEligibility", "code chosen by reception"))
    return f"{route_name(decision.route)} · {code}"


def benefit_text(decision: RouteDecision) -> str:
    """What the fund pays on this route: the percentage, and how it follows from the card's level. Not a
    percentage where the kiosk cannot place the visit (reception decides)."""
    if decision.route is Route.UNKNOWN:
        return translate("DeskEligibility", "Not known yet: the registered facility is not known")
    if decision.route is Route.OUTSIDE_ROUTE:
        return translate("DeskEligibility", "Decided by reception")
    if decision.route is Route.REFERRAL_NEEDED and not decision.benefit.percent:
        return translate("DeskEligibility", "0% without a referral paper")
    benefit = decision.benefit
    percent = benefit.percent
    if percent is None:
        return translate("DeskEligibility", "Not known yet (the card's benefit level comes with the gateway's answer)")
    if benefit.fixed_full:
        return translate("DeskEligibility", "{percent}% (paid in full at this facility)").format(percent=percent)
    if percent == 0:
        return translate("DeskEligibility", "0%: not paid by health insurance on this route")
    if benefit.level_percent is not None and benefit.route_percent < 100:
        return translate("DeskEligibility", "{percent}% ({route}% of the card level's {level}%)").format(
            percent=percent, route=benefit.route_percent, level=benefit.level_percent)
    return translate("DeskEligibility", "{percent}% of covered costs").format(percent=percent)


def age_text(age: dt.timedelta) -> str:
    unit, n = relative_minutes(int(age.total_seconds() // 60))
    texts = {"now": translate("DeskEligibility", "synced just now"),
             "min": translate("DeskEligibility", "synced {n} min ago"),
             "h": translate("DeskEligibility", "synced {n} h ago"),
             "d": translate("DeskEligibility", "synced {n} days ago")}
    return texts[unit].format(n=n)


def source_text(result: CheckResult) -> str:
    """What the verdict rests on: the gateway now, or the local card list (with its age), or the card alone;
    and why it was not confirmed online."""
    source = result.verdict_source
    if source is None:
        return ""
    if source is VerdictSource.GATEWAY:
        return online_text(result)
    if source is VerdictSource.CACHE:
        age = result.cache_age
        base = (translate("DeskEligibility", "Local card list ({age}), not confirmed online").format(
                    age=age_text(age)) if age is not None
                else translate("DeskEligibility", "Local card list (never synced), not confirmed online"))
    else:
        base = translate("DeskEligibility", "Only the card's own dates: not in the local card list, "
                                            "not confirmed online")
    if result.online is None:  # no hub configured (the status strip says so)
        return base
    return f"{base} · {online_text(result)}"


def gateway_text(details: CardDetails) -> str:
    """The gateway's kept data on one line: living area, five-year date, issuing office (empty: none)."""
    parts = []
    if details.area:
        parts.append(translate("DeskEligibility", "area {area}").format(area=details.area))
    if details.five_years_on is not None:
        parts.append(translate("DeskEligibility", "5 years continuous from {date}").format(
            date=details.five_years_on.isoformat()))
    if details.office:
        parts.append(translate("DeskEligibility", "issued by {office}").format(office=details.office))
    return " · ".join(parts)


def admitted_elsewhere_text(result: CheckResult) -> str:
    """The treatment-history warning for staff (empty when there is none)."""
    if not result.admitted_elsewhere:
        return ""
    where = ", ".join(
        (c.facility_code or c.user) + ("" if c.checked_at is None else f" {c.checked_at:%d/%m/%Y %H:%M}")
        for c in result.admitted_elsewhere)
    return translate("DeskEligibility", "Possibly still admitted elsewhere: {where} looked the card up after "
                                        "the patient's last discharge. Ask the patient before registering.").format(
        where=where)


def warning_text(result: CheckResult) -> str:
    """What staff must look at before registering: the admitted-elsewhere warning, a CCCD check-in without a
    card number (never billed as "not insured" silently: docs/eligibility.md row 17)."""
    parts = [admitted_elsewhere_text(result)]
    if StaffFlag.CCCD_WITHOUT_CARD in result.staff_flags:
        parts.append(translate("DeskEligibility", "No health-insurance card number is known for this citizen ID: "
                                                  "look the card up (Number only, F3), or tick Self-pay."))
    return "\n".join(p for p in parts if p)
