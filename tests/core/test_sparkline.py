"""Server-drawn sparklines: geometry, accessibility, escaping."""

import re

from duiding.core.sparkline import sparkline_points, sparkline_svg


def _data(values, periods=None):
    rows = [{"p": p, "v": v, "r": r} for r, p, v in values]
    return {"values": rows, "periods": periods or sorted({p for _r, p, _v in values})}


def test_points_spread_over_the_shared_periods_and_scale_between_lowest_and_highest():
    data = _data([("area", "2021", 10), ("area", "2022", 20), ("municipality", "2022", 30)])
    lines = sparkline_points(data, width=106, height=26)
    # x: 3 + 100 * i / 1; y: 3 + 20 * (1 - (v - 10) / 20)
    assert lines["area"] == [(3.0, 23.0), (103.0, 13.0)]
    assert lines["municipality"] == [(103.0, 3.0)]


def test_a_flat_line_sits_in_the_middle_and_one_period_in_the_centre():
    lines = sparkline_points(_data([("area", "2023", 5), ("area", "2024", 5)]), width=50, height=20)
    assert [y for _x, y in lines["area"]] == [10, 10]
    single = sparkline_points(_data([("area", "2023", 7)]), width=50, height=20)
    assert single["area"] == [(25.0, 10)]


def test_svg_is_an_image_with_a_label_and_title_and_one_line_per_area():
    data = _data([("area", "2021", 1), ("area", "2022", 3), ("country", "2021", 2)])
    svg = sparkline_svg(data, "Trend 2021 tot en met 2022 <b>")
    assert svg.startswith('<svg class="sparkline" role="img" aria-label="Trend 2021 tot en met')
    assert "&lt;b&gt;" in svg and "<b>" not in svg  # the label is escaped
    assert "<title>Trend 2021 tot en met 2022 &lt;b&gt;</title>" in svg
    assert len(re.findall("<polyline", svg)) == 2
    assert 'stroke-dasharray="5 1.5 1.5 1.5"' in svg  # the country dashed, not colour alone
    # the area's own line is drawn last (on top)
    assert svg.rindex('stroke="#1c3a5e"') > svg.index('stroke-dasharray="5 1.5 1.5 1.5"')


def test_nothing_to_draw_gives_an_empty_string():
    assert sparkline_svg(None, "x") == ""
    assert sparkline_svg(_data([("country", "2021", 1)]), "x") == ""  # no line for the area
