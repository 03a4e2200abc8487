"""`duiding demo`, step "results": two societal results with real 2021 baselines of Feijenoord,
evaluated with the 2023 figures, visible to the accounthouder in the municipality overview."""

import pytest

from duiding.accounts.models import User
from duiding.demo.services import demo_load
from duiding.demo.steps import PASSWORD_ENV
from duiding.indicators.models import Observation
from duiding.results.models import SocietalResult
from duiding.results.overview import OverviewFilters, municipality_results

pytestmark = pytest.mark.django_db


def _value(code: str, period: str) -> float:
    return Observation.objects.get(
        indicator__code=code, area__code="WK059910", period__code=period, category="",
        is_current=True,
    ).value  # fmt: skip


def test_demo_results_have_real_baselines_and_progress_once(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    report = demo_load(log=lambda line: None)
    assert report.changes["results"] == 2

    results = list(SocietalResult.objects.order_by("pk"))
    assert [r.programme.name for r in results] == ["Wijkprogramma Feijenoord 2025–2026"] * 2
    first, second = results
    assert (first.rule, first.status, first.result_indicators.count()) == ("each", "collega", 2)
    assert second.status == "concept"
    # The first result makes the city's ambition of its domain concrete.
    assert first.ambition is not None
    assert first.ambition.framework_id == first.programme.framework_id
    assert first.ambition.domain == first.domain
    assert second.ambition is None
    wijkteam = first.result_indicators.get(
        indicator__code="AandeelVerwezenDoorGemeentelijkeToegang"
    )
    assert wijkteam.baseline_period == "2021"
    assert float(wijkteam.baseline_value) == pytest.approx(
        _value("AandeelVerwezenDoorGemeentelijkeToegang", "2021"), abs=1e-3
    )
    for result in results:
        evaluation = result.evaluations.get()
        assert evaluation.details["periods"] == ["2021", "2023"]
    youth = second.evaluations.get().details["indicators"][0]
    assert youth["value"] == _value("TotaalJongerenMetJeugdzorgInNatura", "2023")
    # 1.160 -> 1.555 youths while 10 % fewer is wanted
    assert second.evaluations.get().verdict == "not_on_track"

    accounthouder = User.objects.get(username="accounthouder")
    assert list(municipality_results(accounthouder, OverviewFilters())) == results
    outsider = User.objects.get(username="buitenstaander")
    assert list(municipality_results(outsider, OverviewFilters())) == []

    again = demo_load(log=lambda line: None)
    assert again.changes["results"] == 0
    assert SocietalResult.objects.count() == 2
