"""Route of a BHYT visit and the benefit that follows, under the 2025 rules. Pure functions, no I/O.

The rules, their sources and the settings that change them are in docs/eligibility.md ("Route and
facility level", "Object-of-visit codes"). In short:

- the amended health-insurance law (in force 01/07/2025) ranks facilities as primary (ban đầu), basic
  (cơ bản) or specialised (chuyên sâu); what a self-referred patient gets depends on that level, on what
  the facility was before 01/01/2025 (commune, district, provincial, central) and, for basic-level
  facilities, on their score;
- QĐ 3276/QĐ-BYT (17/10/2025) gives each case an object-of-visit code (``MA_DOITUONG_KCB``) and the share
  of the card's benefit that is paid; the table is read top-down and the first case that applies wins;
- emergencies are covered anywhere; a referral paper or a re-examination appointment puts the patient on
  route.

The kiosk only *proposes* the code (the facility sets the final one at discharge). Where the facility's
own level is not configured, or the case is not one the kiosk can place, the route is ``outside_route``
with no code: reception decides.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Final

from kiosk.cards.codes import coverage_percent, current_province


class Route(enum.StrEnum):
    """Documented values of a decision's ``route`` (README, docs/eligibility.md)."""

    #: The card's primary-care facility is this facility (code 1.1; 1.2 at a fixed-100 % primary facility).
    REGISTERED_HERE = "registered_here"
    #: Self-referred to a primary-level facility: covered like the registered one (1.2 / 1.11).
    PRIMARY_CARE_ANYWHERE = "primary_care_anywhere"
    #: A referral paper was presented (1.3).
    REFERRAL = "referral"
    #: A re-examination appointment was presented (1.5).
    APPOINTMENT = "appointment"
    #: Emergency: covered at any facility (2).
    EMERGENCY = "emergency"
    #: Self-referred to a basic or specialised facility that the fund pays for, in full or in part
    #: (1.12, 1.15, 3.2, 3.3; 1.13, 1.14, 1.18 at 50 % from 01/07/2026; 3.1 inpatient at 40 %).
    SELF_REFERRED = "self_referred"
    #: Self-referred where the fund pays nothing for this visit: a referral paper is needed for BHYT
    #: (1.13, 1.14, 1.18 outpatient before 01/07/2026; 3.1 outpatient).
    REFERRAL_NEEDED = "referral_needed"
    #: The kiosk cannot place the visit (facility level not configured, card registered in a province the
    #: settings exclude, a case the table leaves open): reception decides.
    OUTSIDE_ROUTE = "outside_route"
    #: Not known yet: no registered facility on the card (e.g. a CCCD visit before the online look-up).
    UNKNOWN = "unknown"


class FacilityLevel(enum.StrEnum):
    """Level of this facility under the amended health-insurance law of 2024 (in force 01/07/2025)."""

    UNSET = ""
    PRIMARY = "primary"          # cấp khám bệnh, chữa bệnh ban đầu
    BASIC = "basic"              # cấp cơ bản
    SPECIALISED = "specialised"  # cấp chuyên sâu


class FormerTier(enum.StrEnum):
    """What the facility was before 01/01/2025 (the old tiers decide several 2025 cases)."""

    UNSET = ""
    COMMUNE = "commune"
    DISTRICT = "district"
    PROVINCIAL = "provincial"
    CENTRAL = "central"


class PrimaryCareScope(enum.StrEnum):
    """Where cards may be registered for a self-referred primary-care visit to be covered (1.2 / 1.11)."""

    COUNTRY = "country"
    PROVINCE = "province"  # default: the nationwide reading of the law is not confirmed
    OFF = "off"


#: QĐ 3276/QĐ-BYT: its object-of-visit list applies to visits from the decision's date.
CODES_3276_FROM: Final = dt.date(2025, 10, 17)
#: The reduced 50 % benefit of codes 1.13, 1.14 and 1.18 starts here (nothing before).
HALF_BENEFIT_FROM: Final = dt.date(2026, 7, 1)
#: Visits before this date fall under the rules before the amended law (not decided here: staff).
LAW_2024_FROM: Final = dt.date(2025, 7, 1)


@dataclass(frozen=True, slots=True)
class FacilityProfile:
    """This facility's place in the 2025 rules (``[facility]`` in kiosk/config.py)."""

    code: str
    level: FacilityLevel = FacilityLevel.UNSET
    former_tier: FormerTier = FormerTier.UNSET
    #: Score of a basic-level facility (the 50 / 70 point bands); 0: temporarily classified as basic
    #: without a score; -1: not configured.
    basic_score: int = -1
    #: A primary facility where every visit is paid at 100 % whatever the card's level (commune health
    #: station, family-medicine clinic, district health centre, an agency's or the army's primary post).
    primary_full_coverage: bool = False
    primary_care_scope: PrimaryCareScope = PrimaryCareScope.PROVINCE

    @property
    def province(self) -> str:
        """The facility's province: the first two characters of its code (never configured apart)."""
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class VisitCircumstances:
    """What the patient or the desk says about this visit."""

    referral: bool = False
    appointment: bool = False
    emergency: bool = False
    inpatient: bool = False


