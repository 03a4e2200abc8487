"""GET /api/v1/indicators, /areas/{code}/observations and /areas/{code}/benchmark."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duiding.accounts.services import token_create
from duiding.api.indicators import BenchmarkOut, ObservationOut
from duiding.frameworks.models import Domain, DomainIndicator, Framework, Pillar
from tests.indicators.benchmark_factories import dataset, geography, indicator, obs


@pytest.fixture
def geo(rotterdam):
    return geography(rotterdam)


@pytest.fixture
def figures(geo, municipality_org):
    """Open CBS figures for a buurt and its comparison areas, plus one figure of the gemeente's own."""
    jz = indicator("jz", name="Jongeren met jeugdzorg", direction="lower_is_better")
    for area, value in [("bu", 20.0), ("wk", 15.0), ("gm", 12.0), ("nl", 10.0)]:
        obs(jz, geo[area], "2022", value - 1)
        obs(jz, geo[area], "2023", value)
    obs(jz, geo["bu"], "2023", 7.0, category="Huisarts", source_category="Huisarts ")
    own_ds = dataset("EIGEN_ROTTERDAM", organisation=municipality_org)
    own = indicator("eigen_bereik", name="Bereik eigen aanbod", unit_kind="count")
    obs(own, geo["bu"], "2023", 42.0, dataset=own_ds, source_file="bereik.xlsx", source_row=3)
    return {"jz": jz, "own": own}


def _bearer(user) -> dict:
    _token, raw = token_create(user=user)
    return {"Authorization": f"Bearer {raw}"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/indicators",
        "/api/v1/areas/BU05990110/observations",
        "/api/v1/areas/BU05990110/benchmark",
    ],
)
def test_indicator_api_refuses_anonymous(client, figures, url):
    assert client.get(url).status_code == 401


def test_indicators_list_has_metadata_domains_and_formula(client, adviseur, figures):
    fw = Framework.objects.create(name="Rotterdam Groeit", slug="rg")
    pillar = Pillar.objects.create(framework=fw, name="Veilig")
    domain = Domain.objects.create(pillar=pillar, name="Veilig opgroeien")
    DomainIndicator.objects.create(domain=domain, indicator=figures["jz"])
    wijkteam = indicator("wt", name="Trajecten via wijkteam", unit_kind="count")
    indicator(
        "aandeel_wt",
        name="Aandeel via wijkteam",
        numerator=wijkteam,
        denominator=figures["jz"],
        multiplier=100,
    )
    data = client.get("/api/v1/indicators", headers=_bearer(adviseur)).json()
    by_code = {i["code"]: i for i in data}
    assert by_code["jz"]["domains"] == ["Veilig opgroeien"]
    assert by_code["jz"]["direction"] == "lower_is_better"
    assert by_code["jz"]["derived"] is None
    assert by_code["aandeel_wt"]["derived"]["formula"] == "wt / jz × 100"
    assert "eigen_bereik" in by_code  # the adviseur is a member of the owning gemeente


def test_indicators_list_hides_other_organisations_indicators(client, outsider, figures):
    figures["own"].organisation = figures["own"].observations.first().dataset.organisation
    figures["own"].save()
    codes = {i["code"] for i in client.get("/api/v1/indicators", headers=_bearer(outsider)).json()}
    assert "jz" in codes and "eigen_bereik" not in codes


def test_observations_have_provenance_and_categories(client, adviseur, figures):
    response = client.get(
        "/api/v1/areas/BU05990110/observations?period=2023&indicator=jz", headers=_bearer(adviseur)
    )
    assert response.status_code == 200
    data = response.json()
    for o in data:  # the response follows the documented schema
        ObservationOut.model_validate(o)
    assert [(o["category"], o["value"]) for o in data] == [("", 20.0), ("Huisarts", 7.0)]
    first = data[0]
    assert first["indicator_name"] == "Jongeren met jeugdzorg"
    assert first["period"]["code"] == "2023"
    assert first["status"] == "ok"
    assert first["provenance"]["dataset"] == "85685NED"
    assert first["provenance"]["file"] == "Jeugdzorg_wijken.csv"
    assert first["provenance"]["row"] == 12
    assert first["provenance"]["column"] == "jz"
    assert data[1]["provenance"]["category"] == "Huisarts "


def test_observations_of_own_organisation_only_for_members(client, adviseur, outsider, figures):
    url = "/api/v1/areas/BU05990110/observations?indicator=eigen_bereik"
    mine = client.get(url, headers=_bearer(adviseur)).json()
    assert [o["value"] for o in mine] == [42.0]
    assert mine[0]["provenance"]["file"] == "bereik.xlsx"
    assert client.get(url, headers=_bearer(outsider)).json() == []
    # The outsider still sees the open CBS figures (2022, 2023 and a category).
    seen = client.get("/api/v1/areas/BU05990110/observations", headers=_bearer(outsider)).json()
    assert [(o["period"]["code"], o["category"]) for o in seen] == [
        ("2022", ""),
        ("2023", ""),
        ("2023", "Huisarts"),
    ]


def test_observations_work_with_the_browser_session(client_as, adviseur, figures):
    response = client_as(adviseur).get("/api/v1/areas/BU05990110/observations?period=2022")
    assert response.status_code == 200
    assert {o["value"] for o in response.json()} == {19.0}


