"""What the XLSForm reader and writer share: the result, the error, the language columns, and the
two places where Duiding keeps a question's fields inside standard XLSForm cells (the bounds of a
number and the length of a text in `constraint`, the anchors of a scale in `hint`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from duiding.outcomes.expressions import ExpressionError, parse

# The language columns Duiding writes (label::Dutch (nl)); it reads the other usual spellings too.
LANGUAGE_NAMES = {"nl": "Dutch (nl)", "en": "English (en)"}
_LANGUAGE_WORDS = {
    "nl": "nl",
    "dutch": "nl",
    "nederlands": "nl",
    "en": "en",
    "english": "en",
    "engels": "en",
}
_CODE = re.compile(r"\(([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\)\s*$")

# Duiding's own columns (XLSForm tools ignore columns they do not know; pyxform does as well).
MEASURE_COLUMN = "duiding_measure"
DECIMALS_COLUMN = "duiding_decimals"
DECIMAL_DEFAULT = 2  # the decimals of an XLSForm `decimal` without a duiding_decimals cell


@dataclass
class FormDefinition:
    """A form read from an XLSForm: its title, the question dicts (cleaned by
    `definition.clean_questions`) and notes about what was left out (Dutch, for the user)."""

    title: str
    questions: list[dict]
    notes: list[str] = field(default_factory=list)
    form_id: str = ""


class XLSFormError(ValueError):
    """The file is refused; `messages` lists every problem in Dutch (sheet, row, column)."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


def at(sheet: str, row: int | None, column: str | None, text: str) -> str:
    """ "Blad survey, rij 5, kolom type: ..." (row and column where known)."""
    if row is not None and column:
        return _("Blad %(sheet)s, rij %(row)s, kolom %(column)s: %(text)s") % {
            "sheet": sheet,
            "row": row,
            "column": column,
            "text": text,
        }
    if row is not None:
        return _("Blad %(sheet)s, rij %(row)s: %(text)s") % {
            "sheet": sheet,
            "row": row,
            "text": text,
        }
    return _("Blad %(sheet)s: %(text)s") % {"sheet": sheet, "text": text}


def language_of(name: str) -> str | None:
    """ "nl" or "en" for a language as XLSForm spells it ("Dutch (nl)", "Nederlands (nl)",
    "english", "nl"), "" for another language, None for no language at all."""
    name = name.strip()
    if not name:
        return None
    match = _CODE.search(name)
    word = match.group(1).lower() if match else name.lower()
    return _LANGUAGE_WORDS.get(word, "")


# --- Bounds of a number and length of a text, inside `constraint` --------------------------

_BOUND = re.compile(r"\.\s*(>=|<=)\s*(-?\d+(?:\.\d+)?)\s*")
_LENGTH = re.compile(r"string-length\(\s*\.\s*\)\s*<=\s*(\d+)\s*")
_AND = re.compile(r"and\s+")


def _num(text: str):
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() else float(number)


def _top_level_or(expression: str) -> bool:
    try:
        return parse(expression)[0] == "or"
    except ExpressionError:
        return True  # not ours to take apart; clean_questions names the problem


def _unwrap(rest: str) -> str:
    """`(X)` -> `X` when the outer parentheses belong together."""
    rest = rest.strip()
    if not (rest.startswith("(") and rest.endswith(")")):
        return rest
    depth = 0
    for i, char in enumerate(rest):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and i < len(rest) - 1:
            return rest
    return rest[1:-1].strip()


def split_number_constraint(constraint: str) -> tuple[dict, str]:
    """`. >= 0 and . <= 20 and (X)` -> ({"min": 0, "max": 20}, "X"). Only leading bounds of an
    expression that is one chain of `and` are taken; anything else stays the constraint."""
    bounds: dict = {}
    text = constraint.strip()
    if not text or _top_level_or(text):
        return bounds, constraint.strip()
    while match := _BOUND.match(text):
        name = "min" if match.group(1) == ">=" else "max"
        rest = text[match.end() :]
        joined = _AND.match(rest)
        if name in bounds or not (rest == "" or joined):
            break
        bounds[name] = _num(match.group(2))
        text = rest[joined.end() :] if joined else ""
    if "min" in bounds and "max" in bounds and bounds["max"] < bounds["min"]:
        return {}, constraint.strip()
    return bounds, _unwrap(text)


def join_number_constraint(question: dict) -> str:
    parts = []
    if question.get("min") is not None:
        parts.append(f". >= {question['min']}")
    if question.get("max") is not None:
        parts.append(f". <= {question['max']}")
    if question.get("constraint"):
        parts.append(f"({question['constraint']})" if parts else question["constraint"])
    return " and ".join(parts)


def split_text_constraint(constraint: str) -> tuple[int | None, str]:
    """`string-length(.) <= 200 and (X)` -> (200, "X")."""
    text = constraint.strip()
    match = _LENGTH.match(text)
    if not match or _top_level_or(text):
        return None, text
    rest = text[match.end() :]
    joined = _AND.match(rest)
    if rest and not joined:
        return None, text
    return int(match.group(1)), _unwrap(rest[joined.end() :] if joined else "")


def join_text_constraint(question: dict, default_length: int) -> str:
    parts = []
    if question.get("max_length") and question["max_length"] != default_length:
        parts.append(f"string-length(.) <= {question['max_length']}")
    if question.get("constraint"):
        parts.append(f"({question['constraint']})" if parts else question["constraint"])
    return " and ".join(parts)


# --- Anchors of a scale, as the last lines of its hint ("1 = ...", "10 = ...") ---------------

_ANCHOR_LINE = re.compile(r"^\s*(-?\d+)\s*=\s*(.*?)\s*$")


def join_hint(hint: str, anchors: dict, low: int, high: int) -> str:
    lines = [hint] if hint else []
    if anchors.get("min"):
        lines.append(f"{low} = {anchors['min']}")
    if anchors.get("max"):
        lines.append(f"{high} = {anchors['max']}")
    return "\n".join(lines)


def split_hint(hint: str, low: int, high: int) -> tuple[str, dict]:
    """The hint without its anchor lines, and the anchors {"min": ..., "max": ...} found."""
    lines = hint.splitlines()
    anchors = {"min": "", "max": ""}
    while lines:
        match = _ANCHOR_LINE.match(lines[-1])
        if not match:
            break
        point = int(match.group(1))
        name = "max" if point == high and not anchors["max"] and not anchors["min"] else None
        if name is None and point == low and not anchors["min"]:
            name = "min"
        if name is None or not match.group(2):
            break
        anchors[name] = match.group(2)
        lines.pop()
    return "\n".join(lines).strip(), anchors
