# ruff: noqa: F811 - pytest fixtures imported from progress_fixtures are used as arguments
"""The municipality overview and the exports: filters, permissions, CSV and Excel."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duiding.frameworks.models import Domain
from duiding.results.services import result_status_set
from tests.results.progress_fixtures import (  # noqa: F401
    accounthouder,
    feijenoord,
    figures,
    framework,
    make_result,
    other_beheerder,
    programme,
    share_row,
)
from tests.xlsx_checks import numbers_without_format

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_results(programme, adviseur, figures):
    domain = Domain.objects.filter(pillar__framework=programme.framework).first()
    first = make_result(
        programme, adviseur, [share_row(figures)], text="=Eerste resultaat", domain=domain
    )
    second = make_result(programme, adviseur, [share_row(figures)], text="Tweede resultaat")
    return first, second


def _overview(client, **params):
    return client.get(reverse("results:overview"), params)


def test_accounthouder_and_beheerder_see_all_results(
    client_as, accounthouder, beheerder, two_results
):
    for user in (accounthouder, beheerder):
        html = _overview(client_as(user)).content.decode()
        assert "Eerste resultaat" in html and "Tweede resultaat" in html
        assert "Op koers" in html


def test_filters_by_domain_and_status(client_as, accounthouder, two_results):
    first, second = two_results
    client = client_as(accounthouder)
    html = _overview(client, domain=first.domain_id).content.decode()
    assert "Eerste resultaat" in html and "Tweede resultaat" not in html
    html = _overview(client, pillar=first.domain.pillar_id).content.decode()
    assert "Eerste resultaat" in html and "Tweede resultaat" not in html
    result_status_set(second, user=second.created_by, status="collega")
    html = _overview(client, status="collega").content.decode()
    assert "Tweede resultaat" in html and "Eerste resultaat" not in html


def test_adviser_without_the_role_gets_403(client_as, adviseur, partner, two_results):
    assert _overview(client_as(adviseur)).status_code == 403
    assert _overview(client_as(partner)).status_code == 403
    url = reverse("results:overview_export", args=["csv"])
    assert client_as(adviseur).get(url).status_code == 403


def test_beheerder_of_another_municipality_sees_none(client_as, other_beheerder, two_results):
    response = _overview(client_as(other_beheerder))
    assert response.status_code == 200
    assert "Eerste resultaat" not in response.content.decode()
    assert "Geen resultaten gevonden" in response.content.decode()


def test_csv_export_is_filtered_and_formula_safe(client_as, accounthouder, two_results):
    first, _second = two_results
    url = reverse("results:overview_export", args=["csv"])
    response = client_as(accounthouder).get(url, {"domain": first.domain_id})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffProgramma;Wijk;Maatschappelijk resultaat")
    assert "'=Eerste resultaat" in body
    assert "Tweede resultaat" not in body
    assert "Op koers" in body


def test_excel_export_of_one_programme(client_as, partner, programme, two_results):
    url = reverse("results:programme_export", args=[programme.pk, "xlsx"])
    response = client_as(partner).get(url)
    assert response.status_code == 200
    ws = load_workbook(BytesIO(response.content)).active
    texts = [row[2] for row in ws.iter_rows(min_row=4, values_only=True) if row[2]]
    assert texts == ["'=Eerste resultaat", "Tweede resultaat"]


def test_programme_export_hidden_from_outsider(client_as, outsider, programme, two_results):
    url = reverse("results:programme_export", args=[programme.pk, "csv"])
    assert client_as(outsider).get(url).status_code == 404
    bad = reverse("results:programme_export", args=[programme.pk, "pdf"])
    assert client_as(outsider).get(bad).status_code == 404


def test_header_links_to_the_overview_only_for_those_who_may_see_it(
    client_as, accounthouder, adviseur, two_results
):
    url = reverse("results:overview")
    assert f'href="{url}"' in client_as(accounthouder).get("/").content.decode()
    assert f'href="{url}"' not in client_as(adviseur).get("/").content.decode()


def test_excel_numbers_have_the_indicators_precision_and_dates_a_dutch_format(
    client_as, accounthouder, two_results
):
    """Issue 10, item 9: baseline, latest figure and target came out in General format."""
    response = client_as(accounthouder).get(reverse("results:overview_export", args=["xlsx"]))
    assert numbers_without_format(response.content) == []
    ws = load_workbook(BytesIO(response.content)).active
    header = [c.value for c in ws[3]]
    for name in ("Basiswaarde", "Laatste cijfer", "Doel"):
        cells = [row[header.index(name)] for row in ws.iter_rows(min_row=4) if row[11].value]
        assert cells and all(c.number_format == "#,##0.0" for c in cells), name
    dates = [row[header.index("Beoordeeld op")] for row in ws.iter_rows(min_row=4)]
    assert all(c.number_format == "DD-MM-YYYY" for c in dates if c.value)
