"""Result codes (``maKetQua``) of the card look-up and what the kiosk does with each (docs/bhxh-gateway.md §7).

Each code maps to an outcome kind (a verdict, a configuration error, or "treat as offline"), the
:class:`~kiosk.cards.eligibility.Verdict` when there is one, and a staff action in Vietnamese and English.
Codes 003/004 (new card issued) are refined by :func:`kiosk.gateway.interpret.interpret` (new-card rule).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from kiosk.cards.eligibility import Verdict


class OutcomeKind(enum.StrEnum):
    #: The gateway gave a verdict on the card.
    VERDICT = "verdict"
    #: Something the administrator must fix (staff CCCD not registered, account/IP, bad parameters).
    CONFIG_ERROR = "config_error"
    #: No usable answer now (server error, timeout): keep the provisional verdict, re-check later.
    OFFLINE = "offline"
    #: The facility's look-up budget is used up: keep the provisional verdict, re-check later.
    RATE_LIMITED = "rate_limited"
    #: Still waiting for the gateway: keep the provisional verdict; the answer fills the cache later.
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class CodeRule:
    code: str
    kind: OutcomeKind
    verdict: Verdict | None
    meaning: str
    action_vi: str
    action_en: str
    #: The answer vouches for the card's data (it may be stored in the hub's card table).
    card_data: bool = False


_DESK_VI = "Chuyển quầy tiếp đón."
_DESK_EN = "Send to the reception desk."

_RULES: Final[tuple[CodeRule, ...]] = (
    CodeRule("000", OutcomeKind.VERDICT, Verdict.VALID, "card data correct",
             "Thông tin thẻ chính xác: tiếp nhận khám BHYT.", "Card data correct: accept as a BHYT visit.", True),
    CodeRule("001", OutcomeKind.VERDICT, Verdict.UNKNOWN, "card managed by the Ministry of Defence's BHXH",
             "Thẻ do BHXH Bộ Quốc phòng quản lý: kiểm tra thẻ giấy và giấy tờ tùy thân. " + _DESK_VI,
             "Card managed by the Ministry of Defence's BHXH: check the paper card and ID. " + _DESK_EN),
    CodeRule("002", OutcomeKind.VERDICT, Verdict.UNKNOWN, "card managed by the Ministry of Public Security's BHXH",
             "Thẻ do BHXH Bộ Công an quản lý: kiểm tra thẻ và giấy tờ tùy thân. " + _DESK_VI,
             "Card managed by the Ministry of Public Security's BHXH: check the card and ID. " + _DESK_EN),
    CodeRule("003", OutcomeKind.VERDICT, Verdict.REPLACED, "old card expired, a new card was issued",
             "Thẻ cũ đã hết hạn, đã cấp thẻ mới: dùng mã thẻ mới.", "Old card expired, a new card was issued: "
             "use the new card number.", True),
    CodeRule("004", OutcomeKind.VERDICT, Verdict.VALID, "old card still valid, a new card was issued",
             "Thẻ cũ còn giá trị, đã cấp thẻ mới: dùng thẻ mới nếu ngày khám nằm trong hạn thẻ mới.",
             "Old card still valid, a new card was issued: use the new card if the visit date is within its "
             "validity.", True),
    CodeRule("010", OutcomeKind.VERDICT, Verdict.EXPIRED, "card expired",
             "Thẻ hết giá trị sử dụng: không hưởng BHYT, đề nghị khám dịch vụ. " + _DESK_VI,
             "Card expired: not a BHYT visit; offer self-pay. " + _DESK_EN, True),
    CodeRule("050", OutcomeKind.VERDICT, Verdict.UNKNOWN, "no card information found",
             "Không có thông tin thẻ. " + _DESK_VI, "No card information found. " + _DESK_EN),
    CodeRule("051", OutcomeKind.VERDICT, Verdict.UNKNOWN, "wrong card number",
             "Mã thẻ không đúng: quét lại một lần, sau đó chuyển quầy tiếp đón.",
             "Wrong card number: scan once more, then send to the reception desk."),
    CodeRule("052", OutcomeKind.VERDICT, Verdict.UNKNOWN, "wrong province code (card characters 4-5)",
             "Sai mã tỉnh trên mã thẻ (ký tự 4-5). " + _DESK_VI,
             "Wrong province code in the card number (characters 4-5). " + _DESK_EN),
    CodeRule("053", OutcomeKind.VERDICT, Verdict.UNKNOWN, "wrong benefit code (card character 3)",
             "Sai mã quyền lợi trên mã thẻ (ký tự 3). " + _DESK_VI,
             "Wrong benefit code in the card number (character 3). " + _DESK_EN),
    CodeRule("054", OutcomeKind.CONFIG_ERROR, None, "staff CCCD not on the facility's registered user list",
             "CCCD của cán bộ tra cứu chưa có trong danh sách người dùng đã đăng ký của cơ sở với BHXH: báo quản "
             "trị viên đăng ký bổ sung. Không phải lỗi của người bệnh.",
             "The looking-up staff member's CCCD is not on the facility's registered user list: the administrator "
             "must register it with BHXH (or fix the configured staff CCCD). Not the patient's fault."),
    CodeRule("055", OutcomeKind.CONFIG_ERROR, None, "staff name does not match the staff CCCD",
             "Họ tên cán bộ tra cứu không khớp với CCCD đã đăng ký: báo quản trị viên sửa họ tên cán bộ "
             "trong cấu hình hoặc tài khoản người dùng. Không phải lỗi của người bệnh.",
             "The staff name does not match the registered staff CCCD: the administrator must correct the staff "
             "name in the configuration or the desk user's account. Not the patient's fault."),
    CodeRule("060", OutcomeKind.VERDICT, Verdict.NAME_MISMATCH, "wrong name",
             "Họ tên không khớp dữ liệu BHXH: kiểm tra cách viết họ tên. " + _DESK_VI,
             "The name does not match BHXH records: check the spelling. " + _DESK_EN),
    CodeRule("061", OutcomeKind.VERDICT, Verdict.NAME_MISMATCH, "wrong name (first character correct)",
             "Họ tên sai (đúng ký tự đầu): kiểm tra cách viết họ tên. " + _DESK_VI,
             "Wrong name (first character correct): check the spelling. " + _DESK_EN),
    CodeRule("070", OutcomeKind.VERDICT, Verdict.BIRTH_DATE_MISMATCH, "wrong date of birth",
             "Ngày sinh không khớp dữ liệu BHXH. " + _DESK_VI,
             "The date of birth does not match BHXH records. " + _DESK_EN),
    CodeRule("080", OutcomeKind.VERDICT, Verdict.UNKNOWN, "wrong gender (older lists only)",
             "Giới tính không khớp dữ liệu BHXH. " + _DESK_VI, "The gender does not match BHXH records. " + _DESK_EN),
    CodeRule("090", OutcomeKind.VERDICT, Verdict.UNKNOWN, "wrong primary-care facility (older lists only)",
             "Nơi đăng ký KCB ban đầu không khớp. " + _DESK_VI,
             "The primary-care facility does not match. " + _DESK_EN),
    CodeRule("100", OutcomeKind.OFFLINE, None, "error reading card data",
             "Lỗi đọc dữ liệu thẻ trên cổng: dùng dữ liệu đã lưu, kiểm tra lại sau.",
             "The gateway could not read the card data: use the cache, re-check later."),
    CodeRule("101", OutcomeKind.OFFLINE, None, "server error",
             "Cổng giám định lỗi máy chủ: dùng dữ liệu đã lưu, kiểm tra lại sau.",
             "Gateway server error: use the cache, re-check later."),
    CodeRule("110", OutcomeKind.VERDICT, Verdict.REVOKED, "card revoked",
             "Thẻ đã bị thu hồi: không hưởng BHYT. " + _DESK_VI, "Card revoked: not a BHYT visit. " + _DESK_EN, True),
    CodeRule("120", OutcomeKind.VERDICT, Verdict.REDUCED, "card reported reduced",
             "Thẻ đã báo giảm: không hưởng BHYT trừ khi nhân viên xác nhận. " + _DESK_VI,
             "Card reported reduced: not a BHYT visit unless staff override. " + _DESK_EN, True),
    CodeRule("121", OutcomeKind.VERDICT, Verdict.REDUCED, "reduced: moved to another province",
             "Thẻ báo giảm do chuyển ngoại tỉnh. " + _DESK_VI, "Card reduced: moved to another province. " + _DESK_EN,
             True),
    CodeRule("122", OutcomeKind.VERDICT, Verdict.REDUCED, "reduced: moved within the province",
             "Thẻ báo giảm do chuyển nội tỉnh. " + _DESK_VI, "Card reduced: moved within the province. " + _DESK_EN,
             True),
    CodeRule("123", OutcomeKind.VERDICT, Verdict.REDUCED, "reduced: revoked for re-enrolment at the same unit",
             "Thẻ báo giảm do thu hồi để tăng lại cùng đơn vị. " + _DESK_VI,
             "Card reduced: revoked for re-enrolment at the same unit. " + _DESK_EN, True),
    CodeRule("124", OutcomeKind.VERDICT, Verdict.REDUCED, "reduced: stopped participating",
             "Thẻ báo giảm do dừng tham gia: không hưởng BHYT. " + _DESK_VI,
             "Card reduced: stopped participating; not a BHYT visit. " + _DESK_EN, True),
    CodeRule("130", OutcomeKind.VERDICT, Verdict.UNKNOWN, "child did not present a card",
             "Trẻ em không xuất trình thẻ. " + _DESK_VI, "Child did not present a card. " + _DESK_EN),
    CodeRule("205", OutcomeKind.CONFIG_ERROR, None, "parameter format error",
             "Sai định dạng tham số gửi lên cổng: kiểm tra họ tên/mã thẻ/ngày sinh; nếu kiosk tự gửi thì là lỗi "
             "phần mềm, báo quản trị viên.",
             "Parameter format error: check name, card number and date of birth; if the kiosk sent them this is a "
             "software bug, tell the administrator."),
    CodeRule("401", OutcomeKind.CONFIG_ERROR, None, "authentication error",
             "Lỗi xác thực với cổng giám định (đã đăng nhập lại một lần): báo quản trị viên kiểm tra IP đăng ký "
             "và tài khoản.",
             "Authentication error (already re-logged in once): the administrator must check the registered IP "
             "and the account."),
    CodeRule("500", OutcomeKind.OFFLINE, None, "server error",
             "Cổng giám định lỗi máy chủ: dùng dữ liệu đã lưu, thử lại sau.",
             "Gateway server error: use the cache, back off and retry later."),
)

RULES: Final = MappingProxyType({rule.code: rule for rule in _RULES})

UNLISTED_RULE_VI = "Mã kết quả {code} không có trong danh mục đã biết. " + _DESK_VI
UNLISTED_RULE_EN = "Result code {code} is not in the known list. " + _DESK_EN


def rule_for(code: str) -> CodeRule:
    """The rule of ``code``; an unlisted code becomes ``unknown`` + staff desk (never a silent accept)."""
    rule = RULES.get(code)
    if rule is not None:
        return rule
    return CodeRule(code, OutcomeKind.VERDICT, Verdict.UNKNOWN, "unlisted result code",
                    UNLISTED_RULE_VI.format(code=code), UNLISTED_RULE_EN.format(code=code))
