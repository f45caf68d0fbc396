"""STAND-IN for the BHXH assessment gateway, for tests and benchmarks only.

It follows the published contract in ``docs/bhxh-gateway.md`` (§3 token, §4 limits, §5 card
look-up, §7 result codes, §9 check-in upload). The real gateway (egw.baohiemxahoi.gov.vn) cannot be
reached from here, so the adapter in ``kiosk/gateway`` is tested against this server instead. It is a
real HTTP server (FastAPI + uvicorn on 127.0.0.1, a free port, in a thread) with:

- tokens that expire (configurable lifetime and ``expires_in`` style: ISO, Unix time, seconds),
  HTTP 401 with ``{"maKetQua": "401"}`` for expired/unknown tokens, optional IP binding;
- per-card scripted answers for every result code, or computed ones (000/010/050/060/070, 054/055/205);
- the answer fields of §5 per card: living area ``maKV``, ``ngayDu5Nam``, the managing office ``cqBHXH``,
  ``maSoBHXH`` (the 12-digit personal ID for cards numbered by it), ``maTheCu``/``maTheMoi`` and the look-up
  history ``dsLichSuKT2018`` (every look-up is recorded on the card as ``{userKT, thoiGianKT, thongBao,
  maLoi}``, so a card checked by another facility shows it; ``history`` seeds earlier entries) and the
  visit history ``dsLichSuKCB2018`` (``visits``; the gateway now returns it as null, so it defaults to None);
- slow answers (a configurable delay) and dropped connections (headers, then the socket closes);
- the check-in endpoint, which checks the header auth and form fields, decodes ``fileHSBase64``, parses the
  XML0 and checks the facility signature in ``<CHUKYDONVI>`` (docs/xml0.md §Signing: enveloped XML-DSig,
  SHA-256, ``Reference URI=""``, the X509Certificate in KeyInfo; verified with signxml directly, not with the
  kiosk's own verifier) before answering with a ``maGiaoDich``. A signed file that does not verify is always
  refused; an unsigned one only when ``require_signature`` is set. The real gateway also checks that the
  certificate is the one the facility registered on the BHXH portal (and, presumably, its chain and
  revocation): here ``registered_certificates`` imitates the registration only.

What the real gateway does beyond the contract (its own validation of XML0 content, certificate chains and
revocation, history) is not imitated.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import hashlib
import itertools
import logging
import threading
import time
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import uvicorn
from cryptography.hazmat.primitives import serialization
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

ICT = dt.timezone(dt.timedelta(hours=7))
DEFAULT_PASSWORD = "mat-khau-thu"


def md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


@dataclass
class StandinCard:
    """A card the stand-in knows. ``code`` scripts the answer; None computes it from the data."""

    card_number: str
    name: str
    birth: str  # dd/MM/yyyy or yyyy, as BHXH holds it
    gender: str = "Nam"
    facility: str = "10099"
    valid_from: str = "01/01/2024"
    valid_to: str = "31/12/2030"
    bhxh_number: str | None = None
    citizen_id: str | None = None
    #: ``maKV`` ("K1"/"K2"/"K3" or ""), ``ngayDu5Nam``, ``cqBHXH``, ``maTheCu``.
    area: str = ""
    five_years: str = "01/10/2027"
    office: str = "BHXH tỉnh Mẫu"
    old_card: str | None = None
    #: ``dsLichSuKT2018`` entries already on record before this test's look-ups (userKT, thoiGianKT
    #: yyyyMMddHHmm, thongBao, maLoi); each look-up appends one.
    history: list[dict[str, str]] = field(default_factory=list)
    #: ``dsLichSuKCB2018``: None (what the gateway returns since Lskcb2025) or visits with ``ngayRa``.
    visits: list[dict[str, str]] | None = None
    code: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: Seconds before answering; with ``drop``, seconds before dropping the connection.
    delay_s: float = 0.0
    drop: bool = False
    #: HTTP status of the answer (error bodies carry maKetQua too); None: 200.
    http_status: int | None = None


@dataclass
class Issued:
    access_token: str
    id_token: str
    username: str
    expires_at: float
    ip: str


@dataclass
class StandinState:
    username: str = "10099_BV"
    password_md5: str = field(default_factory=lambda: md5(DEFAULT_PASSWORD))
    token_lifetime_s: float = 600.0
    #: The stand-in's clock for token lifetimes (Unix seconds); tests inject one to expire tokens without waiting.
    clock: Callable[[], float] = time.time
    #: How ``expires_in`` is written: "iso", "unix", "seconds", "missing".
    expires_style: str = "iso"
    ip_bound: bool = True
    #: When set, requests are treated as coming from this address (to simulate an IP change).
    client_ip_override: str | None = None
    #: Look-ups and uploads are treated as coming from another address than the login (IP mismatch).
    calls_from_other_ip: bool = False
    #: Registered staff: CCCD -> name.
    staff: dict[str, str] = field(default_factory=lambda: {"001090000001": "Nguyễn Thị Lễ Tân"})
    cards: dict[str, StandinCard] = field(default_factory=dict)
    #: Login failures to script: "500" (server error) or "401".
    login_script: list[str] = field(default_factory=list)
    #: Upload behaviours to script, consumed in order: "500", "drop", "reject", "number".
    upload_script: list[str] = field(default_factory=list)
    #: Refuse unsigned XML0 files (mandatory from 01/01/2026); signed files are always verified.
    require_signature: bool = False
    #: DER of the certificates "registered on the portal"; None: any certificate whose signature verifies.
    registered_certificates: list[bytes] | None = None
    today: dt.date = field(default_factory=lambda: dt.datetime.now(ICT).date())
    tokens: dict[str, Issued] = field(default_factory=dict)
    logins: int = 0
    lookups: int = 0
    answered: int = 0
    lookup_log: list[dict[str, str]] = field(default_factory=list)
    uploads: list[dict[str, Any]] = field(default_factory=list)
    closing: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, card: StandinCard) -> StandinCard:
        self.cards[card.card_number] = card
        return card

    def expire_tokens(self) -> None:
        with self.lock:
            for issued in self.tokens.values():
                issued.expires_at = 0.0


_counter = itertools.count(1)


class _DroppedConnection(Exception):
    """Raised inside a started response: uvicorn closes the socket (a dropped connection)."""


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], _DroppedConnection))


async def _form(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


async def _sleep(state: StandinState, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not state.closing.is_set():
        await asyncio.sleep(min(0.05, max(0.0, end - time.monotonic())))


def _drop() -> Response:
    async def body() -> AsyncIterator[bytes]:
        raise _DroppedConnection
        yield b""  # pragma: no cover - makes this an async generator

    return StreamingResponse(body(), media_type="application/json")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _client_ip(state: StandinState, request: Request) -> str:
    return state.client_ip_override or (request.client.host if request.client else "?")


def _check_token(state: StandinState, request: Request, token: str, id_token: str, username: str,
                 password: str) -> str | None:
    """None when the credentials are good, else why not."""
    with state.lock:
        issued = state.tokens.get(token)
    if issued is None:
        return "unknown token"
    if state.clock() >= issued.expires_at:
        return "token expired"
    if id_token != issued.id_token or username != issued.username or password.lower() != state.password_md5:
        return "credentials do not match the token"
    ip = "203.0.113.77" if state.calls_from_other_ip else _client_ip(state, request)
    if state.ip_bound and ip != issued.ip:
        return "token used from another IP address"
    return None


def _unauthorised(why: str) -> JSONResponse:
    return JSONResponse({"maKetQua": "401", "ghiChu": f"Lỗi xác thực: {why}"}, status_code=401)


def _dmy_ok(text: str) -> bool:
    try:
        dt.datetime.strptime(text, "%d/%m/%Y")
    except ValueError:
        return len(text) == 4 and text.isdigit()
    return True


def _same_birth(sent: str, held: str) -> bool:
    if len(sent) == 4 or len(held) == 4:
        return sent[-4:] == held[-4:]
    return sent == held


def _insurance_number(card: StandinCard) -> str:
    """``maSoBHXH``: the 12-digit personal ID replaces the 10-digit number on cards numbered by it."""
    if card.bhxh_number:
        return card.bhxh_number
    number = card.card_number
    return number if len(number) == 12 and number.isdigit() else number[-10:]


def _card_body(card: StandinCard, code: str, note: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "maKetQua": code, "ghiChu": note, "maThe": card.card_number, "hoTen": card.name, "ngaySinh": card.birth,
        "gioiTinh": card.gender, "diaChi": "Thôn Mẫu, xã Thử Nghiệm", "maDKBD": card.facility,
        "cqBHXH": card.office, "gtTheTu": card.valid_from, "gtTheDen": card.valid_to, "maKV": card.area,
        "ngayDu5Nam": card.five_years, "maSoBHXH": _insurance_number(card), "maTheCu": card.old_card,
        "maTheMoi": None, "gtTheTuMoi": None, "gtTheDenMoi": None, "maDKBDMoi": None, "tenDKBDMoi": None,
        "dsLichSuKCB2018": None if card.visits is None else [dict(v) for v in card.visits],
        "dsLichSuKT2018": [dict(h) for h in card.history],
    }
    body.update(card.extra)
    return body


def _record_check(state: StandinState, card: StandinCard | None, body: dict[str, Any]) -> None:
    """Add this look-up to the card's history (``dsLichSuKT2018``), as the gateway keeps it."""
    if card is None:
        return
    with state.lock:
        card.history.append({"userKT": state.username, "thoiGianKT": dt.datetime.now(ICT).strftime("%Y%m%d%H%M"),
                             "thongBao": str(body.get("ghiChu") or ""), "maLoi": str(body.get("maKetQua") or "")})


