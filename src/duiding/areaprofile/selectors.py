"""Reads for the Staat van de wijk page: framework layout, child areas and map values.

Observation values always go through `visible_observations(user)` (open data plus the user's own
organisations' data), like `area_benchmark`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duiding.areas.models import Area, Level
from duiding.frameworks.models import Domain, DomainIndicator, Framework
from duiding.indicators.models import Indicator, ObservationStatus
from duiding.indicators.permissions import visible_indicator_filter
from duiding.indicators.selectors import choose_observation, visible_observations


@dataclass
class FrameworkLayout:
    framework: Framework | None
    domains: list[tuple[int, str, str]] = field(default_factory=list)  # (pk, pillar, domain)
    order: dict[tuple[int, int], int] = field(default_factory=dict)  # (domain, indicator) -> n


def framework_layout() -> FrameworkLayout:
    """The default framework's pillars and domains in order, and indicator order (3 queries)."""
    framework = Framework.objects.filter(is_default=True).order_by("pk").first()
    if framework is None:
        return FrameworkLayout(None)
    domains = [
        (pk, pillar, name)
        for pk, pillar, name in Domain.objects.filter(pillar__framework=framework)
        .order_by("pillar__order", "pillar__name", "order", "name")
        .values_list("pk", "pillar__name", "name")
    ]
    order = {
        (domain_id, indicator_id): n
        for domain_id, indicator_id, n in DomainIndicator.objects.filter(
            domain_id__in=[d[0] for d in domains]
        ).values_list("domain_id", "indicator_id", "order")
    }
    return FrameworkLayout(framework, domains, order)


COUNT_KINDS = {"count", "amount"}


def map_indicator_options(*, user, children: list[Area]) -> list[dict]:
    """Indicators with a visible figure for at least one child area (2 queries): rates and
    shares first (they compare across areas), then counts, each by name."""
    if not children:
        return []
    ids = (
        visible_observations(user)
        .filter(area_id__in=[a.pk for a in children], is_current=True, category="")
        .values("indicator_id")
    )
    rows = Indicator.objects.filter(pk__in=ids).values_list("code", "name", "unit_kind")
    ordered = sorted(rows, key=lambda r: (r[2] in COUNT_KINDS, r[1].lower(), r[0]))
    return [{"code": code, "name": name} for code, name, _kind in ordered]


@dataclass
class MapArea:
    area: Area
    value: float | None
    status: str | None  # None: no observation


@dataclass
class MapData:
    indicator: Indicator | None
    period_code: str = ""
    period_label: str = ""
    areas: list[MapArea] = field(default_factory=list)

    @property
    def with_boundary(self) -> list[MapArea]:
        return [a for a in self.areas if a.area.boundary]


_MAP_FIELDS = (
    "area_id",
    "value",
    "status",
    "period_id",
    "period__code",
    "period__label",
    "period__kind",
    "period__year",
    "period__start",
    "period__end",
)


def map_data(*, user, children: list[Area], indicator_code: str, period: str | None) -> MapData:
    """Values of one indicator for the child areas, all for one period (2 queries).

    period None: the latest period in which a child area has a figure; otherwise the period the
    benchmark rules pick for that code ("2021" = the year, else its latest part).
    """
    indicator = (
        Indicator.objects.filter(visible_indicator_filter(user), code=indicator_code).first()
        if indicator_code
        else None
    )
    if indicator is None or not children:
        return MapData(indicator, areas=[MapArea(a, None, None) for a in children])
    rows = list(
        visible_observations(user)
        .filter(
            indicator=indicator,
            area_id__in=[a.pk for a in children],
            is_current=True,
            category="",
        )
        .values(*_MAP_FIELDS)
    )
    target = choose_observation(rows, period)
    if target is None:
        return MapData(indicator, areas=[MapArea(a, None, None) for a in children])
    by_area = {r["area_id"]: r for r in rows if r["period_id"] == target["period_id"]}
    areas = []
    for child in children:
        row = by_area.get(child.pk)
        if row is None:
            areas.append(MapArea(child, None, None))
        else:
            ok = row["status"] == ObservationStatus.OK
            areas.append(MapArea(child, row["value"] if ok else None, row["status"]))
    return MapData(indicator, target["period__code"], target["period__label"], areas)


def comparison_choices(area: Area) -> list[tuple[str, str]]:
    """(code, name) of the areas a user may pick to compare with (seed 003, appendix 2: "Vergelijken
    met" another wijk): the areas of the same level in the same municipality (for a gemeente:
    the other gemeenten), by name; one query, no boundaries."""
    qs = Area.objects.filter(level=area.level).exclude(pk=area.pk)
    if area.municipality_id and area.level != Level.MUNICIPALITY:
        qs = qs.filter(municipality_id=area.municipality_id)
    return list(qs.order_by("name", "code").values_list("code", "name"))
