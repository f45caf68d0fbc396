"""The kiosk's configuration: one typed, documented TOML file with defaults that work out of the box.

Where the file lives: ``--config FILE``, else ``$KIOSK_CONFIG``, else ``config.toml`` in the per-user
configuration directory (``platformdirs``). A missing file means "all defaults". Unknown keys and
values of the wrong type are reported with the key's dotted name; they never silently fall back.

Environment overrides (applied after the file): ``KIOSK_DB`` (database URL), ``KIOSK_HUB_URL`` and
``KIOSK_HUB_TOKEN``. ``kiosk config show`` prints the effective configuration and
``kiosk config template`` a commented file to start from.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from kiosk.errors import KioskError

if TYPE_CHECKING:
    from kiosk.cards.identity import IdentityPolicy
    from kiosk.cards.route import FacilityProfile

APP_NAME = "clinic-kiosk"
SCHEMA_VERSION = 1


class ConfigError(KioskError):
    """The configuration file cannot be used; the message names the file and the key."""

    code = "config_error"
    summary = "The configuration file cannot be used"


def data_dir() -> Path:
    """Per-user data directory (database, tickets, logs); ``$KIOSK_DATA_DIR`` overrides it."""
    override = os.environ.get("KIOSK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_config_path() -> Path:
    override = os.environ.get("KIOSK_CONFIG")
    return Path(override) if override else config_dir() / "config.toml"


@dataclass
class FacilityConfig:
    """This facility and its place in the 2025 route rules (docs/eligibility.md, "Route and facility level").

    The province is the first two characters of ``code``. Until ``level`` is set, every patient whose card
    is registered elsewhere is sent to reception (route ``outside_route``), which is the safe default.
    """

    #: This facility's 5-character code (MA_CSKCB), e.g. "01999".
    code: str = "01999"
    #: Name printed on tickets and shown on the welcome screen.
    name: str = "Phòng khám Đa khoa Mẫu"
    #: Level under the amended health-insurance law: "primary" (ban đầu), "basic" (cơ bản), "specialised"
    #: (chuyên sâu); empty: not configured (patients registered elsewhere go to reception).
    level: str = ""
    #: What the facility was before 01/01/2025: "commune", "district", "provincial", "central"; empty: unknown.
    former_tier: str = ""
    #: Score of a basic-level facility (bands: under 50, 50-70); 0 = temporarily classified as basic without
    #: a score; -1 = not configured.
    basic_score: int = -1
    #: Primary facility paid at 100 % whatever the card's level (commune health station, family-medicine
    #: clinic, district health centre, agency or army primary post): object code 1.2.
    primary_full_coverage: bool = False
    #: Cards registered where count as primary care here (object codes 1.2 / 1.11): "country", "province"
    #: (default; the nationwide reading of the law is not confirmed) or "off".
    primary_care_scope: str = "province"

    def profile(self) -> FacilityProfile:
        """The facility as the route rules see it; ConfigError names a bad value."""
        from kiosk.cards.route import FacilityLevel, FacilityProfile, FormerTier, PrimaryCareScope

        def pick(enum_type: Any, key: str) -> Any:
            value = getattr(self, key)
            try:
                return enum_type(value)
            except ValueError:
                allowed = ", ".join(repr(str(m)) for m in enum_type)
                raise ConfigError(f"facility.{key}: {value!r} is not one of {allowed}") from None

        if self.basic_score < -1:
            raise ConfigError(f"facility.basic_score: {self.basic_score} (use -1 for not configured)")
        return FacilityProfile(code=self.code.strip().upper(), level=pick(FacilityLevel, "level"),
                               former_tier=pick(FormerTier, "former_tier"), basic_score=self.basic_score,
                               primary_full_coverage=self.primary_full_coverage,
                               primary_care_scope=pick(PrimaryCareScope, "primary_care_scope"))


@dataclass
class EligibilityConfig:
    """Check-in rules that are facility settings (docs/eligibility.md)."""

    #: Ask for an identity document with a BHYT card (a QR never shows whether the card has a photo):
    #: "self_service" (default: the unattended kiosk asks for the CCCD QR or sends the patient to the desk),
    #: "always" (the desk also records "identity checked"), "off". Children under 6 are never asked.
    identity_check: str = "self_service"
    #: Compare names without any diacritics when matching a CCCD to the card (for scanners that lose them);
    #: off by default: "Nguyễn" and "Nguyen" are different names.
    identity_ignore_diacritics: bool = False
    #: Warn staff when the gateway's look-up history shows the card checked at another facility after the
    #: patient's last discharge (the patient may still be admitted there).
    warn_admitted_elsewhere: bool = True

    def identity_policy(self) -> IdentityPolicy:
        from kiosk.cards.identity import IdentityPolicy

        try:
            return IdentityPolicy(self.identity_check)
        except ValueError:
            raise ConfigError(f"eligibility.identity_check: {self.identity_check!r} is not one of "
                              "'off', 'self_service', 'always'") from None


@dataclass
class DatabaseConfig:
    #: SQLAlchemy URL of the local store; empty means a SQLite file in the data directory.
    url: str = ""
    #: Seconds a write (a check-in) waits for another writer before failing with "database locked".
    #: A card-list import holds the store's write lock for about 3.5 s per million cards at its end.
    lock_wait_s: float = 30.0


@dataclass
class QueueConfig:
    #: Local time ("HH:MM", 24-hour) at which queue numbers start again at 1 each day.
    reset_time: str = "00:00"
    #: Queue numbers on tickets are zero-padded to this many digits ("K01-012").
    ticket_digits: int = 3
    #: Prefix of the reception desk's numbers, taken at the self-service kiosk when a card cannot be used
    #: ("Call staff / reception ticket", docs/kiosk-ux.md §10a); 1-8 letters or digits ("TD" = tiếp đón).
    reception_prefix: str = "TD"
    #: A priority queue at the reception desk (elderly, pregnant, children under 6, disability): the
    #: self-service screens offer a priority number next to the reception number. Off by default.
    priority_queue: bool = False
    #: Prefix of the priority queue's numbers (1-8 letters or digits; "UT" = ưu tiên).
    priority_prefix: str = "UT"
    #: Show "people ahead of you" on the self-service screen and the ticket. The kiosk does not know which
    #: numbers were already called: it counts the numbers issued before this one today (an upper bound).
    people_ahead: bool = False

    def check(self) -> None:
        """ConfigError names a bad prefix or two queues that would print the same numbers."""
        from kiosk.queueing import check_prefix

        for key in ("reception_prefix", "priority_prefix"):
            try:
                check_prefix(getattr(self, key))
            except ValueError as exc:
                raise ConfigError(f"queue.{key}: {exc}") from None
        if self.priority_queue and self.priority_prefix.upper() == self.reception_prefix.upper():
            raise ConfigError("queue.priority_prefix: must differ from queue.reception_prefix "
                              f"({self.reception_prefix!r}), or the two queues print the same numbers")


@dataclass
class HubConfig:
    #: Base URL of the hub, e.g. "https://hub.benhvien.local:8443"; empty means no hub (offline only).
    url: str = ""
    #: Device token issued by `kiosk hub device add`.
    token: str = ""
    #: Seconds between background synchronisations.
    interval_s: float = 60.0
    #: Pending uploads older than this many minutes are shown as a problem (offline itself is not).
    pending_warn_minutes: float = 240.0
    #: Visits per upload batch (the hub accepts at most 1000).
    push_batch_size: int = 500
    #: Card and reference-data changes per pulled page (the hub serves at most 10000).
    pull_page_size: int = 5000
    #: Seconds to wait for the hub's answer before treating it as unreachable.
    timeout_s: float = 30.0
    #: PEM file of the private certificate authority that signed the hub's TLS certificate (a hospital
    #: CA); empty: the system's trusted authorities.
    ca_bundle: str = ""

    @property
    def configured(self) -> bool:
        """A hub URL and a device token are set (else the kiosk works offline only)."""
        return bool(self.url and self.token)


@dataclass
class CameraConfig:
    #: Camera: a device index ("0"), a device path ("/dev/video0"), a video file, a folder of images,
    #: or a stream URL. Empty means the default camera, or the demo clip in demo mode.
    source: str = ""
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    #: Shorten the camera's exposure while a located code is blown out by a reflection, and give the
    #: camera its own settings back afterwards (kiosk/scanner/exposure.py). Cameras that ignore the
    #: request are left alone.
    exposure_control: bool = True


@dataclass
class SerialScannerConfig:
    #: pyserial URL: "/dev/ttyACM0", "COM3", "socket://host:port", "loop://". Empty: no serial scanner.
    url: str = ""
    baudrate: int = 115200
    #: "CR", "LF", "CRLF" or "DOLLAR" (the BHYT payload's own final "$").
    terminator: str = "CR"


@dataclass
class WedgeScannerConfig:
    #: Recognise keyboard-wedge scanner bursts in the application.
    enabled: bool = True
    #: A burst is keys at most this many milliseconds apart.
    max_key_interval_ms: int = 40
    #: Shortest burst that counts as a scan.
    min_length: int = 8


@dataclass
class ScanConfig:
    #: The same payload seen again within this many seconds is the same scan.
    duplicate_window_s: float = 5.0


@dataclass
class UiConfig:
    #: "self" (touch, full-screen) or "desk" (reception, keyboard first).
    mode: str = "desk"
    #: Default language: vi, en, zh, ko, ja.
    language: str = "vi"
    #: Font size in percent, 100–200.
    font_scale: int = 100
    high_contrast: bool = False
    #: Seconds of inactivity before the "are you still there?" warning (self-service mode).
    idle_timeout_s: int = 60
    #: Seconds the warning counts down before the screen resets (at least 20).
    idle_warning_s: int = 20
    #: PBKDF2 hash of the admin PIN ("pbkdf2_sha256$iterations$salt$hash"); empty: PIN 0000 until set.
    admin_pin_hash: str = ""


@dataclass
class PrinterConfig:
    #: "file:PATH", "serial:URL", "network:HOST[:PORT]", "usb:VID:PID", "dummy", or empty for a file
    #: printer writing into the data directory.
    target: str = ""
    #: Printable width in dots (80 mm paper: 576, 58 mm: 384).
    width_dots: int = 576
    #: "image": the ticket as a raster image (Vietnamese and CJK on any printer); "text": ASCII text and
    #: a native QR code, for printers that cannot print raster images.
    mode: str = "image"
    #: Seconds any one step (connect, status answer, 4 KiB of data) may take before "offline".
    timeout_s: float = 2.0
    #: Ask serial/network/USB printers for paper and on-line status before each ticket (DLE EOT);
    #: turn off for printers that never answer status requests.
    status_check: bool = True
    #: Baud rate for "serial:" targets.
    baudrate: int = 9600


@dataclass
class Config:
    schema_version: int = SCHEMA_VERSION
    facility: FacilityConfig = field(default_factory=FacilityConfig)
    eligibility: EligibilityConfig = field(default_factory=EligibilityConfig)
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    queue: QueueConfig = field(default_factory=QueueConfig)
    hub: HubConfig = field(default_factory=HubConfig)
    camera: CameraConfig = field(default_factory=CameraConfig)
    serial: SerialScannerConfig = field(default_factory=SerialScannerConfig)
    wedge: WedgeScannerConfig = field(default_factory=WedgeScannerConfig)
    scan: ScanConfig = field(default_factory=ScanConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)

    def database_url(self) -> str:
        """The effective database URL: the setting, else a SQLite file in the data directory."""
        if self.database.url:
            return self.database.url
        return f"sqlite:///{data_dir() / 'kiosk.sqlite3'}"


def _check_type(value: Any, annotation: Any, key: str) -> Any:
    if annotation is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if annotation in (str, int, float, bool):
        if type(value) is not annotation:
            raise ConfigError(f"{key}: expected {annotation.__name__}, got {type(value).__name__} {value!r}")
        return value
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(annotation):
            try:
                return _check_type(value, option, key)
            except ConfigError:
                continue
        raise ConfigError(f"{key}: unexpected value {value!r}")
    return value


def _apply(section: Any, values: dict[str, Any], prefix: str) -> None:
    hints = typing.get_type_hints(type(section))
    known = {f.name for f in dataclasses.fields(section)}
    for key, value in values.items():
        dotted = f"{prefix}{key}"
        if key not in known:
            raise ConfigError(f"unknown setting {dotted!r}")
        current = getattr(section, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{dotted}: expected a [{dotted}] table")
            _apply(current, value, f"{dotted}.")
        else:
            setattr(section, key, _check_type(value, hints[key], dotted))


def load_config(path: Path | None = None, *, environ: typing.Mapping[str, str] | None = None) -> Config:
    """Read the configuration; a missing file gives the defaults. Raises ConfigError with a clear text."""
    env = os.environ if environ is None else environ
    config = Config()
    config_path = path if path is not None else default_config_path()
    if config_path.exists():
        try:
            raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_path}: cannot read: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{config_path}: not valid TOML: {exc}") from exc
        try:
            _apply(config, raw, "")
        except ConfigError as exc:
            raise ConfigError(f"{config_path}: {exc}") from exc
        try:
            config.facility.profile()
            config.eligibility.identity_policy()
            config.queue.check()
        except ConfigError as exc:
            raise ConfigError(f"{config_path}: {exc}") from exc
        if config.schema_version > SCHEMA_VERSION:
            raise ConfigError(
                f"{config_path}: written by a newer version (schema {config.schema_version}); "
                f"this kiosk understands schema {SCHEMA_VERSION}"
            )
    elif path is not None:
        raise ConfigError(f"{config_path}: no such file")
    if env.get("KIOSK_DB"):
        config.database.url = env["KIOSK_DB"]
    if env.get("KIOSK_HUB_URL"):
        config.hub.url = env["KIOSK_HUB_URL"]
    if env.get("KIOSK_HUB_TOKEN"):
        config.hub.token = env["KIOSK_HUB_TOKEN"]
    return config


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def to_toml(config: Config) -> str:
    """Serialise a configuration as TOML (flat values first, then one table per section)."""
    lines = [f"schema_version = {config.schema_version}"]
    for f in dataclasses.fields(config):
        section = getattr(config, f.name)
        if not dataclasses.is_dataclass(section):
            continue
        lines.append("")
        lines.append(f"[{f.name}]")
        for sf in dataclasses.fields(section):
            lines.append(f"{sf.name} = {_toml_value(getattr(section, sf.name))}")
    return "\n".join(lines) + "\n"


def save_config(config: Config, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename) with owner-only permissions: it may hold the hub token."""
    target = path if path is not None else default_config_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(to_toml(config))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    return target
