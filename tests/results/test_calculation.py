"""The pure calculation rules, tested with the worked numbers of seed 003 (Deel 2 step 2)."""

import math

import pytest

from duiding.results.calculation import (
    CalculationError,
    Figure,
    SeriesInput,
    Target,
    check_target,
    evaluate,
    linear_forecast,
    period_to_x,
    progress_verdict,
    required_value,
    target_met,
)

HIGHER = "higher_is_better"
LOWER = "lower_is_better"
PP5 = Target("pp", 5)


def counts(code, before, after, total_before=1000, total_after=1100, direction=HIGHER):
    return SeriesInput(
        code,
        direction,
        {
            "2014": Figure(numerator=before, denominator=total_before),
            "2018": Figure(numerator=after, denominator=total_after),
        },
    )


def shares(code, before, after, direction=HIGHER):
    return SeriesInput(code, direction, {"2014": Figure(before), "2018": Figure(after)})


# Example 1: 1000 youths in 2014 with 600 / 800 / 650 (60 / 80 / 65 %) -> 1100 in 2018 with
# 715 / 935 / 770 (65 / 85 / 70 %): every indicator +5 pp.
EXAMPLE_1 = {
    "indicators": [
        counts("sport", 600, 715),
        counts("niet_roken", 800, 935),
        counts("matig_alcohol", 650, 770),
    ],
    "combination": None,
}
# Example 2: 400 of 1000 (40 %) -> 495 of 1100 (45 %) meet all three conditions at once. The seed
# gives no separate figures, so under "each" and "mean" the combination share is the only
# indicator.
COMBINATION_2 = {
    "2014": Figure(numerator=400, denominator=1000),
    "2018": Figure(numerator=495, denominator=1100),
}
EXAMPLE_2 = {
    "indicators": [counts("alle_drie", 400, 495)],
    "combination": COMBINATION_2,
}
# Example 3: 60 / 80 / 65 % -> 69 / 84 / 67 % (759 / 924 / 737 of 1100).
EXAMPLE_3 = {
    "indicators": [
        shares("sport", 60, 69),
        shares("niet_roken", 80, 84),
        shares("matig_alcohol", 65, 67),
    ],
    "combination": None,
}


def run(example, rule, target=PP5):
    return evaluate(
        rule=rule,
        baseline_period="2014",
        period="2018",
        target=target,
        indicators=example["indicators"],
        combination=example["combination"],
    )


@pytest.mark.parametrize(
    ("example", "rule", "verdict", "indicator_verdicts", "combined"),
    [
        # Seed example 1 under its own rule: 65-60 = 85-80 = 70-65 = +5 >= 5 each -> reached.
        (EXAMPLE_1, "each", "reached", ["reached"] * 3, None),
        # Example 1 under "mean": (60+80+65)/3 = 68.33 -> (65+85+70)/3 = 73.33, +5 -> reached.
        (EXAMPLE_1, "mean", "reached", ["reached"] * 3, (205 / 3, 220 / 3)),
        # Seed example 2 under its own rule: 400/1000 = 40 % -> 495/1100 = 45 %, +5 -> reached.
        (EXAMPLE_2, "combined", "reached", ["reached"], (40.0, 45.0)),
        # Example 2 under "each" (the combination as the only indicator): +5 -> reached.
        (EXAMPLE_2, "each", "reached", ["reached"], None),
        # Example 2 under "mean": the mean of one share is the share: 40 -> 45 -> reached.
        (EXAMPLE_2, "mean", "reached", ["reached"], (40.0, 45.0)),
        # Seed example 3 under its own rule: (60+80+65)/3 = 68.33 -> (69+84+67)/3 = 73.33,
        # +5.0 >= 5 -> reached.
        (
            EXAMPLE_3,
            "mean",
            "reached",
            ["reached", "not_reached", "not_reached"],
            (205 / 3, 220 / 3),
        ),
        # Example 3 under "each": sport 69-60 = +9 (ok), niet roken 84-80 = +4 < 5,
        # matig alcohol 67-65 = +2 < 5 -> not reached.
        (EXAMPLE_3, "each", "not_reached", ["reached", "not_reached", "not_reached"], None),
    ],
)
def test_seed_examples_under_each_rule(example, rule, verdict, indicator_verdicts, combined):
    evaluation = run(example, rule)
    assert evaluation.verdict == verdict
    assert [o.verdict for o in evaluation.indicators] == indicator_verdicts
    if combined is None:
        assert evaluation.combined is None
        assert "combined" not in evaluation.as_dict()
    else:
        assert evaluation.combined.baseline == pytest.approx(combined[0])
        assert evaluation.combined.value == pytest.approx(combined[1])
        assert evaluation.combined.change == pytest.approx(5.0)
        assert evaluation.as_dict()["combined"]["baseline"] == pytest.approx(combined[0])


