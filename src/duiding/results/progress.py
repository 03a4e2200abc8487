"""Progress of societal results with the figures loaded now, and its history.

- `evaluate_result(result) -> dict`: per indicator the baseline, the latest period with a figure for
  the programme's area, the change, the required value and the verdict (reached / on track / not
  on track / no new figures yet, and not reached once the target date has passed); the combined
  verdict by the result's rule; the periods used; when the next figures are expected.
- `recompute(result, import_run=None)`: stores a `ProgressEvaluation` only when the verdicts or
  the periods used changed, so the rows are the history of verdicts.
- `results_touched_by(run)` / `on_import_finished`: after an import, recompute the results whose
  indicators got new figures for their programme's area in that run.

The rules themselves (required value, verdict against the straight line from baseline to target)
live in `calculation.py`; this module only gathers the figures and combines the verdicts.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from duiding.indicators.models import Observation, ObservationStatus, Rhythm
from duiding.indicators.periods import parse_period
from duiding.indicators.permissions import organisation_observation_filter
from duiding.results import calculation as calc
from duiding.results.models import ProgressEvaluation, Rule, SocietalResult, Verdict

logger = logging.getLogger(__name__)

# Years between two publications, by rhythm (irregular: unknown).
RHYTHM_YEARS = {
    Rhythm.QUARTERLY: 0.25,
    Rhythm.HALF_YEARLY: 0.5,
    Rhythm.YEARLY: 1,
    Rhythm.BIENNIAL: 2,
    Rhythm.FOUR_YEARLY: 4,
}
# CBS usually publishes the figures of a period about a year after it ends.
PUBLICATION_LAG_YEARS = 1


# --- pure helpers -------------------------------------------------------------------------------


def date_to_x(day: date) -> float:
    """A date as a decimal year on the same axis as `calculation.period_to_x`."""
    length = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    return day.year + (day.timetuple().tm_yday - 1) / length


def next_expected(rhythm: str, latest_period: str | None) -> dict | None:
    """The next period after `latest_period` by the indicator's publication rhythm, and the year
    its figures are expected (CBS publishes about a year after the period ends).

    Years step by the rhythm (at least one year: a half-yearly indicator shown per year gets the
    next year); half years and quarters step by half years and quarters. None when the rhythm is
    irregular or there is no figure yet."""
    years = RHYTHM_YEARS.get(rhythm)
    parsed = parse_period(latest_period) if latest_period else None
    if years is None or parsed is None:
        return None
    if parsed.kind == "half":
        index = parsed.year * 2 + (0 if parsed.start.month == 1 else 1) + max(1, round(years * 2))
        year, part = divmod(index, 2)
        period, end_year = f"{year}H{part + 1}", year
    elif parsed.kind == "quarter":
        index = parsed.year * 4 + (parsed.start.month - 1) // 3 + max(1, round(years * 4))
        year, part = divmod(index, 4)
        period, end_year = f"{year}Q{part + 1}", year
    else:
        end_year = parsed.year + max(1, round(years))
        period = str(end_year)
    return {"period": period, "year": end_year + PUBLICATION_LAG_YEARS}


def next_expected_text(expected: dict | None) -> str:
    if not expected:
        return _("onbekend (geen vast publicatieritme)")
    return _("verwacht: %(year)s (cijfers over %(period)s)") % expected


def combine_verdicts(verdicts: list[str]) -> str:
    """Rule "each": all reached -> reached; all reached or on track -> on track; one not reached
    or not on track decides; otherwise (a figure missing) no new figures yet."""
    if not verdicts:
        return Verdict.NO_DATA
    for decisive in (Verdict.NOT_REACHED, Verdict.NOT_ON_TRACK, Verdict.NO_DATA):
        if decisive in verdicts:
            return decisive
    if all(v == Verdict.REACHED for v in verdicts):
        return Verdict.REACHED
    return Verdict.ON_TRACK


def judge(
    *,
    baseline_period: str,
    baseline: float | None,
    period: str | None,
    value: float | None,
    target: calc.Target | None,
    direction: str,
    target_x: float,
) -> dict:
    """Verdict of one series: required value and verdict with calc.progress_verdict; a figure
    at or after the target date that misses the target is "not reached"."""
    required = None
    if baseline is not None and target is not None:
        required = calc.required_value(baseline, target, direction)
    change = value - baseline if value is not None and baseline is not None else None
    if required is None or period is None:
        return {"required": required, "change": change, "verdict": Verdict.NO_DATA}
    latest_x = calc.period_to_x(period)
    verdict = calc.progress_verdict(
        baseline_x=calc.period_to_x(baseline_period),
        baseline=baseline,
        latest_x=latest_x,
        latest=value,
        target_x=target_x,
        required=required,
        direction=direction,
    )
    if verdict == Verdict.NOT_ON_TRACK and latest_x >= target_x:
        verdict = Verdict.NOT_REACHED
    return {"required": required, "change": change, "verdict": verdict}


# --- figures ------------------------------------------------------------------------------------


def _direction(direction: str) -> str:
    return direction if direction in calc.DIRECTIONS else calc.HIGHER


def series_for(indicator_ids: list[int], area, organisation) -> dict[int, list[tuple[str, float]]]:
    """Per indicator the (period code, value) of the area, oldest first (one query): current
    values of the total category, open data and the organisation's own."""
    rows = (
        Observation.objects.filter(
            organisation_observation_filter(organisation),
            indicator_id__in=indicator_ids,
            area=area,
            is_current=True,
            category="",
            status=ObservationStatus.OK,
            value__isnull=False,
        )
        .order_by("period__start", "period__end")
        .values_list("indicator_id", "period__code", "period__kind", "value")
    )
    series: dict[int, list[tuple[str, float]]] = {}
    for indicator_id, code, kind, value in rows:
        series.setdefault(indicator_id, []).append((code, kind, value))
    return series


