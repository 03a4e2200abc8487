"""The curve spec: the forecast against a hand-computed least-squares fit, when the trend is
drawn at all (the band rule), the legend against the marks, and the sentence against the
verdict."""

from __future__ import annotations

import datetime

import pytest
from django.template.loader import render_to_string

from duiding.core import charts
from duiding.results import calculation as calc
from duiding.results.curve import curve_spec, forecast_status
from duiding.results.curve_text import OUT_OF_RANGE, TOO_FEW, TOO_UNCERTAIN, TREND_OK

# Share via the wijkteam in Feijenoord 2019-2023 (CBS): 765/3720, 840/2200, 290/1820, 325/2320,
# 465/2570, rounded here: a noisy series (20 %, 38 %, 16 %) up to the baseline 2021.
NOISY = [("2019", 20.0), ("2020", 38.0), ("2021", 16.0), ("2022", 14.0), ("2023", 18.0)]
# A smooth one: 24, 22.1, 20 up to the baseline 2021, then 19 and 19.5.
SMOOTH = [("2019", 24.0), ("2020", 22.1), ("2021", 20.0), ("2022", 19.0), ("2023", 19.5)]
TARGET = datetime.date(2026, 1, 1)


def _curve(history, *, baseline, required, direction="higher_is_better", verdict=None, **extra):
    """A curve of indicator "X" (percentages) with baseline period 2021; the verdict computed
    from the latest figure with the real rule unless given."""
    if verdict is None and len(history) and history[-1][0] != "2021":
        period, value = history[-1]
        verdict = calc.progress_verdict(
            baseline_x=2021.0,
            baseline=baseline,
            latest_x=calc.period_to_x(period),
            latest=value,
            target_x=calc.period_to_x(str(extra.get("target_date", TARGET).year)),
            required=required,
            direction=direction,
        )
    return curve_spec(
        name="X",
        history=history,
        baseline_period="2021",
        baseline=baseline,
        required=required,
        target_date=extra.pop("target_date", TARGET),
        direction=direction,
        unit="%",
        verdict=verdict,
        **extra,
    )


def _names(spec):
    return [layer["name"] for layer in spec["layer"]]


def _layer(spec, name):
    return next(layer for layer in spec["layer"] if layer.get("name") == name)


def test_forecast_is_fitted_up_to_the_baseline_and_matches_a_hand_computed_fit():
    # Fitted on 2019..2021 only: mean x = 2020, Sxx = 2, mean y = 66.1/3 = 22.033,
    # Sxy = (-1)(24 - 22.033) + (1)(20 - 22.033) = -4 -> slope -2. At 2023 the old trend
    # expects 22.033 - 6 = 16.033; at 2026: 22.033 - 12 = 10.033. The line from 20 % (2021)
    # to 24 % (2026) is at 21.6 % in 2023: 19.5 % is not on track, but above the old trend.
    curve = _curve(SMOOTH, baseline=20.0, required=24.0, bounds=(0.0, 100.0))
    assert curve["status"] == TREND_OK
    assert curve["forecast"].slope == pytest.approx(-2.0)
    assert [x for x, _y in curve["forecast"].used] == [2019.0, 2020.0, 2021.0]
    by_x = {round(p["x"], 3): p["y"] for p in _layer(curve["spec"], "forecast")["data"]["values"]}
    assert by_x[2021.0] == pytest.approx(20.033, abs=1e-3)
    assert by_x[2026.0] == pytest.approx(10.033, abs=1e-3)
    band = _layer(curve["spec"], "band")["data"]["values"][-1]
    assert band["lower"] < band["y"] < band["upper"]
    assert curve["sentence"] == (
        "Niet op koers: 19,5% in 2023 blijft achter bij de lijn van de basiswaarde naar het doel "
        "(21,6%). In 2023 is het cijfer 19,5%; de trend tot en met 2021 verwachtte 16,0%. De "
        "cijfers liggen boven de verwachte trend: de curve buigt de goede kant op, maar nog niet "
        "genoeg om op koers te liggen. Zet de oude trend door, dan komt X in 2026 op 10,0%; het "
        "doel is 24,0%: de oude trend haalt het doel niet."
    )
    assert curve["spec"]["$schema"] == charts.SCHEMA
    assert _layer(curve["spec"], "target")["data"]["values"][0]["y"] == 24.0
    assert _layer(curve["spec"], "baseline")["data"]["values"][0]["y"] == 20.0
    assert _layer(curve["spec"], "target_label")["mark"]["dy"] < 0  # above: the target is higher
    assert [r["period"] for r in curve["table"]][:5] == ["2019", "2020", "2021", "2022", "2023"]


