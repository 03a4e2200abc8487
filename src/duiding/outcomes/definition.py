"""The questions of a questionnaire version: the schema of one question dict (see
`outcomes/models.py`), its check, and reading a label in a language.

`clean_questions(questions)` returns the questions normalised (every key present, texts stripped)
or raises `DefinitionError` with one Dutch message per problem, each naming the question (its
number and key) and the field. Every path that stores questions (the editor, the standard items,
the XLSForm import, the API) goes through it. `DefinitionError.problems` holds the same problems
as `Problem` rows (question number, field, choice number), so the XLSForm import can name the
sheet, row and column instead.

Besides the keys in `outcomes/models.py`, every cleaned question has a `constraint_message`
({"nl", "en"}, may be empty): the text shown when the answer fails its `constraint`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from duiding.outcomes.expressions import ExpressionError, check
from duiding.outcomes.measures import Measure

# The measures a question may feed.
MEASURES = list(Measure.values)

KINDS = ("scale", "single", "multiple", "number", "text", "note")
ANSWERED_KINDS = ("scale", "single", "multiple", "number", "text")
KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
CHOICE_VALUE = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")
MAX_SCALE_POINTS = 11
TEXT_MAX_LENGTH = 1000


def kind_labels() -> dict[str, str]:
    return {
        "scale": _("Schaal"),
        "single": _("Eén keuze"),
        "multiple": _("Meerdere keuzes"),
        "number": _("Getal"),
        "text": _("Korte open tekst"),
        "note": _("Toelichting (geen vraag)"),
    }


@dataclass(frozen=True)
class Problem:
    """One problem of a question: `number` (1-based; None for the whole list), the field it is
    in (a key of the question dict; "choice_value" / "choice_label" for one choice, with
    `choice` its 1-based number)."""

    number: int | None
    key: str
    field: str | None
    text: str
    choice: int | None = None

    @property
    def message(self) -> str:
        if self.number is None:
            return self.text
        if self.field in ("relevant", "constraint"):
            return _("Vraag %(n)s (%(key)s), %(field)s: %(msg)s") % {
                "n": self.number,
                "key": self.key,
                "field": self.field,
                "msg": self.text,
            }
        name = (
            _("Vraag %(n)s (%(key)s)") % {"n": self.number, "key": self.key}
            if self.key
            else _("Vraag %(n)s") % {"n": self.number}
        )
        return f"{name}: {self.text}"


class DefinitionError(ValueError):
    def __init__(self, messages: list[str], problems: list[Problem] | None = None):
        self.messages = messages
        self.problems = problems or [Problem(None, "", None, m) for m in messages]
        super().__init__("; ".join(messages))


def text(value, language: str = "nl") -> str:
    """A translatable text {"nl": ..., "en": ...} in the language (Dutch when not translated)."""
    if isinstance(value, dict):
        return (value.get(language) or value.get("nl") or "").strip()
    return str(value or "")


def _texts(value) -> dict:
    if isinstance(value, str):
        value = {"nl": value}
    if not isinstance(value, dict):
        value = {}
    return {"nl": str(value.get("nl") or "").strip(), "en": str(value.get("en") or "").strip()}


def _num(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return int(number) if number == number.to_integral_value() else float(number)


def _flag(value, default: bool) -> bool:
    """A yes/no that may arrive as a bool, a number or a text ("false", "nee", "0")."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "ja", "true()")
    return bool(value)


def scale_values(question: dict) -> list[int]:
    return list(range(int(question["min"]), int(question["max"]) + 1))


def choice_values(question: dict) -> list[str]:
    return [c["value"] for c in question.get("choices") or []]


def clean_questions(questions) -> list[dict]:
    """Check and normalise a list of question dicts (see the module docstring)."""
    if not isinstance(questions, list):
        raise DefinitionError([_("De vragen moeten een lijst zijn.")])
    problems: list[Problem] = []
    cleaned: list[dict] = []
    seen: set[str] = set()
    for number, raw in enumerate(questions, start=1):
        q, found = _clean_one(raw if isinstance(raw, dict) else {}, seen)
        problems += [
            Problem(number, q["key"], field, text, choice) for field, text, choice in found
        ]
        seen.add(q.get("key") or "")
        cleaned.append(q)
    if not any(q["kind"] in ANSWERED_KINDS for q in cleaned) and not problems:
        problems.append(
            Problem(None, "", None, _("Een vragenlijst heeft minstens één vraag nodig."))
        )
    keys = [q["key"] for q in cleaned]
    for number, q in enumerate(cleaned, start=1):
        for field, allow_self in (("relevant", False), ("constraint", True)):
            if q.get(field):
                earlier = keys[: number - 1] if field == "relevant" else keys
                try:
                    check(q[field], earlier, allow_self=allow_self)
                except ExpressionError as exc:
                    problems.append(Problem(number, q["key"], field, str(exc)))
    if problems:
        raise DefinitionError([p.message for p in problems], problems)
    return cleaned


