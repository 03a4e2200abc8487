"""Reads for indicators and observations.

Benchmark reads (`area_benchmark`, `available_periods`, `observation_detail`, `visible_observations`)
-------------------------------------------------------------------------------------------------
`area_benchmark(user=, area=, period=)` returns an `AreaBenchmark` (dataclasses, stable for pages,
API and exports; see the classes below):

    AreaBenchmark
      area: AreaRef                       the area itself (code, name, level, level_label, pk)
      period: str | None                  the requested period ("2021", "2021H1" or None = latest)
      comparison_areas: list[ComparisonArea]   role parent / municipality / country, nearest first
      rows: list[IndicatorBenchmark]      one per indicator the area has an observation for,
                                          sorted by indicator name
    IndicatorBenchmark
      indicator: IndicatorRef             code, name, unit_kind, direction, decimals, domain_ids, ...
      value: ObservationValue             the area's observation of the chosen period
      comparisons: list[Comparison]       per comparison area: value (same period) or None,
                                          difference, relative_pct and flag
      suggestion: Suggestion              the seed's comparison rule (benchmark.py)
      series: list[Series]                all periods for the area (first) and each comparison area
      flag (property)                     the flag against the municipality (else the first one)
    ObservationValue: pk, value, status (ok/suppressed/not_available), numerator, denominator,
                      period: PeriodRef (code, label, kind, year), provenance: Provenance
    Provenance: dataset_code, dataset_title, file, row, column, category (as published),
                published_area_code, indelingswijziging
    Series: area: AreaRef, role, points: list[SeriesPoint(period_code, period_label, kind, year,
            value, status)] in time order

Only current observations (is_current) of the total category ("") count; visibility goes through
`accounts.permissions.visible_observation_filter`. Queries are constant (6–7) whatever the number
of indicators. Period rules are described in BENCHMARK.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from duiding.accounts.permissions import visible_observation_filter
from duiding.areas.models import Area, Level, LevelName
from duiding.indicators import benchmark as rules
from duiding.indicators.models import Observation, ObservationStatus, Period
from duiding.indicators.periods import parse_period

COUNTRY_CODE = "NL01"

# --- dataclasses ------------------------------------------------------------------------------


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
    role: str  # parent / municipality / country


@dataclass(frozen=True, slots=True)
class PeriodRef:
    code: str
    label: str
    kind: str  # year / half / quarter / date
    year: int


@dataclass(frozen=True, slots=True)
class Provenance:
    dataset_code: str
    dataset_title: str
    file: str
    row: int | None
    column: str
    category: str  # category label as published ("" = total)
    published_area_code: str
    indelingswijziging: str


@dataclass(frozen=True, slots=True)
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
        return self.status == ObservationStatus.OK and self.value is not None


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Comparison:
    area: AreaRef
    role: str
    value: ObservationValue | None  # same period as the area's value; None when absent
    difference: float | None
    relative_pct: float | None
    flag: rules.Flag


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    period_code: str
    period_label: str
    kind: str
    year: int
    value: float | None
    status: str


@dataclass(frozen=True, slots=True)
class Series:
    area: AreaRef
    role: str  # area / parent / municipality / country
    points: list[SeriesPoint]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class AreaBenchmark:
    area: AreaRef
    period: str | None
    comparison_areas: list[ComparisonArea]
    rows: list[IndicatorBenchmark] = field(default_factory=list)

    def by_code(self) -> dict[str, IndicatorBenchmark]:
        return {row.indicator.code: row for row in self.rows}


@dataclass(frozen=True, slots=True)
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


def _period_key(row: dict) -> tuple[date, int]:
    """Later end first; at the same end the longer period (a year before its second half)."""
    return (row["period__end"], (row["period__end"] - row["period__start"]).days)


def choose_observation(rows: list[dict], period: str | None) -> dict | None:
    """Pick the observation that represents `period` among one indicator's rows for one area.

    None: the latest period with a figure (status ok), else the latest observation at all.
    "2021": the year 2021, else the latest half year / quarter / peildatum within 2021.
    "2021H1" (any other code): exactly that period. Rows carry period__code/kind/year/start/end.
    """
    if period is None:
        candidates = rows
    elif _YEAR_RE.match(period):
        year = int(period)
        candidates = [r for r in rows if r["period__year"] == year]
        exact = [r for r in candidates if r["period__kind"] == "year"]
        if exact:
            candidates = exact
    else:
        candidates = [r for r in rows if r["period__code"] == period]
    if not candidates:
        return None
    with_value = [r for r in candidates if r["status"] == ObservationStatus.OK]
    return max(with_value or candidates, key=_period_key)


# --- row building -----------------------------------------------------------------------------

_OBS_FIELDS = (
    "pk",
    "indicator_id",
    "area_id",
    "value",
    "status",
    "numerator",
    "denominator",
    "period_id",
    "period__code",
    "period__label",
    "period__kind",
    "period__year",
    "period__start",
    "period__end",
    "dataset__code",
    "dataset__title",
    "source_file",
    "source_row",
    "source_column",
    "source_category",
    "published_area_code",
    "indelingswijziging",
)

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


def _period_ref(row: dict) -> PeriodRef:
    return PeriodRef(
        row["period__code"], row["period__label"], row["period__kind"], row["period__year"]
    )


def _value(row: dict) -> ObservationValue:
    ok = row["status"] == ObservationStatus.OK
    return ObservationValue(
        pk=row["pk"],
        value=row["value"] if ok else None,
        status=row["status"],
        numerator=row["numerator"],
        denominator=row["denominator"],
        period=_period_ref(row),
        provenance=Provenance(
            dataset_code=row["dataset__code"] or "",
            dataset_title=row["dataset__title"] or "",
            file=row["source_file"],
            row=row["source_row"],
            column=row["source_column"],
            category=row["source_category"],
            published_area_code=row["published_area_code"],
            indelingswijziging=row["indelingswijziging"],
        ),
    )


def _series(ref: AreaRef, role: str, rows: list[dict]) -> Series:
    ordered = sorted(rows, key=lambda r: (r["period__start"], r["period__end"]))
    return Series(
        ref,
        role,
        [
            SeriesPoint(
                r["period__code"],
                r["period__label"],
                r["period__kind"],
                r["period__year"],
                r["value"] if r["status"] == ObservationStatus.OK else None,
                r["status"],
            )
            for r in ordered
        ],
    )


def _level_labels(municipality_id: int | None) -> dict[str, str]:
    """The municipality's own level words, with CBS's names as default (one query)."""
    labels = {value: str(label) for value, label in Level.choices}
    if municipality_id:
        for level, singular in LevelName.objects.filter(
            municipality_id=municipality_id
        ).values_list("level", "singular"):
            labels[level] = singular
    return labels


def _area_ref(row: dict | Area, labels: dict[str, str]) -> AreaRef:
    if isinstance(row, Area):
        return AreaRef(row.pk, row.code, row.name, row.level, labels.get(row.level, row.level))
    return AreaRef(
        row["pk"], row["code"], row["name"], row["level"], labels.get(row["level"], row["level"])
    )


def comparison_areas(area: Area, labels: dict[str, str] | None = None) -> list[ComparisonArea]:
    """Parent level, municipality and country, nearest first, without duplicates (one query).

    A buurt gets its wijk, its gemeente and the country; a wijk its gemeente and the country; a
    gemeente its parent when that is not the country (e.g. a province) and the country.
    """
    if labels is None:
        labels = _level_labels(area.municipality_id)
    wanted = [pk for pk in (area.parent_id, area.municipality_id) if pk and pk != area.pk]
    rows: dict[int, dict] = {}
    country = None
    for r in Area.objects.filter(Q(pk__in=wanted) | Q(code=COUNTRY_CODE)).values(
        "pk", "code", "name", "level"
    ):
        rows[r["pk"]] = r
        if r["code"] == COUNTRY_CODE and r["pk"] != area.pk:
            country = r
    result: list[ComparisonArea] = []
    seen = {area.pk}
    candidates = [
        (area.parent_id, "parent"),
        (area.municipality_id, "municipality"),
    ]
    for pk, role in candidates:
        if not pk or pk in seen or pk not in rows:
            continue
        if country and pk == country["pk"]:
            continue
        row = rows[pk]
        if row["level"] == Level.MUNICIPALITY:
            role = "municipality"
        seen.add(pk)
        result.append(ComparisonArea(_area_ref(row, labels), role))
    if country and country["pk"] not in seen:
        result.append(ComparisonArea(_area_ref(country, labels), "country"))
    return result


def _suggestion(
    indicator: IndicatorRef,
    area_ref: AreaRef,
    value: ObservationValue,
    comparisons: list[Comparison],
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
    )


def _compare(indicator: IndicatorRef, value: ObservationValue, other: dict | None) -> tuple:
    """(ObservationValue | None, difference, relative_pct, Flag) for one comparison area."""
    other_value = _value(other) if other is not None else None
    if not value.has_value:
        return other_value, None, None, rules.flag_missing(value.status)
    if other_value is None or not other_value.has_value:
        return (
            other_value,
            None,
            None,
            rules.flag(
                value.value,
                None,
                direction=indicator.direction,
                unit_kind=indicator.unit_kind,
            ),
        )
    f = rules.flag(
        value.value,
        other_value.value,
        direction=indicator.direction,
        unit_kind=indicator.unit_kind,
        threshold_pct=indicator.flag_threshold_pct,
        requires_significance=indicator.flag_requires_significance,
        n=value.denominator,
        comparison_n=other_value.denominator,
        numerator=value.numerator,
        comparison_numerator=other_value.numerator,
    )
    return (
        other_value,
        rules.difference(value.value, other_value.value),
        rules.relative_difference_pct(value.value, other_value.value),
        f,
    )


def area_benchmark(
    *, user, area: Area, period: str | None = None, with_series: bool = True
) -> AreaBenchmark:
    """Every indicator the area has a (visible, current, total-category) observation for, with its
    comparison areas, differences, flags, the seed's suggestion and (with_series) all periods.

    period: None = per indicator the latest period with a figure; "2021" = that year (else the
    latest half year / quarter / peildatum within it); "2021H1" = exactly that period. Other
    spellings are normalised with `normalise_period` (ValueError when not a period).
    Constant number of queries: level names, comparison areas, the area's observations,
    indicators, domain links, comparison observations.
    """
    period = normalise_period(period)
    labels = _level_labels(
        area.municipality_id or (area.pk if area.level == Level.MUNICIPALITY else None)
    )
    area_ref = _area_ref(area, labels)
    comps = comparison_areas(area, labels)
    visible = visible_observation_filter(user)
    base = Observation.objects.filter(visible, is_current=True, category="")

    own_rows: dict[int, list[dict]] = {}
    for row in base.filter(area_id=area.pk).values(*_OBS_FIELDS):
        own_rows.setdefault(row["indicator_id"], []).append(row)
    chosen: dict[int, dict] = {}
    for indicator_id, rows in own_rows.items():
        pick = choose_observation(rows, period)
        if pick is not None:
            chosen[indicator_id] = pick
    if not chosen:
        return AreaBenchmark(area_ref, period, comps, [])

    indicators = _indicator_refs(list(chosen))

    comp_rows: dict[tuple[int, int], list[dict]] = {}
    if comps:
        qs = base.filter(area_id__in=[c.area.pk for c in comps], indicator_id__in=list(chosen))
        if not with_series:
            qs = qs.filter(period_id__in={r["period_id"] for r in chosen.values()})
        for row in qs.values(*_OBS_FIELDS):
            comp_rows.setdefault((row["indicator_id"], row["area_id"]), []).append(row)

    result: list[IndicatorBenchmark] = []
    for indicator_id, own in chosen.items():
        indicator = indicators.get(indicator_id)
        if indicator is None:  # hidden indicator (should not happen with the visibility filter)
            continue
        value = _value(own)
        comparisons: list[Comparison] = []
        for comp in comps:
            rows = comp_rows.get((indicator_id, comp.area.pk), ())
            same = next((r for r in rows if r["period_id"] == own["period_id"]), None)
            other_value, diff, rel, f = _compare(indicator, value, same)
            comparisons.append(Comparison(comp.area, comp.role, other_value, diff, rel, f))
        series: list[Series] = []
        if with_series:
            series.append(_series(area_ref, "area", own_rows[indicator_id]))
            for comp in comps:
                series.append(
                    _series(comp.area, comp.role, comp_rows.get((indicator_id, comp.area.pk), []))
                )
        result.append(
            IndicatorBenchmark(
                indicator,
                value,
                comparisons,
                _suggestion(indicator, area_ref, value, comparisons),
                series,
            )
        )
    result.sort(key=lambda r: (r.indicator.name.lower(), r.indicator.code))
    return AreaBenchmark(area_ref, period, comps, result)


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


def available_periods(area: Area, *, user=None) -> list[PeriodRef]:
    """Periods in which the area has current observations (with `user`: only visible ones)."""
    obs = Observation.objects.filter(area_id=area.pk, is_current=True)
    if user is not None:
        obs = obs.filter(visible_observation_filter(user))
    return [
        PeriodRef(code, label, kind, year)
        for code, label, kind, year in Period.objects.filter(
            pk__in=obs.values("period_id")
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
    labels = _level_labels(obs.area.municipality_id)
    ind = obs.indicator
    row = {
        "pk": obs.pk,
        "indicator_id": obs.indicator_id,
        "area_id": obs.area_id,
        "value": obs.value,
        "status": obs.status,
        "numerator": obs.numerator,
        "denominator": obs.denominator,
        "period_id": obs.period_id,
        "period__code": obs.period.code,
        "period__label": obs.period.label,
        "period__kind": obs.period.kind,
        "period__year": obs.period.year,
        "period__start": obs.period.start,
        "period__end": obs.period.end,
        "dataset__code": obs.dataset.code if obs.dataset_id else "",
        "dataset__title": obs.dataset.title if obs.dataset_id else "",
        "source_file": obs.source_file,
        "source_row": obs.source_row,
        "source_column": obs.source_column,
        "source_category": obs.source_category,
        "published_area_code": obs.published_area_code,
        "indelingswijziging": obs.indelingswijziging,
    }
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
        indicator=IndicatorRef(**{f: getattr(ind, f) for f in _INDICATOR_FIELDS}),
        area=_area_ref(obs.area, labels),
        value=_value(row),
        category=obs.category,
        dataset_publisher=obs.dataset.publisher if obs.dataset_id else "",
        dataset_licence=obs.dataset.licence if obs.dataset_id else "",
        dataset_url=obs.dataset.url if obs.dataset_id else "",
        import_run_id=obs.import_run_id,
        imported_at=obs.import_run.finished_at if obs.import_run_id else obs.created_at,
        history=history,
    )
