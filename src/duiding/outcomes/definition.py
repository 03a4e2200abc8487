"""The questions of a questionnaire version: the schema of one question dict (see
`outcomes/models.py`), its check, and reading a label in a language.

`clean_questions(questions)` returns the questions normalised (every key present, texts stripped)
or raises `DefinitionError` with one Dutch message per problem, each naming the question (its
number and key) and the field. Every path that stores questions (the editor, the standard items,
the XLSForm import, the API) goes through it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from duiding.outcomes.expressions import ExpressionError, check

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


class DefinitionError(ValueError):
    def __init__(self, messages: list[str]):
        self.messages = messages
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
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(value) from None
    return int(number) if number == number.to_integral_value() else float(number)


def scale_values(question: dict) -> list[int]:
    return list(range(int(question["min"]), int(question["max"]) + 1))


def choice_values(question: dict) -> list[str]:
    return [c["value"] for c in question.get("choices") or []]


def clean_questions(questions) -> list[dict]:
    """Check and normalise a list of question dicts (see the module docstring)."""
    if not isinstance(questions, list):
        raise DefinitionError([_("De vragen moeten een lijst zijn.")])
    errors: list[str] = []
    cleaned: list[dict] = []
    seen: set[str] = set()
    for number, raw in enumerate(questions, start=1):
        q, problems = _clean_one(raw if isinstance(raw, dict) else {}, seen)
        name = (
            _("Vraag %(n)s (%(key)s)") % {"n": number, "key": q["key"]}
            if q.get("key")
            else _("Vraag %(n)s") % {"n": number}
        )
        errors += [f"{name}: {p}" for p in problems]
        seen.add(q.get("key") or "")
        cleaned.append(q)
    if not any(q["kind"] in ANSWERED_KINDS for q in cleaned) and not errors:
        errors.append(_("Een vragenlijst heeft minstens één vraag nodig."))
    keys = [q["key"] for q in cleaned]
    for number, q in enumerate(cleaned, start=1):
        for field, allow_self in (("relevant", False), ("constraint", True)):
            if q.get(field):
                earlier = keys[: number - 1] if field == "relevant" else keys
                try:
                    check(q[field], earlier, allow_self=allow_self)
                except ExpressionError as exc:
                    errors.append(
                        _("Vraag %(n)s (%(key)s), %(field)s: %(msg)s")
                        % {"n": number, "key": q["key"], "field": field, "msg": exc}
                    )
    if errors:
        raise DefinitionError(errors)
    return cleaned


def _clean_one(raw: dict, seen: set[str]) -> tuple[dict, list[str]]:
    problems: list[str] = []
    key = str(raw.get("key") or "").strip()
    kind = str(raw.get("kind") or "").strip()
    q = {
        "key": key,
        "kind": kind,
        "label": _texts(raw.get("label")),
        "hint": _texts(raw.get("hint")),
        "required": bool(raw.get("required", kind in ANSWERED_KINDS)) and kind != "note",
        "measure": str(raw.get("measure") or "").strip(),
        "relevant": str(raw.get("relevant") or "").strip(),
        "constraint": str(raw.get("constraint") or "").strip(),
    }
    if not KEY.match(key):
        problems.append(
            _(
                "de sleutel moet beginnen met een kleine letter en mag alleen kleine letters, "
                "cijfers en _ bevatten (hoogstens 40 tekens)."
            )
        )
    elif key in seen:
        problems.append(_("de sleutel komt al eerder voor."))
    if kind not in KINDS:
        problems.append(_("onbekende soort vraag ‘%(kind)s’.") % {"kind": kind})
        return q, problems
    if not q["label"]["nl"]:
        problems.append(_("de vraagtekst (Nederlands) ontbreekt."))
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
                _("de maximale lengte moet tussen 1 en %(max)s liggen.") % {"max": TEXT_MAX_LENGTH}
            )
        q["max_length"] = length
    return q, problems


def _clean_scale(raw: dict, q: dict) -> list[str]:
    try:
        low, high = _num(raw.get("min")), _num(raw.get("max"))
    except ValueError:
        return [_("het laagste en hoogste punt van de schaal moeten hele getallen zijn.")]
    if not isinstance(low, int) or not isinstance(high, int):
        return [_("het laagste en hoogste punt van de schaal moeten hele getallen zijn.")]
    if high <= low or high - low + 1 > MAX_SCALE_POINTS:
        return [
            _("een schaal heeft 2 tot %(n)s punten (het hoogste punt boven het laagste).")
            % {"n": MAX_SCALE_POINTS}
        ]
    q["min"], q["max"] = low, high
    anchors = raw.get("anchors") or {}
    q["anchors"] = {"min": _texts(anchors.get("min")), "max": _texts(anchors.get("max"))}
    choices = raw.get("choices") or []
    q["choices"] = [
        {"value": str(c.get("value")), "label": _texts(c.get("label"))} for c in choices
    ]
    allowed = {str(v) for v in range(low, high + 1)}
    wrong = [c["value"] for c in q["choices"] if c["value"] not in allowed]
    if wrong:
        return [
            _("een label hoort bij een punt dat niet op de schaal ligt: %s.") % ", ".join(wrong)
        ]
    return []


def _clean_choices(raw: dict, q: dict) -> list[str]:
    problems = []
    choices = []
    values = set()
    for i, c in enumerate(raw.get("choices") or [], start=1):
        c = c if isinstance(c, dict) else {}
        value = str(c.get("value") if c.get("value") is not None else "").strip()
        label = _texts(c.get("label"))
        if not CHOICE_VALUE.match(value):
            problems.append(
                _("keuze %(i)s: de waarde mag alleen letters, cijfers, _ . en - bevatten.")
                % {"i": i}
            )
        elif value in values:
            problems.append(
                _("keuze %(i)s: de waarde ‘%(v)s’ komt twee keer voor.") % {"i": i, "v": value}
            )
        if not label["nl"]:
            problems.append(_("keuze %(i)s: de tekst (Nederlands) ontbreekt.") % {"i": i})
        values.add(value)
        choices.append({"value": value, "label": label})
    if len(choices) < 2:
        problems.append(_("een keuzevraag heeft minstens twee keuzes nodig."))
    q["choices"] = choices
    return problems


def _clean_number(raw: dict, q: dict) -> list[str]:
    try:
        q["min"], q["max"] = _num(raw.get("min")), _num(raw.get("max"))
        q["decimals"] = int(raw.get("decimals") or 0)
    except (TypeError, ValueError):
        return [_("de grenzen en het aantal decimalen moeten getallen zijn.")]
    if not 0 <= q["decimals"] <= 4:
        return [_("een getal mag 0 tot 4 decimalen hebben.")]
    if q["min"] is not None and q["max"] is not None and q["max"] < q["min"]:
        return [_("de bovengrens ligt onder de ondergrens.")]
    return []
