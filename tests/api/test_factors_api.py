"""GET /api/v1/factors and /api/v1/areas/{code}/factors (factors behind the flagged figures)."""

import pytest

from duiding.accounts.services import token_create
from duiding.api.factors import FactorOut, FlaggedFactorOut
from duiding.frameworks.models import Domain, Factor, Framework
from tests.indicators.benchmark_factories import geography, indicator, obs

pytestmark = pytest.mark.django_db


def _bearer(user) -> dict:
    _token, raw = token_create(user=user)
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def framework():
    return Framework.objects.get(is_default=True)


@pytest.fixture
def flagged(rotterdam, framework):
    """A buurt with two worse figures (flagged), one similar figure (not flagged), and factors of
    the default framework linked to them; previous default links cleared for a clean fixture."""
    geo = geography(rotterdam)
    values = {"slecht": (30.0, 10.0), "ook_slecht": (25.0, 10.0), "gelijk": (10.0, 10.0)}
    made = {}
    for code, (area_value, city_value) in values.items():
        ind = indicator(code, name=code)
        obs(ind, geo["bu"], "2023", area_value)
        obs(ind, geo["gm"], "2023", city_value)
        obs(ind, geo["wk"], "2023", city_value)
        obs(ind, geo["nl"], "2023", city_value)
        made[code] = ind
    Factor.objects.filter(framework=framework).update(rank=None)  # isolate the ordering rules
    domains = list(Domain.objects.filter(pillar__framework=framework))

    def factor(name, rank, n_domains, *codes):
        f = Factor.objects.get(framework=framework, name=name)
        f.rank = rank
        f.save()
        f.domains.set(domains[:n_domains])
        f.indicators.set([made[c] for c in codes])
        return f

    factor("Temperament", 2, 1, "slecht")
    factor("Voeding", None, 3, "ook_slecht")
    factor("Mishandeling", None, 1, "slecht", "ook_slecht")
    factor("Echtscheiding", None, 1, "ook_slecht")
    factor("Criminaliteit", 1, 1, "ook_slecht", "gelijk")
    factor("Taalachterstand", 1, 1, "gelijk")  # only a similar figure: not brought
    return made


def test_factor_api_refuses_anonymous(client):
    assert client.get("/api/v1/factors").status_code == 401
    assert client.get("/api/v1/areas/BU05990110/factors").status_code == 401


def test_factors_list_has_the_default_model(client, partner, framework):
    response = client.get("/api/v1/factors", headers=_bearer(partner))
    assert response.status_code == 200
    data = response.json()
    assert len(data) == framework.factors.count()
    for item in data:
        FactorOut.model_validate(item)
    first = data[0]
    assert first["name"] == "Emotionele en sociale vaardigheden" and first["rank"] == 1
    assert first["is_default"] and not first["confirmed"]
    assert first["life_areas"] == ["Kind/jeugdige"]
    assert {"pillar": "Gezond", "name": "Sociaal-emotionele gezondheid"} in first["domains"]
    ranks = [d["rank"] for d in data]
    known = [r for r in ranks if r is not None]
    assert known == sorted(known) and ranks.index(None) == len(known)  # unknown last


def test_factor_framework_visibility(client, adviseur, partner, outsider, municipality_org):
    own = Framework.objects.create(name="Eigen", slug="eigen", organisation=municipality_org)
    own_factor = Factor.objects.create(framework=own, name="Eigen factor", kind="both", rank=3)
    own_factor.indicators.add(indicator("x1"))
    data = client.get("/api/v1/factors?framework=eigen", headers=_bearer(adviseur)).json()
    assert [(d["name"], d["kind"], d["rank"], d["indicators"]) for d in data] == [
        ("Eigen factor", "both", 3, ["x1"])
    ]
    for user in (outsider, partner):  # not members of the owning organisation
        response = client.get("/api/v1/factors?framework=eigen", headers=_bearer(user))
        assert response.status_code == 404
    response = client.get("/api/v1/factors?framework=nergens", headers=_bearer(adviseur))
    assert response.status_code == 404


def test_area_factors_follow_the_flagged_figures_in_order(client, adviseur, flagged):
    response = client.get("/api/v1/areas/BU05990110/factors", headers=_bearer(adviseur))
    assert response.status_code == 200
    data = response.json()
    for item in data:
        FlaggedFactorOut.model_validate(item)
    assert [(d["name"], d["flagged_indicators"]) for d in data] == [
        ("Criminaliteit", ["ook_slecht"]),  # rank 1; "gelijk" is linked but not flagged
        ("Temperament", ["slecht"]),  # rank 2
        ("Voeding", ["ook_slecht"]),  # no rank, 3 domains
        ("Echtscheiding", ["ook_slecht"]),  # no rank, 1 domain, by name
        ("Mishandeling", ["ook_slecht", "slecht"]),
    ]


def test_area_factors_period_and_unknown_area(client, adviseur, flagged):
    headers = _bearer(adviseur)
    assert client.get("/api/v1/areas/BU05990110/factors?period=2019", headers=headers).json() == []
    data = client.get("/api/v1/areas/BU05990110/factors?period=2023", headers=headers).json()
    assert len(data) == 5
    assert client.get("/api/v1/areas/BU00000000/factors", headers=headers).status_code == 404
    response = client.get("/api/v1/areas/BU05990110/factors?period=gisteren", headers=headers)
    assert response.status_code == 422
