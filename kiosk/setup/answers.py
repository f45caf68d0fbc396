"""What the first-run setup asks, and whether each answer is usable.

Problems carry a ``field``, a stable ``code`` (the Qt wizard translates by it) and an English
``message`` (the command line prints it). Validation never changes an answer; :func:`normalise`
does the harmless clean-ups first (``"01 - 999"`` → ``"01999"``, spaces around a URL).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from kiosk.cards.codes import PROVINCE_CODES, PROVINCE_NAMES
from kiosk.cards.numbers import FACILITY_CODE_RE, normalise_facility_code
from kiosk.config import Config

#: Answer fields, in the order they are asked.
FIELDS: Final = ("facility_code", "facility_name", "hub_url", "hub_token", "departments_file", "camera",
                 "serial", "printer")
_TOKEN_RE: Final = re.compile(r"[\x21-\x7e]{8,512}")
_FACILITY_JUNK: Final = str.maketrans("", "", " -\u2013\u2014\u00a0\t")


@dataclass
class SetupAnswers:
    #: This facility's 5-character code (MA_CSKCB): 2-digit province code + 3 letters/digits.
    facility_code: str = ""
    #: Name printed on tickets.
    facility_name: str = ""
    #: Hub base URL (http or https); empty: this kiosk works offline only.
    hub_url: str = ""
    #: Device token from `kiosk hub device add` (required with a hub URL).
    hub_token: str = ""
    #: A departments file (JSON or CSV) to import into the local store; None: keep what is there.
    departments_file: Path | None = None
    #: Camera spec (index, /dev/videoN, video file, image folder, URL); empty: no camera.
    camera: str = ""
    #: Serial scanner pyserial URL; empty: no serial scanner.
    serial: str = ""
    #: Printer target ("file:PATH", "serial:URL", "network:HOST[:PORT]", "usb:VID:PID", "dummy", "").
    printer: str = ""


@dataclass(frozen=True)
class Problem:
    field: str
    #: Stable code: "required", "format", "province", "scheme", "host", "token", "missing_file".
    code: str
    message: str


def province_name(code: str) -> str:
    """The province a facility code belongs to ("" when the prefix is unknown)."""
    return PROVINCE_NAMES.get(code[:2], "")


def normalise(answers: SetupAnswers) -> SetupAnswers:
    """Trimmed answers; a facility code written with spaces or dashes ("01 - 999") is joined up."""
    code = answers.facility_code.translate(_FACILITY_JUNK).upper()
    return dataclasses.replace(
        answers, facility_code=code, facility_name=answers.facility_name.strip(),
        hub_url=answers.hub_url.strip().rstrip("/"), hub_token=answers.hub_token.strip(),
        camera=answers.camera.strip(), serial=answers.serial.strip(), printer=answers.printer.strip())


def facility_problem(raw: str) -> Problem | None:
    code = raw.translate(_FACILITY_JUNK).upper()
    if not code:
        return Problem("facility_code", "required", "the facility code is required (5 characters, e.g. 01999)")
    if not FACILITY_CODE_RE.fullmatch(code):
        return Problem("facility_code", "format",
                       f"facility code {raw!r}: expected 5 characters, 2 digits (province) then 3 letters "
                       "or digits, e.g. 01999")
    if code[:2] not in PROVINCE_CODES or normalise_facility_code(code) is None:
        return Problem("facility_code", "province", f"facility code {raw!r}: province code {code[:2]} does not exist")
    return None


def hub_url_problem(url: str) -> Problem | None:
    url = url.strip()
    if not url:
        return None  # offline only
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return Problem("hub_url", "scheme", f"hub URL {url!r}: must start with http:// or https://")
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    if not parts.hostname or not port_ok or any(c.isspace() for c in url):
        return Problem("hub_url", "host", f"hub URL {url!r}: expected e.g. https://hub.benhvien.local:8443")
    return None


def token_problem(token: str, hub_url: str) -> Problem | None:
    token = token.strip()
    if not hub_url.strip():
        return None
    if not token:
        return Problem("hub_token", "required", "a hub URL needs the device token (`kiosk hub device add`)")
    if not _TOKEN_RE.fullmatch(token):
        return Problem("hub_token", "token",
                       "the device token is 8-512 printable characters without spaces (copy it exactly)")
    return None


def validate(answers: SetupAnswers) -> list[Problem]:
    """Every problem with the answers (empty list: usable). Probes are separate (they need devices)."""
    problems = [p for p in (facility_problem(answers.facility_code), hub_url_problem(answers.hub_url),
                            token_problem(answers.hub_token, answers.hub_url)) if p is not None]
    if any(not c.isprintable() for c in answers.facility_name):
        problems.append(Problem("facility_name", "format", "the facility name must be one line of text"))
    for name in ("camera", "serial", "printer"):
        if any(not c.isprintable() for c in getattr(answers, name)):
            problems.append(Problem(name, "format", f"{name}: must be one line of text"))
    if answers.departments_file is not None and not Path(answers.departments_file).is_file():
        problems.append(Problem("departments_file", "missing_file",
                                f"departments file {answers.departments_file}: no such file"))
    return problems


def first_setup_config() -> Config:
    """What a first setup starts from: the defaults, but no facility (the built-in sample facility is
    for demos and tests; a clinic must type its own code and name, never keep the sample by mistake)."""
    config = Config()
    return dataclasses.replace(config, facility=dataclasses.replace(config.facility, code="", name=""))


def answers_from_config(config: Config) -> SetupAnswers:
    """The current configuration as answers (the defaults the setup offers)."""
    return SetupAnswers(facility_code=config.facility.code, facility_name=config.facility.name,
                        hub_url=config.hub.url, hub_token=config.hub.token, camera=config.camera.source,
                        serial=config.serial.url, printer=config.printer.target)


def apply_answers(config: Config, answers: SetupAnswers) -> Config:
    """A copy of ``config`` with the answers applied (everything else unchanged)."""
    answers = normalise(answers)
    return dataclasses.replace(
        config,
        facility=dataclasses.replace(config.facility, code=answers.facility_code,
                                     name=answers.facility_name or config.facility.name),
        hub=dataclasses.replace(config.hub, url=answers.hub_url, token=answers.hub_token),
        camera=dataclasses.replace(config.camera, source=answers.camera),
        serial=dataclasses.replace(config.serial, url=answers.serial),
        printer=dataclasses.replace(config.printer, target=answers.printer),
    )