def _lookup_answer(state: StandinState, form: dict[str, str]) -> tuple[StandinCard | None, dict[str, Any]]:
    staff_id, staff_name = form.get("cccdCb", ""), form.get("hoTenCb", "")
    if not staff_id or not staff_name:
        return None, {"maKetQua": "205", "ghiChu": "Thiếu thông tin cán bộ tra cứu"}
    if staff_id not in state.staff:
        return None, {"maKetQua": "054", "ghiChu": "CCCD cán bộ không có trong danh sách người dùng"}
    if _norm(state.staff[staff_id]) != _norm(staff_name):
        return None, {"maKetQua": "055", "ghiChu": "Họ tên cán bộ không khớp CCCD"}
    number, name, birth = form.get("maThe", ""), form.get("hoTen", ""), form.get("ngaySinh", "")
    if not number or not name or not _dmy_ok(birth):
        return None, {"maKetQua": "205", "ghiChu": "Sai định dạng tham số"}
    card = state.cards.get(number) or next((c for c in state.cards.values() if c.citizen_id == number), None)
    if card is None:
        return None, {"maKetQua": "050", "ghiChu": "Không có thông tin thẻ"}
    if card.code is not None:
        return card, _card_body(card, card.code, f"Kết quả {card.code}")
    if _norm(card.name) != _norm(name):
        return card, {"maKetQua": "060", "ghiChu": "Họ tên không đúng"}
    if not _same_birth(birth, card.birth):
        return card, {"maKetQua": "070", "ghiChu": "Ngày sinh không đúng"}
    if dt.datetime.strptime(card.valid_to, "%d/%m/%Y").date() < state.today:
        return card, _card_body(card, "010", "Thẻ hết giá trị sử dụng!")
    return card, _card_body(card, "000", f"Thẻ còn giá trị sử dụng! Họ tên: {card.name}; Nơi KCBBĐ: {card.facility}")


