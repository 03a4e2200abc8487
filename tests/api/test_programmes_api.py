"""GET /api/v1/programmes and /api/v1/programmes/{id}/analysis: the whole analysis as JSON, only
for users who may see the programme."""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.services import token_create
from duiding.api.programmes import AnalysisOut, ProgrammeOut
from duiding.programmes.consultation.services import conversation_create, finding_create
from tests.programmes import conftest as programme_fixtures
from tests.programmes import export_fixtures

pytestmark = pytest.mark.django_db

# The shared fixtures of the workspace and export tests.
figures = programme_fixtures.figures
framework = programme_fixtures.framework
programme = programme_fixtures.programme
feijenoord = programme_fixtures.feijenoord
other_programme = export_fixtures.other_programme
written = export_fixtures.written


def _bearer(user) -> dict:
    _token, raw = token_create(user=user)
    return {"Authorization": f"Bearer {raw}"}


def _analysis(client, programme, user):
    return client.get(f"/api/v1/programmes/{programme.pk}/analysis", headers=_bearer(user))


def test_analysis_has_the_whole_wijkanalyse(client, adviseur, partner_org, written):
    programme = written["programme"]
    conversation = conversation_create(
        programme=programme,
        user=adviseur,
        date=datetime.date(2025, 3, 4),
        participants="Jongerenwerk, school",
        organisations=[partner_org],
    )
    finding_create(
        conversation=conversation,
        user=adviseur,
        statement="Jongeren voelen zich 's avonds onveilig",
        recognition="deels",
        section=programme.sections.get(domain__name="Veilige wijk en schoolomgeving"),
        practice_signals="Vooral bij het metrostation",
    )
    response = _analysis(client, programme, adviseur)
    assert response.status_code == 200
    data = response.json()
    AnalysisOut.model_validate(data)

    assert data["programme"]["name"] == "Wijkprogramma Feijenoord 2025–2026"
    assert data["programme"]["area"] == {"code": "WK059910", "name": "Feijenoord", "level": "wijk"}
    assert data["programme"]["period"] == "2025–2026"
    assert data["programme"]["organisation"]["name"] == "Gemeente Rotterdam"
    assert [p["name"] for p in data["programme"]["partners"]] == ["Welzijn Feijenoord"]
    assert [c["role"] for c in data["comparison_areas"]] == ["municipality", "country"]

    assert [p["name"] for p in data["pillars"]] == ["Kansrijk", "Veilig", "Gezond"]
    veilig = data["pillars"][1]
    assert veilig["section"]["analysis"] == "Veiligheid in de buurt vraagt aandacht."
    domain = next(d for d in veilig["domains"] if d["name"] == "Veilige wijk en schoolomgeving")
    onveilig = next(i for i in domain["indicators"] if i["code"] == "OnveiligBuurt")
    assert onveilig["value"] == 31.0 and onveilig["period"] == "2023"
    assert onveilig["flag"] == "worse" and onveilig["flagged"] is True
    rotterdam = onveilig["comparisons"][0]
    assert (rotterdam["area_code"], rotterdam["value"], rotterdam["difference"]) == (
        "GM0599",
        19.0,
        12.0,
    )
    factors = {f["name"]: f for f in domain["factors"]}
    assert factors["Woonomgeving / slechte buurt"]["flagged_indicators"] == ["OnveiligBuurt"]
    assert factors["Woonomgeving / slechte buurt"]["chosen"] is True
    assert {c["name"] for c in domain["chosen_factors"]} == {
        "Armoede",
        "Woonomgeving / slechte buurt",
    }
    assert domain["striking"] == [
        {
            "indicator_code": "OnveiligBuurt",
            "indicator_name": "Voelt zich vaak onveilig in de buurt",
            "note": "@vooral 's avonds",
        }
    ]
    assert domain["section"]["status"] == "concept"
    kansrijk = data["pillars"][0]["domains"]
    meedoen = next(d for d in kansrijk if d["name"].startswith("Meedoen"))
    assert meedoen["missing"][0]["description"] == "-Sportdeelname per leeftijd"

    assert data["cross_factors"][0] == {
        "id": written["armoede"].pk,
        "name": "Armoede",
        "rank": None,
        "domains": [
            "Meedoen aan sport, cultuur en vrijwilligerswerk",
            "Veilige wijk en schoolomgeving",
        ],
        "domain_count": 2,
    }
    assert len(data["summary"]) == 9
    assert data["overall"]["analysis"] == "Armoede is overkoepelend."
    (talk,) = data["conversations"]
    assert talk["date"] == "2025-03-04" and talk["organisations"] == ["Welzijn Feijenoord"]
    assert talk["findings"][0]["recognition"] == "deels"
    assert talk["findings"][0]["section"] == "Veilig · Veilige wijk en schoolomgeving"
    assert talk["findings"][0]["practice_signals"] == "Vooral bij het metrostation"
    assert isinstance(data["ambitions"], list)


def test_programme_list_shows_only_visible_programmes(
    client, adviseur, partner, outsider, written, other_programme
):
    names = lambda user: {  # noqa: E731
        p["name"] for p in client.get("/api/v1/programmes", headers=_bearer(user)).json()
    }
    assert names(adviseur) == {
        "Wijkprogramma Feijenoord 2025–2026",
        "Wijkprogramma IJsselmonde 2025–2026",
    }
    assert names(partner) == {"Wijkprogramma Feijenoord 2025–2026"}
    assert names(outsider) == set()
    data = client.get("/api/v1/programmes", headers=_bearer(adviseur)).json()
    for item in data:
        ProgrammeOut.model_validate(item)
    feijenoord = next(p for p in data if p["area"]["code"] == "WK059910")
    assert feijenoord["domains_total"] == 9 and feijenoord["domains_written"] == 2


def test_outsider_gets_404(client, outsider, written):
    response = _analysis(client, written["programme"], outsider)
    assert response.status_code == 404


def test_partner_of_another_programme_gets_404(client, partner, written, other_programme):
    assert _analysis(client, written["programme"], partner).status_code == 200
    assert _analysis(client, other_programme, partner).status_code == 404


def test_unknown_programme_is_404(client, adviseur, written):
    response = client.get("/api/v1/programmes/999999/analysis", headers=_bearer(adviseur))
    assert response.status_code == 404


def test_anonymous_gets_401(client, written):
    assert client.get(f"/api/v1/programmes/{written['programme'].pk}/analysis").status_code == 401
    assert client.get("/api/v1/programmes").status_code == 401


def test_session_login_works_too(client_as, adviseur, written):
    response = client_as(adviseur).get(f"/api/v1/programmes/{written['programme'].pk}/analysis")
    assert response.status_code == 200
