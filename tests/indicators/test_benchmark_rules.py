"""Benchmark rules with worked numbers (see src/duiding/indicators/benchmark/README.md)."""

import math

import pytest

from duiding.indicators.benchmark import rules as b

# --- difference helpers -----------------------------------------------------------------------


def test_difference_is_value_minus_comparison():
    assert b.difference(12.5, 10.0) == pytest.approx(2.5)
    assert b.difference(8.0, 10.0) == pytest.approx(-2.0)
    assert b.difference(None, 10.0) is None


def test_relative_difference_is_percent_of_comparison():
    assert b.relative_difference_pct(12.5, 10.0) == pytest.approx(25.0)
    assert b.relative_difference_pct(9.0, 12.0) == pytest.approx(-25.0)
    # Against a negative comparison value the sign follows value - comparison.
    assert b.relative_difference_pct(-5.0, -10.0) == pytest.approx(50.0)


def test_relative_difference_without_comparison_is_none():
    assert b.relative_difference_pct(5.0, 0.0) is None
    assert b.relative_difference_pct(5.0, None) is None


def test_nl_number_uses_dutch_separators():
    assert b.nl_number(1234.5, 1) == "1.234,5"
    assert b.nl_number(-0.25, 2) == "-0,25"


# --- the ±10 % rule ---------------------------------------------------------------------------


def test_flag_higher_is_better_above_threshold_is_better():
    # 11.5 against 10.0: +15 %, outside ±10 %, no counts known -> no test needed.
    f = b.flag(11.5, 10.0, direction=b.HIGHER_IS_BETTER, unit_kind="percentage")
    assert f.result == b.BETTER
    assert f.label == "beter"
    assert f.side == "higher"
    assert f.relative_pct == pytest.approx(15.0)
    assert f.difference == pytest.approx(1.5)
    assert not f.tested


def test_flag_higher_is_better_below_threshold_is_worse():
    f = b.flag(8.5, 10.0, direction=b.HIGHER_IS_BETTER, unit_kind="percentage")
    assert f.result == b.WORSE
    assert f.side == "lower"


def test_flag_lower_is_better_above_is_worse_and_below_is_better():
    assert b.flag(12.0, 10.0, direction=b.LOWER_IS_BETTER, unit_kind="rate_1000").result == b.WORSE
    assert b.flag(8.0, 10.0, direction=b.LOWER_IS_BETTER, unit_kind="rate_1000").result == b.BETTER


def test_flag_within_threshold_is_similar():
    # 10.9 against 10.0: +9 %.
    f = b.flag(10.9, 10.0, direction=b.LOWER_IS_BETTER, unit_kind="percentage")
    assert f.result == b.SIMILAR
    assert f.label == "vergelijkbaar"
    assert "9,0%" in f.reason


def test_flag_exactly_on_threshold_is_similar():
    # 11 against 10 is exactly +10 %: "outside ±10 %" means more than 10 %.
    assert b.flag(11.0, 10.0, direction=b.HIGHER_IS_BETTER, unit_kind="percentage").result == (
        b.SIMILAR
    )
    assert b.flag(9.0, 10.0, direction=b.HIGHER_IS_BETTER, unit_kind="percentage").result == (
        b.SIMILAR
    )


def test_flag_threshold_is_configurable():
    kw = {"direction": b.HIGHER_IS_BETTER, "unit_kind": "mean"}
    assert b.flag(11.5, 10.0, threshold_pct=20.0, **kw).result == b.SIMILAR
    assert b.flag(10.6, 10.0, threshold_pct=5.0, **kw).result == b.BETTER


def test_flag_neutral_direction_is_different_not_better_or_worse():
    up = b.flag(12.0, 10.0, direction=b.NEUTRAL, unit_kind="percentage")
    down = b.flag(8.0, 10.0, direction=b.NEUTRAL, unit_kind="percentage")
    assert up.result == down.result == b.DIFFERENT
    assert up.label == "afwijkend"
    assert up.side_label == "hoger" and down.side_label == "lager"
    assert up.is_flagged


