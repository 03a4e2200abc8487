"""Turn fetched rows into the benchmark result types (no queries here; see selectors.py).

Observation rows are tuples in the order of `benchmark_queries.ROW`, optionally followed by
`benchmark_queries.PROVENANCE`: plain tuples, because a page handles a few thousand of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from duiding.areas.models import Level
from duiding.indicators.benchmark import rules
from duiding.indicators.benchmark.types import (
    AreaRef,
    Comparison,
    ComparisonArea,
    IndicatorRef,
    ObservationValue,
    PeriodRef,
    Provenance,
    RuleIndicator,
    Series,
    SeriesPoint,
)

PK, IND, AREA, PER, VAL, STATUS, NUM, DEN = range(8)  # benchmark_queries.ROW
PROV = 8  # first provenance column
SHOWN_PERIOD = 16  # benchmark_queries.shown_rows: code, label, kind, year of the period
SHOWN_INDICATOR = 20  # benchmark_queries.shown_wide_rows: RULE_INDICATOR
SHOWN_COMPARISONS = 26  # shown_wide_rows: WIDE_COMPARISON per comparison area
OK = "ok"
NO_PROVENANCE = Provenance("", "", "", None, "", "", "", "")


class Periods:
    """Periods by id: the reference, the sort key of the period rule and (start, end)."""

    def __init__(self, rows, *, with_dates: bool = True):
        """rows: (pk, code, label, kind, year, start, end); start and end may be ISO strings
        (plain SQL on SQLite). Without dates only the references are kept."""
        self.ref: dict[int, PeriodRef] = {}
        self.key: dict[int, tuple[date, int]] = {}
        self.span: dict[int, tuple[date, date]] = {}
        for pk, code, label, kind, year, start, end in rows:
            self.ref[pk] = PeriodRef(code, label, kind, year)
            if with_dates:
                if isinstance(start, str):
                    start, end = date.fromisoformat(start), date.fromisoformat(end)
                self.key[pk] = rules.period_sort_key(start, end)
                self.span[pk] = (start, end)

    @classmethod
    def from_shown_rows(cls, rows: list[tuple]) -> Periods:
        """The references of the periods in `benchmark_queries.shown_rows` (no dates)."""
        periods = cls(())
        ref = periods.ref
        for row in rows:
            if row[PER] not in ref and row[SHOWN_PERIOD] is not None:  # the area's own rows
                ref[row[PER]] = PeriodRef(*row[SHOWN_PERIOD : SHOWN_PERIOD + 4])
        return periods

    def choose(self, rows: list[tuple], period: str | None) -> tuple | None:
        """The period rule (`benchmark.pick_period`) on observation rows."""
        ref, key = self.ref, self.key
        return rules.pick_period(
            rows,
            period,
            code=lambda r: ref[r[PER]].code,
            kind=lambda r: ref[r[PER]].kind,
            year=lambda r: ref[r[PER]].year,
            is_ok=lambda r: r[STATUS] == OK,
            key=lambda r: key[r[PER]],
        )


def indicator_refs(rows) -> dict[int, IndicatorRef]:
    """From benchmark_queries.indicator_rows: INDICATOR_FIELDS + one domain id per row."""
    head: dict[int, tuple] = {}
    domains: dict[int, list[int]] = {}
    for *fields, domain_id in rows:
        head[fields[0]] = fields
        ids = domains.setdefault(fields[0], [])
        if domain_id is not None:
            ids.append(domain_id)
    return {
        pk: IndicatorRef(*fields[:-1], bool(fields[-1]), tuple(domains[pk]))
        for pk, fields in head.items()
    }


def rule_indicator(row: tuple) -> RuleIndicator:
    """The indicator of an area's row of `benchmark_queries.shown_wide_rows` (booleans as
    stored: 0/1 on SQLite)."""
    i = SHOWN_INDICATOR
    return RuleIndicator(row[IND], *row[i : i + 5], bool(row[i + 5]))


def value(row: tuple, periods: Periods, provenance: dict[int, tuple]) -> ObservationValue:
    """An ObservationValue; provenance from the row carrying PROVENANCE columns for its pk
    (only the area's own figures are in `provenance`)."""
    pk = row[PK]
    status = row[STATUS]
    prov = provenance.get(pk)
    return ObservationValue(
        pk,
        row[VAL] if status == OK else None,
        status,
        row[NUM],
        row[DEN],
        periods.ref[row[PER]],
        NO_PROVENANCE
        if prov is None
        else Provenance(prov[PROV] or "", prov[PROV + 1] or "", *prov[PROV + 2 : PROV + 8]),
    )


def series(ref: AreaRef, role: str, rows, periods: Periods) -> Series:
    """All points of one area, in time order."""
    span, prefs = periods.span, periods.ref
    points = []
    for r in sorted(rows, key=lambda r: span[r[PER]]):
        p = prefs[r[PER]]
        status = r[STATUS]
        points.append(
            SeriesPoint(p.code, p.label, p.kind, p.year, r[VAL] if status == OK else None, status)
        )
    return Series(ref, role, points)


def compare(
    indicator: IndicatorRef,
    own: ObservationValue,
    other: ObservationValue | None,
    texts: rules.Texts,
    *,
    same_size: bool = False,
) -> tuple[float | None, float | None, rules.Flag]:
    """(difference, relative_pct, Flag) of the area's value against one comparison value
    (`compare_figures` on two ObservationValues)."""
    if other is None:
        return compare_figures(
            indicator, own.value, own.status, own.numerator, own.denominator,
            False, None, None, None, texts, same_size,
        )  # fmt: skip
    return compare_figures(
        indicator, own.value, own.status, own.numerator, own.denominator,
        True, other.value, other.numerator, other.denominator, texts, same_size,
    )  # fmt: skip


def compare_figures(
    indicator: IndicatorRef,
    value: float | None,
    status: str,
    numerator: float | None,
    denominator: float | None,
    has_other: bool,
    other_value: float | None,
    other_numerator: float | None,
    other_denominator: float | None,
    texts: rules.Texts,
    same_size: bool = False,
) -> tuple[float | None, float | None, rules.Flag]:
    """(difference, relative_pct, Flag) of the area's figure against one comparison figure, on
    plain values (the API builds no ObservationValue per comparison). value / other_value: None
    unless the status is ok (as in ObservationValue.value); has_other: there is a comparison
    observation in the period at all.

    same_size: the comparison area is of the same level as the area (a wijk of choice); only
    then does a count get a difference (rule 3 of README.md: counts of areas of another size do
    not compare, and "−483.545" against the country only clutters the table)."""
    if value is not None and has_other and indicator.unit_kind in rules.COUNT_KINDS:
        # Counts are never flagged (the same shared flag as rules.flag gives).
        f = rules.flag_count(texts=texts)
        if other_value is not None:
            if not same_size:
                return None, None, f
            return (
                value - other_value,
                rules.relative_difference_pct(value, other_value),
                f,
            )
    if value is None:
        return None, None, rules.flag_missing(status, texts=texts)
    if other_value is None:
        f = rules.flag(
            value,
            None,
            direction=indicator.direction,
            unit_kind=indicator.unit_kind,
            texts=texts,
        )
        return None, None, f
    f = rules.flag(
        value,
        other_value,
        direction=indicator.direction,
        unit_kind=indicator.unit_kind,
        threshold_pct=indicator.flag_threshold_pct,
        requires_significance=indicator.flag_requires_significance,
        n=denominator,
        comparison_n=other_denominator,
        numerator=numerator,
        comparison_numerator=other_numerator,
        texts=texts,
    )
    if f.result == rules.NONE:  # e.g. counts: no verdict, but the differences are still shown
        return (
            rules.difference(value, other_value),
            rules.relative_difference_pct(value, other_value),
            f,
        )
    return f.difference, f.relative_pct, f


class SuggestionRoles:
    """Who plays wijk, gebied and stad in the seed's rule for this area (once per page): the
    area is the wijk, its parent below the municipality the gebied, its municipality the stad
    (for a gemeente: the country)."""

    def __init__(self, area_ref: AreaRef, comps: list[ComparisonArea]):
        by_role = {c.role: i for i, c in enumerate(comps)}
        self.gebied = by_role.get("parent")
        self.city = by_role.get("municipality", by_role.get("country"))
        if area_ref.level == Level.MUNICIPALITY:
            self.gebied, self.city = None, by_role.get("country")
        self.wijk_label = rules.with_article(area_ref.level_label.lower())
        self.gebied_label = (
            rules.with_article(comps[self.gebied].area.level_label.lower())
            if self.gebied is not None
            else ""
        )
        self.city_label = (
            comps[self.city].area.name
            if self.city is not None
            else rules.with_article(rules._("stad"))
        )

        self._count_suggestion: rules.Suggestion | None = None

    def suggest(
        self,
        indicator: IndicatorRef,
        own: ObservationValue,
        comparisons: list[Comparison],
        texts: rules.Texts,
    ) -> rules.Suggestion:
        values = [c.value.value if c.value is not None else None for c in comparisons]
        return self.suggest_values(indicator, own.value, values, texts)

    def suggest_values(
        self,
        indicator: IndicatorRef,
        value: float | None,
        values: list[float | None],
        texts: rules.Texts,
    ) -> rules.Suggestion:
        """`suggest` on plain values: the area's, and the comparison areas' (None: no figure),
        in the order of the comparison areas."""
        if indicator.unit_kind in rules.COUNT_KINDS:  # the same advice for every count
            if self._count_suggestion is None:
                self._count_suggestion = rules.comparison_suggestion(
                    None, None, None, unit_kind=indicator.unit_kind, texts=texts
                )
            return self._count_suggestion
        gebied, city = self.gebied, self.city
        return rules.comparison_suggestion(
            value,
            values[gebied] if gebied is not None else None,
            values[city] if city is not None else None,
            threshold_pct=indicator.flag_threshold_pct,
            unit_kind=indicator.unit_kind,
            wijk_label=self.wijk_label,
            gebied_label=self.gebied_label,
            city_label=self.city_label,
            has_gebied=gebied is not None,
            texts=texts,
        )


@dataclass(slots=True)
class ShownFigures:
    """The rows an AreaBenchmark without series is built from, for callers that turn them into
    their own shape in one pass (the API: no ObservationValue, Comparison or IndicatorBenchmark
    per row). Build with `build.compare_figures` and `roles.suggest_values`, the rules of
    `area_benchmark` (as `duiding.api.benchmark.shown_payload` does).

    chosen: indicator id -> the area's row of `benchmark_queries.shown_wide_rows` (ROW + PROVENANCE +
    period code, label, kind, year + RULE_INDICATOR + the comparison areas' columns; in the order
    of `build`'s column indexes); shown: (indicator id, comparison area id) -> the comparison
    area's observation of the same period, in the order of `benchmark_queries.ROW`; indicators: id ->
    RuleIndicator (code, name and the columns the rules read; read in the same query).
    """

    area: AreaRef
    period: str | None
    comparison_areas: list[ComparisonArea]
    chosen: dict[int, tuple]
    shown: dict[tuple[int, int], tuple]
    indicators: dict[int, RuleIndicator]
    roles: SuggestionRoles


WIDE_COMPARISON = 5  # benchmark_queries.WIDE_COMPARISON: id, value, status, numerator, denominator


def shown_from_wide_rows(rows: list[tuple], comparison_ids: list[int]):
    """(chosen, shown, indicators) of `ShownFigures` from `benchmark_queries.shown_wide_rows`:
    each comparison area's columns become a row in the order of ROW."""
    chosen: dict[int, tuple] = {}
    shown: dict[tuple[int, int], tuple] = {}
    indicators: dict[int, RuleIndicator] = {}
    comparisons = [
        (SHOWN_COMPARISONS + n * WIDE_COMPARISON, c) for n, c in enumerate(comparison_ids)
    ]
    for row in rows:
        indicator_id = row[IND]
        chosen[indicator_id] = row
        indicators[indicator_id] = rule_indicator(row)
        for at, comp_id in comparisons:
            if row[at] is not None:  # the observation's id: the comparison area has one
                pk, value, status, numerator, denominator = row[at : at + WIDE_COMPARISON]
                shown[(indicator_id, comp_id)] = (
                    pk, indicator_id, comp_id, row[PER], value, status, numerator, denominator,
                )  # fmt: skip
    return chosen, shown, indicators
