"""Reads for indicators and observations.

Benchmark reads (owned by the benchmark; other reads go below in their own section)
-----------------------------------------------------------------------------------
- `visible_observations(user)`: the observations a user may read (open data and their
  organisations' own), through `accounts.permissions.visible_observation_filter`.
- `area_benchmark(user=, area=, period=None, with_series=True) -> AreaBenchmark`: every indicator
  with an observation for the area, its comparison areas (parent level, municipality, country),
  differences, flags, the seed's comparison suggestion and the series over all periods. The
  result types live in `benchmark_types.py` (re-exported here) and are documented there.
- `available_periods(area, user=None)`, `observation_detail(user, pk)` (the source popover),
  `comparison_areas(area)`, `normalise_period(text)`, `choose_observation(rows, period)`.

Only current observations (is_current) of the total category ("") count. `area_benchmark` runs a
constant number of queries (8) whatever the number of indicators. The rules (flags, suggestion,
which period is shown) are written out in BENCHMARK.md.
"""

from __future__ import annotations

import re
from datetime import date

from django.db.models import Q, QuerySet

from duiding.accounts.permissions import visible_observation_filter
from duiding.areas.models import Area, Level, LevelName
from duiding.indicators import benchmark as rules
from duiding.indicators.benchmark_types import (
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
    Series,
    SeriesPoint,
)
from duiding.indicators.models import Observation, ObservationStatus, Period
from duiding.indicators.periods import parse_period

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
    "Series",
    "SeriesPoint",
    "area_benchmark",
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

_YEAR_RE = re.compile(r"^\d{4}$")


def normalise_period(period: str | None) -> str | None:
    """A period code from user input ('2021', '2021h1', '1e halfjaar 2021'); ValueError if unknown."""
    if period is None or not str(period).strip():
        return None
    parsed = parse_period(str(period).strip())
    if parsed is None:
        raise ValueError(period)
    return parsed.code


def _pick(items: list, period: str | None, code, kind, year, is_ok, sort_key):
    """The period rule on any row shape (accessor functions give code, kind, year, ok, key)."""
    if period is None:
        candidates = items
    elif _YEAR_RE.match(period):
        wanted = int(period)
        candidates = [r for r in items if year(r) == wanted]
        exact = [r for r in candidates if kind(r) == "year"]
        if exact:
            candidates = exact
    else:
        candidates = [r for r in items if code(r) == period]
    if not candidates:
        return None
    with_value = [r for r in candidates if is_ok(r)]
    return max(with_value or candidates, key=sort_key)


def _end_then_length(end: date, start: date) -> tuple[date, int]:
    """Later end first; at the same end the longer period (the year before its second half)."""
    return (end, (end - start).days)


def choose_observation(rows: list[dict], period: str | None) -> dict | None:
    """Pick the observation that represents `period` among one indicator's rows for one area.

    None: the latest period with a figure (status ok), else the latest observation at all.
    "2021": the year 2021, else the latest half year / quarter / peildatum within 2021.
    "2021H1" (any other code): exactly that period.
    Rows are dicts with period__code, period__kind, period__year, period__start, period__end and
    status (as from `.values()`).
    """
    return _pick(
        rows,
        period,
        code=lambda r: r["period__code"],
        kind=lambda r: r["period__kind"],
        year=lambda r: r["period__year"],
        is_ok=lambda r: r["status"] == OK,
        sort_key=lambda r: _end_then_length(r["period__end"], r["period__start"]),
    )


# --- areas ------------------------------------------------------------------------------------


def _level_labels(municipality_id: int | None) -> dict[str, str]:
    """The municipality's own level words, with CBS's names as default (one query)."""
    labels = {value: str(label) for value, label in Level.choices}
    if municipality_id:
        for level, singular in LevelName.objects.filter(
            municipality_id=municipality_id
        ).values_list("level", "singular"):
            labels[level] = singular
    return labels


def _area_ref(area: Area, labels: dict[str, str]) -> AreaRef:
    return AreaRef(area.pk, area.code, area.name, area.level, labels.get(area.level, area.level))


