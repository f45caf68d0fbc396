"""Code lists: provinces (63 pre-2025 codes and the 2025 merger), object codes, benefit levels.

Source: docs/card-codes.md. Unknown object codes are accepted (with a warning) because new
codes appear before any published list carries them (a 2026 export carries ``AK``).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

#: Old (pre-01/07/2025) province code -> new code after Nghị quyết 202/2025/QH15 (QĐ 19/2025/QĐ-TTg).
OLD_TO_NEW_PROVINCE: Final = MappingProxyType({
    "01": "01", "02": "08", "04": "04", "06": "19", "08": "08", "10": "15", "11": "11", "12": "12",
    "14": "14", "15": "15", "17": "25", "19": "19", "20": "20", "22": "22", "24": "24", "25": "25",
    "26": "25", "27": "24", "30": "31", "31": "31", "33": "33", "34": "33", "35": "37", "36": "37",
    "37": "37", "38": "38", "40": "40", "42": "42", "44": "44", "45": "44", "46": "46", "48": "48",
    "49": "48", "51": "51", "52": "52", "54": "66", "56": "56", "58": "56", "60": "68", "62": "51",
    "64": "52", "66": "66", "67": "68", "68": "68", "70": "75", "72": "80", "74": "79", "75": "75",
    "77": "79", "79": "79", "80": "80", "82": "82", "83": "86", "84": "86", "86": "86", "87": "82",
    "89": "91", "91": "91", "92": "92", "93": "92", "94": "92", "95": "96", "96": "96",
})

#: The 63 province codes accepted everywhere (the 34 new codes are a subset).
PROVINCE_CODES: Final = frozenset(OLD_TO_NEW_PROVINCE)

PROVINCE_NAMES: Final = MappingProxyType({
    "01": "Hà Nội", "02": "Hà Giang", "04": "Cao Bằng", "06": "Bắc Kạn", "08": "Tuyên Quang",
    "10": "Lào Cai", "11": "Điện Biên", "12": "Lai Châu", "14": "Sơn La", "15": "Yên Bái",
    "17": "Hòa Bình", "19": "Thái Nguyên", "20": "Lạng Sơn", "22": "Quảng Ninh", "24": "Bắc Giang",
    "25": "Phú Thọ", "26": "Vĩnh Phúc", "27": "Bắc Ninh", "30": "Hải Dương", "31": "Hải Phòng",
    "33": "Hưng Yên", "34": "Thái Bình", "35": "Hà Nam", "36": "Nam Định", "37": "Ninh Bình",
    "38": "Thanh Hóa", "40": "Nghệ An", "42": "Hà Tĩnh", "44": "Quảng Bình", "45": "Quảng Trị",
    "46": "Thừa Thiên Huế", "48": "Đà Nẵng", "49": "Quảng Nam", "51": "Quảng Ngãi", "52": "Bình Định",
    "54": "Phú Yên", "56": "Khánh Hòa", "58": "Ninh Thuận", "60": "Bình Thuận", "62": "Kon Tum",
    "64": "Gia Lai", "66": "Đắk Lắk", "67": "Đắk Nông", "68": "Lâm Đồng", "70": "Bình Phước",
    "72": "Tây Ninh", "74": "Bình Dương", "75": "Đồng Nai", "77": "Bà Rịa - Vũng Tàu",
    "79": "TP Hồ Chí Minh", "80": "Long An", "82": "Tiền Giang", "83": "Bến Tre", "84": "Trà Vinh",
    "86": "Vĩnh Long", "87": "Đồng Tháp", "89": "An Giang", "91": "Kiên Giang", "92": "Cần Thơ",
    "93": "Hậu Giang", "94": "Sóc Trăng", "95": "Bạc Liêu", "96": "Cà Mau",
})

#: Usual benefit level of each known object code (the level printed on the card is what counts).
OBJECT_CODE_LEVEL: Final = MappingProxyType({
    **dict.fromkeys(("CC", "TE"), 1),
    **dict.fromkeys(("CK", "CB", "KC", "HN", "DT", "DK", "XD", "BT", "TS"), 2),
    **dict.fromkeys(("HT", "TC", "CN"), 3),
    **dict.fromkeys(("DN", "HX", "CH", "NN", "TK", "HC", "XK", "TB", "NO", "CT", "XB", "TN", "CS", "XN",
                     "MS", "HD", "TQ", "TV", "TA", "TY", "HG", "LS", "PV", "HS", "SV", "GB", "GD"), 4),
    **dict.fromkeys(("QN", "CA", "CY"), 5),
})

OBJECT_CODES: Final = frozenset(OBJECT_CODE_LEVEL)

OBJECT_CODE_NAMES_VI: Final = MappingProxyType({
    "DN": "NLĐ trong doanh nghiệp", "HX": "NLĐ trong hợp tác xã", "CH": "NLĐ trong cơ quan nhà nước",
    "NN": "NLĐ cho tổ chức nước ngoài", "TK": "NLĐ trong tổ chức khác", "HC": "Cán bộ, công chức, viên chức",
    "XK": "Người hoạt động không chuyên trách ở xã", "HT": "Người hưởng lương hưu / mất sức",
    "TB": "Hưởng trợ cấp TNLĐ-BNN", "NO": "NLĐ nghỉ ốm dài ngày", "CT": "Từ 80 tuổi hưởng trợ cấp tuất",
    "XB": "Cán bộ xã nghỉ việc", "TN": "Hưởng trợ cấp thất nghiệp", "CS": "Công nhân cao su nghỉ việc",
    "QN": "Quân nhân", "CA": "Công an", "CY": "Cán bộ cơ yếu", "XN": "Cán bộ xã nghỉ việc (NSNN)",
    "MS": "Thôi hưởng trợ cấp mất sức lao động", "CC": "Người có công – nhóm 1",
    "CK": "Người có công – nhóm 2", "CB": "Cựu chiến binh", "KC": "Tham gia kháng chiến",
    "HD": "Đại biểu Quốc hội / HĐND", "TE": "Trẻ em dưới 6 tuổi", "BT": "Hưởng trợ cấp bảo trợ xã hội",
    "HN": "Hộ nghèo", "DT": "Dân tộc thiểu số vùng khó khăn", "DK": "Vùng đặc biệt khó khăn",
    "XD": "Xã đảo, huyện đảo", "TS": "Thân nhân liệt sĩ", "TC": "Thân nhân người có công",
    "TQ": "Thân nhân quân nhân", "TV": "Thân nhân CNVC quốc phòng", "TA": "Thân nhân công an",
    "TY": "Thân nhân cán bộ cơ yếu", "HG": "Hiến bộ phận cơ thể", "LS": "Lưu học sinh nước ngoài",
    "PV": "Người phục vụ người có công", "CN": "Hộ cận nghèo", "HS": "Học sinh", "SV": "Sinh viên",
    "GB": "Hộ nông-lâm-ngư-diêm nghiệp", "GD": "Hộ gia đình",
})

#: Share of covered costs (in scope, correct route) by benefit level.
LEVEL_COVERAGE_PERCENT: Final = MappingProxyType({1: 100, 2: 100, 3: 95, 4: 80, 5: 100})

#: Living-area code of QR field 11 -> XML ``MA_KHUVUC``; ``4`` means "not in a special area".
AREA_CODES: Final = MappingProxyType({"4": None, "5": "K1", "6": "K2", "7": "K3"})


def coverage_percent(level: int | None) -> int | None:
    return None if level is None else LEVEL_COVERAGE_PERCENT.get(level)


def current_province(code: str) -> str | None:
    """The province code after the 2025 merger, for statistics; raw codes are never rewritten."""
    return OLD_TO_NEW_PROVINCE.get(code)
