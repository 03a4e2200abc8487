"""GET /api/v1/activities/{id}/outcome: aggregates only, always suppressed (also for the
activity's own partner), 404 outside the caller's programmes, 401 without a token."""

from __future__ import annotations

import pytest

from duiding.accounts.services import token_create
from duiding.api.outcomes_outcome import ActivityOutcomeOut
from tests.outcomes.page_fixtures import *  # noqa: E402, F403

pytestmark = pytest.mark.django_db


def _get(client, activity_id, user=None):
    headers = {}
    if user is not None:
        _token, raw = token_create(user=user)
        headers = {"Authorization": f"Bearer {raw}"}
    return client.get(f"/api/v1/activities/{activity_id}/outcome", headers=headers)


def _counts(node):
    """Every count object in the answer."""
    if isinstance(node, dict):
        if set(node) == {"value", "shown", "text"}:
            yield node
        for value in node.values():
            yield from _counts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _counts(value)


@pytest.mark.parametrize("who", ["partner", "adviseur"])
def test_outcome_is_always_suppressed(client, outcome, who, request):
    response = _get(client, outcome["activity"].pk, request.getfixturevalue(who))
    assert response.status_code == 200
    body = response.json()
    ActivityOutcomeOut.model_validate(body)
    assert body["suppressed"] is True
    nut = next(m for m in body["measures"] if m["key"] == "nut")
    pre = nut["moments"][0]
    assert pre["moment"] == "Voormeting" and pre["n"]["value"] == 40
    four = next(v for v in pre["distribution"] if v["value"] == "4")
    assert four["count"] == {"value": None, "shown": False, "text": "minder dan 5"}
    assert not [c for c in _counts(body) if c["value"] in (1, 2, 3, 4)]
    assert "Heel fijn!" not in response.content.decode()
    waarom = next(m for m in body["measures"] if m["key"] == "waarom")
    assert waarom["moments"][0]["open_answers"] == []
    assert body["dropout"]["reasons"][2]["count"]["text"] == "minder dan 5"
    assert body["reach"]["planned"] == 30 and body["reach"]["reached"]["value"] == 28
    assert {p["measure"] for p in body["plans"]} == {"tevredenheid", "doelrealisatie"}
    assert body["pairs"][0]["pairs"]["value"] == 30


def test_outcome_404_for_other_municipality(client, outcome, outsider):
    assert _get(client, outcome["activity"].pk, outsider).status_code == 404
    assert _get(client, 999999, outsider).status_code == 404


def test_outcome_needs_authentication(client, outcome):
    assert _get(client, outcome["activity"].pk).status_code == 401
