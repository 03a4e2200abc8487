"""The downloads of a programme: one CSV per table, the workbook, the downloads page, and who may
get them (outsiders and partners of another programme get a 404, anonymous users the login)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests.markup import assert_accessible
from tests.programmes import export_fixtures
from tests.programmes.export_fixtures import INJECTION

pytestmark = pytest.mark.django_db

# The shared fixtures of the export tests.
other_programme = export_fixtures.other_programme
written = export_fixtures.written

TABLES = ["indicatoren", "samenvatting", "factoren", "ontbrekende-cijfers", "opvallende-cijfers"]


def _csv(client, programme, table: str) -> list[list[str]]:
    response = client.get(reverse("programmes:csv", args=[programme.pk, table]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{table}_' in response["Content-Disposition"]
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def _rows(table: list[list[str]], column: str) -> dict[str, dict[str, str]]:
    head = table[0]
    return {
        row[head.index(column)]: dict(zip(head, row, strict=False))
        for row in table[1:]
        if len(row) == len(head)
    }


def test_indicator_csv_has_values_comparisons_and_flags(client_as, adviseur, written):
    table = _csv(client_as(adviseur), written["programme"], "indicatoren")
    rows = _rows(table, "Indicatorcode")
    onveilig = rows["OnveiligBuurt"]
    assert onveilig["Domein"] == "Veilige wijk en schoolomgeving"
    assert onveilig["Waarde Feijenoord"] == "31,0"  # the indicator's one decimal
    assert onveilig["Waarde Rotterdam"] == "19,0" and onveilig["Verschil met Rotterdam"] == "12,0"
    assert onveilig["Oordeel t.o.v. Rotterdam"] == "slechter"
    assert onveilig["Opvallend"] == "ja: @vooral 's avonds"
    assert rows["Verhuisd"]["Waarde Feijenoord"] == "10,5"
    assert rows["Verhuisd"]["Oordeel"] == "vergelijkbaar"
    assert rows["SportLid"]["Oordeel"] == "beter"
    assert "CC BY 4.0" in table[-1][0]


def test_summary_csv_is_formula_safe(client_as, adviseur, written):
    table = _csv(client_as(adviseur), written["programme"], "samenvatting")
    rows = _rows(table, "Domein")
    assert len(rows) == 9
    veilig = rows["Veilige wijk en schoolomgeving"]
    assert veilig["Deelanalyse"] == "'" + INJECTION
    # (The selector orders chosen factors by rank; where an unknown rank goes differs per database.)
    assert set(veilig["Gekozen factoren"].split(", ")) == {
        "Woonomgeving / slechte buurt",
        "Armoede",
    }
    assert veilig["Status"] == "Concept"


def test_factor_csv_puts_the_factor_of_more_domains_first(client_as, adviseur, written):
    table = _csv(client_as(adviseur), written["programme"], "factoren")
    assert table[1][:1] == ["Armoede"] and table[1][3] == "2"
    assert "Meedoen aan sport, cultuur en vrijwilligerswerk" in table[1][4]
    assert table[2][:2] == ["Woonomgeving / slechte buurt", "4"]


def test_missing_and_striking_csv(client_as, adviseur, written):
    client = client_as(adviseur)
    missing = _csv(client, written["programme"], "ontbrekende-cijfers")
    assert missing[1][2:] == [
        "'-Sportdeelname per leeftijd",
        "Zien welke leeftijd afhaakt",
        "GGD Jeugdmonitor",
        "Open",
    ]
    striking = _csv(client, written["programme"], "opvallende-cijfers")
    assert striking[1][2:] == ["OnveiligBuurt", "Voelt zich vaak onveilig in de buurt"] + [
        "'@vooral 's avonds",
        "31,0",
        "2023",
    ]


def test_unknown_table_is_404(client_as, adviseur, written):
    url = reverse("programmes:csv", args=[written["programme"].pk, "geheimen"])
    assert client_as(adviseur).get(url).status_code == 404


def _urls(programme) -> list[str]:
    return [reverse("programmes:workbook", args=[programme.pk])] + [
        reverse("programmes:csv", args=[programme.pk, t]) for t in TABLES
    ]


def test_partner_and_reviewer_may_download(client_as, partner, reviewer, written):
    for user in (partner, reviewer):
        for url in _urls(written["programme"]):
            assert client_as(user).get(url).status_code == 200, (user, url)


def test_outsider_gets_404(client_as, outsider, written):
    for url in _urls(written["programme"]):
        assert client_as(outsider).get(url).status_code == 404, url


def test_partner_of_another_programme_gets_404(client_as, partner, written, other_programme):
    for url in _urls(other_programme):
        assert client_as(partner).get(url).status_code == 404, url


def test_anonymous_user_is_sent_to_login(client, written):
    for url in _urls(written["programme"]):
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response.url


def test_downloads_page_and_overview_link_every_download(client_as, adviseur, partner, written):
    programme = written["programme"]
    for name in ("downloads", "detail"):
        response = client_as(adviseur).get(reverse(f"programmes:{name}", args=[programme.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        for url in _urls(programme):
            assert f'href="{url}"' in html, (name, url)
        assert "Werkboek wijkprogrammering (.xlsx)" in html
        assert_accessible(response)
    html = client_as(partner).get(reverse("programmes:detail", args=[programme.pk])).content
    assert reverse("programmes:workbook", args=[programme.pk]).encode() in html


def test_downloads_page_is_404_for_an_outsider(client_as, outsider, written):
    url = reverse("programmes:downloads", args=[written["programme"].pk])
    assert client_as(outsider).get(url).status_code == 404