@pytest.mark.parametrize("example", [EXAMPLE_1, EXAMPLE_3])
def test_combined_without_combination_says_so(example):
    # Examples 1 and 3 have no figure for "all three at once": the rule "combined" cannot judge.
    with pytest.raises(CalculationError) as caught:
        run(example, "combined")
    assert caught.value.field == "combination"
    assert "aandeel meet dat aan alle voorwaarden tegelijk voldoet" in caught.value.message


def test_example_1_percentages_and_answer_shape():
    answer = run(EXAMPLE_1, "each").as_dict()
    assert answer["verdict"] == "reached"
    sport = answer["indicators"][0]
    assert sport["code"] == "sport"
    # 600 / 1000 = 60 %, 715 / 1100 = 65 %.
    assert sport["baseline"] == pytest.approx(60.0)
    assert sport["value"] == pytest.approx(65.0)
    assert sport["change"] == pytest.approx(5.0)
    assert sport["required"] == pytest.approx(65.0)
    assert set(sport) >= {"code", "baseline", "value", "change", "verdict"}


def test_a_smaller_target_changes_example_3_under_each():
    # With +2 pp: +9, +4 and +2 all meet it -> reached.
    assert run(EXAMPLE_3, "each", Target("pp", 2)).verdict == "reached"
    # With +6 pp the mean (+5) falls short -> not reached.
    assert run(EXAMPLE_3, "mean", Target("pp", 6)).verdict == "not_reached"


def test_relative_target():
    # +10 % relative on 60 % -> 66 % required; 65 % is short.
    assert required_value(60, Target("relative", 10), HIGHER) == pytest.approx(66.0)
    evaluation = run(
        {"indicators": [shares("a", 60, 65)], "combination": None}, "each", Target("relative", 10)
    )
    assert evaluation.verdict == "not_reached"
    assert evaluation.indicators[0].required == pytest.approx(66.0)
    # +8 % relative on 60 % -> 64.8 % required; 65 % meets it.
    assert (
        run(
            {"indicators": [shares("a", 60, 65)], "combination": None},
            "each",
            Target("relative", 8),
        ).verdict
        == "reached"
    )


def test_absolute_target():
    assert required_value(60, Target("absolute", 70), HIGHER) == 70
    one = {"indicators": [shares("a", 60, 70)], "combination": None}
    assert run(one, "each", Target("absolute", 70)).verdict == "reached"
    assert run(one, "each", Target("absolute", 71)).verdict == "not_reached"


def test_lower_is_better():
    # Youth care use 12 % -> 10 %, target -2 pp: 12 - 2 = 10 required, 10 <= 10 -> reached.
    care = {"indicators": [shares("jeugdzorg", 12, 10, LOWER)], "combination": None}
    evaluation = run(care, "each", Target("pp", -2))
    assert evaluation.verdict == "reached"
    assert evaluation.indicators[0].change == pytest.approx(-2.0)
    assert run(care, "each", Target("pp", -3)).verdict == "not_reached"
    # Relative -20 % on 12 % -> 9.6 % required; 10 % is not low enough.
    assert run(care, "each", Target("relative", -20)).verdict == "not_reached"
    assert target_met(9.0, 9.6, LOWER) and not target_met(10.0, 9.6, LOWER)


def test_per_indicator_target_overrides_the_common_target():
    item = shares("a", 60, 63)
    item.target = Target("pp", 3)
    evaluation = evaluate(
        rule="each", baseline_period="2014", period="2018", target=PP5, indicators=[item]
    )
    assert evaluation.verdict == "reached"


@pytest.mark.parametrize(
    ("baseline", "target", "direction", "fragment"),
    [
        (60, Target("pp", -5), HIGHER, "verkeerde kant"),
        (12, Target("pp", 2), LOWER, "verkeerde kant"),
        (60, Target("relative", -10), HIGHER, "verkeerde kant"),
        (60, Target("absolute", 50), HIGHER, "onder de basiswaarde"),
        (12, Target("absolute", 15), LOWER, "boven de basiswaarde"),
        (98, Target("pp", 5), HIGHER, "tussen 0 en 100"),
        (60, Target("relative", 80), HIGHER, "tussen 0 en 100"),
        (60, Target("absolute", 120), HIGHER, "tussen 0 en 100"),
        (3, Target("pp", -5), LOWER, "tussen 0 en 100"),
        (60, Target("factor", 2), HIGHER, "soort doel"),
    ],
)
def test_check_target_refuses(baseline, target, direction, fragment):
    with pytest.raises(CalculationError) as caught:
        check_target(baseline, target, direction, "target")
    assert fragment in caught.value.message
    assert caught.value.field.startswith("target")


