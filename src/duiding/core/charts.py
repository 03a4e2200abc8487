"""Vega-Lite specs built with Altair: the small trend chart per indicator and the choropleth map.

Speed: Altair builds and validates each *template* once per process (about 2 ms each); a page
with 100 indicators then only adds a few data points per chart. The trend template goes on the
page once; every chart carries just its data (`trend_data`), merged in the browser by
static/duiding/charts.js. Every chart has a text summary for screen readers.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from duiding.core import formatting as fmt

ROLE_ORDER = ["area", "parent", "municipality", "country"]
# Colour *and* dash pattern tell the lines apart (not colour alone); explained in the legend text.
ROLE_COLOURS = ["#1c3a5e", "#b35900", "#5a5a5a", "#5a5a5a"]
ROLE_DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]

COUNT_KINDS = {"count", "amount"}


def trend_template() -> dict:
    """The trend chart without data (validated by Altair once per language)."""
    return _trend_template(get_language() or "nl")


@lru_cache(maxsize=8)
def _trend_template(language: str) -> dict:
    import altair as alt

    chart = (
        alt.Chart(alt.Data(values=[]))
        .mark_line(point={"size": 18}, strokeWidth=2)
        .encode(
            x=alt.X("p:O", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelFontSize=9)),
            y=alt.Y(
                "v:Q",
                title=None,
                scale=alt.Scale(zero=False),
                axis=alt.Axis(tickCount=3, labelFontSize=9, grid=True),
            ),
            color=alt.Color(
                "r:N",
                scale=alt.Scale(domain=ROLE_ORDER, range=ROLE_COLOURS),
                legend=None,
            ),
            strokeDash=alt.StrokeDash(
                "r:N", scale=alt.Scale(domain=ROLE_ORDER, range=ROLE_DASHES), legend=None
            ),
            detail="a:N",
            tooltip=[
                alt.Tooltip("a:N", title=_("Gebied")),
                alt.Tooltip("l:N", title=_("Periode")),
                alt.Tooltip("t:N", title=_("Waarde")),
            ],
        )
        .properties(width=190, height=56)
        .configure_view(stroke=None)
    )
    spec = chart.to_dict()
    spec.pop("data", None)
    return spec


def trend_data(item) -> tuple[dict | None, str]:
    """(chart data, text summary) for one IndicatorBenchmark.

    Only periods of the same kind as the shown value (years with a year, half years with a half
    year); counts show the area itself only, as counts of areas of another size do not compare.
    """
    ind = item.indicator
    kind = item.value.period.kind
    roles = ["area"] if ind.unit_kind in COUNT_KINDS else ROLE_ORDER
    values: list[dict] = []
    summaries: list[str] = []
    first_label = last_label = ""
    for series in item.series:
        if series.role not in roles:
            continue
        points = [p for p in series.points if p.kind == kind and p.value is not None]
        if not points:
            continue
        for p in points:
            values.append(
                {
                    "p": p.period_code,
                    "l": p.period_label,
                    "v": p.value,
                    "r": series.role,
                    "a": series.area.name,
                }
            )
        first, last = points[0], points[-1]
        if series.role == "area":
            first_label, last_label = first.period_label, last.period_label
        first_text = fmt.with_unit(first.value, ind.unit_kind, ind.decimals, ind.unit_label)
        last_text = fmt.with_unit(last.value, ind.unit_kind, ind.decimals, ind.unit_label)
        if len(points) == 1:
            summaries.append(
                _("%(area)s: %(value)s (%(period)s)")
                % {"area": series.area.name, "value": last_text, "period": last.period_label}
            )
        else:
            summaries.append(
                _("%(area)s: van %(first)s (%(first_period)s) naar %(last)s (%(last_period)s)")
                % {
                    "area": series.area.name,
                    "first": first_text,
                    "first_period": first.period_label,
                    "last": last_text,
                    "last_period": last.period_label,
                }
            )
    area_points = sum(1 for v in values if v["r"] == "area")
    if area_points < 2:
        return None, _("Te weinig perioden met een cijfer voor een trend.")
    order = {code: i for i, code in enumerate(_period_order(item, kind))}
    values.sort(key=lambda v: (ROLE_ORDER.index(v["r"]), order.get(v["p"], 0)))
    summary = _("Trend %(first)s tot en met %(last)s. ") % {
        "first": first_label,
        "last": last_label,
    } + "; ".join(summaries)
    data = {
        "values": values,
        "periods": list(order),
        "f": f",.{max(0, min(ind.decimals, 6))}f",  # d3 format; Dutch via vega-embed's locale
        "u": fmt.unit_suffix(ind.unit_kind, ind.unit_label),
    }
    return data, summary + "."


def _period_order(item, kind: str) -> list[str]:
    """All period codes of this kind over all series, in time order (for a shared x axis)."""
    codes = {p.period_code for s in item.series for p in s.points if p.kind == kind}
    return sorted(codes)


# --- map ------------------------------------------------------------------------------------


def _map_template() -> dict:
    return _map_template_for(get_language() or "nl")


@lru_cache(maxsize=8)
def _map_template_for(language: str) -> dict:
    import altair as alt

    data = alt.Data(
        values={"type": "FeatureCollection", "features": []},
        format=alt.DataFormat(property="features", type="json"),
    )
    tooltip = [
        alt.Tooltip("properties.name:N", title=_("Gebied")),
        alt.Tooltip("properties.text:N", title=_("Waarde")),
    ]
    background = (
        alt.Chart(data)
        .mark_geoshape(fill="#e8e8e8", stroke="#ffffff", strokeWidth=1.2, cursor="pointer")
        .encode(tooltip=tooltip, href="properties.url:N")
    )
    coloured = (
        alt.Chart(data)
        .mark_geoshape(stroke="#ffffff", strokeWidth=1.2, cursor="pointer")
        .encode(
            color=alt.Color(
                "properties.value:Q",
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(
                    orient="bottom", title="", gradientLength=240, titleLimit=600, labelLimit=200
                ),
            ),
            tooltip=tooltip,
            href="properties.url:N",
        )
        .transform_filter("isValid(datum.properties.value)")
    )
    chart = (
        alt.layer(background, coloured)
        .properties(width="container", height=420)
        .project(type="mercator")
        .configure_view(stroke=None)
    )
    return chart.to_dict()


def map_spec(
    features: list[dict], *, legend_title: str, description: str, decimals: int = 0
) -> dict:
    """A choropleth of GeoJSON features whose properties carry name, value, text and url."""
    spec = copy.deepcopy(_map_template())
    collection = {"type": "FeatureCollection", "features": features}
    for layer in spec["layer"]:
        if "data" in layer:
            layer["data"]["values"] = collection
    if "data" in spec:
        spec["data"]["values"] = collection
    legend = spec["layer"][1]["encoding"]["color"]["legend"]
    legend["title"] = legend_title
    legend["format"] = f",.{max(0, min(decimals, 6))}f"  # Dutch via vega-embed's formatLocale
    spec["description"] = description
    return spec
