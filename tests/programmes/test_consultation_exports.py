# ruff: noqa: F811 -- the shared fixtures are imported by name (tests/programmes/consultation_fixtures.py)
"""The consultation as data: CSV of partner conversations with findings and of comments; the
`consultation` part of GET /api/v1/programmes/{id}/analysis (a reviewer sees only their own
feedback request; an outsider gets 404)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from duiding.accounts.services import token_create
from duiding.api.programmes import AnalysisOut
from duiding.programmes.consultation import services
from tests.programmes.conftest import domain_section
from tests.programmes.consultation_fixtures import (  # noqa: F401
    asked,
    colleague,
    conversation,
)

pytestmark = pytest.mark.django_db


def _csv(client, programme, table: str) -> list[list[str]]:
    response = client.get(reverse("programmes:csv", args=[programme.pk, table]))
    assert response.status_code == 200
    raw = b"".join(response.streaming_content)
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def consulted(programme, adviseur, colleague, asked, conversation):
    school = domain_section(programme, "Schoolprestaties")
    services.finding_create(
        conversation=conversation,
        user=adviseur,
        section=school,
        statement="Veel spijbelen",
        recognition="deels",
        explanation="Vooral in groep 8",
        practice_signals="Ouders werken 's nachts",
    )
    services.comment_create(section=school, author=colleague, text="Noem ook het verzuim.")
    return school


def test_conversations_csv_has_a_row_per_finding(client_as, partner, programme, consulted):
    rows = _csv(client_as(partner), programme, "gesprekken")
    assert rows[0][:2] == ["Datum gesprek", "Wie waren erbij"]
    body = [r for r in rows[1:] if r and r[0] == "2025-03-14"]
    assert len(body) == 1
    row = dict(zip(rows[0], body[0], strict=False))
    assert row["Bevinding uit de analyse"] == "Veel spijbelen"
    assert row["Herkennen de partners dit?"] == "Deels herkend"
    assert row["Analysedeel"] == "Kansrijk · Schoolprestaties"
    assert "Basisschool De Brug" in row["Organisaties"]


def test_comments_csv(client_as, adviseur, outsider, programme, consulted):
    rows = _csv(client_as(adviseur), programme, "opmerkingen")
    row = dict(zip(rows[0], rows[1], strict=False))
    assert row["Opmerking"] == "Noem ook het verzuim." and row["Door"] == "Anna Analist"
    assert row["Verwerkt"] == "nee"
    url = reverse("programmes:csv", args=[programme.pk, "opmerkingen"])
    assert client_as(outsider).get(url).status_code == 404
    html = client_as(adviseur).get(reverse("programmes:downloads", args=[programme.pk]))
    assert reverse("programmes:csv", args=[programme.pk, "gesprekken"]) in html.content.decode()


def _api(client, user, programme):
    _token, raw = token_create(user=user)
    return client.get(
        f"/api/v1/programmes/{programme.pk}/analysis", headers={"Authorization": f"Bearer {raw}"}
    )


def test_api_analysis_holds_the_consultation(
    client, adviseur, colleague, partner, outsider, programme, consulted
):
    data = _api(client, adviseur, programme).json()
    AnalysisOut.model_validate(data)
    requests = data["consultation"]["feedback_requests"]
    assert [(r["reviewer"], r["open"]) for r in requests] == [("Anna Analist", True)]
    comments = data["consultation"]["comments"]
    assert [(c["section"], c["text"], c["handled"]) for c in comments] == [
        ("Kansrijk · Schoolprestaties", "Noem ook het verzuim.", False)
    ]
    assert _api(client, outsider, programme).status_code == 404


def test_api_reviewer_sees_only_their_own_request(
    client, adviseur, colleague, beheerder, programme, consulted
):
    services.feedback_request_create(
        programme=programme, requested_by=adviseur, reviewer=beheerder, message="Ook jij?"
    )
    mine = _api(client, colleague, programme).json()["consultation"]["feedback_requests"]
    assert [r["reviewer"] for r in mine] == ["Anna Analist"]
    everyone = _api(client, adviseur, programme).json()["consultation"]["feedback_requests"]
    assert len(everyone) == 2