def test_flag_index_and_mean_are_flagged_without_test_even_with_n():
    # No spread is known for a mean, so only the threshold applies.
    f = b.flag(7.5, 6.5, direction=b.HIGHER_IS_BETTER, unit_kind="mean", n=50, comparison_n=5000)
    assert f.result == b.BETTER
    assert not f.tested


# --- never flagged ----------------------------------------------------------------------------


@pytest.mark.parametrize("unit_kind", ["count", "amount"])
def test_flag_counts_are_never_flagged(unit_kind):
    f = b.flag(5000.0, 100.0, direction=b.HIGHER_IS_BETTER, unit_kind=unit_kind)
    assert f.result == b.NONE
    assert f.label == "geen oordeel"
    assert "aantallen zijn niet vergelijkbaar tussen gebieden van verschillende grootte" in (
        f.reason.lower()
    )


def test_flag_comparison_zero_or_missing_is_none_with_reason():
    zero = b.flag(3.0, 0.0, direction=b.HIGHER_IS_BETTER, unit_kind="percentage")
    missing = b.flag(3.0, None, direction=b.HIGHER_IS_BETTER, unit_kind="percentage")
    no_value = b.flag(None, 3.0, direction=b.HIGHER_IS_BETTER, unit_kind="percentage")
    assert zero.result == missing.result == no_value.result == b.NONE
    assert "0" in zero.reason
    assert "vergelijkingswaarde" in missing.reason.lower()
    assert no_value.reason


def test_flag_missing_names_suppressed_figures():
    assert "geheim" in b.flag_missing("suppressed").reason
    assert b.flag_missing("not_available").result == b.NONE


# --- significance -----------------------------------------------------------------------------


def test_z_test_worked_example():
    # 24 of 200 (12 %) against 1,000 of 10,000 (10 %):
    # pooled p = 1024 / 10200 = 0.10039; se = sqrt(p (1-p) (1/200 + 1/10000)) = 0.021462
    # z = 0.02 / 0.021462 = 0.932; two-sided p = erfc(0.932 / sqrt 2) = 0.351
    t = b.two_proportion_z_test(24, 200, 1000, 10000)
    pooled = 1024 / 10200
    se = math.sqrt(pooled * (1 - pooled) * (1 / 200 + 1 / 10000))
    assert t.z == pytest.approx(0.02 / se)
    assert t.z == pytest.approx(0.932, abs=0.001)
    assert t.p_value == pytest.approx(0.351, abs=0.001)
    assert not t.significant


def test_z_test_impossible_input_is_none():
    assert b.two_proportion_z_test(5, 0, 10, 100) is None
    assert b.two_proportion_z_test(50, 40, 10, 100) is None  # numerator above denominator


def test_flag_large_but_not_significant_difference_is_similar():
    # 12 % against 10 % is +20 %, but n = 200 is too small: p = 0.35.
    f = b.flag(
        12.0,
        10.0,
        direction=b.LOWER_IS_BETTER,
        unit_kind="percentage",
        n=200,
        comparison_n=10000,
        numerator=24,
        comparison_numerator=1000,
    )
    assert f.result == b.SIMILAR
    assert f.tested and f.significant is False
    assert f.p_value == pytest.approx(0.351, abs=0.001)
    assert "niet significant" in f.reason


def test_flag_significant_difference_is_flagged():
    # 300 of 2,000 (15 %) against 1,000 of 10,000 (10 %): z = 6.57, p < 0.001.
    f = b.flag(
        15.0,
        10.0,
        direction=b.LOWER_IS_BETTER,
        unit_kind="percentage",
        n=2000,
        comparison_n=10000,
    )
    assert f.result == b.WORSE
    assert f.tested and f.significant is True
    assert f.p_value < 0.001