_DS = "http://www.w3.org/2000/09/xmldsig#"


def _check_signature(state: StandinState, root: ET.Element, document: bytes) -> str | None:
    signature = root.find(f"CHUKYDONVI/{{{_DS}}}Signature")
    if signature is None:
        return "Hồ sơ chưa được ký số (CHUKYDONVI)" if state.require_signature else None
    from cryptography import x509
    from signxml import SignatureConfiguration, XMLVerifier
    from signxml.algorithms import CanonicalizationMethod, DigestAlgorithm
    from signxml.exceptions import SignXMLException

    reference = signature.find(f"{{{_DS}}}SignedInfo/{{{_DS}}}Reference")
    cert_text = signature.findtext(f"{{{_DS}}}KeyInfo/{{{_DS}}}X509Data/{{{_DS}}}X509Certificate")
    if reference is None or reference.get("URI") != "" or not cert_text:
        return "Chữ ký số không đúng cấu trúc"
    try:
        cert = x509.load_der_x509_certificate(base64.b64decode("".join(cert_text.split())))
    except (ValueError, binascii.Error):
        return "Không đọc được chứng thư số"
    if state.registered_certificates is not None and cert.public_bytes(
            serialization.Encoding.DER) not in state.registered_certificates:
        return "Chứng thư số chưa được đăng ký với BHXH"
    config = SignatureConfiguration(location="./CHUKYDONVI/", digest_algorithms=frozenset({DigestAlgorithm.SHA256}),
                                    default_reference_c14n_method=CanonicalizationMethod.CANONICAL_XML_1_0)
    try:
        XMLVerifier().verify(document, x509_cert=cert, expect_config=config)
    except SignXMLException as exc:
        return f"Chữ ký số không hợp lệ: {exc}"
    return None