@dataclass(frozen=True, slots=True)
class Benefit:
    """What the fund pays: ``route_percent`` of the card's level coverage (``level_percent``)."""

    #: Coverage of the card's benefit level (1-5 -> 100/100/95/80/100), None when the level is unknown.
    level_percent: int | None
    #: Share of that coverage paid on this route (100, 50, 40 or 0).
    route_percent: int
    #: Paid at 100 % whatever the card's level (code 1.2).
    fixed_full: bool = False

    @property
    def percent(self) -> int | None:
        """Share of covered costs the fund pays for this visit; None when it cannot be told yet."""
        if self.fixed_full:
            return self.route_percent
        if self.level_percent is None:
            return None if self.route_percent else 0
        return self.level_percent * self.route_percent // 100

    def to_json(self) -> dict[str, int | bool | None]:
        return {"percent": self.percent, "level_percent": self.level_percent, "route_percent": self.route_percent,
                "fixed_full": self.fixed_full}


@dataclass(frozen=True, slots=True)
class RouteDecision:
    route: Route
    #: Proposed ``MA_DOITUONG_KCB`` in the visit date's code set; None: reception chooses it.
    object_code: str | None
    benefit: Benefit
    #: The patient should bring a referral paper (or pay) for this visit to be paid by BHYT.
    needs_referral: bool
    #: Reception must look at the visit (outside route, unknown facility, referral needed …).
    needs_desk: bool
    message_vi: str
    message_en: str

    def message(self, lang: str = "vi") -> str:
        return self.message_vi if lang == "vi" else self.message_en

    def to_json(self) -> dict[str, object]:
        return {"route": str(self.route), "object_code": self.object_code, "benefit": self.benefit.to_json(),
                "needs_referral": self.needs_referral, "needs_desk": self.needs_desk,
                "message_vi": self.message_vi, "message_en": self.message_en}


_MESSAGES: Final[dict[Route, tuple[str, str]]] = {
    Route.REGISTERED_HERE: ("Đúng nơi đăng ký khám chữa bệnh ban đầu.",
                            "This is the card's registered primary-care facility."),
    Route.PRIMARY_CARE_ANYWHERE: ("Khám tại cơ sở cấp ban đầu: được hưởng như nơi đăng ký.",
                                  "Primary-care visit: covered as at the registered facility."),
    Route.REFERRAL: ("Có giấy chuyển cơ sở khám chữa bệnh.", "With a referral paper."),
    Route.APPOINTMENT: ("Có giấy hẹn khám lại.", "With a re-examination appointment."),
    Route.EMERGENCY: ("Cấp cứu: được hưởng BHYT tại mọi cơ sở.", "Emergency: covered at any facility."),
    Route.SELF_REFERRED: ("Tự đến khám: được hưởng theo tỷ lệ của cơ sở.",
                          "Self-referred: covered at this facility's rate."),
    Route.REFERRAL_NEEDED: ("Cần giấy chuyển cơ sở khám chữa bệnh để được hưởng BHYT. Vui lòng đến quầy tiếp đón.",
                            "A referral paper is needed for health insurance to pay. Please see reception."),
    Route.OUTSIDE_ROUTE: ("Không đúng nơi đăng ký. Vui lòng đến quầy tiếp đón.",
                          "Not the registered facility. Please see reception."),
    Route.UNKNOWN: ("Chưa xác định được nơi đăng ký ban đầu. Vui lòng đến quầy tiếp đón.",
                    "The registered facility is not known yet. Please see reception."),
}


def uses_3276_codes(on: dt.date) -> bool:
    """Whether a visit on ``on`` takes its object code from QĐ 3276 (else the earlier QĐ 824 list)."""
    return on >= CODES_3276_FROM


def _same_province(card_facility: str, facility: FacilityProfile) -> bool:
    mine, theirs = current_province(facility.province), current_province(card_facility[:2])
    return mine is not None and mine == theirs


def _in_primary_scope(card_facility: str, facility: FacilityProfile) -> bool:
    if facility.primary_care_scope is PrimaryCareScope.COUNTRY:
        return True
    if facility.primary_care_scope is PrimaryCareScope.PROVINCE:
        return _same_province(card_facility, facility)
    return False