def test_check_target_accepts_the_right_direction():
    check_target(60, Target("pp", 5), HIGHER)
    check_target(12, Target("pp", -2), LOWER)
    check_target(60, Target("absolute", 60), HIGHER)


def test_evaluate_refuses_a_target_in_the_wrong_direction():
    with pytest.raises(CalculationError) as caught:
        run(EXAMPLE_1, "each", Target("pp", -5))
    assert caught.value.field == "target.value"


@pytest.mark.parametrize(
    ("figure", "field_end", "fragment"),
    [
        (Figure(numerator=5, denominator=0), ".denominator", "noemer is 0"),
        (Figure(value=101), "", "boven 100"),
        (Figure(numerator=1200, denominator=1100), ".numerator", "boven 100"),
        (Figure(value=-1), "", "negatief"),
        (Figure(numerator=-1, denominator=10), "", "negatief"),
        (Figure(), "", "teller en noemer"),
        (Figure(numerator=3), ".denominator", "noemer ontbreekt"),
    ],
)
def test_bad_figures(figure, field_end, fragment):
    with pytest.raises(CalculationError) as caught:
        figure.percentage("indicators.0.series.2014")
    assert fragment in caught.value.message
    assert caught.value.field == "indicators.0.series.2014" + field_end


def test_bad_figure_in_evaluate_names_indicator_and_period():
    bad = SeriesInput(
        "sport", HIGHER, {"2014": Figure(numerator=1, denominator=0), "2018": Figure(50)}
    )
    with pytest.raises(CalculationError) as caught:
        evaluate(rule="each", baseline_period="2014", period="2018", target=PP5, indicators=[bad])
    assert "sport" in caught.value.message and "2014" in caught.value.message
    assert caught.value.field == "indicators.0.series.2014.denominator"


def test_missing_later_period_is_no_data():
    later_missing = SeriesInput("sport", HIGHER, {"2014": Figure(60)})
    evaluation = evaluate(
        rule="each",
        baseline_period="2014",
        period="2018",
        target=PP5,
        indicators=[later_missing, shares("niet_roken", 80, 85)],
    )
    assert [o.verdict for o in evaluation.indicators] == ["no_data", "reached"]
    assert evaluation.verdict == "no_data"
    assert evaluation.indicators[0].required == pytest.approx(65.0)
    # One indicator not reached decides "each" even when another has no figure yet.
    evaluation = evaluate(
        rule="each",
        baseline_period="2014",
        period="2018",
        target=PP5,
        indicators=[later_missing, shares("niet_roken", 80, 82)],
    )
    assert evaluation.verdict == "not_reached"
    # "mean" needs every indicator at both periods.
    evaluation = evaluate(
        rule="mean",
        baseline_period="2014",
        period="2018",
        target=PP5,
        indicators=[later_missing, shares("niet_roken", 80, 85)],
    )
    assert evaluation.verdict == "no_data"
    assert evaluation.combined.value is None


def test_combined_later_period_missing_is_no_data():
    evaluation = evaluate(
        rule="combined",
        baseline_period="2014",
        period="2018",
        target=PP5,
        indicators=EXAMPLE_1["indicators"],
        combination={"2014": Figure(40)},
    )
    assert evaluation.verdict == "no_data"
    assert evaluation.combined.baseline == pytest.approx(40.0)


def test_baseline_period_without_figures_is_refused():
    with pytest.raises(CalculationError) as caught:
        evaluate(
            rule="each",
            baseline_period="2010",
            period="2018",
            target=PP5,
            indicators=EXAMPLE_1["indicators"],
        )
    assert caught.value.field == "baseline_period"
    assert "2010" in caught.value.message


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"rule": "best"}, "rule"),
        ({"indicators": []}, "indicators"),
        ({"target": None, "rule": "mean"}, "target"),
        ({"target": None, "rule": "each"}, "target"),
    ],
)
def test_other_bad_input(kwargs, field):
    arguments = {
        "rule": "each",
        "baseline_period": "2014",
        "period": "2018",
        "target": PP5,
        "indicators": EXAMPLE_1["indicators"],
    } | kwargs
    with pytest.raises(CalculationError) as caught:
        evaluate(**arguments)
    assert caught.value.field == field


