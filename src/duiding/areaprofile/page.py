"""Everything the Staat van de wijk page, its map and its exports need, in few queries.

Queries for a page: area (+ ancestors), level names, periods, benchmark (about 7), framework
layout (3), children, and on a municipality/gebied page the map (2). None per indicator.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.areaprofile import exports
from duiding.areaprofile.presenters import build_sections, indelingswijziging_meaning
from duiding.areaprofile.selectors import (
    comparison_choices,
    framework_layout,
    map_data,
    map_indicator_options,
)
from duiding.areas.models import Area, Level
from duiding.areas.selectors import area_ancestors, area_children, area_get, level_labels
from duiding.core import charts
from duiding.core import formatting as fmt
from duiding.core.exports import figure, status_text
from duiding.indicators.benchmark.rates import youth_rates
from duiding.indicators.benchmark.sources import derived_parts
from duiding.indicators.models import Dataset
from duiding.indicators.periods import label_for_code
from duiding.indicators.selectors import area_benchmark, available_periods, normalise_period

MAP_LEVELS = {Level.MUNICIPALITY, Level.DISTRICT}
KIND_ORDER = {"year": 0, "half": 1, "quarter": 2, "date": 3}
KIND_GROUPS = {
    "year": gettext_lazy("Jaren"),
    "half": gettext_lazy("Halfjaren"),
    "quarter": gettext_lazy("Kwartalen"),
    "date": gettext_lazy("Peildatums"),
}


def _municipality_id(area: Area) -> int | None:
    if area.level == Level.MUNICIPALITY:
        return area.pk
    return area.municipality_id


def requested_period(request) -> str | None:
    """The period from ?periode= (None = latest per indicator); a bad value gets a message."""
    raw = request.GET.get("periode", "").strip()
    if not raw:
        return None
    try:
        return normalise_period(raw)
    except ValueError:
        messages.warning(
            request,
            _("Periode “%(period)s” is onbekend; de laatste cijfers worden getoond.")
            % {"period": raw[:40]},
        )
        return None


def period_options(area: Area, user) -> list[dict]:
    """The periods with figures, grouped by kind (jaren, halfjaren, kwartalen, peildatums),
    latest first within a group; labels in CBS's style ("2e halfjaar 2023")."""
    periods = available_periods(area, user=user)
    # within a kind the codes sort in time ("2023H2" after "2023H1", ISO dates); latest first
    periods.sort(key=lambda p: (KIND_ORDER.get(p.kind, 9), p.code), reverse=True)
    periods.sort(key=lambda p: KIND_ORDER.get(p.kind, 9))
    groups: list[dict] = []
    for p in periods:
        if not groups or groups[-1]["kind"] != p.kind:
            groups.append({"kind": p.kind, "label": KIND_GROUPS.get(p.kind, p.kind), "options": []})
        # one label style for all ("1e half jaar 2024" as published becomes "1e halfjaar 2024")
        groups[-1]["options"].append({"code": p.code, "label": label_for_code(p.code)})
    return groups


def requested_comparison(request, area: Area) -> tuple[Area | None, list[tuple[str, str]]]:
    """The area of ?vergelijk= (one of `comparison_choices`), and the choices for the select."""
    choices = comparison_choices(area)
    raw = request.GET.get("vergelijk", "").strip().upper()
    if not raw:
        return None, choices
    if raw not in {code for code, _name in choices}:
        messages.warning(
            request,
            _("Vergelijkingsgebied “%(code)s” is niet te kiezen; het is weggelaten.")
            % {"code": raw[:40]},
        )
        return None, choices
    return area_get(raw), choices


