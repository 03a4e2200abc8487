"""The chart specs of core/charts.py: one trend chart with a legend, a year axis and Dutch number
formats; every spec carries the schema of the vendored Vega-Lite."""

import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from duiding.core import charts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def _values(codes, areas=(("Feijenoord", "area"), ("Rotterdam", "municipality"))):
    return [
        {"x": charts.period_x(code), "l": code, "v": 10.0 + i, "a": name, "r": role}
        for name, role in areas
        for i, code in enumerate(codes)
    ]


def _data(values, decimals=1, unit="%"):
    return {
        "values": values,
        "encoding": charts.trend_encoding(values, decimals=decimals, unit=unit),
    }


def test_schema_is_the_vendored_vega_lite_version():
    version = json.loads((ROOT / "package.json").read_text())["dependencies"]["vega-lite"]
    assert charts.SCHEMA == f"https://vega.github.io/schema/vega-lite/v{version}.json"
    vendored = ROOT / "src/duiding/static/vendor/vega/vega-lite.min.js"
    if vendored.exists():  # built by scripts/build_assets.mjs
        found = re.search(r'var \w+="(\d+\.\d+\.\d+)"', vendored.read_text()[:2000])
        assert found and found[1] == version
    feature = {"type": "Feature", "geometry": None, "properties": {"value": 1.0}}
    specs = [
        charts.trend_template(),
        charts.trend_template(compact=False),
        charts.trend_spec(_data(_values(["2022", "2023"]))),
        charts.map_spec([feature], legend_title="X", description="d"),
    ]
    assert all(spec["$schema"] == charts.SCHEMA for spec in specs)


def test_period_x_puts_every_kind_of_period_on_one_axis():
    assert charts.period_x("2024") == 2024.0
    assert charts.period_x("2024H2") == 2024.5
    assert charts.period_x("2015Q3") == 2015.5
    assert charts.period_x("2020M04") == 2020.25
    assert charts.period_x("2015-07-02") == pytest.approx(2015 + 182 / 365)
    assert charts.period_x("2024H3") is None
    assert charts.period_x("vorig jaar") is None


def test_trend_chart_has_a_legend_naming_each_area_by_colour_and_dash():
    values = _values(["2022", "2023"], (("Feijenoord", "area"), ("Nederland", "country")))
    spec = charts.trend_spec(_data(values), description="Trend")
    color, dash = spec["encoding"]["color"], spec["encoding"]["strokeDash"]
    assert color["field"] == dash["field"] == "a"  # one merged legend with colour and dash
    for channel in (color, dash):
        assert channel["legend"]["orient"] == "bottom"
        assert channel["legend"]["title"] is None
        assert channel["scale"]["domain"] == ["Feijenoord", "Nederland"]
    # The country keeps the country's colour and dash although the city is missing.
    assert color["scale"]["range"] == [charts.ROLE_COLOURS[0], charts.ROLE_COLOURS[3]]
    assert dash["scale"]["range"] == [charts.ROLE_DASHES[0], charts.ROLE_DASHES[3]]
    assert len(set(charts.ROLE_COLOURS)) == len(charts.ROLE_ORDER)  # not dash alone
    assert spec["description"] == "Trend"
    assert spec["data"]["values"] == values


def test_half_years_get_a_year_axis_with_halves_as_minor_ticks():
    codes = [f"{year}H{half}" for year in range(2019, 2024) for half in (1, 2)]
    spec = charts.trend_spec(_data(_values(codes)))
    x = spec["encoding"]["x"]
    assert x["type"] == "quantitative"  # a time axis, not one label per period code
    assert x["scale"]["domain"] == [2019.0, 2024.0]
    axis = x["axis"]
    assert axis["format"] == "d"  # 2019, not 2.019 with the Dutch thousands separator
    assert 2019.5 in axis["values"] and 2020.0 in axis["values"]
    # Halves are never labelled and get short ticks; whole years are labelled when there is room.
    major = axis["tickSize"]["condition"]["test"]
    assert axis["labelExpr"].startswith(major)
    assert axis["tickSize"]["value"] < axis["tickSize"]["condition"]["value"]
    assert "datum.value %" in major and "width" in major


def test_years_without_parts_get_no_half_ticks():
    axis = charts.year_axis([2019.0, 2020.0, 2021.0])["axis"]
    assert axis["values"] == [2019.0, 2020.0, 2021.0]


def test_values_and_tooltip_use_the_indicators_decimals_and_unit():
    spec = charts.trend_spec(_data(_values(["2022", "2023"]), decimals=2, unit="%"))
    # Dutch via vega-embed's locale; the axis without trailing zeros, the tooltip exact.
    assert spec["encoding"]["y"]["axis"]["format"] == ",.2~f"
    tooltip = {t["field"]: t for t in spec["encoding"]["tooltip"]}
    assert tooltip["v"]["format"] == ",.2f" and tooltip["v"]["title"] == "Waarde (%)"
    assert tooltip["l"]["title"] == "Periode" and tooltip["a"]["title"] == "Gebied"


def test_compact_and_detail_chart_come_from_one_builder():
    compact, detail = charts.trend_template(), charts.trend_template(compact=False)
    assert compact["width"] == 190 and detail["width"] == "container"
    assert compact["encoding"].keys() == detail["encoding"].keys()
    assert "data" not in compact


def test_map_spec_fills_features_title_and_format():
    feature = {"type": "Feature", "geometry": None, "properties": {"value": 1.0}}
    spec = charts.map_spec([feature], legend_title="X (2023)", description="d", decimals=1)
    assert spec["data"]["values"]["features"] == [feature]
    legend = spec["layer"][1]["encoding"]["color"]["legend"]
    assert legend["title"] == "X (2023)" and legend["format"] == ",.1f"
    assert charts.map_spec([], legend_title="", description="")["data"]["values"]["features"] == []