def _clean_one(raw: dict, seen: set[str]) -> tuple[dict, list[tuple]]:
    """The cleaned question and its problems as (field, text, choice number or None)."""
    problems: list[tuple] = []
    key = str(raw.get("key") or "").strip()
    kind = str(raw.get("kind") or "").strip()
    q = {
        "key": key,
        "kind": kind,
        "label": _texts(raw.get("label")),
        "hint": _texts(raw.get("hint")),
        "required": _flag(raw.get("required"), kind in ANSWERED_KINDS) and kind != "note",
        "measure": str(raw.get("measure") or "").strip(),
        "relevant": str(raw.get("relevant") or "").strip(),
        "constraint": str(raw.get("constraint") or "").strip(),
        "constraint_message": _texts(raw.get("constraint_message")),
    }
    if not KEY.match(key):
        problems.append(
            (
                "key",
                _(
                    "de sleutel moet beginnen met een kleine letter en mag alleen kleine "
                    "letters, cijfers en _ bevatten (hoogstens 40 tekens)."
                ),
                None,
            )
        )
    elif key in seen:
        problems.append(("key", _("de sleutel komt al eerder voor."), None))
    if q["measure"] and q["measure"] not in MEASURES:
        problems.append(
            (
                "measure",
                _("onbekende maat ‘%(measure)s’ (bekend: %(known)s).")
                % {"measure": q["measure"], "known": ", ".join(MEASURES)},
                None,
            )
        )
    if kind not in KINDS:
        problems.append(("kind", _("onbekende soort vraag ‘%(kind)s’.") % {"kind": kind}, None))
        return q, problems
    if not q["label"]["nl"]:
        problems.append(("label", _("de vraagtekst (Nederlands) ontbreekt."), None))
    if kind == "scale":
        problems += _clean_scale(raw, q)
    elif kind in ("single", "multiple"):
        problems += _clean_choices(raw, q)
    elif kind == "number":
        problems += _clean_number(raw, q)
    elif kind == "text":
        try:
            length = int(raw.get("max_length") or TEXT_MAX_LENGTH)
        except (TypeError, ValueError):
            length = 0
        if not 1 <= length <= TEXT_MAX_LENGTH:
            problems.append(
                (
                    "max_length",
                    _("de maximale lengte moet tussen 1 en %(max)s liggen.")
                    % {"max": TEXT_MAX_LENGTH},
                    None,
                )
            )
        q["max_length"] = length
    return q, problems


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _clean_scale(raw: dict, q: dict) -> list[tuple]:
    whole = _("het laagste en hoogste punt van de schaal moeten hele getallen zijn.")
    try:
        low, high = _num(raw.get("min")), _num(raw.get("max"))
    except ValueError:
        return [("min", whole, None)]
    if not isinstance(low, int) or not isinstance(high, int):
        return [("min", whole, None)]
    if high <= low or high - low + 1 > MAX_SCALE_POINTS:
        return [
            (
                "max",
                _("een schaal heeft 2 tot %(n)s punten (het hoogste punt boven het laagste).")
                % {"n": MAX_SCALE_POINTS},
                None,
            )
        ]
    q["min"], q["max"] = low, high
    anchors = _dict(raw.get("anchors"))
    q["anchors"] = {"min": _texts(anchors.get("min")), "max": _texts(anchors.get("max"))}
    q["choices"] = []
    allowed = {str(v) for v in range(low, high + 1)}
    problems, values = [], set()
    for i, c in enumerate(_list(raw.get("choices")), start=1):
        c = _dict(c)
        value = str(c.get("value") if c.get("value") is not None else "").strip()
        if value not in allowed:
            problems.append(
                (
                    "choice_value",
                    _("label %(i)s hoort bij een punt dat niet op de schaal ligt: %(v)s.")
                    % {"i": i, "v": value or "-"},
                    i,
                )
            )
        elif value in values:
            problems.append(
                (
                    "choice_value",
                    _("label %(i)s: het punt %(v)s heeft al een label.") % {"i": i, "v": value},
                    i,
                )
            )
        values.add(value)
        q["choices"].append({"value": value, "label": _texts(c.get("label"))})
    return problems


def _clean_choices(raw: dict, q: dict) -> list[tuple]:
    problems = []
    choices = []
    values = set()
    for i, c in enumerate(_list(raw.get("choices")), start=1):
        c = _dict(c)
        value = str(c.get("value") if c.get("value") is not None else "").strip()
        label = _texts(c.get("label"))
        if not CHOICE_VALUE.match(value):
            problems.append(
                (
                    "choice_value",
                    _("keuze %(i)s: de waarde mag alleen letters, cijfers, _ . en - bevatten.")
                    % {"i": i},
                    i,
                )
            )
        elif value in values:
            problems.append(
                (
                    "choice_value",
                    _("keuze %(i)s: de waarde ‘%(v)s’ komt twee keer voor.") % {"i": i, "v": value},
                    i,
                )
            )
        if not label["nl"]:
            problems.append(
                ("choice_label", _("keuze %(i)s: de tekst (Nederlands) ontbreekt.") % {"i": i}, i)
            )
        values.add(value)
        choices.append({"value": value, "label": label})
    if len(choices) < 2:
        problems.append(("choices", _("een keuzevraag heeft minstens twee keuzes nodig."), None))
    q["choices"] = choices
    return problems


def _clean_number(raw: dict, q: dict) -> list[tuple]:
    try:
        q["min"], q["max"] = _num(raw.get("min")), _num(raw.get("max"))
        decimals = _num(raw.get("decimals"))
        if decimals is not None and not isinstance(decimals, int):
            raise ValueError(decimals)
        q["decimals"] = decimals or 0
    except ValueError:
        q.setdefault("min", None)
        q.setdefault("max", None)
        q.setdefault("decimals", 0)
        return [("min", _("de grenzen en het aantal decimalen moeten getallen zijn."), None)]
    if not 0 <= q["decimals"] <= 4:
        return [("decimals", _("een getal mag 0 tot 4 decimalen hebben."), None)]
    if q["min"] is not None and q["max"] is not None and q["max"] < q["min"]:
        return [("max", _("de bovengrens ligt onder de ondergrens."), None)]
    return []
