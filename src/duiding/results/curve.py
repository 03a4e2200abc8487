"""The curve of a result indicator as a Vega-Lite spec (a plain dict), with its sentence.

"Turning the curve" means doing better than the forecast: the chart shows the indicator's history
(points and line), a linear trend fitted on the periods up to and including the baseline period,
with its 95 % band (calculation.linear_forecast), the baseline (a dotted rule) and the target at
its date (a diamond with a label). The trend is drawn only when it means something
(`forecast_status`): at least MIN_POINTS periods, an end within what the unit allows, and a band
at the target date no wider than the range of everything else in the chart; otherwise the sentence says in words that there are too
few figures or that the trend is too uncertain. The legend is HTML beside the chart
(`curve["legend"]`), each entry drawn like its mark. The sentence (curve_text.py) opens with the
verdict of the badge beside it and never contradicts it. The same spec can later be rendered to
SVG for reports. Every chart has the same numbers in a table beside it (see `curve_table`).
"""

from __future__ import annotations

import math

from django.utils.translation import gettext as _

from duiding.core import charts
from duiding.core import formatting as fmt
from duiding.results import calculation as calc
from duiding.results.curve_text import (
    OUT_OF_RANGE,
    TOO_FEW,
    TOO_UNCERTAIN,
    TREND_OK,
    curve_sentence,
)
from duiding.results.progress import date_to_x, same_kind, series_for

SCHEMA = charts.SCHEMA
HISTORY_COLOUR = "#1c3a5e"
FORECAST_COLOUR = "#8a4b00"
TARGET_COLOUR = "#b35900"
BASELINE_COLOUR = "#4d4d4d"
BAND_OPACITY = 0.18
LAST_N = 5
MIN_POINTS = 3  # a line through two points has no spread to estimate a band from


def _fmt(value: float | None, decimals: int, unit: str) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return fmt.number(value, decimals) + unit


def forecast_points(
    forecast: calc.Forecast,
    target_x: float,
    bounds: tuple[float | None, float | None] = (None, None),
) -> list[dict]:
    """The trend line and band from the first period it was fitted on to the target date: at
    every fitted x, every whole year after the last one, and the target date itself. `bounds`
    clips the band to what the unit allows (a percentage stays within 0–100, a count above 0)."""
    low, high = bounds

    def clip(value: float) -> float:
        if low is not None:
            value = max(low, value)
        if high is not None:
            value = min(high, value)
        return value

    xs = [x for x, _y in forecast.used]
    year = math.floor(xs[-1]) + 1
    while year < target_x:
        xs.append(float(year))
        year += 1
    if target_x > xs[-1]:
        xs.append(target_x)
    points = []
    for x in xs:
        fitted, lower, upper = forecast.at(x)
        points.append({"x": x, "y": fitted, "lower": clip(lower), "upper": clip(upper)})
    return points


def _fit(points: list[tuple], baseline_period: str):
    """The forecast fitted on the points up to and including the baseline period, and the
    latest point after it (None when there is none)."""
    baseline_x = calc.period_to_x(baseline_period)
    before = [(x, v) for x, _c, v in points if x <= baseline_x + calc.EPS]
    forecast = calc.linear_forecast(before, last_n=LAST_N)
    after = [(x, c, v) for x, c, v in points if x > baseline_x + calc.EPS]
    return forecast, (after[-1] if after else None)


def forecast_status(
    forecast,
    target_x: float,
    shown: list[float],
    bounds: tuple[float | None, float | None] = (None, None),
) -> str:
    """Whether the trend means something: TOO_FEW below MIN_POINTS periods; OUT_OF_RANGE when it
    ends at the target date outside what the unit allows (a count below 0, a percentage above
    100); TOO_UNCERTAIN when its 95 % band there is wider than the range of the values the chart
    shows anyway (figures, baseline, target): such a band says no more than the chart itself;
    TREND_OK otherwise."""
    if forecast is None or len(forecast.used) < MIN_POINTS:
        return TOO_FEW
    fitted, lower, upper = forecast.at(target_x)
    low, high = bounds
    if (low is not None and fitted < low - calc.EPS) or (
        high is not None and fitted > high + calc.EPS
    ):
        return OUT_OF_RANGE
    values = [v for v in shown if v is not None and math.isfinite(v)]
    span = max(values) - min(values) if values else 0.0
    return TOO_UNCERTAIN if upper - lower > span + calc.EPS else TREND_OK


def _axes(unit: str, xs: list[float], decimals: int) -> tuple[dict, dict]:
    """The x (time in years: a label per year, halves as minor ticks) and y (the value, titled
    with the unit, Dutch number format via vega-embed's locale) encodings."""
    x_enc = {"field": "x", "type": "quantitative", "title": None, **charts.year_axis(xs)}
    y_enc = {
        "field": "y",
        "type": "quantitative",
        "title": unit.strip() or None,
        "scale": {"zero": False, "padding": 18},  # room for the target label at an edge
        "axis": {"format": charts.axis_format(decimals)},
    }
    return x_enc, y_enc