def same_kind(points, baseline_period: str) -> list[tuple[str, float]]:
    parsed = parse_period(baseline_period)
    kind = parsed.kind if parsed else "year"
    return [(code, value) for code, k, value in points if k == kind]


def _target(kind: str, value) -> calc.Target | None:
    if not kind or value is None:
        return None
    return calc.Target(kind=kind, value=float(value))


# --- evaluation ---------------------------------------------------------------------------------


def evaluate_result(result: SocietalResult) -> dict:
    """The progress of one result with the figures loaded now (see the module docstring)."""
    programme = result.programme
    links = list(result.result_indicators.select_related("indicator"))
    ids = [link.indicator_id for link in links if link.indicator_id]
    if result.combination_indicator_id:
        ids.append(result.combination_indicator_id)
    series = series_for(ids, programme.area, programme.organisation) if ids else {}
    target_x = date_to_x(result.target_date)

    indicators: list[dict] = []
    histories: list[dict[str, float]] = []
    for link in links:
        points = same_kind(series.get(link.indicator_id, []), link.baseline_period)
        history = dict(points)
        histories.append(history)
        baseline = (
            float(link.baseline_value)
            if link.baseline_value is not None
            else history.get(link.baseline_period)
        )
        period = value = None
        if points and points[-1][0] != link.baseline_period:
            period, value = points[-1]
        direction = _direction(link.direction)
        outcome = judge(
            baseline_period=link.baseline_period,
            baseline=baseline,
            period=period,
            value=value,
            target=_target(link.target_kind, link.target_value),
            direction=direction,
            target_x=target_x,
        )
        indicator = link.indicator
        latest_known = points[-1][0] if points else None
        indicators.append(
            {
                "id": link.pk,
                "indicator_id": link.indicator_id,
                "code": indicator.code if indicator else "",
                "name": str(link),
                "baseline_period": link.baseline_period,
                "baseline": baseline,
                "period": period,
                "value": value,
                "target_kind": link.target_kind,
                "target_value": float(link.target_value),
                "direction": direction,
                "next_expected": next_expected(indicator.rhythm, latest_known)
                if indicator
                else None,
                **outcome,
            }
        )

    combined = None
    if result.rule == Rule.EACH:
        verdict = combine_verdicts([i["verdict"] for i in indicators])
    else:
        combined = _combined(result, indicators, histories, series, target_x)
        verdict = combined["verdict"]
    periods = sorted(
        {i["baseline_period"] for i in indicators}
        | {i["period"] for i in indicators if i["period"]}
        | ({combined["period"], combined["baseline_period"]} if combined else set()) - {None}
    )
    return {
        "rule": result.rule,
        "verdict": str(verdict),
        "indicators": indicators,
        "combined": combined,
        "periods": periods,
        "target_date": result.target_date.isoformat(),
    }


