"""Counts of young people per 1.000 youths: the comparable figure of a count (README, rule 3).

A count ("1.555 jongeren met jeugdzorg") does not compare with the country's 485.100; the same
count per 1.000 inhabitants of 0 to 25 jaar does, and gets a flag like any rate. The population
is CBS Kerncijfers wijken en buurten (inhabitants 0-15 and 15-25 on 1 January): of the figure's
own year, else of 1 January of the next year (the end of the period), the same population year
for the area and its comparison areas. No population for the area → no rate (the count alone).

One query per page (`youth_rates`), whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop

from duiding.indicators.benchmark import rules
from duiding.indicators.benchmark.types import AreaBenchmark, IndicatorBenchmark
from duiding.indicators.models import Observation
from duiding.indicators.permissions import visible_observation_filter

# Counts of young people (CBS Jeugdzorg; wijken: under 23) that get a rate per 1.000 youths.
YOUTH_COUNTS = frozenset({"TotaalJongerenMetJeugdzorgInNatura"})
# Their population: CBS KWB inhabitants by age on 1 January, summed (0 to 25 years).
YOUTH_POPULATION = ("k_0Tot15Jaar", "k_15Tot25Jaar")
RATE_LABEL = gettext_noop("per 1.000 jongeren")
RATE_DEFINITION = gettext_noop(
    "%(indicator)s per 1.000 inwoners van 0 tot 25 jaar (CBS Kerncijfers wijken en buurten, "
    "inwoners 0-15 en 15-25 jaar op 1 januari %(year)s)."
)


@dataclass(slots=True)
class RateValue:
    value: float | None  # per 1.000
    population: float | None


@dataclass(slots=True)
class YouthRate:
    """The rate of one row: the area's, and per comparison (same order as the row's
    comparisons) the comparison area's rate and its flag."""

    population_year: int
    own: RateValue
    comparisons: list[tuple[RateValue, rules.Flag]]
    definition: str


def _rate(count: float | None, population: float | None) -> RateValue:
    if count is None or not population:
        return RateValue(None, population)
    return RateValue(count / population * 1000.0, population)


def _populations(user, area_ids: list[int], years: set[int]) -> dict[tuple[int, int], float]:
    """(area id, year) -> inhabitants 0-25 on 1 January, where both age groups have a figure."""
    rows = (
        Observation.objects.filter(visible_observation_filter(user))
        .filter(
            indicator__code__in=YOUTH_POPULATION,
            area_id__in=area_ids,
            period__kind="year",
            period__year__in=sorted(years),
            is_current=True,
            category="",
            status="ok",
        )
        .values_list("area_id", "period__year", "indicator__code", "value")
    )
    parts: dict[tuple[int, int], dict[str, float]] = {}
    for area_id, year, code, value in rows:
        if value is not None:
            parts.setdefault((area_id, year), {})[code] = value
    return {
        key: sum(found.values())
        for key, found in parts.items()
        if len(found) == len(YOUTH_POPULATION)
    }


def _row_rate(item: IndicatorBenchmark, area_pk: int, populations, texts) -> YouthRate | None:
    year = item.value.period.year
    pop_year = next((y for y in (year, year + 1) if (area_pk, y) in populations), None)
    if pop_year is None or not item.value.has_value:
        return None
    ind = item.indicator
    own = _rate(item.value.value, populations[(area_pk, pop_year)])
    comparisons = []
    for comp in item.comparisons:
        other_count = comp.value.value if comp.value is not None else None
        other = _rate(other_count, populations.get((comp.area.pk, pop_year)))
        flag = rules.flag(
            own.value,
            other.value,
            direction=ind.direction,
            unit_kind="rate_1000",
            threshold_pct=ind.flag_threshold_pct,
            requires_significance=ind.flag_requires_significance,
            n=own.population,
            comparison_n=other.population,
            numerator=item.value.value,
            comparison_numerator=other_count if other.value is not None else None,
            texts=texts,
        )
        comparisons.append((other, flag))
    definition = texts[RATE_DEFINITION] % {"indicator": ind.name, "year": pop_year}
    return YouthRate(pop_year, own, comparisons, definition)


def youth_rates(*, user, benchmark: AreaBenchmark) -> dict[int, YouthRate]:
    """indicator pk -> its rate per 1.000 youths, for the youth counts of the benchmark that have
    a population (one query; none when the benchmark has no youth count)."""
    items = [r for r in benchmark.rows if r.indicator.code in YOUTH_COUNTS]
    if not items:
        return {}
    area_ids = [benchmark.area.pk] + [c.area.pk for c in benchmark.comparison_areas]
    years = {y for r in items for y in (r.value.period.year, r.value.period.year + 1)}
    populations = _populations(user, area_ids, years)
    texts = rules.current_texts()
    found = {}
    for item in items:
        rate = _row_rate(item, benchmark.area.pk, populations, texts)
        if rate is not None:
            found[item.indicator.pk] = rate
    return found