def comparison_areas(area: Area, labels: dict[str, str] | None = None) -> list[ComparisonArea]:
    """Parent level, municipality and country, nearest first, without duplicates (one query).

    A buurt gets its wijk, its gemeente and the country; a wijk its gemeente and the country; a
    gemeente its parent when that is not the country (e.g. a province) and the country.
    """
    if labels is None:
        labels = _level_labels(_labels_municipality(area))
    wanted = [pk for pk in (area.parent_id, area.municipality_id) if pk and pk != area.pk]
    found: dict[int, Area] = {}
    country = None
    for other in Area.objects.filter(Q(pk__in=wanted) | Q(code=COUNTRY_CODE)).only(
        "pk", "code", "name", "level"
    ):
        found[other.pk] = other
        if other.code == COUNTRY_CODE and other.pk != area.pk:
            country = other
    result: list[ComparisonArea] = []
    seen = {area.pk}
    for pk, role in ((area.parent_id, "parent"), (area.municipality_id, "municipality")):
        if not pk or pk in seen or pk not in found or (country and pk == country.pk):
            continue
        other = found[pk]
        if other.level == Level.MUNICIPALITY:
            role = "municipality"
        seen.add(pk)
        result.append(ComparisonArea(_area_ref(other, labels), role))
    if country is not None:
        result.append(ComparisonArea(_area_ref(country, labels), "country"))
    return result


def _labels_municipality(area: Area) -> int | None:
    if area.municipality_id:
        return area.municipality_id
    return area.pk if area.level == Level.MUNICIPALITY else None


# --- area_benchmark ---------------------------------------------------------------------------

# Observation rows are plain tuples (no model instances, no dicts): the fetch is the hot path.
_ROW = ("pk", "indicator_id", "area_id", "period_id", "value", "status", "numerator", "denominator")
PK, IND, AREA, PER, VAL, STATUS, NUM, DEN = range(8)

_PROVENANCE = (
    "pk",
    "dataset__code",
    "dataset__title",
    "source_file",
    "source_row",
    "source_column",
    "source_category",
    "published_area_code",
    "indelingswijziging",
)
_NO_PROVENANCE = Provenance("", "", "", None, "", "", "", "")

_INDICATOR_FIELDS = (
    "pk",
    "code",
    "name",
    "definition",
    "unit_kind",
    "unit_label",
    "decimals",
    "direction",
    "source",
    "rhythm",
    "flag_threshold_pct",
    "flag_requires_significance",
)


class _Periods:
    """All periods by id: the reference, its sort key and its start (one query, a small table)."""

    def __init__(self):
        self.ref: dict[int, PeriodRef] = {}
        self.key: dict[int, tuple[date, int]] = {}
        self.start: dict[int, tuple[date, date]] = {}
        for pk, code, label, kind, year, start, end in Period.objects.order_by().values_list(
            "pk", "code", "label", "kind", "year", "start", "end"
        ):
            self.ref[pk] = PeriodRef(code, label, kind, year)
            self.key[pk] = _end_then_length(end, start)
            self.start[pk] = (start, end)

    def choose(self, rows: list[tuple], period: str | None) -> tuple | None:
        ref = self.ref
        return _pick(
            rows,
            period,
            code=lambda r: ref[r[PER]].code,
            kind=lambda r: ref[r[PER]].kind,
            year=lambda r: ref[r[PER]].year,
            is_ok=lambda r: r[STATUS] == OK,
            sort_key=lambda r: self.key[r[PER]],
        )


def _value(row: tuple, periods: _Periods, provenance: dict[int, Provenance]) -> ObservationValue:
    ok = row[STATUS] == OK
    return ObservationValue(
        row[PK],
        row[VAL] if ok else None,
        row[STATUS],
        row[NUM],
        row[DEN],
        periods.ref[row[PER]],
        provenance.get(row[PK], _NO_PROVENANCE),
    )


