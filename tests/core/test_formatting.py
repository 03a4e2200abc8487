import pytest
from django.utils import translation

from duiding.core import formatting as fmt


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def test_number_uses_dutch_separators_and_rounds_half_up():
    assert fmt.number(1234567.891, 1) == "1.234.567,9"
    assert fmt.number(18.05, 1) == "18,1"
    assert fmt.number(2.5, 0) == "3"
    assert fmt.number(-0.04, 1) == "0,0"


def test_value_text_keeps_suppressed_not_available_and_zero_apart():
    suppressed = fmt.value_text(None, "suppressed", "count", 0)
    missing = fmt.value_text(None, "not_available", "count", 0)
    absent = fmt.value_text(None, None, "count", 0)
    zero = fmt.value_text(0.0, "ok", "count", 0)
    assert (suppressed.text, suppressed.css) == ("geheim (klein aantal)", "value value--suppressed")
    assert (missing.text, missing.css) == ("geen cijfer", "value value--na")
    assert absent.text == "geen cijfer"
    assert (zero.text, zero.css) == ("0", "value")


@pytest.mark.parametrize(
    ("value", "kind", "decimals", "label", "expected"),
    [
        (18.0934, "percentage", 1, "", "18,1%"),
        (45.25, "rate_1000", 1, "", "45,3 per 1.000"),
        (2410, "count", 0, "", "2.410"),
        (7.4, "mean", 1, "jaar", "7,4 jaar"),
        (1234.5, "amount", 0, "", "€ 1.235"),
    ],
)
def test_units(value, kind, decimals, label, expected):
    assert fmt.value_text(value, "ok", kind, decimals, label).text == expected


def test_difference_text_has_an_explicit_sign_and_percentage_points():
    assert fmt.difference_text(0.56, "percentage", 1) == "+0,6 %-punt"
    assert fmt.difference_text(-12320, "count", 0) == "\u221212.320"
    assert fmt.difference_text(0.01, "percentage", 1) == "0,0 %-punt"
    assert fmt.difference_text(None, "count", 0) == ""


def test_flag_icons_and_classes():
    assert fmt.flag_icon("worse") == "▼" and fmt.flag_css("worse") == "worse"
    assert fmt.flag_css("unknown") == "none"
