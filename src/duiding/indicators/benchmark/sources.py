"""Where a derived figure comes from: the CBS files and rows of its numerator and denominator.

A derived figure (`indicators/derived.py`: numerator / denominator × multiplier) is stored with
the source "berekend door Duiding", which tells a reader nothing. `derived_parts` reads, for the
derived figures shown for an area, the numerator's and the denominator's own observation of the
same area, period and category with their provenance (two queries per page).
"""

from __future__ import annotations

from dataclasses import dataclass

from duiding.indicators.benchmark.types import AreaBenchmark, Provenance
from duiding.indicators.models import Indicator, Observation
from duiding.indicators.permissions import visible_observation_filter


@dataclass(slots=True)
class DerivedPart:
    role: str  # numerator / denominator
    code: str
    name: str
    value: float | None
    status: str  # "" when the part has no (visible) observation
    provenance: Provenance | None


@dataclass(slots=True)
class DerivedSource:
    multiplier: int
    numerator: DerivedPart
    denominator: DerivedPart


def derived_parts(*, user, benchmark: AreaBenchmark) -> dict[int, DerivedSource]:
    """indicator pk -> numerator and denominator of the area's shown derived figure."""
    shown = {r.indicator.pk: r.value.period.code for r in benchmark.rows}
    if not shown:
        return {}
    definitions = list(
        Indicator.objects.filter(
            pk__in=list(shown), numerator__isnull=False, denominator__isnull=False
        ).values_list(
            "pk",
            "multiplier",
            "numerator_id",
            "numerator__code",
            "numerator__name",
            "denominator_id",
            "denominator__code",
            "denominator__name",
        )
    )
    if not definitions:
        return {}
    part_ids = {d[2] for d in definitions} | {d[5] for d in definitions}
    rows = (
        Observation.objects.filter(visible_observation_filter(user))
        .filter(
            area_id=benchmark.area.pk,
            indicator_id__in=sorted(part_ids),
            period__code__in=sorted({shown[d[0]] for d in definitions}),
            is_current=True,
            category="",
        )
        .values_list(
            "indicator_id",
            "period__code",
            "value",
            "status",
            "dataset__code",
            "dataset__title",
            "source_file",
            "source_row",
            "source_column",
            "source_category",
            "published_area_code",
            "indelingswijziging",
        )
    )
    found = {(r[0], r[1]): r for r in rows}

    def part(role: str, pk: int, code: str, name: str, period: str) -> DerivedPart:
        row = found.get((pk, period))
        if row is None:
            return DerivedPart(role, code, name, None, "", None)
        prov = Provenance(row[4] or "", row[5] or "", *row[6:12])
        return DerivedPart(role, code, name, row[2], row[3], prov)

    result = {}
    for pk, multiplier, num_id, num_code, num_name, den_id, den_code, den_name in definitions:
        period = shown[pk]
        result[pk] = DerivedSource(
            multiplier or 100,
            part("numerator", num_id, num_code, num_name, period),
            part("denominator", den_id, den_code, den_name, period),
        )
    return result
