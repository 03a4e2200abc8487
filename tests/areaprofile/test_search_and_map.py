import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_search_page_without_query_lists_municipalities(client_as, adviseur, data):
    html = client_as(adviseur).get(reverse("areaprofile:index")).content.decode()
    assert 'hx-get="/wijk/"' in html
    assert 'href="/wijk/GM0599/"' in html


def test_search_by_name_returns_only_the_results_partial_for_htmx(client_as, adviseur, data):
    response = client_as(adviseur).get(reverse("areaprofile:index"), {"q": "feijen"}, **HTMX)
    html = response.content.decode()
    assert html.startswith('<div id="area-results"')
    assert "<html" not in html
    assert 'href="/wijk/WK059910/"' in html
    assert "Gebied in Rotterdam · WK059910" in html  # Rotterdam's own level name


def test_search_by_code_and_without_javascript(client_as, adviseur, data):
    html = (
        client_as(adviseur).get(reverse("areaprofile:index"), {"q": "BU05991086"}).content.decode()
    )
    assert "<html" in html
    assert "Afrikaanderwijk" in html
    assert "Wijk in Rotterdam · BU05991086" in html


def test_search_without_result_explains_how_to_search(client_as, adviseur, data):
    html = client_as(adviseur).get(reverse("areaprofile:index"), {"q": "Atlantis"}, **HTMX)
    assert "Geen gebied gevonden voor “Atlantis”" in html.content.decode()


def _map_spec(html: str) -> dict:
    match = re.search(r'<script id="map-spec" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no map spec on the page"
    return json.loads(match.group(1))


def test_municipality_page_has_a_choropleth_with_links_and_a_table(client_as, adviseur, data):
    html = client_as(adviseur).get(reverse("areaprofile:area", args=["GM0599"])).content.decode()
    spec = _map_spec(html)
    features = spec["data"]["values"]["features"]
    by_code = {f["properties"]["code"]: f["properties"] for f in features}
    assert by_code["WK059910"]["url"] == "/wijk/WK059910/"
    assert by_code["WK059910"]["text"] == "18,1%"
    assert by_code["WK059912"]["value"] is None  # no figure: grey background layer only
    assert spec["layer"][1]["encoding"]["href"]["field"] == "properties.url"
    assert spec["projection"]["type"] == "mercator"
    table = html[html.index('id="kaart-tabel-caption"') :]
    assert '<a class="utrecht-link" href="/wijk/WK059910/">Feijenoord</a>' in table
    assert "Hoogste waarde: Feijenoord (18,1%)" in html


def test_map_partial_for_another_indicator_and_period(client_as, adviseur, data):
    response = client_as(adviseur).get(
        reverse("areaprofile:map", args=["GM0599"]),
        {"kaart": "TotaalJongerenMetJeugdzorgInNatura", "periode": "2019"},
        **HTMX,
    )
    html = response.content.decode()
    assert html.startswith('<section id="kaart"')
    assert "Jongeren met jeugdzorg in natura, 2019" in html
    props = {
        f["properties"]["code"]: f["properties"]
        for f in _map_spec(html)["data"]["values"]["features"]
    }
    assert props["WK059910"]["value"] == 2410
    assert props["WK059910"]["url"] == "/wijk/WK059910/?periode=2019"
    assert '<option value="TotaalJongerenMetJeugdzorgInNatura" selected>' in html


def test_map_page_without_javascript_and_without_boundaries(client_as, adviseur, data):
    data.feijenoord.boundary = None
    data.feijenoord.save()
    data.ijsselmonde.boundary = None
    data.ijsselmonde.save()
    html = client_as(adviseur).get(reverse("areaprofile:map", args=["GM0599"])).content.decode()
    assert "<html" in html
    assert "Er zijn geen grenzen geladen" in html
    assert 'id="map-spec"' not in html
    assert "Feijenoord" in html  # the table still lists the values


def test_gebied_page_maps_its_buurten(client_as, adviseur, data):
    html = client_as(adviseur).get(reverse("areaprofile:area", args=["WK059910"])).content.decode()
    assert "Kaart: wijken van Feijenoord" in html  # Rotterdam: CBS buurten are wijken
    html = (
        client_as(adviseur).get(reverse("areaprofile:area", args=["BU05991086"])).content.decode()
    )
    # a buurt has nothing below it: the map shows its gebied's buurten, the buurt itself marked
    assert "Kaart: wijken van Feijenoord" in html
    assert "Afrikaanderwijk heeft een dikke zwarte rand op de kaart" in html
    assert (
        '<tr class="current"><th scope="row"><a class="utrecht-link" href="/wijk/BU05991086/" aria-current="page">'
        in html
    )
