import json
import re

import pytest
from django.urls import reverse

from duiding.indicators.models import Indicator, Observation
from tests.areaprofile.factories import SHARE, YOUTH, period

pytestmark = pytest.mark.django_db


def _page(client, code="WK059910", **params):
    response = client.get(reverse("areaprofile:area", args=[code]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_area_page_shows_figures_against_rotterdam_and_nederland(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    assert '<h1 class="utrecht-heading-1">Feijenoord</h1>' in html
    assert "1.555" in html  # 2023, Dutch thousands separator
    assert "13.875" in html and "485.100" in html
    assert "18,1%" in html  # 465 / 2570, rounded half up
    assert "verschil +0,6 %-punt" in html  # 18,1 against Rotterdam's 17,5


def test_area_page_default_period_is_the_latest_and_a_chosen_period_is_shown(
    client_as, adviseur, data
):
    client = client_as(adviseur)
    html = _page(client)
    assert '<option value="2023">2023</option>' in html  # not selected: latest per indicator
    html_2019 = _page(client, periode="2019")
    assert '<span class="cell-label">Feijenoord</span><span class="value">2.410</span>' in html_2019
    assert (
        '<span class="cell-label">Feijenoord</span><span class="value">1.555</span>'
        not in html_2019
    )
    assert '<option value="2019" selected>2019</option>' in html_2019


def test_unknown_period_falls_back_to_latest_with_a_message(client_as, adviseur, data):
    html = _page(client_as(adviseur), periode="vorig jaar")
    assert "Periode “vorig jaar” is onbekend" in html
    assert "1.555" in html


def test_indicators_are_grouped_per_pillar_and_domain_with_other_figures_last(
    client_as, adviseur, data
):
    html = _page(client_as(adviseur))
    pillar = html.index("Pijler Gezond")
    domain = html.index("Sociaal-emotionele gezondheid", pillar)
    youth = html.index("Jongeren met jeugdzorg in natura", domain)
    other = html.index("Overige cijfers", youth)
    share = html.index("Trajecten via de gemeentelijke toegang (wijkteam)", other)
    assert pillar < domain < youth < other < share


def test_flags_use_icon_and_words_and_depend_on_direction(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    # share 18,1% vs Nederland 30,8%, higher is better, significant: worse
    assert (
        '<span class="flag flag--worse"><span aria-hidden="true">▼</span> slechter</span>' in html
    )
    assert '<span aria-hidden="true">●</span> vergelijkbaar' in html  # vs Rotterdam, within 10%
    data.share.direction = "lower_is_better"
    data.share.save()
    html = _page(client_as(adviseur))
    assert '<span class="flag flag--better"><span aria-hidden="true">▲</span> beter</span>' in html


def test_suppressed_not_available_and_zero_look_different(client_as, adviseur, data):
    p = period("2023")
    ind = {
        code: Indicator.objects.create(code=code, name=name, unit_kind="count")
        for code, name in [("a_geheim", "Geheim cijfer"), ("a_na", "Ontbrekend"), ("a_nul", "Nul")]
    }
    Observation.objects.create(
        indicator=ind["a_geheim"], area=data.feijenoord, period=p, status="suppressed"
    )
    Observation.objects.create(
        indicator=ind["a_na"], area=data.feijenoord, period=p, status="not_available"
    )
    Observation.objects.create(indicator=ind["a_nul"], area=data.feijenoord, period=p, value=0)
    html = _page(client_as(adviseur))
    assert '<span class="value value--suppressed">geheim (klein aantal)</span>' in html
    assert '<span class="value value--na">geen cijfer</span>' in html
    assert '<span class="value">0</span>' in html


def test_source_details_name_file_row_column_and_cbs(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    start = html.index("Jongeren met jeugdzorg in natura</span>")
    details = html[start : html.index("</details>", start)]
    for expected in [
        "85685NED — Jeugdzorg; wijken 2023",
        "85685NED_first10000rows.csv",
        "<dd>8041</dd>",
        "TotaalJongerenMetJeugdzorgInNatura_1",
        "Totaal alle jeugdzorg in natura",
        "<dd>WK059910</dd>",
        "1: codering en afbakening ongewijzigd",
        "Bron: CBS",
    ]:
        assert expected in details, expected


def test_comparison_rule_is_shown_as_a_suggestion(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    assert "Vergelijkingsregel (Staat van de Jeugd, stap 1)" in html
    assert "<dt>Vergelijkingsadvies</dt><dd>Vergelijk het gebied met Rotterdam.</dd>" in html


def test_rotterdam_level_names_in_breadcrumbs_and_child_links(client_as, adviseur, data):
    client = client_as(adviseur)
    buurt = _page(client, code="BU05991086")
    crumbs = buurt[
        buurt.index('aria-label="Kruimelpad"') : buurt.index("</nav>", buurt.index("Kruimelpad"))
    ]
    assert crumbs.index("Nederland") < crumbs.index("Rotterdam") < crumbs.index("Feijenoord")
    assert "(gebied)" in crumbs  # Rotterdam: a CBS wijk is a gebied
    assert "Wijk · CBS-code BU05991086" in buurt  # ... and a CBS buurt a wijk
    gebied = _page(client)
    assert "Wijken in Feijenoord" in gebied
    assert 'href="/wijk/BU05991086/"' in gebied
    gemeente = _page(client, code="GM0599")
    assert "Gebieden in Rotterdam" in gemeente


def test_trend_chart_data_and_text_alternative(client_as, adviseur, data):
    html = _page(client_as(adviseur))
    assert 'id="trend-template"' in html
    data_json = html.split('<script id="trend-data" type="application/json">')[1].split(
        "</script>"
    )[0]
    trends = json.loads(data_json)
    chart_ids = re.findall(r'data-trend="(t\d+)"', html)
    assert sorted(chart_ids) == sorted(trends)
    values = [v["v"] for t in trends.values() for v in t["values"] if v["r"] == "area"]
    assert 2410 in values and 1555 in values
    assert "Trend 2019 tot en met 2023. Feijenoord: van 2.410 (2019) naar 1.555 (2023)." in html


def test_area_without_figures_says_so(client_as, adviseur, data):
    html = _page(client_as(adviseur), code="BU05991086")
    assert "Er zijn (nog) geen cijfers voor Afrikaanderwijk" in html
    assert "export.xlsx" not in html


def test_unknown_area_is_404(client_as, adviseur, db):
    response = client_as(adviseur).get(reverse("areaprofile:area", args=["WK999999"]))
    assert response.status_code == 404


def test_page_queries_do_not_grow_with_indicators(
    client_as, adviseur, data, django_assert_max_num_queries
):
    client = client_as(adviseur)
    url = reverse("areaprofile:area", args=["GM0599"])
    client.get(url)  # warm caches (ContentTypes, templates)
    p = period("2023")
    for i in range(30):
        ind = Indicator.objects.create(code=f"extra_{i}", name=f"Extra {i}", unit_kind="percentage")
        for area in (data.rotterdam, data.nl, data.feijenoord):
            Observation.objects.create(indicator=ind, area=area, period=p, value=10 + i)
    with django_assert_max_num_queries(30):
        response = client.get(url)
    assert response.content.decode().count("Bron en toelichting<span") == 32


def test_indicator_codes_in_period_and_map_params_are_escaped(client_as, adviseur, data):
    html = _page(client_as(adviseur), code="GM0599", kaart='"><script>alert(1)</script>')
    assert "<script>alert(1)</script>" not in html
    assert SHARE in html and YOUTH in html


def test_english_interface_uses_english_number_format(client_as, adviseur, data):
    client = client_as(adviseur)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("areaprofile:area", args=["WK059910"]))
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert '<span class="cell-label">Feijenoord</span><span class="value">1,555</span>' in html
    assert "18.1%" in html
