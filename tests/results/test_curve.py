"""The curve spec: the forecast against a hand-computed least-squares fit, layers, sentence."""

from __future__ import annotations

import datetime

import pytest

from duiding.results.curve import curve_spec

# Share via the wijkteam in Feijenoord 2019-2023 (CBS): 765/3720, 840/2200, 290/1820, 325/2320,
# 465/2570, rounded here to keep the sums readable.
HISTORY = [("2019", 20.0), ("2020", 38.0), ("2021", 16.0), ("2022", 14.0), ("2023", 18.0)]


def _x_curve(history, *, baseline, required, direction="higher_is_better", **extra):
    """A curve of indicator "X" (percentages) with baseline period 2021 and target date 2025."""
    return curve_spec(
        name="X",
        history=history,
        baseline_period="2021",
        baseline=baseline,
        required=required,
        target_date=datetime.date(2025, 1, 1),
        direction=direction,
        unit="%",
        **extra,
    )


def _layer(spec, name):
    return next(layer for layer in spec["layer"] if layer.get("name") == name)


def test_forecast_is_fitted_up_to_the_baseline_and_matches_a_hand_computed_fit():
    # Fitted on 2019..2021 only (the baseline period 2021 included): mean x = 2020, Sxx = 2,
    # mean y = 74/3 = 24.667, Sxy = (-1)(20 - 24.667) + (1)(16 - 24.667) = -4 -> slope -2.
    # At 2023 the old trend expects 24.667 - 6 = 18.667; at 2026: 24.667 - 12 = 12.667.
    curve = curve_spec(
        name="Trajecten via het wijkteam",
        history=HISTORY,
        baseline_period="2021",
        baseline=16.0,
        required=21.0,
        target_date=datetime.date(2026, 1, 1),
        direction="higher_is_better",
        unit="%",
        verdict="on_track",
    )
    assert curve["forecast"].slope == pytest.approx(-2.0)
    assert [x for x, _y in curve["forecast"].used] == [2019.0, 2020.0, 2021.0]
    forecast = _layer(curve["spec"], "forecast")["data"]["values"]
    by_x = {round(p["x"], 3): p["y"] for p in forecast}
    assert by_x[2021.0] == pytest.approx(22.667, abs=1e-3)
    assert by_x[2026.0] == pytest.approx(12.667, abs=1e-3)
    band = _layer(curve["spec"], "band")["data"]["values"][-1]
    assert band["lower"] < band["y"] < band["upper"]
    # 2023: 18.0 is below the expected 18.7, so the curve did not turn; the line from 16 % (2021)
    # to 21 % (2026) is at 18.0 in 2023, so the figures are on track (the verdict's numbers).
    assert curve["sentence"] == (
        "In 2023 is het cijfer 18,0%; de trend tot en met 2021 verwachtte 18,7%. De cijfers "
        "liggen niet boven de verwachte trend: de curve is nog niet omgebogen. Zet de oude trend "
        "door, dan komt "
        "Trajecten via het wijkteam in 2026 op 12,7%; het doel is 21,0%: de oude trend haalt het "
        "doel niet. Op koers: 18,0% in 2023 ligt op of voorbij de lijn van de basiswaarde naar "
        "het doel (18,0%)."
    )
    assert "moet" not in curve["sentence"]
    assert curve["spec"]["$schema"].endswith("vega-lite/v5.json")
    assert _layer(curve["spec"], "target")["data"]["values"][0]["y"] == 21.0
    assert _layer(curve["spec"], "baseline")["data"]["values"][0]["y"] == 16.0
    assert [r["period"] for r in curve["table"]][:5] == ["2019", "2020", "2021", "2022", "2023"]


def test_legend_names_every_layer_with_one_colour_scale():
    curve = curve_spec(
        name="X",
        history=HISTORY,
        baseline_period="2021",
        baseline=16.0,
        required=21.0,
        target_date=datetime.date(2026, 1, 1),
        direction="higher_is_better",
    )
    colours = [
        layer["encoding"]["color"]
        for layer in curve["spec"]["layer"]
        if "color" in layer["encoding"]
    ]
    assert [c["datum"] for c in colours] == [
        "bandbreedte (95%)",
        "trend tot en met de basisperiode",
        "cijfers",
        "basiswaarde",
        "doel",
    ]
    assert all(c["scale"]["domain"] == [c2["datum"] for c2 in colours] for c in colours)
    assert colours[0]["legend"]["orient"] == "bottom"


def test_figures_above_the_old_trend_turn_the_curve():
    # Falling 30 -> 28 -> 26 up to the baseline 2021 (slope -2); 2023 at 29 is above the 22
    # the old trend expected: the curve turns the good way. Not on track to 40 in 2025 though.
    curve = _x_curve(
        [("2019", 30.0), ("2020", 28.0), ("2021", 26.0), ("2023", 29.0)],
        baseline=26.0,
        required=40.0,
        verdict="not_on_track",
    )
    sentence = curve["sentence"]
    assert (
        "De cijfers liggen boven de verwachte trend: de curve buigt de goede kant op." in sentence
    )
    assert "de oude trend haalt het doel niet" in sentence
    assert "Niet op koers: 29,0% in 2023 blijft achter bij de lijn" in sentence
    assert "(33,0%)" in sentence  # 26 + (40 - 26) x 2/4


def test_lower_is_better_below_the_trend_turns_the_curve():
    curve = _x_curve(
        [("2019", 10.0), ("2020", 11.0), ("2021", 12.0), ("2022", 11.0)],
        baseline=12.0,
        required=10.0,
        direction="lower_is_better",
        verdict="on_track",
    )
    assert "De cijfers liggen onder de verwachte trend: de curve buigt" in curve["sentence"]


def test_two_points_say_the_band_is_unknown():
    curve = _x_curve([("2020", 10.0), ("2021", 12.0)], baseline=12.0, required=15.0)
    assert "Bandbreedte onbekend (te weinig cijfers)." in curve["sentence"]
    assert "bandbreedte onbekend" in curve["table"][-2]["kind"]
    assert "Er zijn nog geen cijfers na de basisperiode 2021." in curve["sentence"]


def test_trend_that_reaches_the_target_says_so():
    curve = _x_curve(
        [("2019", 6.0), ("2020", 8.0), ("2021", 10.0), ("2022", 12.0)],
        baseline=10.0,
        required=15.0,
        verdict="on_track",
    )
    assert "op 18,0%; het doel is 15,0%: de oude trend haalt het doel." in curve["sentence"]


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
