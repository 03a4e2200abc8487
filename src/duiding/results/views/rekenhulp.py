"""Rekenhulp (/resultaten/rekenhulp/): one set of numbers under all three rules side by side, so
partners can agree on a rule before the data is in. A GET form without organisation data; every
logged-in user may use it."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.results.calculation import (
    HIGHER,
    LOWER,
    NO_DATA,
    NOT_REACHED,
    REACHED,
    CalculationError,
    Evaluation,
    evaluate,
)
from duiding.results.rekenhulp_forms import EXAMPLES, RekenhulpForm, example_query

RULES = [
    ("each", gettext_lazy("Ieder afzonderlijk")),
    ("combined", gettext_lazy("Gecombineerd")),
    ("mean", gettext_lazy("Gemiddeld")),
]
VERDICT_WORDS = {
    REACHED: gettext_lazy("bereikt"),
    NOT_REACHED: gettext_lazy("niet bereikt"),
    NO_DATA: gettext_lazy("nog geen cijfers"),
}


@dataclass
class RuleColumn:
    rule: str
    title: str
    evaluation: Evaluation | None
    sentence: str
    error: str = ""


def _n(value: float) -> str:
    return number_format(value, 1)


def _target_number(value: float) -> str:
    """5 -> "5", 2.5 -> "2,5" (an agreed target is shown as it was typed)."""
    if value == int(value):
        return number_format(int(value))
    return number_format(value, 2).rstrip("0")


def _change_phrase(form: RekenhulpForm, direction: str) -> str:
    """ "minstens 5 procentpunt stijgen", "op hoogstens 10% uitkomen", ..."""
    kind = form.cleaned_data["target_kind"]
    value = _target_number(float(form.cleaned_data["target_value"]))
    lower = direction == LOWER
    if kind == "pp":
        text = (
            _("minstens %(value)s procentpunt dalen")
            if lower
            else _("minstens %(value)s procentpunt stijgen")
        )
    elif kind == "relative":
        text = (
            _("minstens %(value)s%% dalen ten opzichte van de basiswaarde")
            if lower
            else _("minstens %(value)s%% stijgen ten opzichte van de basiswaarde")
        )
    else:
        text = (
            _("op hoogstens %(value)s%% uitkomen")
            if lower
            else _("op minstens %(value)s%% uitkomen")
        )
    return text % {"value": value}


def _names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _sentence(form: RekenhulpForm, evaluation: Evaluation, period: str) -> str:
    verdict = VERDICT_WORDS[evaluation.verdict]
    indicators = evaluation.indicators
    directions = {item.direction for item in form.indicators}
    unanimous = len(directions) == 1
    direction = next(iter(directions)) if unanimous else HIGHER
    if evaluation.rule == "each":
        if len(indicators) == 1:
            rule = _("Ieder afzonderlijk: de indicator moet %(change)s") % {
                "change": _change_phrase(form, direction)
            }
        elif unanimous:
            rule = _("Ieder afzonderlijk: alle %(n)s indicatoren moeten %(change)s") % {
                "n": len(indicators),
                "change": _change_phrase(form, direction),
            }
        else:
            rule = _("Ieder afzonderlijk: alle %(n)s indicatoren moeten hun doel halen") % {
                "n": len(indicators)
            }
        missed = [o.code for o in indicators if o.verdict == NOT_REACHED]
        empty = [o.code for o in indicators if o.verdict == NO_DATA]
        if missed:
            detail = _("%(names)s halen dat niet") % {"names": _names(missed)}
            if len(missed) == 1:
                detail = _("%(names)s haalt dat niet") % {"names": missed[0]}
        elif empty:
            detail = _("voor %(names)s zijn er nog geen cijfers over %(period)s") % {
                "names": _names(empty),
                "period": period,
            }
        else:
            detail = _("dat doen ze allemaal") if len(indicators) > 1 else _("dat doet hij")
        return _("%(rule)s; %(detail)s — %(verdict)s.") % {
            "rule": rule,
            "detail": detail,
            "verdict": verdict,
        }
    combined = evaluation.combined
    if evaluation.rule == "combined":
        rule = _(
            "Gecombineerd: het aandeel dat aan alle voorwaarden tegelijk voldoet moet %(change)s"
        )
    else:
        rule = _("Gemiddeld: het gemiddelde van de %(n)s percentages moet %(change)s")
    rule = rule % {"n": len(indicators), "change": _change_phrase(form, direction)}
    if combined.value is None or combined.baseline is None:
        detail = _("er zijn nog geen cijfers over %(period)s") % {"period": period}
    else:
        detail = _("het gaat van %(baseline)s%% naar %(value)s%%") % {
            "baseline": _n(combined.baseline),
            "value": _n(combined.value),
        }
    return _("%(rule)s; %(detail)s — %(verdict)s.") % {
        "rule": rule,
        "detail": detail,
        "verdict": verdict,
    }


# Calculation fields that belong to a form field rather than to one rule's column.
_FORM_FIELDS = {"target": "target_value", "baseline_period": "baseline_period", "period": "period"}


def _columns(form: RekenhulpForm) -> list[RuleColumn]:
    columns = []
    data = form.cleaned_data
    for rule, title in RULES:
        directions = {item.direction for item in form.indicators}
        common = HIGHER if len(directions) != 1 else next(iter(directions))
        for item in form.indicators:
            item.target = form.target_for(item.direction)
        try:
            evaluation = evaluate(
                rule=rule,
                baseline_period=data["baseline_period"],
                period=data["period"],
                target=form.target_for(common),
                indicators=form.indicators,
                combination=form.combination,
            )
        except CalculationError as error:
            form_field = _form_field(error.field)
            if form_field:
                form.add_error(form_field, error.message)
                return []
            columns.append(RuleColumn(rule, str(title), None, "", error.message))
            continue
        columns.append(
            RuleColumn(rule, str(title), evaluation, _sentence(form, evaluation, data["period"]))
        )
    return columns


def _form_field(field: str) -> str:
    """The form field a calculation error concerns, or "" when it concerns one rule only."""
    head = field.split(".", 1)[0]
    if head in _FORM_FIELDS:
        return _FORM_FIELDS[head]
    if head == "indicators" and "." in field:
        parts = field.split(".")
        if parts[2:3] == ["target"]:
            return "target_value"
        return f"ind{int(parts[1]) + 1}_name"
    return ""


@login_required
def rekenhulp(request):
    form = RekenhulpForm(request.GET or None)
    columns: list[RuleColumn] = []
    if form.is_bound and form.is_valid():
        columns = _columns(form)
    example = request.GET.get("voorbeeld", "")
    return render(
        request,
        "results/rekenhulp.html",
        {
            "form": form,
            "columns": columns,
            "examples": [(n, example_query(n)) for n in EXAMPLES],
            "example": example,
            "nav": "programmes",
        },
    )


urlpatterns = [path("rekenhulp/", rekenhulp, name="rekenhulp")]
