"""Issue 10 on the Staat van de wijk page: comparable figures, sources of derived figures, empty
pillars, grouped periods, the header's indelingswijziging, a wijk of choice, sparklines."""

import re

import pytest
from django.urls import reverse

from duiding.indicators.derived import derived_compute
from duiding.indicators.models import Dataset, Indicator, Observation
from tests.areaprofile.factories import YOUTH, default_domain, period

pytestmark = pytest.mark.django_db


def _page(client, code="WK059910", **params):
    response = client.get(reverse("areaprofile:area", args=[code]), params)
    assert response.status_code == 200
    return response.content.decode()


def _youth_row(html: str) -> str:
    start = html.index('<tbody class="bm-row">', html.index("Pijler Gezond"))
    return html[start : html.index("</tbody>", start)]


def test_counts_get_no_difference_against_larger_areas(client_as, adviseur, data):
    row = _youth_row(_page(client_as(adviseur)))
    assert "Jongeren met jeugdzorg in natura" in row
    assert "13.875" in row and "485.100" in row  # the comparison figures stay
    assert 'class="diff"' not in row  # was "verschil −12.320" and "verschil −483.545"


def _population(data, figures: dict[str, tuple[float, float]], year: str = "2024"):
    ages = [
        Indicator.objects.create(code=code, name=name, unit_kind="count")
        for code, name in (
            ("k_0Tot15Jaar", "Inwoners 0 tot 15 jaar"),
            ("k_15Tot25Jaar", "Inwoners 15 tot 25 jaar"),
        )
    ]
    areas = {"WK059910": data.feijenoord, "GM0599": data.rotterdam, "NL01": data.nl}
    for code, values in figures.items():
        for indicator, value in zip(ages, values, strict=True):
            Observation.objects.create(
                indicator=indicator, area=areas[code], period=period(year), value=value
            )


def test_youth_counts_are_also_shown_per_1000_youths_with_a_verdict(client_as, adviseur, data):
    # 1.555 of 15.550 youths (100,0 per 1.000) against 13.875 of 160.000 (86,7): significant
    _population(
        data,
        {"WK059910": (10000, 5550), "GM0599": (120000, 40000), "NL01": (2714040, 2202159)},
    )
    html = _page(client_as(adviseur))
    row = _youth_row(html)
    assert "100,0 per 1.000 jongeren" in row
    assert "86,7 per 1.000 jongeren" in row
    assert f"{485100 / 4916199 * 1000:.1f}".replace(".", ",") + " per 1.000 jongeren" in row
    assert "▼</span> slechter" in row  # lower is better, and the rate is higher
    assert "per 1.000 inwoners van 0 tot 25 jaar" in row
    assert "1 januari 2024" in row  # the population of 1 January after the year 2023


def test_without_a_population_there_is_no_rate(client_as, adviseur, data):
    _population(data, {"GM0599": (120000, 40000)})  # Feijenoord has no population
    assert "per 1.000 jongeren" not in _youth_row(_page(client_as(adviseur)))


def test_a_derived_figure_names_the_files_and_rows_of_its_parts(client_as, adviseur, data):
    dataset = Dataset.objects.get(code="85685NED")
    parts = []
    for code, column, value, row in (
        ("DoorHuisarts", "Huisarts_11", 300.0, 8041),
        ("AlleTrajecten", "TotaalTrajectenInNatura_9", 2570.0, 8041),
    ):
        ind = Indicator.objects.create(code=code, name=code, unit_kind="count")
        Observation.objects.create(
            indicator=ind,
            area=data.feijenoord,
            period=period("2023"),
            value=value,
            dataset=dataset,
            source_file="85685NED_first10000rows.csv",
            source_row=row,
            source_column=column,
        )
        parts.append(ind)
    Indicator.objects.create(
        code="AandeelHuisarts",
        name="% trajecten via de huisarts",
        unit_kind="percentage",
        decimals=1,
        numerator=parts[0],
        denominator=parts[1],
        multiplier=100,
    )
    assert derived_compute() > 0
    html = _page(client_as(adviseur))
    start = html.index("% trajecten via de huisarts")
    row = html[start : html.index("</tbody>", start)]
    assert "11,7%" in row  # 300 / 2570
    assert "Teller / Noemer × 100 (DoorHuisarts / AlleTrajecten)" in row
    assert (
        "DoorHuisarts (300): 85685NED — Jeugdzorg; wijken 2023, bestand "
        "85685NED_first10000rows.csv, rij 8041, kolom Huisarts_11"
    ) in row
    assert "kolom TotaalTrajectenInNatura_9" in row
    assert "berekend door Duiding" not in row


