"""Reading numbers as people type them: Dutch (1.234,5) and English (1,234.5) notation.

A cell is one of:
- a number: "12", "12,5", "12.5", "1.234,5", "1,234.5", "1 234", "-3,2", "12,5%";
- a CBS mark: "." or "x" = geheim (suppressed), "-" = nihil (zero), empty = niet beschikbaar;
- anything else: not a number (the caller reports row and column).

"1.234" and "1,234" are ambiguous on their own (a thousands separator or a decimal mark with three
decimals). `notation_evidence` says what a single cell proves; the caller decides one notation per
file from all cells (see observations.py) and reads ambiguous cells in that notation.
"""

from __future__ import annotations

import re

DUTCH = "nl"  # decimal comma, point as thousands separator: 1.234,5
ENGLISH = "en"  # decimal point, comma as thousands separator: 1,234.5

SUPPRESSED_MARKS = {".", "x", "X"}  # CBS: geheim / te klein om te publiceren
NIHIL_MARKS = {"-", "\u2013", "\u2014"}  # CBS: nihil (the figure is zero)

_SPACES = re.compile(r"[ \u00a0\u202f]")
_SPACE_GROUPED = re.compile(r"^\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$")
_PLAIN = re.compile(r"^\d+$")
_DUTCH_FULL = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+,\d+$")
_ENGLISH_FULL = re.compile(r"^[1-9]\d{0,2}(,\d{3})+\.\d+$")
_COMMA_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(,\d{3})+$")
_POINT_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")
_COMMA_DECIMAL = re.compile(r"^\d+,\d+$")
_POINT_DECIMAL = re.compile(r"^\d*\.\d+$")

PLAIN = "plain"  # digits only: the same in every notation
AMBIGUOUS = "ambiguous"  # "1.234" / "1,234"
INVALID = "invalid"


def _split_sign(text: str) -> tuple[str, str]:
    text = text.strip()
    if text.endswith("%"):
        text = text[:-1].strip()
    sign = ""
    if text[:1] in {"-", "+", "\u2212"}:
        sign = "-" if text[0] in {"-", "\u2212"} else ""
        text = text[1:].strip()
    if _SPACES.search(text):
        if not _SPACE_GROUPED.match(text):
            return sign, ""
        text = _SPACES.sub("", text)
    return sign, text


def notation_evidence(text: str) -> str:
    """What one cell says about the notation: DUTCH, ENGLISH, PLAIN, AMBIGUOUS or INVALID."""
    _sign, body = _split_sign(text)
    if not body:
        return INVALID
    if _PLAIN.match(body):
        return PLAIN
    if _DUTCH_FULL.match(body):
        return DUTCH
    if _ENGLISH_FULL.match(body):
        return ENGLISH
    if _COMMA_THOUSANDS.match(body):
        return AMBIGUOUS if body.count(",") == 1 else ENGLISH  # "1,234,567" can only be English
    if _POINT_THOUSANDS.match(body):
        return AMBIGUOUS if body.count(".") == 1 else DUTCH
    if _COMMA_DECIMAL.match(body):
        return DUTCH
    if _POINT_DECIMAL.match(body):
        return ENGLISH
    return INVALID


def parse_number(text: str, notation: str = DUTCH) -> float:
    """The number in `text`, reading ambiguous cells in `notation`. ValueError when it is none."""
    evidence = notation_evidence(text)
    if evidence == INVALID:
        raise ValueError(text)
    sign, body = _split_sign(text)
    if evidence == PLAIN:
        number = body
    elif evidence == DUTCH or (evidence == AMBIGUOUS and notation == DUTCH):
        number = body.replace(".", "").replace(",", ".")
    else:  # ENGLISH, or ambiguous read as English
        number = body.replace(",", "")
    return float(sign + number)


def as_float(value) -> float | None:
    """A spreadsheet cell that is already a number (int/float, not bool); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def format_nl(value: float | int) -> str:
    """1234.5 -> '1.234,5' (for messages)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