def _check_xml0(state: StandinState, document: bytes, facility: str) -> str | None:
    try:
        root = ET.fromstring(document)
    except ET.ParseError as exc:
        return f"XML không hợp lệ: {exc}"
    if root.tag != "CHI_TIEU_TRANG_THAI_KCB":
        return "Sai thẻ gốc của XML0"
    row = root.find("./DSACH_TRANG_THAI_KCB/TRANG_THAI_KCB")
    if row is None:
        return "Không có TRANG_THAI_KCB"
    if not (row.findtext("MA_LK") or "").strip():
        return "Thiếu MA_LK"
    if (row.findtext("MA_CSKCB") or "") != facility:
        return "MA_CSKCB không khớp"
    return _check_signature(state, root, document)


def create_app(holder: StandinHolder) -> FastAPI:
    app = FastAPI(title="BHXH gateway STAND-IN (tests only)", openapi_url=None, docs_url=None, redoc_url=None)

    @app.post("/api/token/take")
    async def token_take(request: Request) -> Response:
        state = holder.state
        form = await _form(request)
        if state.login_script:
            scripted = state.login_script.pop(0)
            return JSONResponse({"maKetQua": scripted}, status_code=int(scripted))
        if form.get("username") != state.username or form.get("password", "").lower() != state.password_md5:
            return JSONResponse({"maKetQua": "401", "message": "Sai tài khoản hoặc mật khẩu"}, status_code=401)
        issued = Issued(uuid.uuid4().hex, uuid.uuid4().hex, state.username, state.clock() + state.token_lifetime_s,
                        _client_ip(state, request))
        with state.lock:
            state.tokens[issued.access_token] = issued
            state.logins += 1
        expires: Any = {
            "iso": dt.datetime.fromtimestamp(issued.expires_at, dt.UTC).isoformat().replace("+00:00", "Z"),
            "unix": int(issued.expires_at), "seconds": str(int(state.token_lifetime_s)), "missing": None,
        }[state.expires_style]
        return JSONResponse({"maKetQua": "200", "APIKey": {
            "access_token": issued.access_token, "id_token": issued.id_token, "token_type": "Bearer",
            "username": issued.username, "expires_in": expires}})

    @app.post("/api/egw/KQNhanLichSuKCB2024")
    async def card_lookup(request: Request) -> Response:
        state = holder.state
        q = request.query_params
        form = await _form(request)
        with state.lock:
            state.lookups += 1
            state.lookup_log.append({"maThe": form.get("maThe", ""), "hoTenCb": form.get("hoTenCb", ""),
                                     "cccdCb": form.get("cccdCb", ""), "ngaySinh": form.get("ngaySinh", "")})
        why = _check_token(state, request, q.get("token", ""), q.get("id_token", ""), q.get("username", ""),
                           q.get("password", ""))
        if why:
            return _unauthorised(why)
        card, body = _lookup_answer(state, form)
        _record_check(state, card, body)
        if card is not None and card.delay_s:
            await _sleep(state, card.delay_s)
        if card is not None and card.drop:
            return _drop()
        with state.lock:
            state.answered += 1
        return JSONResponse(body, status_code=card.http_status if card and card.http_status else 200)

    @app.post("/api/qd130/checkInKcbQd3176")
    async def checkin(request: Request) -> Response:
        state = holder.state
        h = request.headers
        form = await _form(request)
        why = _check_token(state, request, h.get("accessToken", ""), h.get("tokenId", ""), state.username,
                           h.get("passwordHash", ""))
        if why:
            return _unauthorised(why)
        scripted = state.upload_script.pop(0) if state.upload_script else ""
        if scripted == "drop":
            return _drop()
        if scripted == "500":
            return JSONResponse({"maKetQua": "500", "thongDiep": "Lỗi máy chủ"}, status_code=500)
        facility = form.get("maCSKCB", "")
        problem = None
        if form.get("username") != state.username:
            problem = "Sai username"
        elif form.get("loaiHoSo") != "0":
            problem = "loaiHoSo phải là 0 cho check-in"
        elif len(facility) != 5 or form.get("maTinh") != facility[:2]:
            problem = "maTinh/maCSKCB không hợp lệ"
        try:
            document = base64.b64decode(form.get("fileHSBase64", ""), validate=True)
        except (binascii.Error, ValueError):
            document, problem = b"", problem or "fileHSBase64 không phải base64"
        problem = (problem or _check_xml0(state, document, facility)
                   or ("Từ chối (kịch bản)" if scripted == "reject" else None))
        if problem:
            return JSONResponse({"maKetQua": "400", "thongDiep": problem})
        transaction = f"GD{next(_counter):010d}"
        with state.lock:
            state.uploads.append({"maGiaoDich": transaction, "document": document, "form": form})
        code: Any = 200 if scripted == "number" else "200"
        return JSONResponse({"maKetQua": code, "maGiaoDich": transaction,
                             "thoiGianTiepNhan": dt.datetime.now(ICT).strftime("%Y%m%d%H%M%S"),
                             "thongDiep": "Tiếp nhận hồ sơ check-in thành công"})

    return app


class StandinHolder:
    """Holds the current state (tests swap it) and the running server."""

    def __init__(self) -> None:
        self.state = StandinState()
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self.url = ""

    def reset(self) -> StandinState:
        self.state.closing.set()  # releases slow answers of the previous test
        self.state = StandinState()
        return self.state

    @classmethod
    def start(cls) -> StandinHolder:
        holder = cls()
        logging.getLogger("uvicorn.error").addFilter(_QuietDrops())
        config = uvicorn.Config(create_app(holder), host="127.0.0.1", port=0, log_level="warning",
                                access_log=False, timeout_graceful_shutdown=1, lifespan="off")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="gateway-standin", daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the gateway stand-in did not start")
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        holder.server, holder.thread, holder.url = server, thread, f"http://127.0.0.1:{port}"
        return holder

    def stop(self) -> None:
        self.state.closing.set()
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=5)