def test_source_has_the_full_width_of_the_row(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    # indicator, Feijenoord, Rotterdam, Nederland, trend: the source spans all five columns
    detail = re.search(r'<tr class="bm-detail">\s*<td colspan="(\d+)">\s*<details', html)
    assert detail is not None and detail.group(1) == "5"
    th = re.search(r'<th scope="row" class="indicator">.*?</th>', html, re.S).group(0)
    assert "<details" not in th


def test_every_pillar_and_domain_without_figures_says_so(client_as, adviseur, data):
    default_domain("Kansrijk", "Werk")
    html = _page(client_as(adviseur))
    assert "Pijler Kansrijk" in html
    assert "Nog geen cijfers in de pijler Kansrijk." in html
    kansrijk = html.index("Pijler Kansrijk")
    assert html.index("Werk", kansrijk) < html.index("Nog geen cijfers in dit domein.", kansrijk)
    assert '<a class="utrecht-link" href="#pijler-' in html  # the page's own contents


def test_periods_are_grouped_by_kind_in_one_label_style(client_as, adviseur, data):
    half = period("1e half jaar 2023")
    half.label = "1e half jaar 2023"  # as some CBS tables write it
    half.save()
    Observation.objects.create(indicator=data.youth, area=data.feijenoord, period=half, value=700)
    html = _page(client_as(adviseur))
    years = html.index('<optgroup label="Jaren">')
    halves = html.index('<optgroup label="Halfjaren">')
    assert years < html.index('<option value="2023">2023</option>') < halves
    assert html.index('<option value="2023H1">1e halfjaar 2023</option>') > halves
    assert "1e half jaar" not in html.split('id="periode"')[1].split("</select>")[0]


def test_header_says_what_the_indelingswijziging_means(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    meta = re.search(r'<p class="area-meta muted">.*?</p>', html, re.S).group(0)
    assert "Indeling ongewijzigd sinds vorig jaar: cijfers vergelijkbaar over de jaren" in meta
    assert "CBS-indelingswijziging: 1" not in meta


def test_an_adviser_compares_with_a_wijk_of_choice_kept_in_the_url(client_as, adviseur, data):
    Observation.objects.create(
        indicator=data.youth, area=data.ijsselmonde, period=period("2023"), value=1200
    )
    client = client_as(adviseur)
    plain = _page(client)
    assert '<option value="WK059912">IJsselmonde</option>' in plain
    html = _page(client, vergelijk="WK059912")
    assert '<option value="WK059912" selected>IJsselmonde</option>' in html
    assert 'IJsselmonde <span class="muted small">(gekozen gebied)</span>' in html
    row = _youth_row(html)
    assert "1.200" in row and "verschil +355" in row  # same level: the count's difference
    assert row.count('class="diff"') == 1  # not against Rotterdam or Nederland
    assert "vergelijk=WK059912" in html  # kept in the links (exports, breadcrumbs)
    export = client.get(
        reverse("areaprofile:export_csv", args=["WK059910"]), {"vergelijk": "WK059912"}
    )
    header = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert "Waarde IJsselmonde" in header  # the download has the same columns
    bad = _page(client, vergelijk="GM0518")
    assert "Vergelijkingsgebied “GM0518” is niet te kiezen" in bad


def test_rows_draw_their_trend_as_inline_svg_and_load_no_vega_up_front(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    row = _youth_row(html)
    svg = re.search(r'<svg class="sparkline" role="img" aria-label="([^"]+)"', row)
    assert svg is not None and "Trend 2019 tot en met 2023" in svg.group(1)
    assert "<polyline" in row
    assert 'src="/static/vendor/vega/vega.min.js"' not in html  # loaded by charts.js on demand
    assert 'data-trend-detail="' in row  # the interactive chart is in the detail, on demand
    assert YOUTH in html