def test_a_noisy_series_gets_no_band_but_words():
    # Through 20, 38, 16 the 95 % band at 2026 runs far beyond 0-100 %: it would fill the chart.
    curve = _curve(NOISY, baseline=16.0, required=21.0, bounds=(0.0, 100.0))
    fitted, lower, upper = calc.linear_forecast([(2019, 20.0), (2020, 38.0), (2021, 16.0)]).at(
        2026.0
    )
    assert upper - lower > 100
    assert curve["status"] == TOO_UNCERTAIN and curve["forecast"] is None
    assert _names(curve["spec"]) == ["history", "baseline", "target", "target_label"]
    assert (
        "De cijfers tot en met 2021 schommelen te sterk voor een verwachte trend: de 95%-band "
        "zou bij de doeldatum van 0,0% tot 100,0% lopen. Of de curve ombuigt, is daarom niet te "
        "zeggen." in curve["sentence"]
    )
    assert "Zet de oude trend door" not in curve["sentence"]
    assert {"period": "2026", "kind": "trend", "value": "te onzeker"} in curve["table"]
    assert "band" not in [entry["key"] for entry in curve["legend"]]


def test_a_smooth_series_keeps_its_band_narrower_than_the_chart():
    curve = _curve(SMOOTH, baseline=20.0, required=24.0)
    assert curve["status"] == TREND_OK
    band = _layer(curve["spec"], "band")["data"]["values"]
    width = band[-1]["upper"] - band[-1]["lower"]
    shown = [v for _p, v in SMOOTH] + [20.0, 24.0]
    assert 0 < width <= max(shown) - min(shown)
    assert "trend (95%-band" in curve["table"][-2]["kind"]


def test_band_rule_at_its_edge():
    forecast = calc.linear_forecast([(2019, 24.0), (2020, 22.1), (2021, 20.0)])
    fitted, lower, upper = forecast.at(2026.0)
    width = upper - lower
    assert forecast_status(forecast, 2026.0, [fitted, fitted + width]) == TREND_OK
    assert forecast_status(forecast, 2026.0, [fitted, fitted + width * 0.9]) == TOO_UNCERTAIN
    two = calc.linear_forecast([(2020, 10.0), (2021, 12.0)])
    assert forecast_status(two, 2026.0, [0.0, 100.0]) == TOO_FEW
    assert forecast_status(None, 2026.0, [0.0, 100.0]) == TOO_FEW


def test_two_points_are_too_few_for_a_trend():
    curve = _curve([("2020", 10.0), ("2021", 12.0)], baseline=12.0, required=15.0)
    assert curve["status"] == TOO_FEW and curve["forecast"] is None
    assert (
        "te weinig cijfers tot en met de basisperiode 2021 (minstens drie perioden nodig)"
        in (curve["sentence"])
    )
    assert "forecast" not in _names(curve["spec"]) and "band" not in _names(curve["spec"])


def test_legend_matches_the_marks():
    curve = _curve(SMOOTH, baseline=20.0, required=24.0)
    legend = curve["legend"]
    assert [e["key"] for e in legend] == ["band", "forecast", "history", "baseline", "target"]
    for entry in legend:
        mark = _layer(curve["spec"], entry["key"])["mark"]
        assert entry["type"] == mark["type"] and entry["colour"] == mark["color"]
        assert entry["dash"] == " ".join(str(d) for d in mark.get("strokeDash", []))
        assert entry["opacity"] == mark.get("opacity", 1)
    # Five different symbols, not five identical circles; no Vega legend (colour encoding).
    looks = {(e["type"], e["colour"], e["dash"], e["opacity"], e["point"]) for e in legend}
    assert len(looks) == len(legend)
    assert not any("color" in layer["encoding"] for layer in curve["spec"]["layer"])
    html = render_to_string("results/_curve_legend.html", {"curve": curve})
    assert html.count("<svg") == 5
    assert 'stroke-dasharray="6 4"' in html and 'fill-opacity="0.18"' in html
    assert "M15 1 L21 7 L15 13 L9 7 Z" in html  # the target's diamond
    assert "<circle" in html  # the figures: a line with points


def test_axis_is_in_years_with_a_dutch_number_format():
    curve = _curve(
        [("2019H1", 20.0), ("2019H2", 21.0), ("2020H1", 22.0)], baseline=22.0, required=25.0
    )
    x = _layer(curve["spec"], "history")["encoding"]["x"]
    assert x["axis"]["format"] == "d" and 2019.5 in x["axis"]["values"]
    y = _layer(curve["spec"], "history")["encoding"]["y"]
    assert y["axis"]["format"] == ",.1~f" and y["title"] == "%"


