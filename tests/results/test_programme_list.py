# ruff: noqa: F811 - pytest fixtures imported from progress_fixtures are used as arguments
"""The results list of one programme: filters (GET), links to the exports, and the exports'
figures per indicator (baseline, latest figure, target, verdict) without a credit line in the
CSV data."""

from __future__ import annotations

import csv
from io import BytesIO, StringIO

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
    programme,
    share_row,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_results(programme, adviseur, figures):
    domain = Domain.objects.filter(pillar__framework=programme.framework).first()
    first = make_result(
        programme, adviseur, [share_row(figures)], text="Eerste resultaat", domain=domain
    )
    second = make_result(programme, adviseur, [share_row(figures)], text="Tweede resultaat")
    return first, second


def _list(client, programme, **params):
    return client.get(reverse("results:programme_results", args=[programme.pk]), params)


def test_list_filters_by_domain_pillar_and_status(client_as, partner, programme, two_results):
    first, second = two_results
    client = client_as(partner)
    html = _list(client, programme, domain=first.domain_id).content.decode()
    assert "Eerste resultaat" in html and "Tweede resultaat" not in html
    html = _list(client, programme, pillar=first.domain.pillar_id).content.decode()
    assert "Eerste resultaat" in html and "Tweede resultaat" not in html
    result_status_set(second, user=second.created_by, status="partners")
    html = _list(client, programme, status="partners").content.decode()
    assert "Tweede resultaat" in html and "Eerste resultaat" not in html
    assert (
        f'<option value="{first.domain_id}" selected>'
        in _list(client, programme, domain=first.domain_id).content.decode()
    )


def test_list_filter_without_match_says_so(client_as, partner, programme, two_results):
    html = _list(client_as(partner), programme, status="vastgesteld").content.decode()
    assert "Geen resultaten gevonden." in html
    assert "Dit programma heeft nog geen maatschappelijke resultaten." not in html


def test_list_links_to_the_exports_with_the_filters(client_as, partner, programme, two_results):
    html = _list(client_as(partner), programme, status="concept").content.decode()
    csv_url = reverse("results:programme_export", args=[programme.pk, "csv"])
    xlsx_url = reverse("results:programme_export", args=[programme.pk, "xlsx"])
    assert f'href="{csv_url}?status=concept"' in html
    assert f'href="{xlsx_url}?status=concept"' in html


def test_list_hidden_from_outsider(client_as, outsider, programme, two_results):
    assert _list(client_as(outsider), programme, status="concept").status_code == 404


def _csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(StringIO(body), delimiter=";"))


def test_programme_csv_has_the_figures_per_indicator_and_no_credit(
    client_as, partner, programme, two_results
):
    url = reverse("results:programme_export", args=[programme.pk, "csv"])
    rows = _csv_rows(client_as(partner).get(url))
    header, data = rows[0], rows[1:]
    assert header[-7:] == [
        "Indicator",
        "Basisperiode",
        "Basiswaarde",
        "Laatste periode",
        "Laatste cijfer",
        "Doel",
        "Oordeel indicator",
    ]
    assert len(data) == 2  # one indicator each, no empty line, no "Bron:" line
    assert not any(cell.startswith("Bron:") for row in rows for cell in row)
    row = dict(zip(header, data[0], strict=True))
    # Feijenoord: 290 / 1820 = 15.934 % in 2021; 465 / 2570 = 18.093 % in 2023; +5 pp.
    assert row["Indicator"] == "Trajecten via de gemeentelijke toegang (wijkteam)"
    assert row["Basisperiode"] == "2021"
    assert row["Basiswaarde"] == "15,9"  # the indicator's one decimal
    assert row["Laatste periode"] == "2023"
    assert row["Laatste cijfer"] == "18,1"
    assert row["Doel"] == "20,9"
    assert row["Oordeel indicator"] == "Op koers"


def test_overview_csv_has_the_figures_too(client_as, accounthouder, two_results):
    url = reverse("results:overview_export", args=["csv"])
    rows = _csv_rows(client_as(accounthouder).get(url))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Basiswaarde"] == "15,9" and row["Oordeel indicator"] == "Op koers"
    assert not any(cell.startswith("Bron:") for r in rows for cell in r)


def test_programme_excel_has_figures_and_the_credit_in_toelichting(
    client_as, partner, programme, two_results
):
    url = reverse("results:programme_export", args=[programme.pk, "xlsx"])
    book = load_workbook(BytesIO(client_as(partner).get(url).content))
    sheet = book.active
    header = [c.value for c in sheet[3]]
    first = dict(zip(header, [c.value for c in sheet[4]], strict=True))
    assert first["Basiswaarde"] == pytest.approx(15.9341, abs=1e-4)
    assert first["Laatste cijfer"] == pytest.approx(18.0934, abs=1e-4)
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert not any(str(c).startswith("Bron:") for c in cells)
    notes = [c for row in book["Toelichting"].iter_rows(values_only=True) for c in row if c]
    assert any(str(c).startswith("Bron: Duiding") for c in notes)
