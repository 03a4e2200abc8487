"""GET /api/v1/questionnaires/{id} and /api/v1/questionnaires/{id}/xlsform: the definition and
its XLSForm, for users who see the questionnaire's programme; anyone else gets the same 404."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from duiding.accounts.services import token_create
from duiding.api.outcomes_questionnaires import QuestionnaireOut
from duiding.outcomes.models import QuestionnaireVersion
from duiding.outcomes.xlsform import read_xlsform
from duiding.outcomes.xlsform.example import example_questions, example_workbook
from duiding.outcomes.xlsform_services import import_questionnaire
from tests.api.openapi_helpers import schema_errors
from tests.outcomes import xlsform_fixtures as fixtures

figures, feijenoord, framework = fixtures.figures, fixtures.feijenoord, fixtures.framework
programme, results, seed_activities = fixtures.programme, fixtures.results, fixtures.seed_activities
youth_org, youth_worker, home_start = fixtures.youth_org, fixtures.youth_worker, fixtures.home_start

pytestmark = pytest.mark.django_db
PATH = "/api/v1/questionnaires/{questionnaire_id}"


def _get(client, url, user):
    _token, raw = token_create(user=user)
    return client.get(url, headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def questionnaire(home_start, partner):
    q = import_questionnaire(
        activity=home_start,
        file=SimpleUploadedFile("x.xlsx", example_workbook()),
        user=partner,
        moment="voormeting",
        opens_on=datetime.date(2026, 3, 1),
        closes_on=datetime.date(2026, 3, 31),
    )
    QuestionnaireVersion.objects.create(
        questionnaire=q, number=2, questions=example_questions()[:1]
    )
    return q


@pytest.mark.parametrize("who", ["partner", "adviseur", "youth_worker"])
def test_the_definition_for_who_sees_it(request, client, questionnaire, who):
    response = _get(
        client, f"/api/v1/questionnaires/{questionnaire.pk}", request.getfixturevalue(who)
    )
    assert response.status_code == 200
    data = response.json()
    QuestionnaireOut.model_validate(data)
    assert schema_errors(PATH, "get", response) == []
    assert data["title"] == "Hoe nuttig was deze hulp?"
    assert data["moment"] == "voormeting"
    assert (data["opens_on"], data["closes_on"]) == ("2026-03-01", "2026-03-31")
    assert data["version"] == 2
    assert data["activity"] == {"id": questionnaire.activity_id, "name": "Home-Start"}
    (question,) = data["questions"]
    assert question == {k: v for k, v in example_questions()[0].items() if v is not None}
    assert question["anchors"]["max"]["nl"] == "uitstekend, ik heb er veel aan gehad"


def test_the_xlsform_for_who_sees_it(client, questionnaire, youth_worker):
    response = _get(client, f"/api/v1/questionnaires/{questionnaire.pk}/xlsform", youth_worker)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert read_xlsform(response.content).questions == example_questions()[:1]


@pytest.mark.parametrize("suffix", ["", "/xlsform"])
def test_an_outsider_and_an_unknown_id_get_the_same_404(client, questionnaire, outsider, suffix):
    hidden = _get(client, f"/api/v1/questionnaires/{questionnaire.pk}{suffix}", outsider)
    unknown = _get(client, f"/api/v1/questionnaires/{questionnaire.pk + 999}{suffix}", outsider)
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.json() == unknown.json() == {"detail": "Niet gevonden."}
    assert schema_errors(PATH + suffix, "get", hidden) == []


def test_without_a_token_it_is_401(client, questionnaire):
    response = client.get(f"/api/v1/questionnaires/{questionnaire.pk}")
    assert response.status_code == 401


def test_the_xlsform_operation_documents_its_file(client):
    document = client.get("/api/v1/openapi.json").json()
    answer = document["paths"][PATH + "/xlsform"]["get"]["responses"]["200"]
    assert list(answer["content"]) == [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ]