def area_page_context(request, area: Area) -> dict:
    user = request.user
    period = requested_period(request)
    chosen, choices = requested_comparison(request, area)
    labels = level_labels(_municipality_id(area))
    benchmark = area_benchmark(user=user, area=area, period=period, compare_with=chosen)
    layout = framework_layout()
    pillars, other = build_sections(
        benchmark,
        layout.domains,
        layout.order,
        rates=youth_rates(user=user, benchmark=benchmark),
        parts=derived_parts(user=user, benchmark=benchmark),
    )
    trends: dict[str, dict] = {}
    for row in [r for p in pillars for d in p.domains for r in d.rows] + other:
        if row.trend and not row.trend_id:
            row.trend_id = f"t{len(trends)}"
            trends[row.trend_id] = row.trend
    ancestors = list(reversed(area_ancestors(area)))
    for a in ancestors + [area]:
        a.level_label_cached = labels.get(a.level, (a.level, a.level))[0]
    children = area_children(area)
    child_level = children[0].level if children else None
    query = {"periode": period} if period else {}
    if chosen is not None:
        query["vergelijk"] = chosen.code
    context = {
        "nav": "wijk",
        "area": area,
        "level_label": labels.get(area.level, (area.level,))[0],
        "breadcrumbs": ancestors,
        "children": children,
        "children_label": labels.get(child_level, ("", ""))[1] if child_level else "",
        "period": period or "",
        "period_options": period_options(area, user),
        "comparison_choices": choices,
        "compare_with": chosen.code if chosen is not None else "",
        "benchmark": benchmark,
        "framework": layout.framework,
        "pillars": pillars if benchmark.rows else [],
        "other_rows": other,
        "row_count": len(benchmark.rows),
        "trend_template": charts.trend_template(compact=False) if trends else None,
        "trend_data": trends,
        "export_query": ("?" + urlencode(query)) if query else "",
        "indelingswijziging": indelingswijziging_meaning(area.indelingswijziging),
    }
    map_area = _map_area(area, children)
    if map_area is not None:
        map_children = children if map_area is area else area_children(map_area)
        current = None if map_area is area else area
        if map_children:
            context.update(
                map_context(
                    request, map_area, children=map_children, period=period, current=current
                )
            )
    return context


def _map_area(area: Area, children: list[Area]) -> Area | None:
    """Whose child areas the page maps: the area's own (a gemeente, a gebied with buurten), else
    for a gebied or buurt its parent's, with the area itself marked."""
    if area.level in MAP_LEVELS and children:
        return area
    if area.level in {Level.DISTRICT, Level.NEIGHBOURHOOD} and area.parent_id:
        return area.parent
    return None


def _map_values(request, area: Area, *, children=None, period=None) -> dict:
    """Indicator options, the chosen indicator and one value per child area (page and export)."""
    user = request.user
    if children is None:  # the map alone (htmx or export)
        period = requested_period(request)
        children = area_children(area)
    labels = level_labels(_municipality_id(area))
    child_plural = labels.get(children[0].level, ("", ""))[1] if children else ""
    options = map_indicator_options(user=user, children=children)
    chosen = request.GET.get("kaart", "").strip()
    if chosen not in {o["code"] for o in options}:
        chosen = options[0]["code"] if options else ""
    data = map_data(user=user, children=children, indicator_code=chosen, period=period)
    ind = data.indicator
    table = []
    query = {"periode": period} if period else {}
    for item in data.areas:
        url = reverse("areaprofile:area", args=[item.area.code])
        if query:
            url += "?" + urlencode(query)
        text = (
            fmt.value_text(item.value, item.status, ind.unit_kind, ind.decimals, ind.unit_label)
            if ind
            else fmt.value_text(None, None, "count", 0)
        )
        table.append(
            {"area": item.area, "url": url, "value": text, "raw": item.value, "status": item.status}
        )
    export_query = {"kaart": chosen, **query} if chosen else query
    return {
        "period": period,
        "options": options,
        "chosen": chosen,
        "data": data,
        "table": table,
        "child_plural": child_plural,
        "export_query": ("?" + urlencode(export_query)) if export_query else "",
    }


def _current_child(request, table: list[dict], current: Area | None) -> Area | None:
    """The area the page is about when the map shows its siblings (?huidig= on the map alone)."""
    if current is not None:
        return current
    code = request.GET.get("huidig", "").strip().upper()
    return next((t["area"] for t in table if t["area"].code == code), None) if code else None


def _mark_current(spec: dict, code: str) -> None:
    """A thick outline around the page's own area (one more layer on the choropleth)."""
    layers = spec.get("layer") or []
    if not layers:
        return
    outline = {
        "data": layers[0].get("data", spec.get("data")),
        "mark": {"type": "geoshape", "fill": None, "stroke": "#000000", "strokeWidth": 3},
        "transform": [{"filter": {"field": "properties.code", "equal": code}}],
    }
    layers.append({k: v for k, v in outline.items() if v is not None})


