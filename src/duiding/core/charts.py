"""Vega-Lite specs built with Altair: the trend chart of an indicator and the choropleth map.

One trend chart definition (`trend_template`, filled by `trend_spec` or, on a page with many
charts, by static/areaprofile/charts.js with the same `trend_data`): a line per area (wijk, city,
country) told apart by colour *and* dash, named in a legend; an x axis in years (period codes on a
time axis, `period_x`) with a label per year and halves, quarters and dates as minor ticks; Dutch
number formats (vega-embed's formatLocale on the page, the same spec in reports). Every chart has
a text summary for screen readers. `SCHEMA` is the vendored Vega-Lite version (package.json);
every spec built here or elsewhere carries it, so vega-embed does not warn about the version.

Speed: Altair builds and validates each *template* once per process (about 2 ms each); a page
with 100 indicators then only adds a few data points per chart.
"""

from __future__ import annotations

import copy
import math
import re
from datetime import date
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from duiding.core import formatting as fmt

# The vendored vega-lite (package.json, scripts/build_assets.mjs); tests/core/test_charts.py
# fails when the two drift apart.
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.5.0.json"

# "chosen": an area the reader picked to compare with.
ROLE_ORDER = ["area", "parent", "municipality", "country", "chosen"]
# Colour *and* dash pattern tell the lines apart (not colour alone); named in the legend. Every
# colour has a contrast of at least 4.5:1 on white.
ROLE_COLOURS = ["#1c3a5e", "#b35900", "#00695c", "#4d4d4d", "#6a1b9a"]
ROLE_DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [3, 1]]

COUNT_KINDS = {"count", "amount"}
D3_YEAR = "d"  # 2024, not 2.024 (no thousands separator)

_PERIOD = re.compile(r"^\s*(?P<year>\d{4})\s*(?:(?P<kind>[HQMhqm])\s*(?P<part>\d{1,2})|JJ00)?\s*$")
_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def period_x(code: str) -> float | None:
    """A period code on a time axis in years: "2024" -> 2024.0, "2024H2" -> 2024.5,
    "2015Q3" -> 2015.5, "2020M04" -> 2020.25, a peildatum "2015-07-02" -> its fraction of the
    year; None when the code is not a period."""
    match = _PERIOD.match(code or "")
    if match:
        year = float(match["year"])
        kind = (match["kind"] or "").upper()
        if not kind:
            return year
        part = int(match["part"])
        parts = {"H": 2, "Q": 4, "M": 12}[kind]
        return year + (part - 1) / parts if 1 <= part <= parts else None
    match = _DATE.match(code or "")
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        length = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
        return day.year + (day.timetuple().tm_yday - 1) / length
    return None


def d3_format(decimals: int) -> str:
    """The d3 number format for `decimals` (Dutch separators come from vega-embed's locale)."""
    return f",.{max(0, min(int(decimals), 6))}f"


def axis_format(decimals: int) -> str:
    """The d3 format of a value axis: up to `decimals`, without trailing zeros (20 and 17,5)."""
    return f",.{max(0, min(int(decimals), 6))}~f"


def year_axis(xs: list[float]) -> dict:
    """A readable time axis for x values in years: a labelled tick at every whole year, or every
    2nd, 5th or 10th year when the chart is too narrow for all (decided in the browser from the
    chart's width), short unlabelled ticks at the other years and at halves when the data has
    parts of years (half years, quarters, dates). Returns {"scale", "axis"} for a quantitative
    x encoding."""
    finite = [x for x in xs if x is not None and math.isfinite(x)]
    if not finite:
        return {"scale": {"zero": False, "nice": False}, "axis": {"format": D3_YEAR}}
    first, last = math.floor(min(finite)), math.ceil(max(finite))
    if last == first:
        last += 1
    halves = any(x % 1 for x in finite)
    values: list[float] = []
    for year in range(first, last + 1):
        values.append(float(year))
        if halves and year < last:
            values.append(year + 0.5)
    per_year = f"(width / {last - first})"  # pixels per year; a label needs about 34
    step = f"({per_year} >= 34 ? 1 : {per_year} >= 17 ? 2 : {per_year} >= 7 ? 5 : 10)"
    major = f"datum.value % {step} === 0"
    return {
        "scale": {"domain": [float(first), float(last)], "zero": False, "nice": False},
        "axis": {
            "values": values,
            "format": D3_YEAR,
            "labelExpr": f"{major} ? datum.label : ''",
            "labelAngle": 0,
            "labelOverlap": "greedy",
            "tickSize": {"condition": {"test": major, "value": 6}, "value": 3},
            "gridOpacity": {"condition": {"test": major, "value": 1}, "value": 0},
        },
    }


def trend_template(*, compact: bool = True) -> dict:
    """The trend chart without data (validated by Altair once per language and size); compact:
    the small chart in a table row."""
    return _trend_template(get_language() or "nl", compact)


@lru_cache(maxsize=16)
def _trend_template(language: str, compact: bool) -> dict:
    import altair as alt

    font = 9 if compact else 11
    legend = alt.Legend(
        title=None,
        orient="bottom",
        direction="horizontal",
        symbolType="stroke",
        symbolStrokeWidth=2,
        symbolSize=120 if compact else 240,
        labelFontSize=font,
        labelLimit=160,
        columnPadding=8,
    )
    chart = (
        alt.Chart(alt.Data(values=[]))
        .mark_line(point={"size": 18 if compact else 36}, strokeWidth=2)
        .encode(
            x=alt.X("x:Q", title=None, axis=alt.Axis(labelFontSize=font, format=D3_YEAR)),
            y=alt.Y(
                "v:Q",
                title=None,
                scale=alt.Scale(zero=False),
                axis=alt.Axis(tickCount=3 if compact else 5, labelFontSize=font, grid=True),
            ),
            color=alt.Color("a:N", sort=None, legend=legend),
            strokeDash=alt.StrokeDash("a:N", sort=None, legend=legend),
            tooltip=[
                alt.Tooltip("a:N", title=_("Gebied")),
                alt.Tooltip("l:N", title=_("Periode")),
                alt.Tooltip("v:Q", title=_("Waarde")),
            ],
        )
        .properties(width=190 if compact else "container", height=56 if compact else 220)
        .configure_view(stroke=None)
    )
    spec = chart.to_dict()
    spec.pop("data", None)
    spec["$schema"] = SCHEMA
    return spec


