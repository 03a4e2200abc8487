"""The plan van aanpak as Excel: five sheets with the seed's columns, real dates, formula-safe."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duiding.activities.models import PlanStep, PurchaseAgreement, QualityAgreement
from duiding.outcomes.models import MeasurementPlan
from tests.activities.plan_fixtures import *  # noqa: F403
from tests.xlsx_checks import numbers_without_format

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(programme, plan_activities, partner_org):
    home_start = plan_activities["home_start"]
    PlanStep.objects.create(
        programme=programme,
        activity=home_start,
        description='=HYPERLINK("http://evil")',
        owner_organisation=partner_org,
        due_date=datetime.date(2026, 4, 1),
    )
    PurchaseAgreement.objects.create(
        programme=programme, activity=home_start, reference="BES-14", date=datetime.date(2026, 1, 5)
    )
    QualityAgreement.objects.create(
        activity=home_start,
        organisation=partner_org,
        next_step="Beschrijf de interventie",
        target_level=1,
        due_date=datetime.date(2026, 9, 1),
        checklist={"scholing": {"answer": True, "note": "+ jaarlijks"}},
    )
    MeasurementPlan.objects.create(
        activity=home_start,
        measure="uitval",
        how="Registratie",
        how_often="Continu",
        from_whom="alle",
        attention_points="@wie valt uit",
    )


def _workbook(client, programme):
    response = client.get(reverse("activities:plan_export", args=[programme.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "plan-van-aanpak-" in response["Content-Disposition"]
    return load_workbook(BytesIO(response.content))


def _rows(ws):
    return [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]


def test_export_has_the_five_sheets_with_the_plan(client_as, adviseur, programme, filled):
    wb = _workbook(client_as(adviseur), programme)
    assert wb.sheetnames == [
        "Activiteiten",
        "Stappen",
        "Inkoopafspraken",
        "Kwaliteitsafspraken",
        "Meetplan",
        "Verbeteracties",  # step 6, registered by reflections
    ]
    header, *rows = _rows(wb["Activiteiten"])
    assert header[:4] == [
        "Activiteit",
        "Wie voert de activiteit uit?",
        "Voor welke doelgroep is de activiteit?",
        "Met welk bereik?",
    ]
    home = next(r for r in rows if r[0] == "Home-Start")
    assert home[1:4] == [
        "Welzijn Feijenoord",
        "Ouders die (beginnende) opvoedproblemen ervaren",
        30,
    ]

    header, *rows = _rows(wb["Stappen"])
    assert rows[0][0] == "Home-Start"
    assert rows[0][1] == '\'=HYPERLINK("http://evil")'  # text, never a formula
    assert wb["Stappen"].cell(row=4, column=2).data_type == "s"
    assert rows[0][4] == datetime.datetime(2026, 4, 1)  # a real date cell

    _header, purchase = _rows(wb["Inkoopafspraken"])
    assert purchase[:3] == ["BES-14", datetime.datetime(2026, 1, 5), "Home-Start"]

    header, quality = _rows(wb["Kwaliteitsafspraken"])
    assert quality[2:5] == ["Beschrijf de interventie", 0, 1]
    scholing = header.index(
        "Worden de professionals voldoende geschoold? Investeert de partner in de wijk in vakbekwaamheid van de professionals?"
    )  # noqa: E501
    assert quality[scholing : scholing + 2] == ["besproken", "'+ jaarlijks"]

    header, measurement = _rows(wb["Meetplan"])
    assert header[2:7] == [
        "Welke outcome meten?",
        "Hoe meten?",
        "Hoe vaak?",
        "Bij wie meten?",
        "Aandachtspunten",
    ]
    assert measurement[2] == "Uitval (reden beëindiging, codes 1–5)"
    assert measurement[5:7] == ["Alle deelnemers", "'@wie valt uit"]
    assert "(3) Voortijdig: eenzijdig door de cliënt" in measurement[7]


def test_export_of_an_empty_plan_still_opens(client_as, adviseur, programme):
    wb = _workbook(client_as(adviseur), programme)
    assert all(ws.max_row == 3 for ws in wb.worksheets)


def test_export_is_404_outside(client_as, outsider, programme, filled):
    url = reverse("activities:plan_export", args=[programme.pk])
    assert client_as(outsider).get(url).status_code == 404


def test_activities_sheet_has_sentence_factors_results_age_phases_and_life_areas(
    client_as, adviseur, programme, seed_activities
):
    wb = _workbook(client_as(adviseur), programme)
    header, *rows = _rows(wb["Activiteiten"])
    column = {name: index for index, name in enumerate(header)}
    home = next(r for r in rows if r[0] == "Home-Start")
    youth = next(r for r in rows if r[0].startswith("Jongerenwerk"))
    assert home[column["Versterkt (beschermende factoren)"]] == "Opvoedingsvaardigheden"
    assert not home[column["Vermindert (risicofactoren)"]]
    assert youth[column["Vermindert (risicofactoren)"]] == "Spijbelen en schoolverzuim"
    assert home[column["Maatschappelijke resultaten"]].startswith("In 2027 hebben we bereikt")
    assert home[column["Leeftijdsfasen"]] == "Vroege kindertijd; Basisschoolleeftijd"
    assert home[column["Leefgebieden"]] == "Ouders/gezin"
    assert home[column["Zin: we zetten … in, zodat …"]].startswith(
        "We zetten Home-Start in voor ouders die (beginnende) opvoedproblemen ervaren, zodat "
        "opvoedingsvaardigheden"
    )


def test_every_number_and_date_has_a_format(client_as, adviseur, programme, filled):
    response = client_as(adviseur).get(reverse("activities:plan_export", args=[programme.pk]))
    assert numbers_without_format(response.content) == []
    wb = _workbook(client_as(adviseur), programme)
    dates = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.is_date]
    assert dates and all(c.number_format == "DD-MM-YYYY" for c in dates)