def map_context(request, area: Area, *, children=None, period=None, current=None) -> dict:
    """The map section: indicator choice, the choropleth spec and the table alternative.
    current: the page's own area when the map shows its siblings (marked on map and table)."""
    values = _map_values(request, area, children=children, period=period)
    period, data, table = values["period"], values["data"], values["table"]
    current = _current_child(request, table, current)
    for t in table:
        t["current"] = current is not None and t["area"].pk == current.pk
    child_plural = values["child_plural"]
    ind = data.indicator
    features = [
        {
            "type": "Feature",
            "geometry": t["area"].boundary,
            "properties": {
                "name": t["area"].name,
                "code": t["area"].code,
                "value": t["raw"],
                "text": t["value"].text,
                "url": t["url"],
            },
        }
        for t in table
        if t["area"].boundary
    ]
    spec = None
    description = ""
    if ind and features:
        valued = [t for t in table if t["raw"] is not None]
        description = _("Kaart van de %(plural)s van %(area)s: %(indicator)s, %(period)s.") % {
            "plural": child_plural.lower(),
            "area": area.name,
            "indicator": ind.name,
            "period": data.period_label or _("geen periode"),
        }
        if valued:
            high = max(valued, key=lambda t: t["raw"])
            low = min(valued, key=lambda t: t["raw"])
            description += " " + _(
                "Hoogste waarde: %(high)s (%(high_value)s); laagste: %(low)s (%(low_value)s)."
            ) % {
                "high": high["area"].name,
                "high_value": high["value"].text,
                "low": low["area"].name,
                "low_value": low["value"].text,
            }
        description += " " + _("De tabel bij de kaart bevat alle waarden.")
        spec = charts.map_spec(
            features,
            legend_title=f"{ind.name} ({data.period_label})",
            description=description,
            decimals=ind.decimals,
        )
        if current is not None:
            _mark_current(spec, current.code)
    return {
        "map_area": area,
        "map_current": current,
        "map_has_missing": any(t["raw"] is None for t in table),
        "map_options": values["options"],
        "map_indicator": ind,
        "map_chosen": values["chosen"],
        "map_export_query": values["export_query"],
        "map_period_label": data.period_label,
        "map_table": table,
        "map_spec": spec,
        "map_description": description,
        "map_has_boundaries": bool(features),
        "map_children_label": child_plural,
        "period": period or "",
        "show_map": True,
    }


@dataclass
class ExportData:
    title: str
    subtitle: str
    header: list[str]
    period: str | None
    credit: str
    _rows: object

    def rows(self):
        return self._rows()


def benchmark_for(request, area: Area) -> ExportData:
    """The area's benchmark table for CSV/Excel (same rows and grouping as the page)."""
    user = request.user
    period = requested_period(request)
    chosen, _choices = requested_comparison(request, area)
    labels = level_labels(_municipality_id(area))
    benchmark = area_benchmark(
        user=user, area=area, period=period, with_series=False, compare_with=chosen
    )
    layout = framework_layout()
    pillars, other = build_sections(benchmark, layout.domains, layout.order, with_page_parts=False)
    codes = {r.value.provenance.dataset_code for r in benchmark.rows} - {""}
    publishers = dict(Dataset.objects.filter(code__in=codes).values_list("code", "publisher"))
    level_label = labels.get(area.level, (area.level,))[0]
    title = _("Staat van de wijk: %(name)s (%(level)s, %(code)s)") % {
        "name": area.name,
        "level": level_label,
        "code": area.code,
    }
    period_label = period or _("laatste cijfer per indicator")
    return ExportData(
        title=title,
        subtitle=exports.export_subtitle(period_label),
        header=exports.headers(benchmark.comparison_areas),
        period=period,
        credit=_(
            "Bron: CBS (CC BY 4.0), tenzij anders vermeld in de kolom Bronvermelding. "
            "Samengesteld met Duiding."
        ),
        _rows=lambda: exports.table_rows(
            area=area,
            pillars=pillars,
            other_rows=other,
            comparison_areas=benchmark.comparison_areas,
            publishers=publishers,
        ),
    )


def map_export_for(request, area: Area) -> ExportData:
    """The map's table (one indicator for every child area) for CSV/Excel."""
    values = _map_values(request, area)
    data = values["data"]
    ind = data.indicator
    header = [
        _("Gebied"),
        _("Gebiedscode"),
        _("Niveau"),
        _("Indicator"),
        _("Indicatorcode"),
        _("Periode"),
        _("Waarde"),
        _("Status"),
    ]
    level_word = values["child_plural"]

    def rows():
        for t in values["table"]:
            yield [
                t["area"].name,
                t["area"].code,
                level_word,
                ind.name if ind else "",
                ind.code if ind else "",
                data.period_label,
                figure(t["raw"], ind.decimals if ind else 0),
                status_text(t["status"]),
            ]

    title = _("%(plural)s van %(name)s: %(indicator)s") % {
        "plural": level_word[:1].upper() + level_word[1:],
        "name": area.name,
        "indicator": ind.name if ind else "",
    }
    return ExportData(
        title=title,
        subtitle=exports.export_subtitle(data.period_label or _("geen periode")),
        header=header,
        period=data.period_code or None,
        credit=_("Bron: CBS (CC BY 4.0), tenzij anders vermeld. Samengesteld met Duiding."),
        _rows=rows,
    )