def merge(base: dict, extra: dict) -> dict:
    """`base` with `extra` merged in (dicts deeply, everything else replaced); charts.js does the
    same with trend data in the browser."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value
    return base


def trend_spec(data: dict, *, description: str = "", compact: bool = False) -> dict:
    """The complete trend chart of `trend_data` (for a detail chart or a report)."""
    spec = copy.deepcopy(trend_template(compact=compact))
    spec["data"] = {"values": data["values"]}
    merge(spec["encoding"], copy.deepcopy(data["encoding"]))
    if description:
        spec["description"] = description
    return spec


def trend_encoding(values: list[dict], *, decimals: int, unit: str) -> dict:
    """The per-chart part of a trend chart: the legend's areas in role order with their colour and
    dash, the year axis, the number format of the y axis and the tooltip."""
    names: list[str] = []
    colours: list[str] = []
    dashes: list[list[int]] = []
    for value in values:
        if value["a"] not in names:
            index = ROLE_ORDER.index(value["r"]) if value["r"] in ROLE_ORDER else 0
            names.append(value["a"])
            colours.append(ROLE_COLOURS[index])
            dashes.append(ROLE_DASHES[index])
    d3 = d3_format(decimals)
    unit = unit.strip()
    value_title = f"{_('Waarde')} ({unit})" if unit else _("Waarde")
    return {
        "x": year_axis([v["x"] for v in values]),
        "y": {"axis": {"format": axis_format(decimals)}},
        "color": {"scale": {"domain": names, "range": colours}},
        "strokeDash": {"scale": {"domain": names, "range": dashes}},
        "tooltip": [
            {"field": "a", "type": "nominal", "title": _("Gebied")},
            {"field": "l", "type": "nominal", "title": _("Periode")},
            {"field": "v", "type": "quantitative", "title": value_title, "format": d3},
        ],
    }


def _summary(series, first, last, ind) -> str:
    first_text = fmt.with_unit(first.value, ind.unit_kind, ind.decimals, ind.unit_label)
    last_text = fmt.with_unit(last.value, ind.unit_kind, ind.decimals, ind.unit_label)
    if first is last:
        return _("%(area)s: %(value)s (%(period)s)") % {
            "area": series.area.name,
            "value": last_text,
            "period": last.period_label,
        }
    return _("%(area)s: van %(first)s (%(first_period)s) naar %(last)s (%(last_period)s)") % {
        "area": series.area.name,
        "first": first_text,
        "first_period": first.period_label,
        "last": last_text,
        "last_period": last.period_label,
    }


def trend_data(item) -> tuple[dict | None, str]:
    """(chart data, text summary) for one IndicatorBenchmark: {"values" (x in years, period
    code p and label l, value v, role r, area name a), "encoding" (see `trend_encoding`),
    "periods" (codes in time order), "f" and "u" (number format and unit)}; `trend_spec` makes
    the chart of it.

    Only periods of the same kind as the shown value (years with a year, half years with a half
    year); counts show the area itself only, as counts of areas of another size do not compare.
    """
    ind = item.indicator
    kind = item.value.period.kind
    roles = ["area"] if ind.unit_kind in COUNT_KINDS else ROLE_ORDER
    values: list[dict] = []
    summaries: list[str] = []
    first_label = last_label = ""
    ordered = sorted(
        (s for s in item.series if s.role in roles), key=lambda s: ROLE_ORDER.index(s.role)
    )
    for series in ordered:
        points = [
            (x, p)
            for p in series.points
            if p.kind == kind and p.value is not None and (x := period_x(p.period_code)) is not None
        ]
        if not points:
            continue
        points.sort(key=lambda xp: xp[0])
        for x, p in points:
            values.append(
                {
                    "x": x,
                    "p": p.period_code,
                    "l": p.period_label,
                    "v": p.value,
                    "r": series.role,
                    "a": series.area.name,
                }
            )
        first, last = points[0][1], points[-1][1]
        if series.role == "area":
            first_label, last_label = first.period_label, last.period_label
        summaries.append(_summary(series, first, last, ind))
    if sum(1 for v in values if v["r"] == "area") < 2:
        return None, _("Te weinig perioden met een cijfer voor een trend.")
    summary = _("Trend %(first)s tot en met %(last)s. ") % {
        "first": first_label,
        "last": last_label,
    } + "; ".join(summaries)
    unit = fmt.unit_suffix(ind.unit_kind, ind.unit_label)
    encoding = trend_encoding(values, decimals=ind.decimals, unit=unit)
    periods = sorted({v["p"] for v in values}, key=period_x)
    return {
        "values": values,
        "encoding": encoding,
        "periods": periods,  # the shared period order (server-drawn sparklines)
        "f": d3_format(ind.decimals),
        "u": unit,
    }, summary + "."


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
    spec = chart.to_dict()
    spec["$schema"] = SCHEMA
    return spec


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
    legend["format"] = d3_format(decimals)  # Dutch via vega-embed's formatLocale
    spec["description"] = description
    return spec
