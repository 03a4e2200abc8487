"""The participant endpoints of the live session (/api/v1/live/...): the same rules as the phone
pages; bad input answers in Dutch and stores nothing."""

import json

import pytest

from duiding.reflections.live import services
from duiding.reflections.models import LiveAnswer, Participant
from tests.reflections.live_fixtures import (  # noqa: F401 (fixtures)
    item,
    make_question,
    open_question,
    reader,
    reflection,
    running,
)

# ruff: noqa: F811 (fixtures imported from live_fixtures)

pytestmark = pytest.mark.django_db


def _post(client, path, body, token=None):
    headers = {"HTTP_X_PARTICIPANT": token} if token else {}
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(path, data, content_type="application/json", **headers)


def test_join_look_answer_once(client, open_question, adviseur):
    joined = _post(client, "/api/v1/live/test42/participants", {})
    assert joined.status_code == 201, joined.content
    token = joined.json()["token"]
    current = client.get("/api/v1/live/TEST42/current", HTTP_X_PARTICIPANT=token).json()
    assert current["question"]["id"] == open_question.pk and current["question"]["open"]
    assert current["question"]["options"] == ["ja", "deels", "nee"]
    assert current["answered"] is False and current["results"] is None
    path = "/api/v1/live/TEST42/answers"
    stored = _post(client, path, {"question": open_question.pk, "choice": "ja"}, token)
    assert stored.status_code == 201
    again = _post(client, path, {"question": open_question.pk, "choice": "nee"}, token)
    assert again.status_code == 409 and "al beantwoord" in again.json()["detail"]
    services.set_revealed(open_question, True, adviseur)
    current = client.get("/api/v1/live/TEST42/current", HTTP_X_PARTICIPANT=token).json()
    assert current["answered"] is True
    assert current["results"]["bars"][0] == {
        "value": "ja",
        "label": "Ja",
        "count": 1,
        "percent": 100,
    }
    assert list(LiveAnswer.objects.values_list("choice", flat=True)) == ["ja"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"choice": "misschien"}, 400, "kies een van de mogelijkheden"),
        ({"choice": ["ja", "nee"]}, 400, "geen lijst"),
        ("{kapot", 400, "geen geldig JSON"),
        ({"question": 999999, "choice": "ja"}, 409, "staat niet (meer) open"),
    ],
)
def test_bad_answers_store_nothing(client, open_question, body, status, message):
    token = _post(client, "/api/v1/live/TEST42/participants", {"name": ""}).json()["token"]
    if isinstance(body, dict):
        body = {"question": open_question.pk, **body}
    response = _post(client, "/api/v1/live/TEST42/answers", body, token)
    assert response.status_code == status
    assert message in response.json()["detail"]
    assert LiveAnswer.objects.count() == 0


def test_unknown_code_no_token_and_ended_session(client, open_question, adviseur):
    assert _post(client, "/api/v1/live/NOPE99/participants", {}).status_code == 404
    path = "/api/v1/live/TEST42/answers"
    assert _post(client, path, {"question": open_question.pk, "choice": "ja"}).status_code == 403
    wrong = _post(client, path, {"question": open_question.pk, "choice": "ja"}, "x" * 43)
    assert wrong.status_code == 403
    token = _post(client, "/api/v1/live/TEST42/participants", {}).json()["token"]
    services.end_session(open_question.reflection, adviseur)
    ended = _post(client, path, {"question": open_question.pk, "choice": "ja"}, token)
    assert ended.status_code == 410 and "afgelopen" in ended.json()["detail"]
    assert _post(client, "/api/v1/live/TEST42/participants", {}).status_code == 410
    assert LiveAnswer.objects.count() == 0 and Participant.objects.count() == 1


def test_a_long_name_is_refused(client, running):
    response = _post(client, "/api/v1/live/TEST42/participants", {"name": "x" * 81})
    assert response.status_code == 400 and response.json()["field"] == "name"
    assert Participant.objects.count() == 0
