"""Check one submission against the questions of a questionnaire version (plain functions, no
HTTP, no database writes): the phone page and the API use the same rules.

`check_answers(questions, data)` reads the answers of `data` (a form's QueryDict or a JSON
object), question by question in their order:

- a note is not a question; a question whose `relevant` is false (given the answers before it)
  is not asked: whatever was sent for it is ignored and nothing is stored;
- a required question must be answered;
- a scale answer is a whole number from `min` to `max`; a choice (single or multiple) one of the
  question's values; a number lies within its bounds and has at most `decimals` decimals (a
  Dutch decimal comma is accepted); an open text is at most `max_length` characters, kept as
  text (shown escaped everywhere; control characters other than new lines are removed);
- a `constraint` must hold for the answer (its `constraint_message` is the error, when given).

It returns `Checked`: the Answer rows to store (unsaved, without a response) and, when anything
is wrong, a dict of messages per question key (in the active language, Dutch by default); then
nothing may be stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from duiding.outcomes.definition import choice_values, text
from duiding.outcomes.expressions import ExpressionError, evaluate
from duiding.outcomes.models import Answer

# Keys of `errors` that are not a question.
ALL = "__all__"
MAX_NUMBER = Decimal("1e10")  # Answer.number holds 14 digits, 4 after the point
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Checked:
    answers: list[Answer] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    values: dict = field(default_factory=dict)  # key -> value as the expressions see it

    @property
    def ok(self) -> bool:
        return not self.errors


class _Invalid(ValueError):
    pass


def _raw(data, question: dict):
    """The submitted value: a list for a multiple choice, else one value (None: not sent)."""
    key = question["key"]
    if hasattr(data, "getlist"):  # a form
        values = [v for v in data.getlist(key) if str(v).strip() != ""]
        if question["kind"] == "multiple":
            return values
        return values[-1] if values else None
    value = data.get(key)
    if question["kind"] == "multiple":
        if value is None or value == "":
            return []
        return value if isinstance(value, list) else [value]
    return value


def _empty(value) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def _decimal(value) -> Decimal:
    if isinstance(value, bool) or isinstance(value, list | dict):
        raise _Invalid
    if isinstance(value, str):
        value = value.strip().replace(" ", "").replace(",", ".")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise _Invalid from None
    if not number.is_finite():
        raise _Invalid
    return number


def _scale(question: dict, value) -> tuple[Decimal, list[Answer]]:
    low, high = int(question["min"]), int(question["max"])
    try:
        number = _decimal(value)
    except _Invalid:
        number = None
    if number is None or number != number.to_integral_value() or not low <= number <= high:
        raise _Invalid(
            _("Kies een getal van %(min)s tot en met %(max)s.") % {"min": low, "max": high}
        )
    number = Decimal(int(number))
    return number, [Answer(question=question["key"], number=number)]


def _choice_answer(key: str, value: str) -> Answer:
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = None
    if number is not None and (not number.is_finite() or abs(number) >= MAX_NUMBER):
        number = None
    return Answer(question=key, choice=value, number=number)


def _single(question: dict, value) -> tuple[str, list[Answer]]:
    if isinstance(value, list | dict | bool) or str(value).strip() not in choice_values(question):
        raise _Invalid(_("Kies een van de antwoorden."))
    value = str(value).strip()
    return value, [_choice_answer(question["key"], value)]


def _multiple(question: dict, values: list) -> tuple[list[str], list[Answer]]:
    known = choice_values(question)
    chosen: list[str] = []
    for value in values:
        if isinstance(value, list | dict | bool) or str(value).strip() not in known:
            raise _Invalid(_("Kies alleen uit de gegeven antwoorden."))
        if str(value).strip() not in chosen:
            chosen.append(str(value).strip())
    chosen.sort(key=known.index)
    return chosen, [_choice_answer(question["key"], v) for v in chosen]


def _number(question: dict, value) -> tuple[Decimal, list[Answer]]:
    try:
        number = _decimal(value)
    except _Invalid:
        raise _Invalid(_("Vul een getal in, bijvoorbeeld 12 of 3,5.")) from None
    if abs(number) >= MAX_NUMBER:
        raise _Invalid(_("Dit getal is te groot."))
    decimals = int(question.get("decimals") or 0)
    if -number.as_tuple().exponent > decimals and number != round(number, decimals):
        if decimals == 0:
            raise _Invalid(_("Vul een heel getal in (zonder komma)."))
        raise _Invalid(_("Gebruik hoogstens %(n)s cijfer(s) achter de komma.") % {"n": decimals})
    low, high = question.get("min"), question.get("max")
    if low is not None and number < Decimal(str(low)):
        raise _Invalid(_("Het getal mag niet kleiner zijn dan %(min)s.") % {"min": low})
    if high is not None and number > Decimal(str(high)):
        raise _Invalid(_("Het getal mag niet groter zijn dan %(max)s.") % {"max": high})
    number = round(number, decimals) if decimals else Decimal(int(number))
    return number, [Answer(question=question["key"], number=number)]


def _text(question: dict, value) -> tuple[str, list[Answer]]:
    if isinstance(value, list | dict | bool):
        raise _Invalid(_("Vul hier tekst in."))
    value = _CONTROL.sub("", str(value)).replace("\r\n", "\n").strip()
    limit = int(question.get("max_length") or 1000)
    if len(value) > limit:
        raise _Invalid(
            _("Gebruik hoogstens %(max)s tekens (nu %(n)s).") % {"max": limit, "n": len(value)}
        )
    return value, [Answer(question=question["key"], text=value)]


READERS = {"scale": _scale, "single": _single, "multiple": _multiple, "number": _number}


def _constraint_message(question: dict, language: str) -> str:
    message = question.get("constraint_message")
    return text(message, language) if message else ""


def _relevant(question: dict, values: dict) -> bool:
    if not question.get("relevant"):
        return True
    try:
        return evaluate(question["relevant"], values)
    except ExpressionError:  # checked when stored; a broken one asks the question
        return True


def _holds(question: dict, values: dict, own) -> bool:
    try:
        return evaluate(question["constraint"], values, own=own)
    except ExpressionError:
        return True


def check_answers(questions: list[dict], data, *, language: str = "nl") -> Checked:
    """The answers of `data` checked against `questions` (see the module docstring)."""
    checked = Checked()
    values = checked.values
    for question in questions:
        key, kind = question.get("key", ""), question.get("kind", "")
        if kind not in (*READERS, "text"):
            continue
        values[key] = [] if kind == "multiple" else ""
        if not _relevant(question, values):
            continue
        raw = _raw(data, question)
        if _empty(raw):
            if question.get("required"):
                checked.errors[key] = _("Deze vraag is verplicht: kies of vul een antwoord in.")
            continue
        try:
            value, answers = (READERS.get(kind) or _text)(question, raw)
        except _Invalid as error:
            checked.errors[key] = str(error) or _("Dit antwoord klopt niet.")
            continue
        values[key] = value
        if question.get("constraint") and not _holds(question, values, value):
            checked.errors[key] = _constraint_message(question, language) or _(
                "Dit antwoord kan niet kloppen; kijk het nog eens na."
            )
            continue
        checked.answers += answers
    if not checked.errors and not checked.answers:
        checked.errors[ALL] = _("U heeft nog niets ingevuld. Beantwoord minstens één vraag.")
    return checked


def unknown_keys(questions: list[dict], data: dict) -> list[str]:
    """Keys in `data` that are not a question (the API refuses them by name)."""
    known = {q.get("key") for q in questions if q.get("kind") != "note"}
    return sorted(str(k) for k in data if k not in known)