def _series(ref: AreaRef, role: str, rows, periods: _Periods) -> Series:
    ordered = sorted(rows, key=lambda r: periods.start[r[PER]])
    points = []
    for r in ordered:
        p = periods.ref[r[PER]]
        points.append(
            SeriesPoint(
                p.code, p.label, p.kind, p.year, r[VAL] if r[STATUS] == OK else None, r[STATUS]
            )
        )
    return Series(ref, role, points)


def _indicator_refs(ids: list[int]) -> dict[int, IndicatorRef]:
    """Indicator metadata and domain links for these ids (two queries)."""
    from duiding.frameworks.models import DomainIndicator
    from duiding.indicators.models import Indicator

    domains: dict[int, list[int]] = {}
    for indicator_id, domain_id in (
        DomainIndicator.objects.filter(indicator_id__in=ids)
        .order_by()
        .values_list("indicator_id", "domain_id")
    ):
        domains.setdefault(indicator_id, []).append(domain_id)
    return {
        row["pk"]: IndicatorRef(**row, domain_ids=tuple(domains.get(row["pk"], ())))
        for row in Indicator.objects.filter(pk__in=ids).order_by().values(*_INDICATOR_FIELDS)
    }


def _provenance(pks: list[int]) -> dict[int, Provenance]:
    return {
        pk: Provenance(code or "", title or "", *rest)
        for pk, code, title, *rest in Observation.objects.filter(pk__in=pks)
        .order_by()
        .values_list(*_PROVENANCE)
    }


def _suggestion(
    indicator: IndicatorRef,
    area_ref: AreaRef,
    value: ObservationValue,
    comparisons: list[Comparison],
    texts: rules.Texts,
) -> rules.Suggestion:
    """The seed's rule with this area as the wijk, its parent below the city as the gebied and its
    municipality (for a gemeente: the country) as the city."""
    by_role = {c.role: c for c in comparisons}
    gebied = by_role.get("parent")
    city = by_role.get("municipality") or by_role.get("country")
    if area_ref.level == Level.MUNICIPALITY:
        gebied, city = None, by_role.get("country")

    def val(c: Comparison | None) -> float | None:
        return c.value.value if c is not None and c.value is not None else None

    return rules.comparison_suggestion(
        value.value,
        val(gebied),
        val(city),
        threshold_pct=indicator.flag_threshold_pct,
        unit_kind=indicator.unit_kind,
        wijk_label=rules.with_article(area_ref.level_label.lower()),
        gebied_label=rules.with_article(gebied.area.level_label.lower()) if gebied else "",
        city_label=city.area.name if city else rules.with_article("stad"),
        has_gebied=gebied is not None,
        texts=texts,
    )


def _compare(
    indicator: IndicatorRef,
    value: ObservationValue,
    other: ObservationValue | None,
    texts: rules.Texts,
) -> tuple[float | None, float | None, rules.Flag]:
    """(difference, relative_pct, Flag) of the area's value against one comparison value."""
    if not value.has_value:
        return None, None, rules.flag_missing(value.status, texts=texts)
    if other is None or not other.has_value:
        f = rules.flag(
            value.value,
            None,
            direction=indicator.direction,
            unit_kind=indicator.unit_kind,
            texts=texts,
        )
        return None, None, f
    f = rules.flag(
        value.value,
        other.value,
        direction=indicator.direction,
        unit_kind=indicator.unit_kind,
        threshold_pct=indicator.flag_threshold_pct,
        requires_significance=indicator.flag_requires_significance,
        n=value.denominator,
        comparison_n=other.denominator,
        numerator=value.numerator,
        comparison_numerator=other.numerator,
        texts=texts,
    )
    return f.difference, f.relative_pct, f


