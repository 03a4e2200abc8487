"""GET /api/v1/programmes/{id}/activities and /prevention-matrix: only for users who see the
programme; the matrix carries the seed activities' cells and package checks."""

import pytest

from duiding.accounts.services import token_create
from duiding.api.activities import ActivityOut, MatrixOut
from tests.activities import conftest as act

# The shared fixtures of the activities tests.
feijenoord = act.feijenoord
figures = act.figures
framework = act.framework
other_programme = act.other_programme
programme = act.programme
results = act.results
seed_activities = act.seed_activities
youth_org = act.youth_org

pytestmark = pytest.mark.django_db


def _get(client, url, user):
    _token, raw = token_create(user=user)
    return client.get(url, headers={"Authorization": f"Bearer {raw}"})


def test_activities_list(client, partner, programme, seed_activities, results):
    response = _get(client, f"/api/v1/programmes/{programme.pk}/activities", partner)
    assert response.status_code == 200
    data = response.json()
    for row in data:
        ActivityOut.model_validate(row)
    home = next(a for a in data if a["name"] == "Home-Start")
    assert home["results"] == [results["start"].pk]
    assert home["factors"][0]["name"] == "Opvoedingsvaardigheden"
    assert home["factors"][0]["effect"] == "versterkt"
    assert home["age_phases"] == ["vroege-kindertijd", "basisschoolleeftijd"]
    assert home["sentence"].startswith("We zetten Home-Start in voor ouders")
    assert [a["name"] for a in data] == sorted(a["name"] for a in data)


def test_prevention_matrix(client, adviseur, programme, seed_activities, results):
    response = _get(client, f"/api/v1/programmes/{programme.pk}/prevention-matrix", adviseur)
    assert response.status_code == 200
    data = response.json()
    MatrixOut.model_validate(data)
    assert data["levels"] == ["universeel", "selectief", "geindiceerd"]
    school = next(r for r in data["rows"] if r["domain"] == "Schoolprestaties")
    assert school["pillar"] == "Kansrijk"
    cells = {c["level"]: (sorted(c["activity_ids"]), c["gap"]) for c in school["cells"]}
    ids = seed_activities
    assert cells == {
        "universeel": ([ids["social"].pk], False),
        "selectief": (sorted([ids["home_start"].pk, ids["youth_work"].pk]), False),
        "geindiceerd": ([], True),
    }
    codes = [c["code"] for c in data["checks"] if not c["ok"]]
    assert codes.count("age_phase") == 2
    assert "factor_not_addressed" in codes
    unserved = next(c for c in data["checks"] if c["code"] == "result_without_activity")
    assert unserved["ids"] == [results["safe"].pk]

    current = _get(
        client, f"/api/v1/programmes/{programme.pk}/prevention-matrix?offer=huidig", adviseur
    ).json()
    school = next(r for r in current["rows"] if r["domain"] == "Schoolprestaties")
    selective = next(c for c in school["cells"] if c["level"] == "selectief")
    assert selective["activity_ids"] == [ids["youth_work"].pk]


@pytest.mark.parametrize("path", ["activities", "prevention-matrix"])
def test_not_visible_is_404(client, outsider, other_programme, programme, seed_activities, path):
    url = f"/api/v1/programmes/{programme.pk}/{path}"
    assert _get(client, url, outsider).status_code == 404
    assert _get(client, url, other_programme.partner_user).status_code == 404
    assert _get(client, "/api/v1/programmes/999999/" + path, outsider).status_code == 404


def test_prevention_matrix_refuses_an_unknown_offer_in_dutch(
    client, adviseur, programme, seed_activities
):
    response = _get(
        client, f"/api/v1/programmes/{programme.pk}/prevention-matrix?offer=alles", adviseur
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "‘offer’" in detail and "'gewenst' of 'huidig'" in detail
