"""The XLSForm upload page of an activity and the download of a questionnaire: who may use them,
what a refused file shows, and that nothing is stored then."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duiding.outcomes.models import Questionnaire, QuestionnaireVersion
from duiding.outcomes.xlsform import read_xlsform
from duiding.outcomes.xlsform.example import example_questions, example_workbook
from duiding.outcomes.xlsform_services import import_questionnaire
from tests.outcomes import xlsform_fixtures as fixtures
from tests.outcomes.xlsform_fixtures import workbook

figures, feijenoord, framework = fixtures.figures, fixtures.feijenoord, fixtures.framework
programme, results, seed_activities = fixtures.programme, fixtures.results, fixtures.seed_activities
youth_org, youth_worker, other_programme = (
    fixtures.youth_org,
    fixtures.youth_worker,
    fixtures.other_programme,
)
home_start = fixtures.home_start

pytestmark = pytest.mark.django_db

BAD = workbook(
    [
        ["type", "name", "label"],
        ["text", "naam", "Naam van de cursus"],
        ["geopoint", "plek", "Waar bent u?"],
        ["select_one jaofnee", "kent", "Kent u ons?"],
    ]
)


def _url(activity) -> str:
    return reverse("outcomes:xlsform_import", kwargs={"activity_id": activity.pk})


def _post(client, activity, data: bytes = b"", name="tevredenheid.xlsx", **fields):
    payload = {
        "file": SimpleUploadedFile(name, data or example_workbook()),
        "moment": "eindmeting",
        "opens_on": "01-11-2026",
        "closes_on": "30-11-2026",
        **fields,
    }
    return client.post(_url(activity), payload)


def test_the_partner_imports_a_questionnaire_as_version_one(client_as, partner, home_start):
    response = _post(client_as(partner), home_start)
    questionnaire = Questionnaire.objects.get()
    assert response.status_code == 302
    assert response["Location"] in (
        f"/outcome/vragenlijst/{questionnaire.pk}/",
        reverse("activities:activity_detail", kwargs={"pk": home_start.pk}),
    )
    assert questionnaire.activity == home_start
    assert questionnaire.title == "Hoe nuttig was deze hulp?"
    assert questionnaire.moment == "eindmeting"
    assert questionnaire.opens_on == datetime.date(2026, 11, 1)
    assert questionnaire.closes_on == datetime.date(2026, 11, 30)
    assert questionnaire.created_by == partner
    version = questionnaire.versions.get()
    assert version.number == 1 and version.created_by == partner
    assert version.questions == example_questions()


def test_a_refused_file_lists_its_problems_and_stores_nothing(client_as, partner, home_start):
    response = _post(client_as(partner), home_start, BAD)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Het bestand is niet ingelezen; er is niets opgeslagen." in page
    assert "Blad survey, rij 3, kolom type: het type ‘geopoint’ kan Duiding niet opslaan." in page
    assert (
        "Blad survey, rij 4, kolom type: de keuzelijst ‘jaofnee’ staat niet op blad choices."
        in page
    )
    assert "er zijn 2 problemen" in page
    assert not Questionnaire.objects.exists() and not QuestionnaireVersion.objects.exists()


@pytest.mark.parametrize(
    ("fields", "name", "message"),
    [
        ({"closes_on": "01-10-2026"}, "a.xlsx", "De einddatum ligt voor de begindatum."),
        ({"moment": "nooit"}, "a.xlsx", "Selecteer een geldige keuze"),
        ({}, "a.csv", "Kies een .xlsx-bestand"),
        ({"opens_on": "2026-13-01"}, "a.xlsx", "Vul een geldige datum in"),
    ],
)
def test_bad_fields_are_named_and_nothing_is_stored(
    client_as, partner, home_start, fields, name, message
):
    response = _post(client_as(partner), home_start, name=name, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Questionnaire.objects.exists()


def test_the_upload_page_offers_the_example(client_as, partner, home_start):
    response = client_as(partner).get(_url(home_start))
    assert response.status_code == 200
    assert "outcomes/voorbeeld-xlsform.xlsx" in response.content.decode()


def test_the_gebiedsadviseur_may_import_as_well(client_as, adviseur, home_start):
    assert _post(client_as(adviseur), home_start).status_code == 302
    assert Questionnaire.objects.count() == 1


def test_another_partner_of_the_programme_gets_403_and_nothing_is_stored(
    client_as, youth_worker, home_start
):
    client = client_as(youth_worker)
    assert client.get(_url(home_start)).status_code == 403
    assert _post(client, home_start).status_code == 403
    assert not Questionnaire.objects.exists()


def test_a_partner_of_another_programme_gets_404_and_nothing_is_stored(
    client_as, other_programme, home_start
):
    client = client_as(other_programme.partner_user)
    assert client.get(_url(home_start)).status_code == 404
    assert _post(client, home_start).status_code == 404
    assert not Questionnaire.objects.exists()


def test_an_outsider_gets_404(client_as, outsider, home_start):
    assert _post(client_as(outsider), home_start).status_code == 404
    assert not Questionnaire.objects.exists()


def test_anonymous_is_sent_to_the_login_page(client, home_start):
    response = _post(client, home_start)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Questionnaire.objects.exists()


# --- the service ------------------------------------------------------------------------


def test_the_service_refuses_a_bad_window_before_reading_the_file(partner, home_start):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        import_questionnaire(
            activity=home_start,
            file=io.BytesIO(b"not read"),
            user=partner,
            moment="voormeting",
            opens_on=datetime.date(2026, 2, 1),
            closes_on=datetime.date(2026, 1, 1),
        )
    assert "closes_on" in refused.value.message_dict
    assert not Questionnaire.objects.exists()


def test_the_service_keeps_the_notes_of_what_was_left_out(partner, home_start):
    data = workbook(
        [["type", "name", "label"], ["start", "start", ""], ["text", "naam", "Naam"]],
        settings=[["form_title"], ["Korte peiling"]],
    )
    questionnaire = import_questionnaire(
        activity=home_start,
        file=SimpleUploadedFile("peiling.xlsx", data),
        user=partner,
        moment="doorlopend",
        opens_on=datetime.date(2026, 1, 1),
        closes_on=datetime.date(2026, 12, 31),
    )
    assert questionnaire.title == "Korte peiling"
    assert "Rij 2 (start)" in questionnaire.import_notes[0]


# --- the download -----------------------------------------------------------------------


@pytest.fixture
def questionnaire(home_start, partner):
    return import_questionnaire(
        activity=home_start,
        file=SimpleUploadedFile("x.xlsx", example_workbook()),
        user=partner,
        moment="voormeting",
        opens_on=datetime.date(2026, 1, 1),
        closes_on=datetime.date(2026, 1, 31),
    )


def _export(questionnaire) -> str:
    return reverse("outcomes:xlsform_export", kwargs={"pk": questionnaire.pk})


@pytest.mark.parametrize("who", ["partner", "adviseur", "youth_worker"])
def test_everyone_who_sees_the_questionnaire_downloads_its_xlsform(
    request, client_as, questionnaire, who
):
    response = client_as(request.getfixturevalue(who)).get(_export(questionnaire))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "hoe-nuttig-was-deze-hulp-xlsform.xlsx" in response["Content-Disposition"]
    assert read_xlsform(response.content).questions == questionnaire.current.questions
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["survey", "choices", "settings"]


def test_the_download_is_404_for_who_does_not_see_it(client_as, client, questionnaire, outsider):
    assert client_as(outsider).get(_export(questionnaire)).status_code == 404
    client.logout()
    assert client.get(_export(questionnaire)).status_code == 302
