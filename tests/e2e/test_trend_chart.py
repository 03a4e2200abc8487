"""Browser: the trend chart spec of core/charts.py rendered by the vendored vega-embed, at a
desktop and a phone width: year labels only (halves as unlabelled ticks), a legend naming each
area, Dutch number format on the y axis, and no Vega-Lite version warning."""

import json

import pytest
from django.utils import translation

from duiding.core import charts

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NL_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
AREAS = [("Feijenoord", "area"), ("Rotterdam", "municipality"), ("Nederland", "country")]


def _spec(codes):
    values = [
        {"x": charts.period_x(code), "l": code, "v": 1200.5 + 10 * i + 100 * j, "a": a, "r": r}
        for j, (a, r) in enumerate(AREAS)
        for i, code in enumerate(codes)
    ]
    encoding = charts.trend_encoding(values, decimals=1, unit="")
    with translation.override("nl"):
        return charts.trend_spec({"values": values, "encoding": encoding}, description="Trend")


def _render(page, live_server, spec, width):
    page.set_viewport_size({"width": width, "height": 800})
    scripts = "".join(
        f'<script src="{live_server.url}/static/vendor/vega/{name}.min.js"></script>'
        for name in ("vega", "vega-lite", "vega-embed")
    )
    page.set_content(
        f'<!doctype html><html><body style="margin:8px">{scripts}<div id="c"></div></body></html>'
    )
    page.evaluate(
        "([spec, locale]) => vegaEmbed('#c', spec, {actions: false, renderer: 'svg',"
        " formatLocale: locale}).then(() => true)",
        [spec, NL_LOCALE],
    )
    page.wait_for_selector("#c svg .role-legend")

    def labels(axis: str) -> list[str]:
        group = page.locator(f'#c .role-axis[aria-label^="{axis}"]').first
        return group.locator(".role-axis-label text").all_text_contents()

    return {
        "x": labels("X-axis"),
        "y": labels("Y-axis"),
        "legend": page.locator("#c .role-legend-label text").all_text_contents(),
        "overflow": page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
    }


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    "codes",
    [
        [f"{year}H{half}" for year in range(2014, 2025) for half in (1, 2)],
        [f"{year}-{month:02d}-01" for year in range(2016, 2024) for month in (1, 7)],
    ],
    ids=["half years", "dates"],
)
def test_trend_chart_has_year_labels_a_legend_and_dutch_numbers(page, live_server, codes, width):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    shown = _render(page, live_server, _spec(codes), width)
    labels = [label for label in shown["x"] if label]
    assert labels and all(len(label) == 4 and label.isdigit() for label in labels), shown["x"]
    years = [int(label) for label in labels]
    assert years == sorted(years) and len(set(years)) == len(years)
    if width == 1280:
        assert len(labels) >= len({code[:4] for code in codes})  # a label for every year
    assert shown["legend"] == [name for name, _role in AREAS]
    assert "1.300" in shown["y"], shown["y"]  # Dutch thousands, no trailing ",0"
    assert not shown["overflow"]
    assert not [m for m in messages if "Vega-Lite v" in m or "WARN" in m], messages
    assert json.dumps(_spec(codes))  # the spec is plain JSON (for reports too)
