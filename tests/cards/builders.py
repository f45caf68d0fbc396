"""Synthetic card payloads (no real person's data), built field by field like the issuer does."""

from __future__ import annotations

from collections.abc import Sequence


def h(text: str) -> str:
    return text.encode("utf-8").hex()


EXAMPLE_A = ("HC4100123456789|4e677579e1bb856e2056c4836e20416e|15/03/1985|1|5468c3b46e204de1baab752c2078c3a3"
             "205468e1bbad204e676869e1bb876d2c2074e1bb896e68204cc3a06f20436169|10 - 099|01/01/2024|-|20/12/2023|"
             "10010123456789|-|5| 01/10/2027|5e1f0c2a9b7d3c48-7102|$")
EXAMPLE_B = ("0198765432|4cc3aa205468e1bb8b20486f61|07/09/1992|2|-|01 \u2013 C99|01/01/2025|-|15/11/2024|"
             "01020198765432|-|4| 01/01/2030|a3c5e7f90b1d2e4-1202|4|5175e1baad6e20426120c490c3ac6e682c205468c3a0"
             "6e68207068e1bb912048c3a0204ee1bb9969|$")
EXAMPLE_C = ("HS4010111222333|5068e1baa16d204d696e6820c490e1bba963|2/5/2010|1|53e1bb912031206e67c3b5204de1baab"
             "752c207068c6b0e1bb9d6e67205468e1bbad204e676869e1bb876d2c2048c3a0204ee1bb9969|01 - 099|01/01/2025|"
             "31/12/2025|01/09/2024|$")
EXAMPLE_D = "001185000321||Trần Thị Bình|21061985|Nữ|Số 1 ngõ Mẫu, phường Thử Nghiệm, Hà Nội|10052022"


def bhyt_fields(
    *,
    card: str = "DN4790123456789",
    name: str = "Nguyễn Văn An",
    dob: str = "15/03/1985",
    gender: str = "1",
    address: str | None = "Số 1 đường Mẫu, Quận 1",
    facility: str = "79 - 123",
    valid_from: str = "01/01/2026",
    valid_to: str = "31/12/2026",
    issued: str = "20/12/2025",
    office: str = "79010123456789",
    guardian: str = "-",
    area: str = "4",
    five_years: str = " 01/01/2030",
    check: str = "5e1f0c2a9b7d3c48-7102",
) -> list[str]:
    return [card, h(name) if name else "", dob, gender, h(address) if address else "-", facility, valid_from,
            valid_to, issued, office, guardian, area, five_years, check]


def join(fields: Sequence[str], *, dollar: bool = True) -> str:
    return "|".join([*fields, "$"]) if dollar else "|".join(fields)


def bhyt_2018(**kw: str) -> str:
    return join(bhyt_fields(**kw))


def bhyt_2021(issuer: str = "Quận Ba Đình, Thành phố Hà Nội", **kw: str) -> str:
    kw.setdefault("card", "0198765432")
    kw.setdefault("address", "")
    return join([*bhyt_fields(**kw), "4", h(issuer)])


def bhyt_short_10(**kw: str) -> str:
    return join(bhyt_fields(**kw)[:9])


def bhyt_short_9(**kw: str) -> str:
    f = bhyt_fields(**kw)
    return join([f[0], f[1], f[2], f[3], f[5], f[6], f[7], f[8]])


def cccd(
    *,
    citizen_id: str = "079090001234",
    old_id: str = "",
    name: str = "Lê Văn Bình",
    dob: str = "01021990",
    gender: str = "Nam",
    address: str = "12 Nguyễn Huệ, Quận 1, TP Hồ Chí Minh",
    issued: str = "10052022",
) -> str:
    return "|".join([citizen_id, old_id, name, dob, gender, address, issued])
