"""The curve of a result indicator as a Vega-Lite v5 spec (a plain dict), with its sentence.

"Turning the curve" means doing better than the forecast: the chart shows the indicator's history
(points and line), a linear trend fitted on the periods up to and including the baseline period,
with its 95 % band (calculation.linear_forecast), the baseline (a dashed rule), the target at its
date (a diamond with a label) and a legend; the sentence (curve_text.py) says whether the latest
figures lie above the old trend and whether the figures are on track. The same spec can later be rendered to
SVG for reports. Every chart has the same numbers in a table beside it (see `curve_table`).
"""

from __future__ import annotations

import math

from django.utils.translation import gettext as _

from duiding.core import formatting as fmt
from duiding.results import calculation as calc
from duiding.results.curve_text import band_unknown, curve_sentence
from duiding.results.progress import date_to_x, same_kind, series_for

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
HISTORY_COLOUR = "#1c3a5e"
FORECAST_COLOUR = "#8a4b00"
TARGET_COLOUR = "#b35900"
BASELINE_COLOUR = "#5a5a5a"
LAST_N = 5


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


def _axes(unit: str) -> tuple[dict, dict]:
    """The x (time, in years) and y (the value, titled with the unit) encodings."""
    x_enc = {
        "field": "x",
        "type": "quantitative",
        "title": None,
        "axis": {"format": "d", "tickMinStep": 1, "labelFlush": True},
        "scale": {"zero": False, "nice": False},
    }
    y_title = unit.strip() or None
    y_enc = {"field": "y", "type": "quantitative", "title": y_title, "scale": {"zero": False}}
    return x_enc, y_enc


def _trend_layers(trend: list[dict], x_enc: dict, y_enc: dict, legend: Legend) -> list[dict]:
    """The 95 % band and the dashed trend line (none when there is no forecast)."""
    if not trend:
        return []
    return [
        {
            "name": "band",
            "data": {"values": trend},
            "mark": {"type": "area", "opacity": 0.15},
            "encoding": {
                "x": x_enc,
                "y": {**y_enc, "field": "lower"},
                "y2": {"field": "upper"},
                "color": legend.add(_("bandbreedte (95%)"), FORECAST_COLOUR),
            },
        },
        {
            "name": "forecast",
            "data": {"values": trend},
            "mark": {"type": "line", "strokeDash": [6, 4]},
            "encoding": {
                "x": x_enc,
                "y": y_enc,
                "color": legend.add(_("trend tot en met de basisperiode"), FORECAST_COLOUR),
            },
        },
    ]


def _history_layer(points, x_enc: dict, y_enc: dict, legend: Legend, decimals: int) -> dict:
    """The figures as a line with points, each with a tooltip."""
    d3 = f",.{max(0, min(decimals, 6))}f"
    return {
        "name": "history",
        "data": {"values": [{"x": x, "y": v, "period": c} for x, c, v in points]},
        "mark": {"type": "line", "point": {"size": 40}},
        "encoding": {
            "x": x_enc,
            "y": y_enc,
            "color": legend.add(_("cijfers"), HISTORY_COLOUR),
            "tooltip": [
                {"field": "period", "type": "nominal", "title": _("Periode")},
                {"field": "y", "type": "quantitative", "title": _("Waarde"), "format": d3},
            ],
        },
    }


def _baseline_layer(baseline: float, baseline_period: str, legend: Legend) -> dict:
    """The baseline as a dashed horizontal rule."""
    return {
        "name": "baseline",
        "data": {"values": [{"y": baseline, "period": baseline_period}]},
        "mark": {"type": "rule", "strokeDash": [2, 3]},
        "encoding": {
            "y": {"field": "y", "type": "quantitative"},
            "color": legend.add(_("basiswaarde"), BASELINE_COLOUR),
        },
    }


def _target_layers(
    required: float,
    target_x: float,
    target_date,
    x_enc: dict,
    y_enc: dict,
    legend: Legend,
    *,
    decimals: int,
    unit: str,
) -> list[dict]:
    """The target at its date: a diamond and a label with the year and value."""
    label = _("doel %(year)s: %(value)s") % {
        "year": target_date.year,
        "value": _fmt(required, decimals, unit),
    }
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
            },
            "encoding": {
                "x": x_enc,
                "y": y_enc,
                "color": legend.add(_("doel"), TARGET_COLOUR),
            },
        },
        {
            "name": "target_label",
            "data": {"values": target_row},
            "mark": {"type": "text", "dy": -12, "align": "right", "color": TARGET_COLOUR},
            "encoding": {"x": x_enc, "y": y_enc, "text": {"field": "label"}},
        },
    ]


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
    """{"spec", "sentence", "forecast", "table"} for one indicator of a result. The forecast is
    fitted on the history up to and including the baseline period; `verdict` is the progress
    verdict of the indicator (the sentence is phrased around it)."""
    target_x = date_to_x(target_date)
    points = [(calc.period_to_x(code), code, value) for code, value in history]
    forecast, latest = _fit(points, baseline_period)
    sentence = curve_sentence(
        name=name,
        forecast=forecast,
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
    )
    legend = Legend()
    x_enc, y_enc = _axes(unit)
    trend = forecast_points(forecast, target_x, bounds) if forecast else []
    layers = _trend_layers(trend, x_enc, y_enc, legend)
    layers.append(_history_layer(points, x_enc, y_enc, legend, decimals))
    if baseline is not None:
        layers.append(_baseline_layer(baseline, baseline_period, legend))
    if required is not None:
        layers += _target_layers(
            required, target_x, target_date, x_enc, y_enc, legend, decimals=decimals, unit=unit
        )
    legend.finish()
    spec = {
        "$schema": SCHEMA,
        "description": sentence,
        "width": "container",
        "height": 220,
        "layer": layers,
        "config": {"view": {"stroke": None}},
    }
    return {
        "spec": spec,
        "sentence": sentence,
        "forecast": forecast,
        "table": curve_table(
            points, trend, target_date, required, decimals, unit, band_unknown(forecast)
        ),
    }


class Legend:
    """One colour scale shared by the layers, so Vega-Lite draws a legend with an entry per
    layer (cijfers, trend, bandbreedte, basiswaarde, doel)."""

    def __init__(self):
        self.domain: list[str] = []
        self.range: list[str] = []
        self.encodings: list[dict] = []

    def add(self, label: str, colour: str) -> dict:
        self.domain.append(str(label))
        self.range.append(colour)
        encoding = {"datum": str(label), "type": "nominal"}
        self.encodings.append(encoding)
        return encoding

    def finish(self) -> None:
        scale = {"domain": self.domain, "range": self.range}
        legend = {"title": None, "orient": "bottom", "direction": "horizontal"}
        for encoding in self.encodings:
            encoding["scale"] = scale
            encoding["legend"] = legend


def curve_table(
    points, trend, target_date, required, decimals: int, unit: str, no_band: bool = False
) -> list[dict]:
    """The chart's numbers as rows for the accessible table under it."""
    rows = [
        {"period": code, "kind": _("cijfer"), "value": _fmt(value, decimals, unit)}
        for _x, code, value in points
    ]
    if trend:
        end = trend[-1]
        rows.append(
            {
                "period": str(target_date.year),
                "kind": _("trend (bandbreedte onbekend: te weinig cijfers)")
                if no_band
                else _("trend (95%%-band %(lower)s – %(upper)s)")
                % {
                    "lower": _fmt(end["lower"], decimals, unit),
                    "upper": _fmt(end["upper"], decimals, unit),
                },
                "value": _fmt(end["y"], decimals, unit),
            }
        )
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
