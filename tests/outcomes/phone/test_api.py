"""POST /api/v1/questionnaires/{code}/responses: public, the same rules as the phone page, every
answer as documented in the published OpenAPI document."""

from __future__ import annotations

import json
import secrets

import pytest

from duiding.outcomes import answer_services
from duiding.outcomes.cards import cards_create
from duiding.outcomes.models import Answer, PairCard, Response
from tests.api.openapi_helpers import schema_errors
from tests.outcomes.phone.conftest import make_questionnaire

pytestmark = pytest.mark.django_db
PATH = "/api/v1/questionnaires/{code}/responses"


def post(client, code: str, body, **headers):
    raw = body if isinstance(body, bytes) else json.dumps(body)
    return client.post(PATH.format(code=code), raw, content_type="application/json", **headers)


def body(**answers) -> dict:
    return {"answers": answers, "submission": secrets.token_urlsafe(24)}


def documented(response, status: int) -> None:
    assert response.status_code == status, response.content
    assert schema_errors(PATH, "post", response) == []


def test_a_response_is_stored_without_an_account(client, questionnaire):
    response = post(client, questionnaire.code, body(nut=8, doel="2", waar=["school"], tip="Top"))
    documented(response, 201)
    assert response.json()["answers"] == 4 and response.json()["version"] == 1
    stored = Response.objects.get()
    assert stored.source == "api" and stored.language == "nl"


def test_bad_answers_are_a_400_with_a_dutch_message_per_question(client, questionnaire):
    response = post(client, questionnaire.code, body(nut=11, onbekend="x"))
    documented(response, 400)
    assert response.json()["errors"] == {
        "nut": "Kies een getal van 1 tot en met 10.",
        "doel": "Deze vraag is verplicht: kies of vul een antwoord in.",
        "onbekend": "Deze vragenlijst heeft geen vraag ‘onbekend’.",
    }
    assert Response.objects.count() == Answer.objects.count() == 0


def test_english_errors_when_asked(client, questionnaire):
    response = post(client, questionnaire.code, {**body(nut=0, doel="1"), "language": "en"})
    documented(response, 400)
    assert response.json()["errors"] == {"nut": "Choose a number from 1 to 10."}


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        (b"{kapot", "__all__"),
        (b"[1, 2]", "__all__"),
        (b'{"submission": "aaaaaaaaaaaaaaaaaaaa"}', "answers"),
        (b'{"answers": {"nut": 5, "doel": "1"}}', "submission"),
        (b'{"answers": {"nut": 5, "doel": "1"}, "submission": "kort"}', "submission"),
        (
            b'{"answers": {"nut": 5, "doel": "1"}, "submission": "aaaaaaaaaaaaaaaaaaaa", "card": 5}',
            "card",
        ),
    ],
)
def test_a_malformed_body_is_a_documented_400(client, questionnaire, raw, key):
    response = post(client, questionnaire.code, raw)
    documented(response, 400)
    assert key in response.json()["errors"]
    assert Response.objects.count() == 0


def test_a_replayed_submission_is_a_409(client, questionnaire):
    first = body(nut=8, doel="2")
    documented(post(client, questionnaire.code, first), 201)
    again = post(client, questionnaire.code, {**first, "answers": {"nut": 1, "doel": "0"}})
    documented(again, 409)
    assert again.json()["detail"] == "Deze antwoorden zijn al ontvangen."
    assert Response.objects.count() == 1


def test_a_card_links_the_answer_and_is_refused_the_second_time(client, questionnaire):
    cards_create(activity=questionnaire.activity, count=1)
    card = PairCard.objects.get()
    documented(post(client, questionnaire.code, {**body(nut=8, doel="2"), "card": card.code}), 201)
    again = post(client, questionnaire.code, {**body(nut=4, doel="1"), "card": card.code})
    documented(again, 409)
    assert Response.objects.get().card == card
    wrong = post(client, questionnaire.code, {**body(nut=4, doel="1"), "card": "ZZZZZZZZ"})
    documented(wrong, 400)
    assert list(wrong.json()["errors"]) == ["card"]


def test_an_unknown_code_is_a_404(client, db):
    documented(post(client, "ONBEKEND", body(nut=8)), 404)


@pytest.mark.parametrize(("opens", "closes", "status"), [(1, 5, 403), (-5, -1, 410)])
def test_a_closed_questionnaire_is_refused(client, seed_activities, opens, closes, status):
    questionnaire = make_questionnaire(seed_activities["home_start"], opens=opens, closes=closes)
    documented(post(client, questionnaire.code, body(nut=8, doel="2")), status)
    assert Response.objects.count() == 0


def test_the_rate_limit_is_a_429(client, questionnaire, settings, monkeypatch):
    settings.OUTCOME_RATE_LIMIT_PER_MINUTE = 1
    monkeypatch.setattr(answer_services, "_now", lambda: 1_200_000.0)
    documented(post(client, questionnaire.code, body(nut=8, doel="2")), 201)
    documented(post(client, questionnaire.code, body(nut=8, doel="2")), 429)
    assert Response.objects.count() == 1


def test_no_token_or_csrf_is_needed_and_no_address_is_kept(client, questionnaire):
    response = post(
        client,
        questionnaire.code,
        body(nut=8, doel="2"),
        REMOTE_ADDR="198.51.100.9",
        HTTP_USER_AGENT="ProbeAgent/9",
    )
    documented(response, 201)
    stored = Response.objects.values().get()
    assert "198.51.100.9" not in repr(stored) and "ProbeAgent" not in repr(stored)


def test_the_document_describes_the_body_and_the_token(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"][PATH]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["answers", "submission"]
    assert schema["properties"]["submission"]["minLength"] == 16
    assert "security" not in operation or operation["security"] in ([], [{}])
    assert set(operation["responses"]) == {"201", "400", "403", "404", "409", "410", "429"}