def test_flag_rate_per_1000_is_tested_on_the_proportion():
    # 60 per 1,000 of 500 (30) against 40 per 1,000 of 20,000 (800): z = 2.24, p = 0.025.
    f = b.flag(
        60.0, 40.0, direction=b.LOWER_IS_BETTER, unit_kind="rate_1000", n=500, comparison_n=20000
    )
    assert f.result == b.WORSE
    assert f.p_value == pytest.approx(0.025, abs=0.001)
    # The same difference on 100 people is not significant.
    small = b.flag(
        60.0, 40.0, direction=b.LOWER_IS_BETTER, unit_kind="rate_1000", n=100, comparison_n=20000
    )
    assert small.result == b.SIMILAR


def test_flag_significance_can_be_switched_off_per_indicator():
    f = b.flag(
        12.0,
        10.0,
        direction=b.LOWER_IS_BETTER,
        unit_kind="percentage",
        requires_significance=False,
        n=200,
        comparison_n=10000,
    )
    assert f.result == b.WORSE
    assert not f.tested


def test_flag_without_denominators_uses_threshold_only_and_says_so():
    f = b.flag(12.0, 10.0, direction=b.LOWER_IS_BETTER, unit_kind="percentage", n=200)
    assert f.result == b.WORSE
    assert not f.tested
    assert "geen significantietoets" in f.reason.lower()


# --- the seed's comparison rule ---------------------------------------------------------------


def test_suggestion_wijk_differs_much_from_gebied_compare_wijk_with_city():
    # wijk 20 against gebied 15: +33 %, more than ±10 %.
    s = b.comparison_suggestion(20.0, 15.0, 12.0, wijk_label="de wijk", city_label="Rotterdam")
    assert s.choice == b.COMPARE_WIJK_CITY
    assert (s.subject, s.reference) == ("wijk", "stad")
    assert s.differs_much is True
    assert s.relative_pct == pytest.approx(33.333333333, abs=1e-6)
    assert "Vergelijk daarom de wijk met Rotterdam" in s.text


def test_suggestion_wijk_close_to_gebied_compare_gebied_with_city():
    # wijk 15.9 against gebied 15: +6 %.
    s = b.comparison_suggestion(15.9, 15.0, 12.0, city_label="Rotterdam")
    assert s.choice == b.COMPARE_GEBIED_CITY
    assert s.subject == "gebied"
    assert s.differs_much is False
    assert "het gebied met Rotterdam" in s.text


def test_suggestion_threshold_follows_the_indicator():
    assert b.comparison_suggestion(16.5, 15.0, 12.0, threshold_pct=5.0).choice == (
        b.COMPARE_WIJK_CITY
    )
    assert b.comparison_suggestion(16.5, 15.0, 12.0, threshold_pct=15.0).choice == (
        b.COMPARE_GEBIED_CITY
    )


def test_suggestion_falls_back_to_gebied_when_wijk_lacks_figures():
    s = b.comparison_suggestion(None, 15.0, 12.0)
    assert s.choice == b.COMPARE_GEBIED_CITY
    assert s.subject == "gebied"
    assert "hogere schaal" in s.text


def test_suggestion_without_gebied_figure_compares_wijk_with_city():
    s = b.comparison_suggestion(15.0, None, 12.0)
    assert s.choice == b.COMPARE_WIJK_CITY


def test_suggestion_without_any_figure_is_none():
    assert b.comparison_suggestion(None, None, 12.0).choice == b.COMPARE_NONE


def test_suggestion_for_counts_is_none():
    s = b.comparison_suggestion(500.0, 100.0, 12.0, unit_kind="count")
    assert s.choice == b.COMPARE_NONE
    assert "Aantallen" in s.text


def test_suggestion_without_gebied_level_compares_area_with_city():
    s = b.comparison_suggestion(
        15.0, None, 12.0, has_gebied=False, wijk_label="het gebied", city_label="Rotterdam"
    )
    assert s.choice == b.COMPARE_WIJK_CITY
    assert s.text == "Vergelijk het gebied met Rotterdam."


def test_with_article_uses_het_for_neuter_level_words():
    assert b.with_article("gebied") == "het gebied"
    assert b.with_article("stadsdeel") == "het stadsdeel"
    assert b.with_article("wijk") == "de wijk"
    assert b.with_article("Rotterdam") == "Rotterdam"