def _combined(result, indicators, histories, series, target_x) -> dict:
    """Rule "mean": the mean of the indicators' figures at the baseline period and at the latest
    period all indicators have; rule "combined": the combination indicator's series."""
    baseline_period = indicators[0]["baseline_period"] if indicators else ""
    direction = indicators[0]["direction"] if indicators else calc.HIGHER
    baseline = value = period = None
    if result.rule == Rule.MEAN and indicators:
        baselines = [i["baseline"] for i in indicators]
        if None not in baselines:
            baseline = sum(baselines) / len(baselines)
        common = set.intersection(*(set(h) for h in histories)) - {baseline_period}
        later = [p for p in common if calc.period_to_x(p) > calc.period_to_x(baseline_period)]
        if later:
            period = max(later, key=calc.period_to_x)
            value = sum(h[period] for h in histories) / len(histories)
    elif result.rule == Rule.COMBINED and result.combination_indicator_id:
        points = same_kind(series.get(result.combination_indicator_id, []), baseline_period)
        history = dict(points)
        baseline = history.get(baseline_period)
        if points and points[-1][0] != baseline_period:
            period, value = points[-1]
    outcome = judge(
        baseline_period=baseline_period,
        baseline=baseline,
        period=period,
        value=value,
        target=_target(result.combined_target_kind, result.combined_target_value),
        direction=direction,
        target_x=target_x,
    )
    return {
        "baseline_period": baseline_period,
        "baseline": baseline,
        "period": period,
        "value": value,
        "missing_combination": result.rule == Rule.COMBINED and not result.combination_indicator_id,
        **outcome,
    }


def _signature(details: dict) -> tuple:
    return (
        details.get("verdict"),
        tuple(details.get("periods") or ()),
        tuple(i.get("verdict") for i in details.get("indicators") or ()),
        (details.get("combined") or {}).get("verdict"),
    )


@transaction.atomic
def recompute(result: SocietalResult, import_run=None) -> ProgressEvaluation | None:
    """Evaluate and store a new ProgressEvaluation when the verdicts or the periods used changed
    since the last one; returns the new row, or None when nothing changed."""
    details = evaluate_result(result)
    last = result.evaluations.order_by("-computed_at", "-pk").first()
    if last is not None and _signature(last.details) == _signature(details):
        return None
    return ProgressEvaluation.objects.create(
        result=result, verdict=details["verdict"], details=details, import_run=import_run
    )


def latest_evaluation(result: SocietalResult) -> ProgressEvaluation | None:
    return result.evaluations.order_by("-computed_at", "-pk").first()


# --- after an import ----------------------------------------------------------------------------


def results_touched_by(run):
    """Results with an indicator (or combination indicator) that got observations for their
    programme's area in `run` (one query with two EXISTS subqueries)."""
    in_run = Observation.objects.filter(import_run=run, area_id=OuterRef("programme__area_id"))
    return SocietalResult.objects.filter(
        Exists(in_run.filter(indicator__result_links__result_id=OuterRef("pk")))
        | Exists(in_run.filter(indicator_id=OuterRef("combination_indicator_id")))
    ).select_related("programme", "programme__area", "programme__organisation")


def recompute_after_import(run) -> int:
    """Recompute every result the run touched; returns how many got a new evaluation."""
    if not (run.values_stored or run.values_revised):
        return 0
    return sum(recompute(result, import_run=run) is not None for result in results_touched_by(run))


def on_import_finished(sender, run=None, **kwargs) -> None:
    """Receiver of `indicators.signals.import_finished`. Must not fail the import: an error is
    logged (the next import or `duiding recompute-progress` catches up)."""
    if run is None:
        return
    try:
        recompute_after_import(run)
    except Exception:  # noqa: BLE001 - a receiver must not break the finished import
        logger.exception("Recomputing progress after import run %s failed", run.pk)
