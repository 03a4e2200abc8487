from django.utils import translation

from duiding.core import charts


def test_trend_template_is_vega_lite_without_data():
    with translation.override("nl"):
        spec = charts.trend_template()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert "data" not in spec
    assert spec["encoding"]["strokeDash"]["field"] == "r"  # not colour alone


def test_map_spec_fills_features_title_and_format():
    feature = {"type": "Feature", "geometry": None, "properties": {"value": 1.0}}
    spec = charts.map_spec([feature], legend_title="X (2023)", description="d", decimals=1)
    assert spec["data"]["values"]["features"] == [feature]
    legend = spec["layer"][1]["encoding"]["color"]["legend"]
    assert legend["title"] == "X (2023)" and legend["format"] == ",.1f"
    assert charts.map_spec([], legend_title="", description="")["data"]["values"]["features"] == []
