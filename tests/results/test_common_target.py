# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""The common target of the rules "gecombineerd" and "gemiddeld" is checked against the figure
the rule judges (the combination's baseline, the mean of the baselines), not against each
indicator; with the seed's numbers (seed 003, Deel 2 step 2, example 3: 60 / 80 / 65 %)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from duiding.indicators.models import Indicator
from duiding.results.calculation import CalculationError, Figure, SeriesInput, Target, evaluate
from duiding.results.validation import COMBINATION_CHOOSE
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    make_result,
    own_row,
    programme,
    share_row,
)

HIGHER = "higher_is_better"


def shares(code, before, after):
    return SeriesInput(code, HIGHER, {"2014": Figure(before), "2018": Figure(after)})


EXAMPLE_3 = [shares("sport", 60, 69), shares("niet_roken", 80, 84), shares("matig", 65, 67)]


# --- calculation.evaluate (also POST /api/v1/results/evaluate) -------------------------------


def test_mean_with_absolute_73_is_judged_on_the_mean():
    # (60 + 80 + 65) / 3 = 68.3 % -> (69 + 84 + 67) / 3 = 73.3 % >= 73: reached. "Niet roken"
    # starts at 80 %, above 73: that is no reason to refuse the common target.
    evaluation = evaluate(
        rule="mean",
        baseline_period="2014",
        period="2018",
        target=Target("absolute", 73),
        indicators=EXAMPLE_3,
    )
    assert evaluation.verdict == "reached"
    assert evaluation.combined.baseline == pytest.approx(205 / 3)
    assert evaluation.combined.required == pytest.approx(73)
    # For information: every indicator moved the good way, none has a required value of its own.
    assert [o.required for o in evaluation.indicators] == [None, None, None]
    assert [o.verdict for o in evaluation.indicators] == ["reached"] * 3


def test_mean_with_absolute_target_below_the_mean_is_refused():
    with pytest.raises(CalculationError) as caught:
        evaluate(
            rule="mean",
            baseline_period="2014",
            period="2018",
            target=Target("absolute", 65),
            indicators=EXAMPLE_3,
        )
    assert "ligt onder de basiswaarde 68,3" in caught.value.message


def test_combined_absolute_target_is_checked_against_the_combination():
    # Seed example 2: 40 % -> 45 % do all three at once; absolute 44 % is reached, although
    # every separate indicator (60 / 80 / 65 %) already starts above 44.
    combination = {"2014": Figure(40), "2018": Figure(45)}
    evaluation = evaluate(
        rule="combined",
        baseline_period="2014",
        period="2018",
        target=Target("absolute", 44),
        indicators=EXAMPLE_3,
        combination=combination,
    )
    assert evaluation.verdict == "reached"
    assert evaluation.combined.required == 44
    with pytest.raises(CalculationError):
        evaluate(
            rule="combined",
            baseline_period="2014",
            period="2018",
            target=Target("pp", -5),
            indicators=EXAMPLE_3,
            combination=combination,
        )


# --- validation when a result is saved -------------------------------------------------------


def _seed_rows(**overrides):
    names = ["Jongeren die sporten", "Jongeren die niet roken", "Jongeren die matig drinken"]
    return [
        own_row(name=name, baseline_value=value, target_value=None, **overrides)
        for name, value in zip(names, [60, 80, 65], strict=True)
    ]


@pytest.mark.django_db
def test_mean_absolute_73_with_a_68_3_mean_is_stored(programme, adviseur, figures):
    result = make_result(
        programme,
        adviseur,
        figures,
        rule="mean",
        combined_target=Target("absolute", 73),
        indicators=_seed_rows(),
    )
    assert float(result.combined_target_value) == 73
    assert result.result_indicators.count() == 3


@pytest.mark.django_db
def test_mean_absolute_below_the_mean_is_refused(programme, adviseur, figures):
    with pytest.raises(ValidationError) as caught:
        make_result(
            programme,
            adviseur,
            figures,
            rule="mean",
            combined_target=Target("absolute", 65),
            indicators=_seed_rows(),
        )
    assert "combined_target_value" in caught.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "message"),
    [
        # Feijenoord 2021: 15.9 % of the trajectories via the wijkteam (higher is better).
        (Target("pp", -5), "Het doel -5 gaat de verkeerde kant op"),
        (Target("absolute", 150), "een percentage ligt tussen 0 en 100"),
        (Target("relative", 600), "een percentage ligt tussen 0 en 100"),
        (Target("absolute", 10), "ligt onder de basiswaarde 15,9"),
    ],
)
def test_combined_target_is_checked_against_the_combination_baseline(
    programme, adviseur, figures, target, message
):
    with pytest.raises(ValidationError) as caught:
        make_result(
            programme,
            adviseur,
            figures,
            rule="combined",
            combination_indicator=figures.share,
            combined_target=target,
            indicators=[own_row(target_value=None)],
        )
    assert message in " ".join(caught.value.message_dict["combined_target_value"])


@pytest.mark.django_db
def test_combined_absolute_target_above_the_combination_is_stored(programme, adviseur, figures):
    # 20 % is above the combination's 15.9 % and below the own indicator's 60 %: accepted.
    result = make_result(
        programme,
        adviseur,
        figures,
        rule="combined",
        combination_indicator=figures.share,
        combined_target=Target("absolute", 20),
        indicators=[own_row(target_value=None)],
    )
    assert result.combination_indicator == figures.share


@pytest.mark.django_db
def test_combination_indicator_without_a_baseline_figure_is_refused(programme, adviseur, figures):
    other = Indicator.objects.create(code="ALLE3", name="Alle drie", unit_kind="percentage")
    with pytest.raises(ValidationError) as caught:
        make_result(
            programme,
            adviseur,
            figures,
            rule="combined",
            combination_indicator=other,
            combined_target=Target("pp", 5),
            indicators=[own_row(target_value=None)],
        )
    assert "Alle drie heeft geen cijfer voor Feijenoord in de basisperiode 2021" in " ".join(
        caught.value.message_dict["combination_indicator"]
    )


@pytest.mark.django_db
def test_missing_combination_indicator_asks_to_choose_when_there_are_options(
    programme, adviseur, figures
):
    with pytest.raises(ValidationError) as caught:
        make_result(
            programme,
            adviseur,
            figures,
            rule="combined",
            combined_target=Target("pp", 5),
            indicators=[share_row(figures, target_value=None)],
        )
    assert caught.value.message_dict["combination_indicator"] == [COMBINATION_CHOOSE]