def _trend_layers(trend: list[dict], x_enc: dict, y_enc: dict) -> list[dict]:
    """The 95 % band and the dashed trend line (none when the trend means nothing)."""
    if not trend:
        return []
    return [
        {
            "name": "band",
            "data": {"values": trend},
            "mark": {"type": "area", "color": FORECAST_COLOUR, "opacity": BAND_OPACITY},
            "encoding": {"x": x_enc, "y": {**y_enc, "field": "lower"}, "y2": {"field": "upper"}},
        },
        {
            "name": "forecast",
            "data": {"values": trend},
            "mark": {"type": "line", "color": FORECAST_COLOUR, "strokeDash": [6, 4]},
            "encoding": {"x": x_enc, "y": y_enc},
        },
    ]


def _history_layer(points, x_enc: dict, y_enc: dict, decimals: int, unit: str) -> dict:
    """The figures as a line with points, each with a tooltip."""
    value_title = f"{_('Waarde')} ({unit.strip()})" if unit.strip() else _("Waarde")
    return {
        "name": "history",
        "data": {"values": [{"x": x, "y": v, "period": c} for x, c, v in points]},
        "mark": {
            "type": "line",
            "color": HISTORY_COLOUR,
            "point": {"size": 40, "filled": True, "color": HISTORY_COLOUR, "opacity": 1},
        },
        "encoding": {
            "x": x_enc,
            "y": y_enc,
            "tooltip": [
                {"field": "period", "type": "nominal", "title": _("Periode")},
                {
                    "field": "y",
                    "type": "quantitative",
                    "title": value_title,
                    "format": charts.d3_format(decimals),
                },
            ],
        },
    }


def _baseline_layer(baseline: float, baseline_period: str, y_enc: dict) -> dict:
    """The baseline as a dotted horizontal rule."""
    return {
        "name": "baseline",
        "data": {"values": [{"y": baseline, "period": baseline_period}]},
        "mark": {"type": "rule", "color": BASELINE_COLOUR, "strokeDash": [2, 3]},
        "encoding": {"y": y_enc},
    }


def _target_layers(
    required: float, target_x: float, x_enc: dict, y_enc: dict, label: str, below: bool
) -> list[dict]:
    """The target at its date: a diamond and a label with the year and value, on the side away
    from the baseline (`below`: the target lies below it) so the dotted rule does not cross it."""
    target_row = [{"x": target_x, "y": required, "label": label}]
    return [
        {
            "name": "target",
            "data": {"values": target_row},
            "mark": {
                "type": "point",
                "shape": "diamond",
                "filled": True,
                "size": 110,
                "color": TARGET_COLOUR,
                "opacity": 1,
            },
            "encoding": {"x": x_enc, "y": y_enc},
        },
        {
            "name": "target_label",
            "data": {"values": target_row},
            "mark": {
                "type": "text",
                "dy": 14 if below else -12,
                "align": "right",
                "color": TARGET_COLOUR,
            },
            "encoding": {"x": x_enc, "y": y_enc, "text": {"field": "label"}},
        },
    ]


def legend_entries(layers: list[dict]) -> list[dict]:
    """The legend beside the chart: one entry per drawn layer, with the swatch read from that
    layer's own mark (so legend and marks cannot disagree)."""
    labels = {
        "history": _("cijfers"),
        "forecast": _("trend tot en met de basisperiode"),
        "band": _("bandbreedte (95%)"),
        "baseline": _("basiswaarde"),
        "target": _("doel"),
    }
    entries = []
    for layer in layers:
        if layer["name"] not in labels:
            continue
        mark = layer["mark"]
        entries.append(
            {
                "key": layer["name"],
                "label": labels[layer["name"]],
                "type": mark["type"],
                "colour": mark["color"],
                "dash": " ".join(str(d) for d in mark.get("strokeDash", [])),
                "opacity": mark.get("opacity", 1),
                "shape": mark.get("shape", ""),
                "point": bool(mark.get("point")),
            }
        )
    return entries


