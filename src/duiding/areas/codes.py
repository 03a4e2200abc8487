"""CBS area code rules: level and parent follow from the code.

NL01 / NL00 -> land; GM0599 -> gemeente (parent NL); WK059901 -> wijk (parent GM0599);
BU05990110 -> buurt (parent WK059901). Other CBS region kinds (landsdeel LD, provincie PV,
jeugdregio JZ) have no parent derived from the code.
"""

from __future__ import annotations

import re

COUNTRY_CODES = {"NL01", "NL00", "NL"}
CANONICAL_COUNTRY = "NL01"

_PATTERNS = [
    (re.compile(r"^NL0[01]$"), "land"),
    (re.compile(r"^GM\d{4}$"), "gemeente"),
    # The wijk and buurt parts are usually digits, but Amsterdam recoded its wijken with letters
    # in 2023 (WK0363AA, BU0363AA01).
    (re.compile(r"^WK\d{4}[0-9A-Z]{2}$"), "wijk"),
    (re.compile(r"^BU\d{4}[0-9A-Z]{4}$"), "buurt"),
    (re.compile(r"^LD\d{2}$"), "landsdeel"),
    (re.compile(r"^PV\d{2}$"), "provincie"),
    (re.compile(r"^JZ\d{2}$"), "jeugdregio"),
]


def normalise_code(code: str) -> str:
    """Trim CBS padding and unify the country code (CBS uses both NL01 and NL00)."""
    code = (code or "").strip().upper()
    if code in COUNTRY_CODES:
        return CANONICAL_COUNTRY
    return code


def level_for_code(code: str) -> str | None:
    code = normalise_code(code)
    for pattern, level in _PATTERNS:
        if pattern.match(code):
            return level
    return None


def parent_code(code: str) -> str | None:
    code = normalise_code(code)
    level = level_for_code(code)
    if level == "gemeente":
        return CANONICAL_COUNTRY
    if level == "wijk":
        return "GM" + code[2:6]
    if level == "buurt":
        return "WK" + code[2:8]
    return None


def municipality_code(code: str) -> str | None:
    code = normalise_code(code)
    level = level_for_code(code)
    if level in {"gemeente", "wijk", "buurt"}:
        return "GM" + code[2:6]
    return None


def is_valid_code(code: str) -> bool:
    return level_for_code(code) is not None
