"""Reads for the indicator, import and alias pages: `indicator_search`, `indicator_datasets`,
`indicator_periods`, `indicator_value_count`, `indicator_used_in`, `dataset_by_code`,
`run_indicators`. Every query starts from what the user may see (`indicators.permissions`).
(`domain` in indicator_search is a frameworks Domain, reached through Indicator.domains.)
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from duiding.indicators.models import Dataset, Indicator, Observation, Period
from duiding.indicators.permissions import indicators_visible, visible_dataset_filter
from duiding.jobs.models import ImportRun


def indicator_search(
    user,
    *,
    q: str = "",
    domain=None,
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


def run_indicators(run: ImportRun, limit: int = 50) -> list[Indicator]:
    """Indicators with figures from the run's dataset (for the links at the end of the report)."""
    if run.dataset_id is None:
        return []
    return list(
        Indicator.objects.filter(
            Exists(Observation.objects.filter(indicator=OuterRef("pk"), dataset=run.dataset_id))
        ).order_by("name")[:limit]
    )
