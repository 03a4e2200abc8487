import pytest
from django.utils import translation

from duiding.core import charts
from duiding.indicators.selectors import area_benchmark

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def _row(user, area, code, period=None):
    return area_benchmark(user=user, area=area, period=period).by_code()[code]


def test_count_trend_shows_the_area_only(adviseur, data):
    trend, summary = charts.trend_data(_row(adviseur, data.feijenoord, data.youth.code))
    assert {v["r"] for v in trend["values"]} == {"area"}
    assert [v["v"] for v in trend["values"]] == [2410, 1415, 1160, 1510, 1555]
    assert summary == "Trend 2019 tot en met 2023. Feijenoord: van 2.410 (2019) naar 1.555 (2023)."


def test_share_trend_has_comparison_lines_on_one_axis(adviseur, data):
    trend, summary = charts.trend_data(_row(adviseur, data.feijenoord, data.share.code))
    assert {v["r"] for v in trend["values"]} == {"area", "municipality", "country"}
    area_xs = [v["x"] for v in trend["values"] if v["r"] == "area"]
    assert area_xs == [2019.0, 2020.0, 2021.0, 2022.0, 2023.0]
    # The legend names the areas in role order, each with its own colour and dash.
    assert trend["encoding"]["color"]["scale"]["domain"] == ["Feijenoord", "Rotterdam", "Nederland"]
    assert len(set(trend["encoding"]["color"]["scale"]["range"])) == 3
    assert trend["encoding"]["x"]["scale"]["domain"] == [2019.0, 2023.0]
    assert trend["periods"] == ["2019", "2020", "2021", "2022", "2023"]
    assert "Rotterdam: van 23,4% (2019) naar 17,5% (2023)" in summary


def test_trend_needs_two_periods(adviseur, data):
    from duiding.indicators.models import Observation

    Observation.objects.filter(area=data.feijenoord, indicator=data.youth).exclude(
        period__code="2023"
    ).delete()
    trend, summary = charts.trend_data(_row(adviseur, data.feijenoord, data.youth.code))
    assert trend is None
    assert summary == "Te weinig perioden met een cijfer voor een trend."
