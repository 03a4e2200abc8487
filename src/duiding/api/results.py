"""GET /api/v1/programmes/{id}/results and GET /api/v1/results/{id}: societal results with their
progress (per indicator and combined, computed with the figures loaded now by
`results.progress.evaluate_result`, the same as the detail page), the rule, the periods used and
when the next figures are expected. Only results of programmes the user may see
(`programmes.permissions.visible_programmes`); any other id is a 404, whether it exists or not."""

from __future__ import annotations

from datetime import date

import orjson
from django.http import HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError

from duiding.api.schemas import ErrorOut, NamedOut
from duiding.programmes.permissions import visible_programmes
from duiding.results.models import SocietalResult
from duiding.results.progress import evaluate_result, latest_evaluation

router = Router()


class NextExpectedOut(Schema):
    period: str  # the next period, e.g. "2024"
    year: int  # the year its figures are expected (CBS publishes about a year later)


class ProgressIndicatorOut(Schema):
    id: int  # the result indicator
    code: str  # the indicator's code ("" for an own indicator)
    name: str
    direction: str
    target_kind: str  # absolute / pp / relative
    target_value: float
    baseline_period: str
    baseline: float | None
    period: str | None  # the latest period with a figure after the baseline
    value: float | None
    change: float | None
    required: float | None
    verdict: str  # reached / on_track / not_on_track / not_reached / no_data
    next_expected: NextExpectedOut | None


class CombinedOut(Schema):
    baseline_period: str
    baseline: float | None
    period: str | None
    value: float | None
    change: float | None
    required: float | None
    verdict: str
    missing_combination: bool


class ProgressOut(Schema):
    verdict: str
    indicators: list[ProgressIndicatorOut]
    combined: CombinedOut | None  # the mean ("mean") or combination share ("combined")
    periods: list[str]
    last_stored: str | None = None  # when the verdict was last stored (ISO 8601)


class ResultOut(Schema):
    id: int
    programme: NamedOut
    text: str
    status: str
    target_date: date
    rule: str
    ambition: NamedOut | None
    domain: NamedOut | None
    combined_target_kind: str
    combined_target_value: float | None
    progress: ProgressOut


def _named(obj, name: str) -> dict | None:
    return {"id": obj.pk, "name": name} if obj is not None else None


def result_payload(result: SocietalResult) -> dict:
    details = evaluate_result(result)
    stored = latest_evaluation(result)
    indicators = [
        {key: item.get(key) for key in ProgressIndicatorOut.model_fields}
        for item in details["indicators"]
    ]
    return {
        "id": result.pk,
        "programme": _named(result.programme, result.programme.name),
        "text": result.text,
        "status": result.status,
        "target_date": result.target_date.isoformat(),
        "rule": result.rule,
        "ambition": _named(result.ambition, str(result.ambition)) if result.ambition_id else None,
        "domain": _named(result.domain, result.domain.name) if result.domain_id else None,
        "combined_target_kind": result.combined_target_kind,
        "combined_target_value": (
            float(result.combined_target_value)
            if result.combined_target_value is not None
            else None
        ),
        "progress": {
            "verdict": details["verdict"],
            "indicators": indicators,
            "combined": details["combined"],
            "periods": details["periods"],
            "last_stored": stored.computed_at.isoformat() if stored else None,
        },
    }


def _results():
    return SocietalResult.objects.select_related(
        "programme", "programme__area", "programme__organisation", "ambition", "domain"
    )


def _json(payload) -> HttpResponse:
    return HttpResponse(orjson.dumps(payload), content_type="application/json; charset=utf-8")


@router.get(
    "/programmes/{int:programme_id}/results",
    response={200: list[ResultOut], 404: ErrorOut},
    tags=["results"],
)
def programme_results_get(request, programme_id: int):
    """The societal results of a programme with their progress."""
    programme = visible_programmes(request.auth).filter(pk=programme_id).first()
    if programme is None:
        raise HttpError(404, "Onbekend programma")
    results = _results().filter(programme=programme).order_by("target_date", "pk")
    return _json([result_payload(r) for r in results])


@router.get("/results/{int:result_id}", response={200: ResultOut, 404: ErrorOut}, tags=["results"])
def result_get(request, result_id: int):
    """One societal result: text, status, target date, rule, ambition, domain, and progress per
    indicator (baseline, target, direction, latest figure, verdict, next expected figures) and
    combined, with the periods used."""
    result = _results().filter(programme__in=visible_programmes(request.auth), pk=result_id).first()
    if result is None:
        raise HttpError(404, "Onbekend resultaat")
    return _json(result_payload(result))