def area_benchmark(
    *, user, area: Area, period: str | None = None, with_series: bool = True
) -> AreaBenchmark:
    """Every indicator the area has a (visible, current, total-category) observation for, with its
    comparison areas, differences, flags, the seed's suggestion and (with_series) all periods.

    period: None = per indicator the latest period with a figure; "2021" = that year (else the
    latest half year / quarter / peildatum within it); "2021H1" = exactly that period. Other
    spellings are normalised with `normalise_period` (ValueError when not a period).
    Queries (8, whatever the number of indicators): level names, comparison areas, periods, the
    area's observations, indicators, domain links, comparison observations, provenance.
    """
    period = normalise_period(period)
    labels = _level_labels(_labels_municipality(area))
    area_ref = _area_ref(area, labels)
    comps = comparison_areas(area, labels)
    texts = rules.current_texts()
    periods = _Periods()
    base = Observation.objects.filter(
        visible_observation_filter(user), is_current=True, category=""
    ).order_by()

    own_rows: dict[int, list[tuple]] = {}
    for row in base.filter(area_id=area.pk).values_list(*_ROW):
        own_rows.setdefault(row[IND], []).append(row)
    chosen: dict[int, tuple] = {}
    for indicator_id, rows in own_rows.items():
        pick = periods.choose(rows, period)
        if pick is not None:
            chosen[indicator_id] = pick
    if not chosen:
        return AreaBenchmark(area_ref, period, comps, [])
    indicators = _indicator_refs(list(chosen))

    # Comparison rows: (indicator, area) -> rows; only the chosen periods unless series are wanted.
    comp_rows: dict[tuple[int, int], list[tuple]] = {}
    if comps:
        qs = base.filter(area_id__in=[c.area.pk for c in comps], indicator_id__in=list(chosen))
        if not with_series:
            qs = qs.filter(period_id__in={r[PER] for r in chosen.values()})
        for row in qs.values_list(*_ROW):
            comp_rows.setdefault((row[IND], row[AREA]), []).append(row)
    same_period: dict[tuple[int, int], tuple] = {}
    for indicator_id, own in chosen.items():
        for comp in comps:
            for row in comp_rows.get((indicator_id, comp.area.pk), ()):
                if row[PER] == own[PER]:
                    same_period[(indicator_id, comp.area.pk)] = row
                    break
    provenance = _provenance(
        [r[PK] for r in chosen.values()] + [r[PK] for r in same_period.values()]
    )

    result: list[IndicatorBenchmark] = []
    for indicator_id, own in chosen.items():
        indicator = indicators.get(indicator_id)
        if indicator is None:  # not visible (the observation filter already excludes these)
            continue
        value = _value(own, periods, provenance)
        comparisons: list[Comparison] = []
        for comp in comps:
            row = same_period.get((indicator_id, comp.area.pk))
            other = _value(row, periods, provenance) if row is not None else None
            diff, rel, f = _compare(indicator, value, other, texts)
            comparisons.append(Comparison(comp.area, comp.role, other, diff, rel, f))
        series: list[Series] = []
        if with_series:
            series.append(_series(area_ref, "area", own_rows[indicator_id], periods))
            for comp in comps:
                rows = comp_rows.get((indicator_id, comp.area.pk), ())
                series.append(_series(comp.area, comp.role, rows, periods))
        suggestion = _suggestion(indicator, area_ref, value, comparisons, texts)
        result.append(IndicatorBenchmark(indicator, value, comparisons, suggestion, series))
    result.sort(key=lambda r: (r.indicator.name.lower(), r.indicator.code))
    return AreaBenchmark(area_ref, period, comps, result)


# --- other benchmark reads --------------------------------------------------------------------


def available_periods(area: Area, *, user=None) -> list[PeriodRef]:
    """Periods in which the area has current observations (with `user`: only visible ones)."""
    obs = Observation.objects.filter(area_id=area.pk, is_current=True)
    if user is not None:
        obs = obs.filter(visible_observation_filter(user))
    return [
        PeriodRef(code, label, kind, year)
        for code, label, kind, year in Period.objects.filter(
            pk__in=obs.order_by().values("period_id")
        ).values_list("code", "label", "kind", "year")
    ]


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
        indicator=IndicatorRef(**{f: getattr(obs.indicator, f) for f in _INDICATOR_FIELDS}),
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


# --- other reads (indicator lists, imports, ...) go below -------------------------------------