SCENARIOS = [
    # (history after the steady rise 10..14 up to 2021, target in 2026, direction)
    ("better and on track", [("2023", 18.0)], 20.0, "higher_is_better"),
    ("not better, not on track", [("2023", 15.5)], 20.0, "higher_is_better"),
    ("on track without turning", [("2023", 15.5)], 16.0, "higher_is_better"),
    ("better, not on track", [("2023", 17.0)], 25.0, "higher_is_better"),
    ("reached", [("2023", 19.0)], 18.0, "higher_is_better"),
    ("lower: on track without turning", [("2023", 15.5)], 16.0, "lower_is_better"),
]


@pytest.mark.parametrize("case,after,required,direction", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_sentence_agrees_with_the_verdict(case, after, required, direction):
    steady = [("2017", 10.0), ("2018", 11.0), ("2019", 12.0), ("2020", 13.0), ("2021", 14.0)]
    if direction == "lower_is_better":
        steady = [(p, 28.0 - v) for p, v in steady]  # 18 .. 14, falling by 1 a year
        after = [("2023", 12.5)]  # above the trend's 12, below the line's 13.2
        required = 12.0
    curve = _curve(steady + after, baseline=14.0, required=required, direction=direction)
    verdict = calc.progress_verdict(
        baseline_x=2021.0,
        baseline=14.0,
        latest_x=2023.0,
        latest=after[-1][1],
        target_x=2026.0,
        required=required,
        direction=direction,
    )
    sentence = curve["sentence"]
    opening = {
        "on_track": "Op koers:",
        "not_on_track": "Niet op koers:",
        "reached": "Het doel van",
    }[verdict]
    assert sentence.startswith(opening)
    if verdict in ("on_track", "reached"):
        assert "niet omgebogen" not in sentence and "moet" not in sentence
        assert "Niet op koers" not in sentence
    else:
        assert "Op koers" not in sentence
        assert "buigt de goede kant op." not in sentence  # only "..., maar nog niet genoeg"
    if "without turning" in case:
        assert "maar die trend ligt zelf al op koers: ombuigen is (nog) niet nodig." in sentence
    expected_verdicts = {
        "better and on track": "on_track",
        "not better, not on track": "not_on_track",
        "on track without turning": "on_track",
        "better, not on track": "not_on_track",
        "reached": "reached",
        "lower: on track without turning": "on_track",
    }
    assert verdict == expected_verdicts[case]


def test_lower_is_better_below_the_trend_turns_the_curve():
    curve = _curve(
        [("2019", 10.0), ("2020", 11.0), ("2021", 12.0), ("2022", 11.0)],
        baseline=12.0,
        required=10.0,
        direction="lower_is_better",
    )
    assert "De cijfers liggen onder de verwachte trend: de curve buigt" in curve["sentence"]


def test_trend_that_reaches_the_target_says_so():
    curve = _curve(
        [("2019", 6.0), ("2020", 8.0), ("2021", 10.0), ("2022", 12.0)],
        baseline=10.0,
        required=15.0,
        target_date=datetime.date(2027, 1, 1),
    )
    assert "op 22,0%; het doel is 15,0%: de oude trend haalt het doel." in curve["sentence"]


def test_one_point_gives_no_trend():
    curve = _curve([("2021", 10.0)], baseline=10.0, required=15.0)
    assert curve["forecast"] is None
    assert "te weinig cijfers" in curve["sentence"]
    assert "forecast" not in _names(curve["spec"])


def test_band_of_a_percentage_stays_between_0_and_100():
    # Falling 6, 4.4, 3.4 % towards 0.7 % at 2023: the band there runs below 0 % unclipped.
    curve = _curve(
        [("2019", 6.0), ("2020", 4.4), ("2021", 3.4)],
        baseline=3.4,
        required=1.0,
        direction="lower_is_better",
        bounds=(0.0, 100.0),
        target_date=datetime.date(2023, 1, 1),
    )
    assert curve["status"] == TREND_OK
    assert curve["forecast"].at(2023.0)[1] < 0
    band = _layer(curve["spec"], "band")["data"]["values"]
    assert min(p["lower"] for p in band) == 0.0
    assert all(0.0 <= p["lower"] <= p["upper"] <= 100.0 for p in band)


def test_a_trend_leaving_the_scale_is_not_drawn():
    # Falling 6, 4, 2.5 % ends at -6.3 % in 2026: no percentage can be that.
    curve = _curve(
        [("2019", 6.0), ("2020", 4.0), ("2021", 2.5)],
        baseline=2.5,
        required=2.0,
        direction="lower_is_better",
        bounds=(0.0, 100.0),
    )
    assert curve["status"] == OUT_OF_RANGE and curve["forecast"] is None
    assert _layer(curve["spec"], "target_label")["mark"]["dy"] > 0  # below the baseline rule
    assert "forecast" not in _names(curve["spec"])
    assert (
        "zou bij de doeldatum op -6,3% uitkomen, buiten wat dit cijfer kan aannemen"
        in (curve["sentence"])
    )