def _self_referred(facility: FacilityProfile, on: dt.date, inpatient: bool) -> tuple[Route, str | None, int]:
    """Route, QĐ 3276 code and route percent of a self-referred visit to a basic or specialised facility."""
    half = 50 if on >= HALF_BENEFIT_FROM else 0
    tier, score = facility.former_tier, facility.basic_score
    if facility.level is FacilityLevel.BASIC:
        if inpatient:
            return Route.SELF_REFERRED, "1.15", 100
        if 0 <= score < 50 and tier not in (FormerTier.PROVINCIAL, FormerTier.CENTRAL):
            return Route.SELF_REFERRED, "1.12", 100
        if 50 <= score <= 70 and tier not in (FormerTier.PROVINCIAL, FormerTier.CENTRAL):
            return (Route.SELF_REFERRED if half else Route.REFERRAL_NEEDED), "1.13", half
        if tier in (FormerTier.PROVINCIAL, FormerTier.CENTRAL):
            return (Route.SELF_REFERRED if half else Route.REFERRAL_NEEDED), "1.14", half
        if tier is FormerTier.DISTRICT:
            return Route.SELF_REFERRED, "3.3", 100
        return Route.OUTSIDE_ROUTE, None, 0
    if facility.level is FacilityLevel.SPECIALISED:
        if tier is FormerTier.CENTRAL:
            return (Route.SELF_REFERRED, "3.1", 40) if inpatient else (Route.REFERRAL_NEEDED, "3.1", 0)
        if tier is FormerTier.PROVINCIAL:
            if inpatient:
                return Route.SELF_REFERRED, "3.2", 100
            return (Route.SELF_REFERRED if half else Route.REFERRAL_NEEDED), "1.18", half
        if tier is FormerTier.DISTRICT:
            return Route.SELF_REFERRED, "3.3", 100
    return Route.OUTSIDE_ROUTE, None, 0


def _classify(registered_facility: str | None, facility: FacilityProfile, on: dt.date,
              visit: VisitCircumstances) -> tuple[Route, str | None, int, bool]:
    """(route, QĐ 3276 code, route percent, fixed 100 %), in the table's top-down order."""
    full_primary = facility.level is FacilityLevel.PRIMARY and facility.primary_full_coverage
    if registered_facility is not None and registered_facility == facility.code:
        return Route.REGISTERED_HERE, ("1.2" if full_primary else "1.1"), 100, full_primary
    if full_primary and registered_facility is not None and _in_primary_scope(registered_facility, facility):
        return Route.PRIMARY_CARE_ANYWHERE, "1.2", 100, True
    if visit.referral:
        return Route.REFERRAL, "1.3", 100, False
    if visit.appointment:
        return Route.APPOINTMENT, "1.5", 100, False
    if visit.emergency:
        return Route.EMERGENCY, "2", 100, False
    if registered_facility is None:
        return Route.UNKNOWN, None, 0, False
    if facility.level is FacilityLevel.PRIMARY:
        if _in_primary_scope(registered_facility, facility):
            return Route.PRIMARY_CARE_ANYWHERE, "1.11", 100, False
        return Route.OUTSIDE_ROUTE, None, 0, False
    route, code, percent = _self_referred(facility, on, visit.inpatient)
    return route, code, percent, False


#: Routes whose QĐ 824 code (visits before 17/10/2025) the kiosk knows: the rest are left to staff.
_CODES_824: Final = {Route.REGISTERED_HERE: "1.1", Route.EMERGENCY: "2"}


def object_code_for(route: Route, code_3276: str | None, on: dt.date) -> str | None:
    """The proposed ``MA_DOITUONG_KCB`` for the visit date's code set (None: reception chooses)."""
    if uses_3276_codes(on):
        return code_3276
    return _CODES_824.get(route)


def circumstances_for(route: Route | str | None) -> VisitCircumstances:
    """The circumstances a stored route implies (to recompute its code, e.g. when building XML0 later)."""
    value = str(route or "")
    return VisitCircumstances(referral=value == Route.REFERRAL, appointment=value == Route.APPOINTMENT,
                              emergency=value == Route.EMERGENCY)


def decide_route(registered_facility: str | None, benefit_level: int | None, facility: FacilityProfile,
                 on: dt.date, visit: VisitCircumstances | None = None) -> RouteDecision:
    """The route of a visit on ``on`` with a card registered at ``registered_facility`` (5 characters; None
    when not known yet) and benefit digit ``benefit_level`` (None for 10/12-digit numbers until the gateway
    answers), at the facility described by ``facility``."""
    circumstances = visit or VisitCircumstances()
    registered = registered_facility.strip().upper() if registered_facility else None
    if on < LAW_2024_FROM and registered != facility.code and not circumstances.emergency:
        route, code, percent, fixed = Route.OUTSIDE_ROUTE, None, 0, False
    else:
        route, code, percent, fixed = _classify(registered, facility, on, circumstances)
    needs_referral = route is Route.REFERRAL_NEEDED
    needs_desk = route in (Route.REFERRAL_NEEDED, Route.OUTSIDE_ROUTE, Route.UNKNOWN)
    vi, en = _MESSAGES[route]
    benefit = Benefit(coverage_percent(benefit_level), percent, fixed)
    if route is Route.SELF_REFERRED and percent < 100:
        vi += f" Quỹ BHYT chi trả {percent}% mức hưởng."
        en += f" The fund pays {percent}% of the card's benefit."
    return RouteDecision(route=route, object_code=object_code_for(route, code, on), benefit=benefit,
                         needs_referral=needs_referral, needs_desk=needs_desk, message_vi=vi, message_en=en)
