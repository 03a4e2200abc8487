# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""Dutch texts and number formatting of results: targets in the list ("+5 procentpunt",
"−10 % (relatief)", "73 % (absoluut)"), counts without decimals on the detail page, decimal
commas in messages, and the message for an indicator without a direction."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from duiding.indicators.models import Indicator
from duiding.results.models import ResultIndicator
from duiding.results.templatetags.results_tags import baseline_text, target_text
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    make_result,
    own_row,
    programme,
    share_row,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("pp", "5", "+5 procentpunt"),
        ("pp", "-2.5", "\u22122,5 procentpunt"),
        ("relative", "-10", "\u221210 % (relatief)"),
        ("absolute", "73", "73 % (absoluut)"),
    ],
)
def test_target_text_of_a_percentage(figures, kind, value, expected):
    row = ResultIndicator(indicator=figures.share, target_kind=kind, target_value=Decimal(value))
    assert target_text(row) == expected


def test_target_and_baseline_of_a_count_have_no_decimals(figures):
    row = ResultIndicator(
        indicator=figures.youth,
        target_kind="absolute",
        target_value=Decimal("1000"),
        baseline_value=Decimal("1160.0000"),
    )
    assert target_text(row) == "1.000 (absoluut)"
    assert baseline_text(row) == "1.160"


def test_list_shows_targets_in_words(client_as, adviseur, programme, figures):
    make_result(programme, adviseur, figures)
    html = client_as(adviseur).get(reverse("results:programme_results", args=[programme.pk]))
    html = html.content.decode()
    assert "doel +5 procentpunt" in html
    assert "basis 15,9 % in 2021" in html


def test_detail_shows_a_count_without_decimals(client_as, adviseur, programme, figures):
    row = share_row(figures, indicator=figures.youth, target_kind="relative", target_value=-10)
    result = make_result(programme, adviseur, figures, indicators=[row])
    html = client_as(adviseur).get(reverse("results:detail", args=[result.pk])).content.decode()
    assert "1.160 (2021)" in html  # jongeren met jeugdzorg, Feijenoord 2021
    assert "1.044" in html  # -10 %
    assert "1160,0" not in html and "1.160,0" not in html


def test_percentage_message_uses_a_decimal_comma(programme, adviseur, figures):
    with pytest.raises(ValidationError) as caught:
        make_result(programme, adviseur, figures, indicators=[own_row(baseline_value=120.5)])
    assert "(nu 120,5)" in " ".join(caught.value.message_dict["indicators.0.baseline_value"])


def test_neutral_indicator_asks_for_the_direction(programme, adviseur, figures):
    neutral = Indicator.objects.create(code="N", name="Neutraal", unit_kind="percentage")
    with pytest.raises(ValidationError) as caught:
        make_result(
            programme,
            adviseur,
            figures,
            indicators=[own_row(indicator=neutral, name="", direction=None)],
        )
    message = " ".join(caught.value.message_dict["indicators.0.direction"])
    assert "Voor deze indicator is niet vastgelegd of hoger beter is; kies de richting" in message
    assert "neutraal" not in message
