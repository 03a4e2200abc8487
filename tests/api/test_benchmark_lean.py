"""The API's lean benchmark path (`api.benchmark.shown_payload`) against the page's benchmark
(`selectors.area_benchmark`, with series, as /wijk/<code>/ builds it): the same values, flags,
differences and suggestions for the same area and period (issue 10, item 12)."""

import pytest

from duiding.accounts.services import token_create
from duiding.api.benchmark import benchmark_payload, shown_payload
from duiding.indicators import selectors
from tests.indicators.benchmark_factories import dataset, geography, indicator, obs

AREAS = ("bu", "wk", "gm", "nl")


@pytest.fixture
def geo(rotterdam):
    return geography(rotterdam)


@pytest.fixture
def figures(geo, municipality_org):
    """Indicators that reach every branch of the flag and suggestion rules."""
    tested = indicator("jz", name="Jeugdzorg", direction="lower_is_better")
    for area, value, num, den in [
        ("bu", 20.0, 20, 100),  # outside the margin against the gebied, not significant
        ("wk", 15.0, 15, 100),
        ("gm", 12.0, 1200, 10000),  # significant
        ("nl", 10.0, None, 200000),  # numerator derived from the value
    ]:
        obs(tested, geo[area], "2023", value, numerator=num, denominator=den)
        obs(tested, geo[area], "2022", value + 1, numerator=num, denominator=den)
    neutral = indicator("neutraal", name="Alleenstaanden", direction="neutral")
    similar = indicator("gelijk", name="Gelijk", direction="higher_is_better")
    secret = indicator("geheim", name="Geheim cijfer")
    zero = indicator("nul", name="Per duizend", unit_kind="rate_1000", flag_threshold_pct=7.5)
    count = indicator("aantal", name="Aantal jongeren", unit_kind="count")
    half = indicator("half", name="Halfjaar", flag_requires_significance=False)
    for area, values in {
        "bu": (30.0, 10.5, None, 4.0, 42.0),
        "wk": (20.0, 10.0, 9.0, None, 400.0),
        "gm": (25.0, 10.0, 8.0, 0.0, 4000.0),
        "nl": (31.0, 9.0, 8.5, 3.0, None),
    }.items():
        for ind, value in zip((neutral, similar, secret, zero, count), values, strict=True):
            if value is not None or ind in (secret, count):
                kw = {"status": "not_available"} if ind is count and value is None else {}
                if ind is secret and area == "nl":
                    kw = {"status": "suppressed"}  # a stored value that must not be shown
                obs(ind, geo[area], "2023", value, **kw)
        obs(half, geo[area], "2023H1", 50.0 + AREAS.index(area) * 5)
        obs(half, geo[area], "2023H2", None)  # the later half year has no figure
    own_ds = dataset("EIGEN_ROTTERDAM", organisation=municipality_org)
    own = indicator("eigen", name="Bereik eigen aanbod", unit_kind="amount")
    obs(own, geo["bu"], "2023", 42.0, dataset=own_ds)
    obs(own, geo["gm"], "2023", 420.0, dataset=own_ds)


@pytest.mark.parametrize("period", [None, "2023", "2023H1", "2023H2", "2022", "2019"])
@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("who", ["adviseur", "outsider"])
def test_lean_api_path_gives_the_pages_figures_and_flags(request, figures, geo, area, period, who):
    user = request.getfixturevalue(who)
    code = geo[area].code
    page = benchmark_payload(selectors.area_benchmark(user=user, area=geo[area], period=period))
    lean = shown_payload(selectors.area_shown_figures_for_code(user=user, code=code, period=period))
    assert lean == page
    assert lean == benchmark_payload(
        selectors.area_benchmark_for_code(user=user, code=code, period=period)
    )


def test_the_comparison_covers_every_flag_result(adviseur, figures, geo):
    """The fixture is not trivial: the lean path meets every verdict and the shared flags."""
    results, reasons = set(), set()
    for area in AREAS:
        payload = shown_payload(
            selectors.area_shown_figures_for_code(user=adviseur, code=geo[area].code)
        )
        for row in payload["indicators"]:
            for c in row["comparisons"]:
                results.add(c["flag"]["result"])
                reasons.add(c["flag"]["reason"].split(" ")[0])
                if c["flag"]["tested"]:
                    results.add("tested")
    assert results >= {"better", "worse", "similar", "different", "none", "tested"}
    assert len(reasons) >= 6


def test_api_route_uses_the_lean_path(client, adviseur, figures, geo):
    _token, raw = token_create(user=adviseur)
    data = client.get(
        "/api/v1/areas/BU05990110/benchmark?period=2023", headers={"Authorization": f"Bearer {raw}"}
    ).json()
    page = selectors.area_benchmark(user=adviseur, area=geo["bu"], period="2023")
    assert data == benchmark_payload(page)
    assert {r["indicator_code"] for r in data["indicators"]} == {
        r.indicator.code for r in page.rows
    }


def test_unknown_code_has_no_shown_figures(adviseur, figures):
    assert selectors.area_shown_figures_for_code(user=adviseur, code="BU99999999") is None


@pytest.mark.parametrize("who", ["adviseur", "outsider"])
def test_a_hidden_comparison_figure_is_left_out_as_on_the_page(request, geo, municipality_org, who):
    """The area's figure is open data, the gebied's and the gemeente's of the same indicator and
    period are in the municipality's own dataset: an outsider gets those comparisons without a
    value (as on the page), a member with theirs."""
    user = request.getfixturevalue(who)
    mixed = indicator("gemengd", name="Gemengd")
    own_ds = dataset("EIGEN_GEMENGD", organisation=municipality_org)
    obs(mixed, geo["bu"], "2023", 20.0)
    obs(mixed, geo["wk"], "2023", 15.0, dataset=own_ds)
    obs(mixed, geo["gm"], "2023", 12.0, dataset=own_ds)
    obs(mixed, geo["nl"], "2023", 10.0)
    code = geo["bu"].code
    lean = shown_payload(selectors.area_shown_figures_for_code(user=user, code=code))
    assert lean == benchmark_payload(selectors.area_benchmark(user=user, area=geo["bu"]))
    (row,) = [r for r in lean["indicators"] if r["indicator_code"] == "gemengd"]
    values = {c["role"]: c["value"] for c in row["comparisons"]}
    if who == "outsider":
        assert values == {"parent": None, "municipality": None, "country": 10.0}
    else:
        assert values == {"parent": 15.0, "municipality": 12.0, "country": 10.0}