def test_mean_with_mixed_directions_is_refused():
    mixed = [shares("a", 60, 65), shares("b", 12, 10, LOWER)]
    with pytest.raises(CalculationError) as caught:
        evaluate(rule="mean", baseline_period="2014", period="2018", target=PP5, indicators=mixed)
    assert caught.value.field == "indicators"


@pytest.mark.parametrize(
    ("label", "x"),
    [
        ("2024", 2024.0),
        ("2024H1", 2024.0),
        ("2024H2", 2024.5),
        ("2015Q1", 2015.0),
        ("2015Q3", 2015.5),
        ("2020M04", 2020.25),
        ("2023JJ00", 2023.0),
        ("2023-01-01", 2023.0),
    ],
)
def test_period_to_x(label, x):
    assert period_to_x(label) == pytest.approx(x)


@pytest.mark.parametrize("label", ["", "twintig", "2024Q5", "2024H3", "2023-02-30"])
def test_period_to_x_refuses(label):
    with pytest.raises(CalculationError):
        period_to_x(label)


def test_linear_forecast_against_a_hand_computed_fit():
    # Points (2019, 10), (2020, 12), (2021, 11), (2022, 15), (2023, 16); (2018, 99) is dropped
    # by last_n=5.
    # mean x = 2021, mean y = 64 / 5 = 12.8
    # Sxx = 4 + 1 + 0 + 1 + 4 = 10
    # Sxy = (-2)(-2.8) + (-1)(-0.8) + 0(-1.8) + 1(2.2) + 2(3.2) = 5.6 + 0.8 + 0 + 2.2 + 6.4 = 15
    # slope = 15 / 10 = 1.5; intercept = 12.8 - 1.5 x 2021 = -3018.7
    # fitted: 9.8, 11.3, 12.8, 14.3, 15.8; residuals 0.2, 0.7, -1.8, 0.7, 0.2
    # SSE = 0.04 + 0.49 + 3.24 + 0.49 + 0.04 = 4.3; s = sqrt(4.3 / 3)
    history = [(2018, 99), (2019, 10), (2020, 12), (2021, 11), (2022, 15), (2023, 16)]
    forecast = linear_forecast(history, last_n=5)
    assert forecast.slope == pytest.approx(1.5)
    assert forecast.intercept == pytest.approx(-3018.7)
    assert forecast.residual_se == pytest.approx(math.sqrt(4.3 / 3))
    assert [p[0] for p in forecast.used] == [2019, 2020, 2021, 2022, 2023]
    # At 2025: fitted = 12.8 + 1.5 x 4 = 18.8; se = s x sqrt(1 + 1/5 + 16/10) = s x sqrt(2.8)
    fitted, lower, upper = forecast.at(2025)
    half = 1.96 * math.sqrt(4.3 / 3) * math.sqrt(2.8)
    assert fitted == pytest.approx(18.8)
    assert lower == pytest.approx(18.8 - half)
    assert upper == pytest.approx(18.8 + half)


def test_linear_forecast_with_two_points_and_too_few():
    forecast = linear_forecast([(2021, 10), (2023, 14)])
    assert forecast.slope == pytest.approx(2.0)
    assert forecast.residual_se == 0
    assert forecast.at(2025) == pytest.approx((18.0, 18.0, 18.0))
    assert linear_forecast([(2021, 10)]) is None
    assert linear_forecast([]) is None
    assert linear_forecast([(2021, 10), (2021, 12)]) is None


@pytest.mark.parametrize(
    ("latest_x", "latest", "direction", "required", "verdict"),
    [
        # Baseline 60 in 2020, 65 required in 2024: the line is at 62.5 in 2022.
        (2022, 65, HIGHER, 65, "reached"),
        (2022, 63, HIGHER, 65, "on_track"),
        (2022, 62.5, HIGHER, 65, "on_track"),
        (2022, 62, HIGHER, 65, "not_on_track"),
        (2026, 64, HIGHER, 65, "not_on_track"),
        (2020, 70, HIGHER, 65, "no_data"),
        (2022, None, HIGHER, 65, "no_data"),
        # Lower is better: 60 -> 50 required; the line is at 55 in 2022.
        (2022, 54, LOWER, 50, "on_track"),
        (2022, 57, LOWER, 50, "not_on_track"),
        (2023, 49, LOWER, 50, "reached"),
    ],
)
def test_progress_verdict(latest_x, latest, direction, required, verdict):
    assert (
        progress_verdict(
            baseline_x=2020,
            baseline=60,
            latest_x=latest_x,
            latest=latest,
            target_x=2024,
            required=required,
            direction=direction,
        )
        == verdict
    )
