"""area_benchmark and friends on a real database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duiding.areas.models import Area
from duiding.indicators.benchmark import rules
from duiding.indicators.selectors import (
    area_benchmark,
    area_benchmark_for_code,
    available_periods,
    choose_observation,
    observation_detail,
    visible_observations,
)
from tests.indicators.benchmark_factories import dataset, geography, indicator, obs


@pytest.fixture
def geo(rotterdam):
    return geography(rotterdam)


def test_area_benchmark_buurt_compares_with_wijk_gemeente_and_country(geo, adviseur):
    jz = indicator("jz", name="Jongeren met jeugdzorg")
    for area, value in [("bu", 20.0), ("wk", 15.0), ("gm", 12.0), ("nl", 10.0)]:
        obs(jz, geo[area], "2023", value)
    result = area_benchmark(user=adviseur, area=geo["bu"])
    assert result.area.level_label == "wijk"
    assert [(c.role, c.area.code) for c in result.comparison_areas] == [
        ("parent", "WK059901"),
        ("municipality", "GM0599"),
        ("country", "NL01"),
    ]
    row = result.rows[0]
    assert row.value.value == 20.0
    assert row.value.provenance.file == "Jeugdzorg_wijken.csv"
    assert row.value.provenance.dataset_code == "85685NED"
    by_role = {c.role: c for c in row.comparisons}
    assert by_role["parent"].value.value == 15.0
    assert by_role["municipality"].difference == pytest.approx(8.0)
    assert by_role["municipality"].relative_pct == pytest.approx(100 * 8 / 12)
    assert by_role["country"].flag.result == rules.WORSE
    assert row.flag is by_role["municipality"].flag
    # 20 against 15 differs by 33 %: the seed says compare the wijk with the city.
    assert row.suggestion.choice == rules.COMPARE_WIJK_CITY
    assert "de wijk" in row.suggestion.text and "Rotterdam" in row.suggestion.text


def test_area_benchmark_wijk_has_gemeente_and_country_only(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["wk"], "2023", 15.0)
    obs(jz, geo["gm"], "2023", 15.5)
    result = area_benchmark(user=adviseur, area=geo["wk"])
    assert [c.role for c in result.comparison_areas] == ["municipality", "country"]
    row = result.rows[0]
    assert row.comparisons[0].flag.result == rules.SIMILAR
    assert row.comparisons[1].value is None
    assert row.comparisons[1].flag.result == rules.NONE
    assert row.suggestion.text == "Vergelijk het gebied met Rotterdam."


def test_area_benchmark_latest_period_with_a_figure(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2021", 10.0)
    obs(jz, geo["bu"], "2022", 11.0)
    obs(jz, geo["bu"], "2023", None)  # suppressed: not a figure
    obs(jz, geo["gm"], "2022", 9.0)
    obs(jz, geo["gm"], "2023", 9.5)
    row = area_benchmark(user=adviseur, area=geo["bu"]).rows[0]
    assert row.value.period.code == "2022"
    assert row.comparisons[1].value.value == 9.0  # the gemeente in the same period
    series = {s.role: [p.period_code for p in s.points] for s in row.series}
    assert series["area"] == ["2021", "2022", "2023"]
    assert series["municipality"] == ["2022", "2023"]
    assert row.series[0].points[-1].status == "suppressed"
    assert row.series[0].points[-1].value is None


def test_area_benchmark_year_falls_back_to_latest_half_year(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2021H1", 10.0)
    obs(jz, geo["bu"], "2021H2", 11.0)
    obs(jz, geo["bu"], "2022", 12.0)
    assert area_benchmark(user=adviseur, area=geo["bu"], period="2021").rows[0].value.value == 11.0
    exact = area_benchmark(user=adviseur, area=geo["bu"], period="2021H1")
    assert exact.rows[0].value.value == 10.0
    assert exact.period == "2021H1"
    assert area_benchmark(user=adviseur, area=geo["bu"], period="2019").rows == []


def test_area_benchmark_year_prefers_the_year_over_its_halves(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2021", 10.5)
    obs(jz, geo["bu"], "2021H2", 11.0)
    assert area_benchmark(user=adviseur, area=geo["bu"], period="2021").rows[0].value.value == 10.5
    # Latest: the year and its second half end on the same day; the year wins.
    assert area_benchmark(user=adviseur, area=geo["bu"]).rows[0].value.value == 10.5


def test_area_benchmark_skips_categories_and_old_versions(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2023", 30.0, category="Huisarts")
    obs(jz, geo["bu"], "2023", 8.0, is_current=False)
    obs(jz, geo["bu"], "2023", 9.0)
    rows = area_benchmark(user=adviseur, area=geo["bu"]).rows
    assert len(rows) == 1 and rows[0].value.value == 9.0


def test_area_benchmark_counts_are_not_flagged(geo, adviseur):
    n = indicator("n", unit_kind="count")
    obs(n, geo["bu"], "2023", 500.0)
    obs(n, geo["gm"], "2023", 50000.0)
    row = area_benchmark(user=adviseur, area=geo["bu"]).rows[0]
    assert all(c.flag.result == rules.NONE for c in row.comparisons)
    # no difference of a count against areas of another size (was "verschil −49.500")
    assert [c.difference for c in row.comparisons] == [None] * len(row.comparisons)


def test_area_benchmark_adds_a_chosen_area_of_the_same_level_with_count_differences(geo, adviseur):
    n = indicator("n", unit_kind="count")
    pct = indicator("pct")
    other = Area.objects.create(
        code="BU99990002",
        name="Andere buurt",
        level=geo["bu"].level,
        parent=geo["bu"].parent,
        municipality=geo["bu"].municipality,
    )
    obs(n, geo["bu"], "2023", 500.0)
    obs(n, other, "2023", 420.0)
    obs(n, geo["gm"], "2023", 50000.0)
    obs(pct, geo["bu"], "2023", 12.0)
    obs(pct, other, "2023", 10.0)
    plain = area_benchmark(user=adviseur, area=geo["bu"])
    assert "chosen" not in [c.role for c in plain.comparison_areas]
    result = area_benchmark(user=adviseur, area=geo["bu"], compare_with=other)
    assert [c.role for c in result.comparison_areas][0] == "chosen"
    rows = result.by_code()
    chosen = rows["n"].comparisons[0]
    assert chosen.area.code == "BU99990002" and chosen.difference == pytest.approx(80.0)
    municipality = next(c for c in rows["n"].comparisons if c.role == "municipality")
    assert municipality.difference is None
    assert rows["pct"].comparisons[0].difference == pytest.approx(2.0)
    assert rows["pct"].comparisons[0].flag.result == rules.WORSE  # lower is better


def test_area_benchmark_uses_numerators_for_significance(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2023", 12.0, numerator=24, denominator=200)
    obs(jz, geo["gm"], "2023", 10.0, numerator=10000, denominator=100000)
    row = area_benchmark(user=adviseur, area=geo["bu"]).rows[0]
    flag = row.comparisons[1].flag
    assert flag.tested and flag.result == rules.SIMILAR


def test_area_benchmark_hides_other_organisations_data(geo, adviseur, outsider, municipality_org):
    own = indicator("eigen")
    obs(own, geo["bu"], "2023", 5.0, dataset=dataset("EIGEN", organisation=municipality_org))
    assert len(area_benchmark(user=adviseur, area=geo["bu"]).rows) == 1
    assert area_benchmark(user=outsider, area=geo["bu"]).rows == []
    assert not visible_observations(outsider).exists()
    assert visible_observations(adviseur).count() == 1


def test_area_benchmark_query_count_is_constant(geo, adviseur):
    def count_queries():
        counts = []
        for with_series in (True, False):
            with CaptureQueriesContext(connection) as ctx:
                area_benchmark(user=adviseur, area=geo["bu"], with_series=with_series)
            counts.append(len(ctx.captured_queries))
        return counts

    first = indicator("i0")
    for area in geo.values():
        obs(first, area, "2023", 10.0)
    few = count_queries()
    for i in range(1, 8):
        ind = indicator(f"i{i}")
        for area in geo.values():
            for year in ("2022", "2023"):
                obs(ind, area, year, 10.0 + i)
    assert count_queries() == few
    assert few == [6, 3]


def test_available_periods_lists_the_areas_periods(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2022", 1.0)
    obs(jz, geo["bu"], "2021H1", 1.0)
    obs(jz, geo["gm"], "2020", 1.0)
    assert [p.code for p in available_periods(geo["bu"])] == ["2021H1", "2022"]


def test_observation_detail_gives_provenance_and_history(geo, adviseur, outsider, municipality_org):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2023", 8.0, is_current=False)
    current = obs(jz, geo["bu"], "2023", 9.0, source_row=44)
    detail = observation_detail(adviseur, current.pk)
    assert detail.value.provenance.row == 44
    assert [h[1] for h in detail.history] == [8.0]
    hidden = obs(jz, geo["wk"], "2023", 1.0, dataset=dataset("X", organisation=municipality_org))
    assert observation_detail(outsider, hidden.pk) is None


def test_choose_observation_prefers_figures():
    def row(code, kind, year, start, end, status="ok"):
        from datetime import date

        return {
            "period__code": code,
            "period__kind": kind,
            "period__year": year,
            "period__start": date.fromisoformat(start),
            "period__end": date.fromisoformat(end),
            "status": status,
        }

    rows = [
        row("2022", "year", 2022, "2022-01-01", "2022-12-31"),
        row("2023H1", "half", 2023, "2023-01-01", "2023-06-30", status="suppressed"),
    ]
    assert choose_observation(rows, None)["period__code"] == "2022"
    assert choose_observation(rows, "2023")["period__code"] == "2023H1"
    assert choose_observation(rows, "2024") is None


@pytest.mark.parametrize("period", [None, "2021", "2021H1", "2021H2", "2022", "2019"])
def test_area_benchmark_sql_and_python_period_rules_agree(geo, adviseur, period):
    """Without series the period rule runs in SQL, with series in Python: same figures."""
    cases = {
        "year_and_halves": [("2021", 10.0), ("2021H1", 11.0), ("2021H2", 12.0), ("2022", 13.0)],
        "halves_only": [("2021H1", 1.0), ("2021H2", None), ("2022H1", 2.0)],
        "suppressed_year": [("2021", None), ("2021H2", 5.0), ("2022", None)],
        "quarter": [("2021Q1", 3.0), ("2021Q3", 4.0)],
    }
    for code, values in cases.items():
        ind = indicator(code)
        for period_code, value in values:
            obs(ind, geo["bu"], period_code, value)
            obs(ind, geo["gm"], period_code, (value or 0) + 1)
    fast = area_benchmark(user=adviseur, area=geo["bu"], period=period, with_series=False)
    full = area_benchmark(user=adviseur, area=geo["bu"], period=period, with_series=True)

    def shape(result):
        return [
            (
                r.indicator.code,
                r.value.pk,
                r.value.period.code,
                [(c.role, c.value.pk if c.value else None, c.flag.result) for c in r.comparisons],
                r.value.provenance.row,
            )
            for r in result.rows
        ]

    assert shape(fast) == shape(full)
    assert all(not r.series for r in fast.rows)
    assert all(r.series for r in full.rows)
    if period is None:
        chosen = {r.indicator.code: r.value.period.code for r in fast.rows}
        assert chosen == {
            "year_and_halves": "2022",
            "halves_only": "2022H1",
            "suppressed_year": "2021H2",
            "quarter": "2021Q3",
        }


def test_available_periods_leave_out_hidden_figures(geo, adviseur, outsider, municipality_org):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2022", 1.0)
    obs(jz, geo["bu"], "2023", 2.0, dataset=dataset("EIGEN", organisation=municipality_org))
    assert [p.code for p in available_periods(geo["bu"], user=adviseur)] == ["2022", "2023"]
    assert [p.code for p in available_periods(geo["bu"], user=outsider)] == ["2022"]


def test_area_benchmark_for_code_reads_the_area_in_the_same_query(geo, adviseur):
    jz = indicator("jz")
    obs(jz, geo["bu"], "2023", 20.0)
    obs(jz, geo["gm"], "2023", 12.0)
    with CaptureQueriesContext(connection) as ctx:
        result = area_benchmark_for_code(user=adviseur, code=" bu05990110 ")
    assert len(ctx.captured_queries) == 3
    assert result.area.code == "BU05990110"
    assert [c.area.code for c in result.comparison_areas] == ["WK059901", "GM0599", "NL01"]
    assert result.rows[0].comparisons[1].value.value == 12.0
    assert area_benchmark_for_code(user=adviseur, code="BU99999999") is None


def test_area_benchmark_shows_nothing_to_anonymous_visitors(geo):
    from django.contrib.auth.models import AnonymousUser

    obs(indicator("jz"), geo["bu"], "2023", 20.0)
    result = area_benchmark(user=AnonymousUser(), area=geo["bu"])
    assert result.rows == []
    assert result.area.code == "BU05990110"


@pytest.mark.parametrize("with_series", [True, False])
def test_area_benchmark_of_the_country_has_no_comparisons(geo, adviseur, with_series):
    jz = indicator("jz")
    obs(jz, geo["nl"], "2023", 10.0)
    result = area_benchmark(user=adviseur, area=geo["nl"], with_series=with_series)
    assert result.comparison_areas == []
    assert [r.value.value for r in result.rows] == [10.0]
    assert result.rows[0].comparisons == []
    assert result.rows[0].flag.result == "none"


@pytest.mark.parametrize("with_series", [True, False])
def test_area_benchmark_of_a_gemeente_compares_with_the_country(geo, adviseur, with_series):
    jz = indicator("jz")
    obs(jz, geo["gm"], "2023", 12.0)
    obs(jz, geo["nl"], "2023", 10.0)
    result = area_benchmark(user=adviseur, area=geo["gm"], with_series=with_series)
    assert [(c.role, c.area.code) for c in result.comparison_areas] == [("country", "NL01")]
    row = result.rows[0]
    assert row.comparisons[0].relative_pct == pytest.approx(20.0)
    assert row.flag.result == "worse"
    assert row.suggestion.text == "Vergelijk de gemeente met Nederland."
