"""POST /api/v1/results/evaluate: the rekenhulp as a service (issue 4).

Given indicator series (percentages or numerator/denominator per period), a baseline period, a
target and a rule, it answers the verdict per indicator and for the combined figure, computed by
`duiding.results.calculation`. No organisation data is read or stored: any logged-in user (token or
session) may call it.

The body is parsed by hand (not by a pydantic schema) so that every bad value gets a Dutch message
naming the field; the schemas below document the contract in the OpenAPI description.
"""

from __future__ import annotations

import json
import math

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from duiding.results.calculation import (
    CalculationError,
    Figure,
    SeriesInput,
    Target,
    evaluate,
)

router = Router()


class FigureIn(Schema):
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None


class TargetIn(Schema):
    kind: str  # "pp" | "relative" (percent) | "absolute"
    value: float


class IndicatorIn(Schema):
    code: str
    direction: str = "higher_is_better"  # or "lower_is_better"
    series: dict[str, FigureIn]
    target: TargetIn | None = None  # own target; default the common target


class CombinationIn(Schema):
    series: dict[str, FigureIn]


class EvaluateIn(Schema):
    rule: str  # "each" | "combined" | "mean"
    baseline_period: str
    period: str
    target: TargetIn | None = None
    indicators: list[IndicatorIn]
    combination: CombinationIn | None = None


class IndicatorOutcomeOut(Schema):
    code: str
    baseline_period: str
    period: str
    baseline: float | None
    value: float | None
    change: float | None
    required: float | None
    verdict: str  # "reached" | "not_reached" | "no_data"


class EvaluateCombinedOut(Schema):
    baseline: float | None
    value: float | None
    change: float | None
    required: float | None
    verdict: str


class EvaluateOut(Schema):
    rule: str
    verdict: str
    indicators: list[IndicatorOutcomeOut]
    combined: EvaluateCombinedOut | None = None  # absent for rule "each"


class EvaluateErrorOut(Schema):
    detail: str  # Dutch, names the field
    field: str  # path in the body, e.g. "indicators.0.series.2014.denominator"


def _inline_refs(schema: dict) -> dict:
    """The JSON schema with its `#/$defs/...` references replaced by the definitions: they are
    not components of the OpenAPI document, so a reference to them cannot be resolved there."""
    defs = schema.pop("$defs", {})

    def resolve(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return resolve(defs[ref.removeprefix("#/$defs/")])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    return resolve(schema)


# --- parsing ----------------------------------------------------------------------------------


def _fail(message: str, field: str):
    raise CalculationError(message, field)


def _object(data, field: str, label: str) -> dict:
    if not isinstance(data, dict):
        _fail(_("%(label)s moet een object zijn.") % {"label": label}, field)
    return data


def _text(data: dict, key: str, field: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            _fail(_("Het veld ‘%(field)s’ ontbreekt.") % {"field": field}, field)
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        _fail(_("Het veld ‘%(field)s’ moet tekst zijn.") % {"field": field}, field)
    return str(value)


def _number(data: dict, key: str, field: str, required: bool = False) -> float | None:
    value = data.get(key)
    if value is None:
        if required:
            _fail(_("Het veld ‘%(field)s’ ontbreekt.") % {"field": field}, field)
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            value = None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        _fail(_("Het veld ‘%(field)s’ moet een getal zijn.") % {"field": field}, field)
    return float(value)


def _target(data, field: str) -> Target | None:
    if data is None:
        return None
    data = _object(data, field, field)
    return Target(
        kind=_text(data, "kind", f"{field}.kind"),
        value=_number(data, "value", f"{field}.value", required=True),
    )


def _series(data, field: str) -> dict[str, Figure]:
    data = _object(data, field, field)
    series: dict[str, Figure] = {}
    for period, raw in data.items():
        where = f"{field}.{period}"
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            raw = {"value": raw}
        raw = _object(raw, where, where)
        series[str(period)] = Figure(
            value=_number(raw, "value", f"{where}.value"),
            numerator=_number(raw, "numerator", f"{where}.numerator"),
            denominator=_number(raw, "denominator", f"{where}.denominator"),
        )
    return series


def parse_evaluate(data) -> dict:
    """The keyword arguments of `calculation.evaluate` from a request body (a parsed JSON
    object); raises CalculationError with a Dutch message naming the field."""
    data = _object(data, "", _("De aanvraag"))
    indicators_raw = data.get("indicators")
    if not isinstance(indicators_raw, list) or not indicators_raw:
        _fail(_("Geef minstens één indicator op (veld ‘indicators’)."), "indicators")
    indicators = []
    for index, raw in enumerate(indicators_raw):
        field = f"indicators.{index}"
        raw = _object(raw, field, field)
        if "series" not in raw:
            _fail(_("Het veld ‘%(field)s’ ontbreekt.") % {"field": f"{field}.series"}, field)
        indicators.append(
            SeriesInput(
                code=_text(raw, "code", f"{field}.code"),
                direction=_text(raw, "direction", f"{field}.direction", required=False)
                or "higher_is_better",
                series=_series(raw["series"], f"{field}.series"),
                target=_target(raw.get("target"), f"{field}.target"),
            )
        )
    combination = None
    if data.get("combination") is not None:
        raw = _object(data["combination"], "combination", "combination")
        if "series" not in raw:
            _fail(
                _("Het veld ‘%(field)s’ ontbreekt.") % {"field": "combination.series"},
                "combination",
            )
        combination = _series(raw["series"], "combination.series")
    return {
        "rule": _text(data, "rule", "rule"),
        "baseline_period": _text(data, "baseline_period", "baseline_period"),
        "period": _text(data, "period", "period"),
        "target": _target(data.get("target"), "target"),
        "indicators": indicators,
        "combination": combination,
    }


@router.post(
    "/results/evaluate",
    response={200: EvaluateOut, 422: EvaluateErrorOut},
    exclude_unset=True,
    tags=["results"],
    summary="Evaluate a societal result under a rule (the rekenhulp)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _inline_refs(EvaluateIn.model_json_schema())}
            },
        }
    },
)
def results_evaluate(request):
    """Verdict per indicator and for the combined figure: `each` (every indicator reaches its
    target), `combined` (the share meeting all conditions at once, from `combination`), `mean`
    (the mean of the indicators' percentages). Bad input: 422 with a Dutch `detail` and the
    `field` it concerns."""
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return Status(422, {"detail": _("De aanvraag is geen geldige JSON."), "field": ""})
    try:
        evaluation = evaluate(**parse_evaluate(data))
    except CalculationError as error:
        return Status(422, {"detail": error.message, "field": error.field})
    return Status(200, evaluation.as_dict())
