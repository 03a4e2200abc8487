"""Reads for the indicator, import and alias pages (selectors; named so they do not clash with the
benchmark selectors). Every query starts from what the user may see."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from duiding.frameworks.models import Domain
from duiding.indicators.models import Dataset, ImportRun, Indicator, Observation, Period
from duiding.indicators.permissions import (
    indicators_visible,
    visible_dataset_filter,
    visible_import_runs,
)


def indicator_search(
    user,
    *,
    q: str = "",
    domain: Domain | None = None,
    unit: str = "",
    dataset: Dataset | None = None,
) -> QuerySet[Indicator]:
    qs = indicators_visible(user)
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q) | Q(definition__icontains=q))
    if domain is not None:
        qs = qs.filter(domains=domain)
    if unit:
        qs = qs.filter(unit_kind=unit)
    if dataset is not None:
        qs = qs.filter(
            Exists(Observation.objects.filter(indicator=OuterRef("pk"), dataset=dataset))
        )
    return qs.prefetch_related("domains__pillar").order_by("name", "code").distinct()


def indicator_datasets(user, indicator: Indicator) -> QuerySet[Dataset]:
    return Dataset.objects.filter(visible_dataset_filter(user)).filter(
        Exists(Observation.objects.filter(indicator=indicator, dataset=OuterRef("pk")))
    )


def indicator_periods(indicator: Indicator) -> QuerySet[Period]:
    return Period.objects.filter(
        Exists(
            Observation.objects.filter(indicator=indicator, period=OuterRef("pk"), is_current=True)
        )
    ).order_by("start", "end")


def indicator_value_count(indicator: Indicator) -> int:
    return Observation.objects.filter(indicator=indicator, is_current=True).count()


def indicator_used_in(indicator: Indicator) -> QuerySet[Indicator]:
    """Derived indicators that use this one as numerator or denominator."""
    return Indicator.objects.filter(Q(numerator=indicator) | Q(denominator=indicator))


def dataset_by_code(user, code: str) -> Dataset | None:
    if not code:
        return None
    return Dataset.objects.filter(visible_dataset_filter(user)).filter(code=code).first()


def import_runs_for_user(user, limit: int = 100) -> QuerySet[ImportRun]:
    return visible_import_runs(user).select_related("dataset", "started_by")[:limit]


def run_report_lines(run: ImportRun) -> dict[str, list[dict]]:
    """The run's messages split into refused rows (errors), warnings and notes."""
    lines: dict[str, list[dict]] = {"errors": [], "warnings": [], "notes": []}
    for item in run.messages or []:
        if not isinstance(item, dict):
            item = {"message": str(item)}
        level = item.get("level", "error")
        key = {"error": "errors", "warning": "warnings"}.get(level, "notes")
        lines[key].append(item)
    return lines


def run_indicators(run: ImportRun, limit: int = 50) -> list[Indicator]:
    """Indicators with figures from the run's dataset (for the links at the end of the report)."""
    if run.dataset_id is None:
        return []
    return list(
        Indicator.objects.filter(
            Exists(Observation.objects.filter(indicator=OuterRef("pk"), dataset=run.dataset_id))
        ).order_by("name")[:limit]
    )


def domains_with_counts() -> QuerySet[Domain]:
    return Domain.objects.select_related("pillar__framework").annotate(n=Count("indicators"))
