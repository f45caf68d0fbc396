"""Fixed ticket label texts in the five kiosk languages (vi is the default).

The facility, department and room names come from the store and are printed as they are; only these
fixed labels follow the patient's language. Every language must define every key (a test checks it).
"""

from __future__ import annotations

from typing import Final, Literal

Language = Literal["vi", "en", "zh", "ko", "ja"]

LANGUAGES: Final[tuple[Language, ...]] = ("vi", "en", "zh", "ko", "ja")
DEFAULT_LANGUAGE: Final[Language] = "vi"

LabelKey = Literal["queue_number", "room", "department", "issued", "wait", "show_code", "test_print"]

LABELS: Final[dict[Language, dict[LabelKey, str]]] = {
    "vi": {
        "queue_number": "Số thứ tự",
        "room": "Phòng",
        "department": "Khoa",
        "issued": "Thời gian",
        "wait": "Vui lòng chờ gọi số",
        "show_code": "Xuất trình mã này tại quầy tiếp đón",
        "test_print": "In thử",
    },
    "en": {
        "queue_number": "Queue number",
        "room": "Room",
        "department": "Department",
        "issued": "Issued",
        "wait": "Please wait until your number is called",
        "show_code": "Show this code at reception",
        "test_print": "Test print",
    },
    "zh": {
        "queue_number": "排队号",
        "room": "诊室",
        "department": "科室",
        "issued": "时间",
        "wait": "请等候叫号",
        "show_code": "请在服务台出示此码",
        "test_print": "测试打印",
    },
    "ko": {
        "queue_number": "대기 번호",
        "room": "진료실",
        "department": "진료과",
        "issued": "발행 시각",
        "wait": "번호를 부를 때까지 기다려 주세요",
        "show_code": "접수처에서 이 코드를 보여 주세요",
        "test_print": "테스트 인쇄",
    },
    "ja": {
        "queue_number": "受付番号",
        "room": "診察室",
        "department": "診療科",
        "issued": "発行時刻",
        "wait": "番号が呼ばれるまでお待ちください",
        "show_code": "受付でこのコードをお見せください",
        "test_print": "テスト印刷",
    },
}


def label(language: Language, key: LabelKey) -> str:
    """The label text for ``key`` in ``language``."""
    return LABELS[language][key]


def check_language(code: str) -> Language:
    """Validate a language code; raises ValueError naming the allowed codes."""
    for language in LANGUAGES:
        if code == language:
            return language
    raise ValueError(f"unknown ticket language {code!r}; expected one of {', '.join(LANGUAGES)}")