def curve_spec(
    *,
    name: str,
    history: list[tuple[str, float]],
    baseline_period: str,
    baseline: float | None,
    required: float | None,
    target_date,
    direction: str,
    decimals: int = 1,
    unit: str = "",
    bounds: tuple[float | None, float | None] = (None, None),
    verdict: str | None = None,
) -> dict:
    """{"spec", "sentence", "forecast", "status", "legend", "table"} for one indicator of a
    result. The forecast is fitted on the history up to and including the baseline period and
    kept only when it means something (`forecast_status`); `verdict` is the progress verdict of
    the indicator (the sentence opens with it)."""
    target_x = date_to_x(target_date)
    points = [(calc.period_to_x(code), code, value) for code, value in history]
    forecast, latest = _fit(points, baseline_period)
    shown = [v for _x, _c, v in points] + [baseline, required]
    status = forecast_status(forecast, target_x, shown, bounds)
    sentence = curve_sentence(
        name=name,
        forecast=forecast,
        status=status,
        target_x=target_x,
        target_year=target_date.year,
        baseline_period=baseline_period,
        baseline=baseline,
        required=required,
        direction=direction,
        latest=latest,
        verdict=verdict,
        decimals=decimals,
        unit=unit,
        bounds=bounds,
    )
    if status != TREND_OK:
        forecast = None
    trend = forecast_points(forecast, target_x, bounds) if forecast else []
    xs = [x for x, _c, _v in points] + [p["x"] for p in trend] + [target_x]
    x_enc, y_enc = _axes(unit, xs, decimals)
    layers = _trend_layers(trend, x_enc, y_enc)
    layers.append(_history_layer(points, x_enc, y_enc, decimals, unit))
    if baseline is not None:
        layers.append(_baseline_layer(baseline, baseline_period, y_enc))
    if required is not None:
        label = _("doel %(year)s: %(value)s") % {
            "year": target_date.year,
            "value": _fmt(required, decimals, unit),
        }
        below = baseline is not None and required < baseline
        layers += _target_layers(required, target_x, x_enc, y_enc, label, below)
    spec = {
        "$schema": SCHEMA,
        "description": sentence,
        "width": "container",
        "height": 220,
        "autosize": {"type": "fit-x", "contains": "padding"},  # axes inside the page's width
        "layer": layers,
        "config": {"view": {"stroke": None}},
    }
    return {
        "spec": spec,
        "sentence": sentence,
        "forecast": forecast,
        "status": status,
        "legend": legend_entries(layers),
        "table": curve_table(points, trend, target_date, required, decimals, unit, status),
    }


def curve_table(
    points, trend, target_date, required, decimals: int, unit: str, status: str = TREND_OK
) -> list[dict]:
    """The chart's numbers as rows for the accessible table under it."""
    rows = [
        {"period": code, "kind": _("cijfer"), "value": _fmt(value, decimals, unit)}
        for _x, code, value in points
    ]
    if trend:
        end = trend[-1]
        kind = _("trend (95%%-band %(lower)s – %(upper)s)") % {
            "lower": _fmt(end["lower"], decimals, unit),
            "upper": _fmt(end["upper"], decimals, unit),
        }
        rows.append(
            {"period": str(target_date.year), "kind": kind, "value": _fmt(end["y"], decimals, unit)}
        )
    elif status in (TOO_UNCERTAIN, OUT_OF_RANGE):
        rows.append({"period": str(target_date.year), "kind": _("trend"), "value": _("te onzeker")})
    if required is not None:
        rows.append(
            {
                "period": str(target_date.year),
                "kind": _("doel"),
                "value": _fmt(required, decimals, unit),
            }
        )
    return rows


def unit_bounds(unit_kind: str) -> tuple[float | None, float | None]:
    """The values a unit can take: percentages 0–100, counts, rates, means and amounts from 0."""
    if unit_kind == "percentage":
        return (0.0, 100.0)
    if unit_kind == "index":
        return (None, None)
    return (0.0, None)


def result_curves(result, details: dict) -> list[dict]:
    """One curve per indicator of the result (one query for all histories)."""
    links = {link.pk: link for link in result.result_indicators.select_related("indicator")}
    ids = [link.indicator_id for link in links.values() if link.indicator_id]
    programme = result.programme
    series = series_for(ids, programme.area, programme.organisation) if ids else {}
    curves = []
    for item in details.get("indicators", []):
        link = links.get(item["id"])
        if link is None:
            continue
        indicator = link.indicator
        decimals = indicator.decimals if indicator else 1
        unit = fmt.unit_suffix(indicator.unit_kind, indicator.unit_label) if indicator else ""
        history = same_kind(series.get(link.indicator_id, []), link.baseline_period)
        curve = curve_spec(
            name=item["name"],
            history=history,
            baseline_period=item["baseline_period"],
            baseline=item["baseline"],
            required=item["required"],
            target_date=result.target_date,
            direction=item["direction"],
            decimals=decimals,
            unit=unit,
            bounds=unit_bounds(indicator.unit_kind if indicator else "percentage"),
            verdict=item.get("verdict"),
        )
        curve["id"] = f"curve-{link.pk}"
        curve["spec_id"] = f"curve-{link.pk}-spec"
        curve["item"] = item
        # The facts beside the chart with the indicator's decimals and unit (a count: no
        # decimals; a percentage: "15,9%").
        curve["shown"] = {
            key: _fmt(item.get(key), decimals, unit) for key in ("baseline", "required", "value")
        }
        curves.append(curve)
    return curves