def test_unknown_area_is_404_in_dutch(client, adviseur, figures):
    for url in ["/api/v1/areas/BU99999999/observations", "/api/v1/areas/BU99999999/benchmark"]:
        response = client.get(url, headers=_bearer(adviseur))
        assert response.status_code == 404
        assert response.json()["detail"] == "Onbekend gebied: BU99999999"


def test_unknown_period_is_422_in_dutch(client, adviseur, figures):
    response = client.get(
        "/api/v1/areas/BU05990110/benchmark?period=gisteren", headers=_bearer(adviseur)
    )
    assert response.status_code == 422
    assert "‘period’" in response.json()["detail"]
    assert "2023H1" in response.json()["detail"]


def test_benchmark_has_values_differences_flags_and_suggestion(client, adviseur, figures):
    response = client.get("/api/v1/areas/BU05990110/benchmark", headers=_bearer(adviseur))
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    BenchmarkOut.model_validate(data)  # the response follows the documented schema
    assert data["area"]["level_label"] == "wijk"
    assert [c["role"] for c in data["comparison_areas"]] == ["parent", "municipality", "country"]
    rows = {r["indicator_code"]: r for r in data["indicators"]}
    jz = rows["jz"]
    assert jz["period"]["code"] == "2023"
    assert jz["value"] == 20.0
    comps = {c["role"]: c for c in jz["comparisons"]}
    assert comps["municipality"]["value"] == 12.0
    assert comps["municipality"]["difference"] == pytest.approx(8.0)
    assert comps["municipality"]["relative_pct"] == pytest.approx(66.666666667)
    assert comps["municipality"]["flag"]["result"] == "worse"  # lower is better
    headline = comps["municipality"]["flag"]
    assert jz["flag"] == {
        "result": headline["result"],
        "label": headline["label"],
        "side": "higher",
        "role": "municipality",
    }
    assert jz["suggestion"]["choice"] == "wijk_city"
    # A count is never flagged.
    assert rows["eigen_bereik"]["flag"]["result"] == "none"


def test_benchmark_for_a_period(client, adviseur, figures):
    data = client.get(
        "/api/v1/areas/BU05990110/benchmark?period=2022", headers=_bearer(adviseur)
    ).json()
    assert data["period"] == "2022"
    rows = {r["indicator_code"]: r for r in data["indicators"]}
    assert rows["jz"]["value"] == 19.0
    assert "eigen_bereik" not in rows


def test_benchmark_hides_other_organisations_figures(client, outsider, figures):
    data = client.get("/api/v1/areas/BU05990110/benchmark", headers=_bearer(outsider)).json()
    assert [r["indicator_code"] for r in data["indicators"]] == ["jz"]


def test_openapi_documents_the_indicator_routes(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/indicators" in spec["paths"]
    assert "/api/v1/areas/{code}/benchmark" in spec["paths"]
    assert "BenchmarkOut" in spec["components"]["schemas"]


def test_benchmark_request_costs_three_queries_whatever_the_number_of_indicators(
    client, adviseur, figures, geo
):
    """The token's user (one query, no write within the minute), the context, and the figures
    with their indicators' columns (issue 10, item 12): no query per indicator or per permission
    check, and none for the indicator metadata on its own."""
    headers = _bearer(adviseur)
    url = "/api/v1/areas/BU05990110/benchmark"
    client.get(url, headers=headers)  # first use records last_used_at

    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, headers=headers).status_code == 200
        return [q["sql"] for q in ctx.captured_queries]

    few = queries()
    for i in range(6):
        extra = indicator(f"extra{i}", name=f"Extra {i}")
        for area in ("bu", "wk", "gm", "nl"):
            obs(extra, geo[area], "2023", 10.0 + i)
    many = queries()
    assert len(few) == len(many) == 3
    assert not any(sql.startswith(("UPDATE", "INSERT")) for sql in many)
    assert len(client.get(url, headers=headers).json()["indicators"]) == 8


def test_benchmark_shows_an_indicator_edit_at_once(client, adviseur, figures):
    """The indicator's name, direction and margin are read with the figures on every request:
    an edit is in the next answer (no metadata kept between requests), its flags follow it."""
    headers = _bearer(adviseur)
    url = "/api/v1/areas/BU05990110/benchmark"

    def jz() -> dict:
        rows = client.get(url, headers=headers).json()["indicators"]
        return next(r for r in rows if r["indicator_code"] == "jz")

    before = jz()
    assert before["indicator_name"] == "Jongeren met jeugdzorg"
    assert before["direction"] == "lower_is_better"
    assert {c["flag"]["result"] for c in before["comparisons"]} == {"worse"}
    jz_indicator = figures["jz"]
    jz_indicator.name = "Jeugd met jeugdhulp"
    jz_indicator.direction = "higher_is_better"
    jz_indicator.save()
    after = jz()
    assert after["indicator_name"] == "Jeugd met jeugdhulp"
    assert after["direction"] == "higher_is_better"
    assert {c["flag"]["result"] for c in after["comparisons"]} == {"better"}
    # A margin wider than every difference (20 against 15, 12 and 10): similar everywhere.
    jz_indicator.flag_threshold_pct = 150.0
    jz_indicator.save()
    assert {c["flag"]["result"] for c in jz()["comparisons"]} == {"similar"}
