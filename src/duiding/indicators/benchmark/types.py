"""The benchmark's result types: stable dataclasses shared by pages, the API and exports.

Built by `indicators.selectors.area_benchmark` (and re-exported there). Shape:

    AreaBenchmark
      area: AreaRef                       the area itself (pk, code, name, level, level_label)
      period: str | None                  the requested period ("2021", "2021H1" or None = latest)
      comparison_areas: list[ComparisonArea]   role chosen (a wijk of choice, first) / parent /
                                          municipality / country, nearest first
      rows: list[IndicatorBenchmark]      one per indicator the area has an observation for,
                                          sorted by indicator name
    IndicatorBenchmark
      indicator: IndicatorRef             code, name, unit_kind, direction, decimals, domain_ids, ...
      value: ObservationValue             the area's observation of the chosen period
      comparisons: list[Comparison]       per comparison area: value (same period) or None,
                                          difference, relative_pct and flag (benchmark.Flag)
      suggestion: Suggestion              the seed's comparison rule (benchmark.Suggestion)
      series: list[Series]                all periods for the area (first) and each comparison
                                          area (empty when built with with_series=False)
      flag (property)                     the flag against the municipality (else the first one)
    ObservationValue: pk, value (None unless status ok), status (ok / suppressed / not_available),
                      numerator, denominator, period: PeriodRef (code, label, kind, year),
                      provenance: Provenance
    Provenance: dataset_code, dataset_title, file, row, column, category (as published),
                published_area_code, indelingswijziging. Filled for the area's own value; a
                comparison value has an empty Provenance (ask `observation_detail(user, pk)`).
    Series: area: AreaRef, role (area / parent / municipality / country),
            points: list[SeriesPoint(period_code, period_label, kind, year, value, status)] in
            time order (all period kinds: filter on `kind` for one line per kind)

The classes are plain (not frozen) slotted dataclasses for speed: a page builds a few thousand of
them, and frozen ones cost five times as much to create. Treat them as read-only. AreaRef,
PeriodRef and ComparisonArea are frozen (and hashable): there are only a few per page.
SeriesPoint is a NamedTuple (same attribute access) for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from duiding.indicators.benchmark import rules

OK = "ok"


@dataclass(frozen=True, slots=True)
class AreaRef:
    pk: int
    code: str
    name: str
    level: str
    level_label: str  # the municipality's own word, e.g. Rotterdam: CBS wijk -> "gebied"


@dataclass(frozen=True, slots=True)
class ComparisonArea:
    area: AreaRef
    role: str  # chosen / parent / municipality / country


@dataclass(frozen=True, slots=True)
class PeriodRef:
    code: str
    label: str
    kind: str  # year / half / quarter / date
    year: int


@dataclass(slots=True)
class Provenance:
    dataset_code: str
    dataset_title: str
    file: str
    row: int | None
    column: str
    category: str  # category label as published ("" = total)
    published_area_code: str
    indelingswijziging: str


@dataclass(slots=True)
class ObservationValue:
    pk: int
    value: float | None  # None unless status is ok
    status: str  # ok / suppressed / not_available
    numerator: float | None
    denominator: float | None
    period: PeriodRef
    provenance: Provenance

    @property
    def has_value(self) -> bool:
        return self.status == OK and self.value is not None


@dataclass(slots=True)
class IndicatorRef:
    pk: int
    code: str
    name: str
    definition: str
    unit_kind: str
    unit_label: str
    decimals: int
    direction: str
    source: str
    rhythm: str
    flag_threshold_pct: float
    flag_requires_significance: bool
    domain_ids: tuple[int, ...] = ()


class RuleIndicator(NamedTuple):
    """What the rules (`build.compare_figures`, `SuggestionRoles.suggest_values`) and the API's
    benchmark read of an indicator: read with the figures, in the same query
    (`queries.shown_wide_rows`); no definition, source or domains."""

    pk: int
    code: str
    name: str
    unit_kind: str
    direction: str
    flag_threshold_pct: float
    flag_requires_significance: bool


@dataclass(slots=True)
class Comparison:
    area: AreaRef
    role: str
    value: ObservationValue | None  # same period as the area's value; None when absent
    difference: float | None
    relative_pct: float | None
    flag: rules.Flag


class SeriesPoint(NamedTuple):
    """One point of a trend. A named tuple, not a dataclass: a page has thousands of them, and
    tuples of plain values are cheap to make and invisible to the garbage collector."""

    period_code: str
    period_label: str
    kind: str
    year: int
    value: float | None
    status: str


@dataclass(slots=True)
class Series:
    area: AreaRef
    role: str  # area / parent / municipality / country
    points: list[SeriesPoint]


@dataclass(slots=True)
class IndicatorBenchmark:
    indicator: IndicatorRef
    value: ObservationValue
    comparisons: list[Comparison]
    suggestion: rules.Suggestion
    series: list[Series]

    @property
    def flag(self) -> rules.Flag:
        """The flag against the municipality, else against the first comparison area."""
        for c in self.comparisons:
            if c.role == "municipality":
                return c.flag
        if self.comparisons:
            return self.comparisons[0].flag
        return rules.flag_missing("")


@dataclass(slots=True)
class AreaBenchmark:
    area: AreaRef
    period: str | None
    comparison_areas: list[ComparisonArea]
    rows: list[IndicatorBenchmark] = field(default_factory=list)

    def by_code(self) -> dict[str, IndicatorBenchmark]:
        return {row.indicator.code: row for row in self.rows}


@dataclass(slots=True)
class ObservationDetail:
    """Everything for the 'where did this come from' popover."""

    pk: int
    indicator: IndicatorRef
    area: AreaRef
    value: ObservationValue
    category: str
    dataset_publisher: str
    dataset_licence: str
    dataset_url: str
    import_run_id: int | None
    imported_at: object  # datetime of the import run (or of the observation)
    history: list[tuple[object, float | None, str]]  # earlier versions: (created_at, value, status)
