"""The curve spec: the forecast against a hand-computed least-squares fit, layers, sentence."""

from __future__ import annotations

import datetime

import pytest

from duiding.results.curve import curve_spec

# Share via the wijkteam in Feijenoord 2019-2023 (CBS): 765/3720, 840/2200, 290/1820, 325/2320,
# 465/2570, rounded here to keep the sums readable.
HISTORY = [("2019", 20.0), ("2020", 38.0), ("2021", 16.0), ("2022", 14.0), ("2023", 18.0)]


def _layer(spec, name):
    return next(layer for layer in spec["layer"] if layer.get("name") == name)


def test_forecast_matches_a_hand_computed_fit():
    # x = 2019..2023, mean x = 2021, Sxx = 4+1+0+1+4 = 10; mean y = 106/5 = 21.2
    # Sxy = (-2)(-1.2) + (-1)(16.8) + 0 + (1)(-7.2) + (2)(-3.2) = 2.4 - 16.8 - 7.2 - 6.4 = -28
    # slope = -2.8; at 2026: 21.2 + (-2.8)(5) = 7.2
    curve = curve_spec(
        name="Trajecten via het wijkteam",
        history=HISTORY,
        baseline_period="2021",
        baseline=16.0,
        required=21.0,
        target_date=datetime.date(2026, 1, 1),
        direction="higher_is_better",
        unit="%",
    )
    assert curve["forecast"].slope == pytest.approx(-2.8)
    forecast = _layer(curve["spec"], "forecast")["data"]["values"]
    by_x = {round(p["x"], 3): p["y"] for p in forecast}
    assert by_x[2021.0] == pytest.approx(21.2)
    assert by_x[2026.0] == pytest.approx(7.2)
    band = _layer(curve["spec"], "band")["data"]["values"][-1]
    assert band["lower"] < band["y"] < band["upper"]
    assert curve["sentence"] == (
        "Bij de huidige trend komt Trajecten via het wijkteam in 2026 op 7,2%; het doel is "
        "21,0%: de trend moet worden omgebogen."
    )
    assert curve["spec"]["$schema"].endswith("vega-lite/v5.json")
    assert _layer(curve["spec"], "target")["data"]["values"][0]["y"] == 21.0
    assert _layer(curve["spec"], "baseline")["data"]["values"][0]["y"] == 16.0
    assert [r["period"] for r in curve["table"]][:5] == ["2019", "2020", "2021", "2022", "2023"]


def test_trend_that_reaches_the_target_says_so():
    curve = curve_spec(
        name="X",
        history=[("2021", 10.0), ("2022", 12.0), ("2023", 14.0)],
        baseline_period="2021",
        baseline=10.0,
        required=15.0,
        target_date=datetime.date(2025, 1, 1),
        direction="higher_is_better",
        unit="%",
    )
    assert curve["sentence"].endswith("de trend haalt het doel.")
    assert "op 18,0%" in curve["sentence"]


def test_one_point_gives_no_trend():
    curve = curve_spec(
        name="X",
        history=[("2021", 10.0)],
        baseline_period="2021",
        baseline=10.0,
        required=15.0,
        target_date=datetime.date(2025, 1, 1),
        direction="higher_is_better",
    )
    assert curve["forecast"] is None
    assert "te weinig cijfers" in curve["sentence"]
    assert not [layer for layer in curve["spec"]["layer"] if layer["name"] == "forecast"]


def test_band_of_a_percentage_stays_between_0_and_100():
    # The same history's band at 2026 runs below 0 % unclipped (fitted 7.2, wide residuals).
    curve = curve_spec(
        name="Trajecten via het wijkteam",
        history=HISTORY,
        baseline_period="2021",
        baseline=16.0,
        required=21.0,
        target_date=datetime.date(2026, 1, 1),
        direction="higher_is_better",
        unit="%",
        bounds=(0.0, 100.0),
    )
    unclipped = curve["forecast"].at(2026.0)[1]
    assert unclipped < 0
    band = _layer(curve["spec"], "band")["data"]["values"]
    assert min(p["lower"] for p in band) == 0.0
    assert all(0.0 <= p["lower"] <= p["upper"] <= 100.0 for p in band)
