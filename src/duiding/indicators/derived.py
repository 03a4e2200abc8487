"""Derived indicators (numerator / denominator x multiplier), computed.

A derived indicator is an Indicator row with `numerator`, `denominator` and `multiplier` set
(100 for a percentage, 1000 for a rate per 1,000). `derived_compute` fills it for every area,
period and category where both parts have a current observation, through the same versioned store
as the importers (so recomputing twice changes nothing, and a revised part revises the share).
Run by the importer after an import, by the background task and by `compute-derived`.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from duiding.areas.models import Area
from duiding.indicators.importing.store import observations_store
from duiding.indicators.importing.types import ParsedValue, ParseResult
from duiding.indicators.models import (
    Dataset,
    Indicator,
    Observation,
    ObservationStatus,
    Period,
)
from duiding.jobs.models import ImportRun

DERIVED_DATASET = "DUIDING-AFGELEID"
DERIVED_DATASET_TITLE = "Afgeleide indicatoren (berekend door Duiding uit teller en noemer)"
DERIVED_SOURCE_FILE = "berekend door Duiding"


def derived_value(
    numerator: float | None,
    numerator_status: str,
    denominator: float | None,
    denominator_status: str,
    multiplier: int,
) -> tuple[float | None, str]:
    """The value and status of one derived figure. Pure function.

    - a suppressed part makes the result suppressed;
    - a part that is not available (or a denominator of 0) makes it not available;
    - otherwise numerator / denominator x multiplier, rounded to 6 decimals.
    """
    statuses = {numerator_status, denominator_status}
    if ObservationStatus.SUPPRESSED in statuses:
        return None, ObservationStatus.SUPPRESSED
    if statuses != {ObservationStatus.OK} or numerator is None or denominator is None:
        return None, ObservationStatus.NOT_AVAILABLE
    if denominator == 0:
        return None, ObservationStatus.NOT_AVAILABLE
    return round(numerator / denominator * multiplier, 6), ObservationStatus.OK


def _touched(run: ImportRun) -> tuple[set[int], set[int] | None]:
    indicators = getattr(run, "touched_indicator_ids", None)
    periods = getattr(run, "touched_period_ids", None)
    if indicators is None:
        rows = Observation.objects.filter(import_run=run).values_list("indicator_id", "period_id")
        indicators = {i for i, _ in rows.distinct()}
        periods = {p for _, p in rows.distinct()}
    return set(indicators), (set(periods) if periods is not None else None)


def _parts(indicator_id: int, period_ids: set[int] | None) -> dict:
    qs = Observation.objects.filter(indicator_id=indicator_id, is_current=True)
    if period_ids is not None:
        qs = qs.filter(period_id__in=list(period_ids))
    return {
        (area, period, category): (value, status)
        for area, period, category, value, status in qs.values_list(
            "area_id", "period_id", "category", "value", "status"
        )
    }


def derived_compute(*, indicator: Indicator | None = None, run: ImportRun | None = None) -> int:
    """Compute derived indicators; returns how many values were stored or revised.

    indicator: only this derived indicator. run: only derived indicators whose numerator or
    denominator that import touched, and only for the periods it touched.
    """
    derived = Indicator.objects.filter(numerator__isnull=False, denominator__isnull=False)
    if indicator is not None:
        derived = derived.filter(pk=indicator.pk)
    period_ids: set[int] | None = None
    if run is not None:
        touched, period_ids = _touched(run)
        derived = derived.filter(Q(numerator_id__in=touched) | Q(denominator_id__in=touched))
    derived = list(derived.select_related("numerator", "denominator"))
    if not derived:
        return 0

    area_codes = dict(Area.objects.values_list("id", "code"))
    period_codes = dict(Period.objects.values_list("id", "code"))
    result = ParseResult(dataset_code=DERIVED_DATASET, dataset_title=DERIVED_DATASET_TITLE)
    for ind in derived:
        multiplier = ind.multiplier or 100
        numerators = _parts(ind.numerator_id, period_ids)
        if not numerators:
            continue
        denominators = _parts(ind.denominator_id, period_ids)
        column = f"{ind.numerator.code} / {ind.denominator.code} × {multiplier}"
        for key in sorted(numerators.keys() & denominators.keys()):
            area_id, period_id, category = key
            num, num_status = numerators[key]
            den, den_status = denominators[key]
            value, status = derived_value(num, num_status, den, den_status, multiplier)
            result.values.append(
                ParsedValue(
                    indicator_code=ind.code,
                    area_code=area_codes[area_id],
                    period_code=period_codes[period_id],
                    value=value,
                    status=status,
                    category=category,
                    numerator=num,
                    denominator=den,
                    source_column=column[:200],
                    source_category=category,
                    published_area_code=area_codes[area_id],
                )
            )
    if not result.values:
        return 0

    Dataset.objects.get_or_create(
        code=DERIVED_DATASET,
        defaults={"title": DERIVED_DATASET_TITLE, "publisher": "Duiding", "licence": ""},
    )
    derived_run = ImportRun.objects.create(
        kind=ImportRun.Kind.DERIVED,
        status=ImportRun.Status.RUNNING,
        file_name=DERIVED_SOURCE_FILE,
        started_by=run.started_by if run is not None else None,
        organisation=run.organisation if run is not None else None,
        started_at=timezone.now(),
        rows_read=len(result.values),
        options={"after_run": run.pk} if run is not None else {},
    )
    observations_store(run=derived_run, result=result, source_file=DERIVED_SOURCE_FILE)
    changed = derived_run.values_stored + derived_run.values_revised
    derived_run.status = ImportRun.Status.DONE if changed else ImportRun.Status.UNCHANGED
    derived_run.progress = 100
    derived_run.finished_at = timezone.now()
    derived_run.save()
    return changed
