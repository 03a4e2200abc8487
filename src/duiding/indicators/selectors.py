"""Reads for indicators and observations.

Benchmark reads (owned by the benchmark; other reads go below in their own section)
-----------------------------------------------------------------------------------
- `visible_observations(user)`: the observations a user may read (open data and their
  organisations' own), through `indicators.permissions.visible_observation_filter`.
- `area_benchmark(user=, area=, period=None, with_series=True) -> AreaBenchmark`: every indicator
  with an observation for the area, its comparison areas (parent level, municipality, country),
  differences, flags, the seed's comparison suggestion and the series over all periods. The
  result types live in `benchmark/types.py` (re-exported here) and are documented there.
- `area_benchmark_for_code(user=, code=, ...)`: the same for a CBS code (None: unknown area).
- `area_shown_figures_for_code(user=, code=, period=None) -> ShownFigures`: the rows of the
  same benchmark without series, for the API, which turns them into JSON in one pass with the
  same rule functions (`build.compare_figures`, `SuggestionRoles.suggest_values`). Two queries:
  the indicators' rule columns come with the figures (no domains: the API does not show them).
- `available_periods(area, user=None)`, `observation_detail(user, pk)` (the source popover),
  `comparison_areas(area)`, `normalise_period(text)`, `choose_observation(rows, period)`.

Only current observations (is_current) of the total category ("") count. `area_benchmark` runs a
constant number of queries (3, with series 6) whatever the number of indicators; its hot queries
are plain SQL in `benchmark/queries.py`, the rows are turned into results in
`benchmark/build.py`. The rules (flags, suggestion, which period is shown) are written out in
benchmark/README.md.

The reads of the indicator, import and alias pages are in `indicators/page_reads.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import QuerySet
from django.utils.translation import get_language

from duiding.areas.codes import normalise_code
from duiding.areas.models import Area, Level, LevelName
from duiding.indicators.benchmark import build, queries, rules
from duiding.indicators.benchmark.build import ShownFigures
from duiding.indicators.benchmark.types import (
    AreaBenchmark,
    AreaRef,
    Comparison,
    ComparisonArea,
    IndicatorBenchmark,
    IndicatorRef,
    ObservationDetail,
    ObservationValue,
    PeriodRef,
    Provenance,
    RuleIndicator,
    Series,
    SeriesPoint,
)
from duiding.indicators.models import (
    Observation,
    ObservationStatus,
)
from duiding.indicators.periods import parse_period
from duiding.indicators.permissions import (
    hidden_observation_sources,
    hidden_sources_sql,
    visible_observation_filter,
)

__all__ = [
    "AreaBenchmark",
    "AreaRef",
    "Comparison",
    "ComparisonArea",
    "IndicatorBenchmark",
    "IndicatorRef",
    "ObservationDetail",
    "ObservationValue",
    "PeriodRef",
    "Provenance",
    "RuleIndicator",
    "ShownFigures",
    "Series",
    "SeriesPoint",
    "area_benchmark",
    "area_benchmark_for_code",
    "area_for_benchmark",
    "area_shown_figures_for_code",
    "available_periods",
    "choose_observation",
    "comparison_areas",
    "normalise_period",
    "observation_detail",
    "visible_observations",
]

COUNTRY_CODE = "NL01"
OK = ObservationStatus.OK.value


# --- visibility -------------------------------------------------------------------------------


def visible_observations(user) -> QuerySet[Observation]:
    """Observations the user may read (open data, and their organisations' own datasets)."""
    return Observation.objects.filter(visible_observation_filter(user))


# --- period rules (pure) ----------------------------------------------------------------------


def normalise_period(period: str | None) -> str | None:
    """A period code from user input ('2021', '2021h1', '1e halfjaar 2021'); ValueError if unknown."""
    if period is None or not str(period).strip():
        return None
    parsed = parse_period(str(period).strip())
    if parsed is None:
        raise ValueError(period)
    return parsed.code


def choose_observation(rows: list[dict], period: str | None) -> dict | None:
    """Pick the observation that represents `period` among one indicator's rows for one area.

    The period rule of `benchmark.pick_period` (see benchmark/README.md) on dict rows with
    period__code, period__kind, period__year, period__start, period__end and status (as from
    `.values()`).
    """
    return rules.pick_period(
        rows,
        period,
        code=lambda r: r["period__code"],
        kind=lambda r: r["period__kind"],
        year=lambda r: r["period__year"],
        is_ok=lambda r: r["status"] == OK,
        key=lambda r: rules.period_sort_key(r["period__start"], r["period__end"]),
    )


# --- areas ------------------------------------------------------------------------------------


_CBS_LEVEL_LABELS: dict[str | None, dict[str, str]] = {}


def _cbs_level_labels() -> dict[str, str]:
    """CBS's level names in the active language, translated once per language (the catalogues
    do not change at run time; translating them took a tenth of an API request)."""
    lang = get_language()
    found = _CBS_LEVEL_LABELS.get(lang)
    if found is None:
        found = _CBS_LEVEL_LABELS[lang] = {value: str(label) for value, label in Level.choices}
    return found


class _AreaRow(NamedTuple):
    """The area of a benchmark read by code: the columns of `queries.AREA_COLUMNS` (a model
    instance costs more to make than the rest of the context)."""

    pk: int
    code: str
    name: str
    level: str
    parent_id: int | None
    municipality_id: int | None
    indelingswijziging: str


def _level_labels(municipality_id: int | None, own: list[tuple] | None = None) -> dict[str, str]:
    """The municipality's own level words, with CBS's names as default (one query unless `own`
    (level, singular) rows are given)."""
    labels = dict(_cbs_level_labels())
    if own is None and municipality_id:
        own = LevelName.objects.filter(municipality_id=municipality_id).values_list(
            "level", "singular"
        )
    for level, singular in own or ():
        labels[level] = singular
    return labels


def _area_ref(area: Area, labels: dict[str, str]) -> AreaRef:
    return AreaRef(area.pk, area.code, area.name, area.level, labels.get(area.level, area.level))


class _Context:
    """The area, its comparison areas, its municipality's level words and the user's hidden
    sources: everything before the figures, read in one query (`benchmark_queries.context_rows`).

    Comparison areas: parent level, municipality and country, nearest first, each once. A buurt
    gets its wijk, its gemeente and the country; a wijk its gemeente and the country; a gemeente
    its parent when that is not the country (e.g. a province) and the country. `compare_with`
    (an area of the user's choice, e.g. another wijk) comes first, with role "chosen".
    """

    def __init__(
        self,
        *,
        user,
        code: str | None = None,
        area: Area | None = None,
        compare_with: Area | None = None,
    ):
        hidden_sql = hidden_sources_sql(user) if user is not None else ("", [])
        self.readable = hidden_sql is not None
        rows = queries.context_rows(
            code=code,
            area_id=area.pk if area is not None else None,
            country_code=COUNTRY_CODE,
            hidden_sql=hidden_sql or ("", []),
        )
        self.area = area
        others: list[tuple] = []
        own_names: list[tuple] = []
        self.hidden: tuple[list[int], list[int]] = ([], [])
        for kind, *row in rows:
            if kind == "a" and self.area is None:
                self.area = _AreaRow(*row)
            elif kind == "c":
                others.append(row)
            elif kind == "l":
                own_names.append((row[3], row[2]))  # (level, singular)
            elif kind in ("d", "i"):
                self.hidden[0 if kind == "d" else 1].append(row[0])
        self.labels = _level_labels(None, own_names)
        self.comparisons = self._comparisons(others) if self.area is not None else []
        if compare_with is not None and self.area is not None:
            self._add_chosen(compare_with)

    def _add_chosen(self, other: Area) -> None:
        if other.pk == self.area.pk or any(c.area.pk == other.pk for c in self.comparisons):
            return
        ref = AreaRef(
            other.pk, other.code, other.name, other.level, self.labels.get(other.level, other.level)
        )
        self.comparisons.insert(0, ComparisonArea(ref, "chosen"))

    def _comparisons(self, rows: list[tuple]) -> list[ComparisonArea]:
        area, labels = self.area, self.labels
        found = {
            pk: AreaRef(pk, code, name, level, labels.get(level, level))
            for pk, code, name, level, *_rest in rows
        }
        country = next(
            (ref for ref in found.values() if ref.code == COUNTRY_CODE and ref.pk != area.pk),
            None,
        )
        result: list[ComparisonArea] = []
        seen = {area.pk}
        for pk, role in ((area.parent_id, "parent"), (area.municipality_id, "municipality")):
            if not pk or pk in seen or pk not in found or (country and pk == country.pk):
                continue
            ref = found[pk]
            if ref.level == Level.MUNICIPALITY:
                role = "municipality"
            seen.add(pk)
            result.append(ComparisonArea(ref, role))
        if country is not None:
            result.append(ComparisonArea(country, "country"))
        return result


def area_for_benchmark(code: str) -> Area | None:
    """The area with this (normalised) CBS code, with just the fields the benchmark needs: no
    boundary (a large GeoJSON geometry) and no related areas. One plain query."""
    fields = ("id", "code", "name", "level", "parent_id", "municipality_id", "indelingswijziging")
    row = queries.area_row(code, fields)
    return Area(**dict(zip(fields, row, strict=True))) if row else None


def comparison_areas(area: Area) -> list[ComparisonArea]:
    """Parent level, municipality and country of the area, nearest first (one query)."""
    return _Context(user=None, area=area).comparisons


def _labels_municipality(area: Area) -> int | None:
    if area.municipality_id:
        return area.municipality_id
    return area.pk if area.level == Level.MUNICIPALITY else None


# --- area_benchmark ---------------------------------------------------------------------------


def area_benchmark(
    *,
    user,
    area: Area,
    period: str | None = None,
    with_series: bool = True,
    compare_with: Area | None = None,
) -> AreaBenchmark:
    """Every indicator the area has a (visible, current, total-category) observation for, with its
    comparison areas, differences, flags, the seed's suggestion and (with_series) all periods.

    period: None = per indicator the latest period with a figure; "2021" = that year (else the
    latest half year / quarter / peildatum within it); "2021H1" = exactly that period. Other
    spellings are normalised with `normalise_period` (ValueError when not a period).
    Queries (3, with series 6; whatever the number of indicators): the context (comparison areas,
    level names, hidden sources), the shown figures with provenance and periods (with series:
    periods, the area's observations, the provenance of its shown figures, the comparison
    areas' series), indicators with their domains.
    compare_with: one more comparison area of the user's choice (role "chosen", first column).
    """
    period = normalise_period(period)
    context = _Context(user=user, area=area, compare_with=compare_with)
    return _benchmark(context, period, with_series)


def area_benchmark_for_code(
    *, user, code: str, period: str | None = None, with_series: bool = False
) -> AreaBenchmark | None:
    """`area_benchmark` for a CBS code, the area read in the same first query (the API's path);
    None when no area has that code."""
    period = normalise_period(period)
    context = _Context(user=user, code=normalise_code(code))
    if context.area is None:
        return None
    return _benchmark(context, period, with_series)


@dataclass
class _Figures:
    """The observation rows a benchmark is built from, keyed for lookup."""

    periods: build.Periods
    chosen: dict[int, tuple] = field(default_factory=dict)  # indicator -> the area's shown row
    # (indicator, comparison area) -> the row of the same period as the area's shown row
    shown: dict[tuple[int, int], tuple] = field(default_factory=dict)
    provenance: dict[int, tuple] = field(default_factory=dict)  # pk -> row with provenance
    # with series only: every period of the area, and of each comparison area
    own_rows: dict[int, list[tuple]] = field(default_factory=dict)
    series_rows: dict[tuple[int, int], list[tuple]] = field(default_factory=dict)


def _shown_figures(area_pk: int, comp_ids: list[int], period, hidden) -> _Figures:
    """Without series: one query does it all (the period rule runs in SQL; see queries)."""
    rows = queries.shown_rows(area_pk, comp_ids, period, hidden)
    figures = _Figures(build.Periods.from_shown_rows(rows))
    for row in rows:
        if row[build.AREA] == area_pk:
            figures.chosen[row[build.IND]] = row
            figures.provenance[row[build.PK]] = row
        else:
            figures.shown[(row[build.IND], row[build.AREA])] = row
    return figures


def _read_shown(context: _Context, period: str | None):
    """(chosen, shown, indicators) for `ShownFigures`: one query, one row per indicator with its
    rule columns and the comparison areas' figures (`queries.shown_wide_rows`); None when the
    area has no readable figure."""
    if not context.readable:
        return None
    area_pk = context.area.pk
    comp_ids = [c.area.pk for c in context.comparisons]
    rows = queries.shown_wide_rows(area_pk, comp_ids, period, context.hidden)
    chosen, shown, indicators = build.shown_from_wide_rows(rows, comp_ids)
    return (chosen, shown, indicators) if chosen else None


def _series_figures(area_pk: int, comp_ids: list[int], period, hidden) -> _Figures:
    """With series: every period of the area, the shown one chosen in Python per indicator."""
    figures = _Figures(build.Periods(queries.period_rows()))
    for row in queries.area_rows(area_pk, hidden):
        figures.own_rows.setdefault(row[build.IND], []).append(row)
    for indicator_id, rows in figures.own_rows.items():
        pick = figures.periods.choose(rows, period)
        if pick is not None:
            figures.chosen[indicator_id] = pick
    if figures.chosen:
        _read_chosen_provenance(figures, area_pk, hidden)
        if comp_ids:
            _read_comparison_series(figures, comp_ids, hidden)
    return figures


def _read_chosen_provenance(figures: _Figures, area_pk: int, hidden) -> None:
    """Provenance of the chosen figures: exactly the chosen (indicator, period) pairs."""
    by_period: dict[int, list[int]] = {}
    for indicator_id, row in figures.chosen.items():
        by_period.setdefault(row[build.PER], []).append(indicator_id)
    for row in queries.pair_rows([area_pk], by_period, hidden):
        figures.provenance[row[build.PK]] = row


def _read_comparison_series(figures: _Figures, comp_ids: list[int], hidden) -> None:
    """The comparison areas' series, and from them the figure of the area's shown period."""
    for row in queries.series_rows(comp_ids, sorted(figures.chosen), hidden):
        figures.series_rows.setdefault((row[build.IND], row[build.AREA]), []).append(row)
    for indicator_id, own_row in figures.chosen.items():
        for comp_id in comp_ids:
            for row in figures.series_rows.get((indicator_id, comp_id), ()):
                if row[build.PER] == own_row[build.PER]:
                    figures.shown[(indicator_id, comp_id)] = row
                    break


def _comparisons(
    indicator, own, area_ref: AreaRef, comps, figures: _Figures, texts
) -> list[Comparison]:
    """The area's figure against each comparison area: difference, relative difference, flag."""
    comparisons: list[Comparison] = []
    for comp in comps:
        row = figures.shown.get((indicator.pk, comp.area.pk))
        other = build.value(row, figures.periods, figures.provenance) if row is not None else None
        same_size = comp.area.level == area_ref.level
        diff, rel, f = build.compare(indicator, own, other, texts, same_size=same_size)
        comparisons.append(Comparison(comp.area, comp.role, other, diff, rel, f))
    return comparisons


def _series(indicator_id: int, area_ref: AreaRef, comps, figures: _Figures) -> list[Series]:
    """The series over all periods: the area's first, then each comparison area's."""
    series = [build.series(area_ref, "area", figures.own_rows[indicator_id], figures.periods)]
    for comp in comps:
        rows = figures.series_rows.get((indicator_id, comp.area.pk), ())
        series.append(build.series(comp.area, comp.role, rows, figures.periods))
    return series


def _read(context: _Context, period: str | None, with_series: bool):
    """(figures, indicators) of the context's area; None when it has no readable figure."""
    if not context.readable:
        return None
    comp_ids = [c.area.pk for c in context.comparisons]
    read = _series_figures if with_series else _shown_figures
    figures = read(context.area.pk, comp_ids, period, context.hidden)
    if not figures.chosen:
        return None
    return figures, build.indicator_refs(queries.indicator_rows(sorted(figures.chosen)))


def _benchmark(context: _Context, period: str | None, with_series: bool) -> AreaBenchmark:
    area, comps, labels = context.area, context.comparisons, context.labels
    area_ref = _area_ref(area, labels)
    found = _read(context, period, with_series)
    if found is None:
        return AreaBenchmark(area_ref, period, comps, [])
    figures, indicators = found
    texts = rules.current_texts()
    roles = build.SuggestionRoles(area_ref, comps)
    result: list[IndicatorBenchmark] = []
    for indicator_id, own_row in figures.chosen.items():
        indicator = indicators.get(indicator_id)
        if indicator is None:  # hidden indicator: already left out by the queries
            continue
        own = build.value(own_row, figures.periods, figures.provenance)
        comparisons = _comparisons(indicator, own, area_ref, comps, figures, texts)
        series = _series(indicator_id, area_ref, comps, figures) if with_series else []
        suggestion = roles.suggest(indicator, own, comparisons, texts)
        result.append(IndicatorBenchmark(indicator, own, comparisons, suggestion, series))
    result.sort(key=lambda r: (r.indicator.name.lower(), r.indicator.code))
    return AreaBenchmark(area_ref, period, comps, result)


def area_shown_figures_for_code(
    *, user, code: str, period: str | None = None
) -> ShownFigures | None:
    """The shown figures of `area_benchmark_for_code` (without series) as rows; None when no
    area has that code. Two queries: the context, and the figures with their indicators."""
    period = normalise_period(period)
    context = _Context(user=user, code=normalise_code(code))
    if context.area is None:
        return None
    area_ref = _area_ref(context.area, context.labels)
    comps = context.comparisons
    chosen, shown, indicators = _read_shown(context, period) or ({}, {}, {})
    return build.ShownFigures(
        area_ref, period, comps, chosen, shown, indicators, build.SuggestionRoles(area_ref, comps)
    )


# --- other benchmark reads --------------------------------------------------------------------


def available_periods(area: Area, *, user=None) -> list[PeriodRef]:
    """Periods in which the area has observations, in time order (with `user`: visible ones)."""
    hidden = ([], []) if user is None else hidden_observation_sources(user)
    if hidden is None:
        return []
    return [PeriodRef(*row) for row in queries.area_period_rows(area.pk, hidden)]


def observation_detail(user, pk: int) -> ObservationDetail | None:
    """One observation with its full provenance and earlier versions; None when not visible."""
    obs = (
        visible_observations(user)
        .select_related("indicator", "area", "period", "dataset", "import_run")
        .filter(pk=pk)
        .first()
    )
    if obs is None:
        return None
    labels = _level_labels(_labels_municipality(obs.area))
    ds = obs.dataset
    value = ObservationValue(
        obs.pk,
        obs.value if obs.status == OK else None,
        obs.status,
        obs.numerator,
        obs.denominator,
        PeriodRef(obs.period.code, obs.period.label, obs.period.kind, obs.period.year),
        Provenance(
            ds.code if ds else "",
            ds.title if ds else "",
            obs.source_file,
            obs.source_row,
            obs.source_column,
            obs.source_category,
            obs.published_area_code,
            obs.indelingswijziging,
        ),
    )
    history = list(
        Observation.objects.filter(
            indicator_id=obs.indicator_id,
            area_id=obs.area_id,
            period_id=obs.period_id,
            category=obs.category,
        )
        .exclude(pk=obs.pk)
        .order_by("-created_at")
        .values_list("created_at", "value", "status")
    )
    return ObservationDetail(
        pk=obs.pk,
        indicator=IndicatorRef(*(getattr(obs.indicator, f) for f in queries.INDICATOR_FIELDS)),
        area=_area_ref(obs.area, labels),
        value=value,
        category=obs.category,
        dataset_publisher=ds.publisher if ds else "",
        dataset_licence=ds.licence if ds else "",
        dataset_url=ds.url if ds else "",
        import_run_id=obs.import_run_id,
        imported_at=obs.import_run.finished_at if obs.import_run_id else obs.created_at,
        history=history,
    )
