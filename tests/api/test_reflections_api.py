# ruff: noqa: F811 - pytest fixtures imported from cycle_fixtures are used as arguments
"""GET /api/v1/programmes/{id}/reflections, /api/v1/reflections/{id} and /api/v1/actions?owner=me:
the demo's duidingssessies, with permissions (an outsider gets 404 / nothing), the sharing
level for the texts and small live counts suppressed outside the reflection's organisation."""

from __future__ import annotations

import pytest

from duiding.accounts.services import token_create
from duiding.reflections.models import SharingLevel
from tests.reflections.cycle_fixtures import demo, held, upcoming, users  # noqa: F401

pytestmark = pytest.mark.django_db


def _bearer(user) -> dict:
    _token, raw = token_create(user=user)
    return {"Authorization": f"Bearer {raw}"}


def test_programme_reflections(client, held, upcoming, users):
    response = client.get(
        f"/api/v1/programmes/{held.programme_id}/reflections", headers=_bearer(users["partner"])
    )
    assert response.status_code == 200
    data = response.json()
    assert [r["id"] for r in data] == [upcoming.pk, held.pk]  # newest first
    assert data[0]["previous"] == held.pk and data[0]["status"] == "voorbereid"
    assert data[1]["items"] == 5 and data[1]["actions"] == 4


def test_reflection_detail(client, held, users):
    data = client.get(f"/api/v1/reflections/{held.pk}", headers=_bearer(users["adviseur"])).json()
    assert data["title"] == held.title and data["status"] == "afgerond"
    assert data["answers_shared"] is True
    assert len(data["agenda"]) == 5
    first = data["agenda"][0]
    assert first["kind"] == "indicator" and first["snapshot"]["value"] is not None
    assert first["answers"]["recognise"].startswith("Ja")
    recognise = next(q for q in first["live"] if q["kind"] == "herkennen")
    assert recognise["answers"]["value"] == 12
    assert [b["count"]["value"] for b in recognise["bars"]] == [7, 4, 1]
    decisions = [d for item in data["agenda"] for d in item["decisions"]]
    assert sorted(d["choice"] for d in decisions) == ["bijstellen", "stoppen"]
    actions = [a for item in data["agenda"] for a in item["actions"]]
    assert len(actions) == 4 and sum(a["overdue"] for a in actions) == 1
    open_question = next(q for item in data["agenda"] for q in item["live"] if q["kind"] == "open")
    assert len(open_question["open_answers"]) == 3


def test_partner_gets_suppressed_counts(client, held, users):
    data = client.get(f"/api/v1/reflections/{held.pk}", headers=_bearer(users["partner"])).json()
    recognise = next(q for q in data["agenda"][0]["live"] if q["kind"] == "herkennen")
    counts = [b["count"] for b in recognise["bars"]]
    assert counts[0]["value"] == 7
    assert counts[1] == {"value": None, "text": "minder dan 5", "suppressed": True}


def test_open_answers_only_when_shared(client, held, users):
    held.sharing = SharingLevel.OWN
    held.save()
    data = client.get(f"/api/v1/reflections/{held.pk}", headers=_bearer(users["partner"])).json()
    assert data["answers_shared"] is False
    assert all(item["answers"] is None for item in data["agenda"])
    assert all(not q["open_answers"] for item in data["agenda"] for q in item["live"])


def test_my_actions(client, held, users):
    data = client.get("/api/v1/actions?owner=me", headers=_bearer(users["partner"])).json()
    assert len(data) == 2
    assert {a["owner_organisation"]["name"] for a in data} == {"Welzijn Rotterdam Zuid"}
    dates = [a["due_date"] for a in data]
    assert dates == sorted(dates)
    everything = client.get("/api/v1/actions", headers=_bearer(users["partner"])).json()
    assert len(everything) == 4


def test_bad_owner_value(client, held, users):
    response = client.get("/api/v1/actions?owner=iedereen", headers=_bearer(users["partner"]))
    assert response.status_code == 422
    assert "owner" in response.json()["detail"]


def test_outsider_sees_nothing(client, held, users):
    headers = _bearer(users["buitenstaander"])
    assert client.get(f"/api/v1/reflections/{held.pk}", headers=headers).status_code == 404
    url = f"/api/v1/programmes/{held.programme_id}/reflections"
    assert client.get(url, headers=headers).status_code == 404
    assert client.get("/api/v1/actions?owner=me", headers=headers).json() == []
    assert client.get("/api/v1/actions", headers=headers).json() == []
    assert client.get("/api/v1/reflections/999999", headers=headers).status_code == 404


def test_anonymous_is_refused(client, held):
    assert client.get(f"/api/v1/reflections/{held.pk}").status_code == 401
