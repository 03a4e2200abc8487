# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""The rule part of the result form: the combination indicator and the common target apply only
to 'gecombineerd' / 'gemiddeld' (a note without JavaScript, hidden by the script), and the
message about a missing combination indicator depends on whether there are options."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from duiding.results.calculation import Target
from duiding.results.validation import COMBINATION_CHOOSE, COMBINATION_MISSING
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    make_result,
    own_row,
    programme,
)

pytestmark = pytest.mark.django_db


def test_form_marks_the_fields_of_the_combined_rules(client_as, adviseur, programme, figures):
    html = client_as(adviseur).get(reverse("results:create", args=[programme.pk])).content.decode()
    assert "Alleen bij de regels ‘gecombineerd’ en ‘gemiddeld’" in html
    assert html.index('data-for-rules="combined"') < html.index('name="combination_indicator"')
    block = html.index('data-for-rules="combined mean"')
    assert block < html.index('name="combined_target_value"')
    assert "results/result_form.js" in html


def test_missing_combination_without_options_says_there_is_none(programme, adviseur, figures):
    # IJsselmonde has no figures: no indicator can measure the combination.
    programme.area = figures.ijsselmonde
    programme.save()
    with pytest.raises(ValidationError) as caught:
        make_result(
            programme,
            adviseur,
            figures,
            rule="combined",
            combined_target=Target("pp", 5),
            indicators=[own_row(target_value=None)],
        )
    messages = caught.value.message_dict["combination_indicator"]
    assert messages == [COMBINATION_MISSING]
    assert "de jongeren" not in COMBINATION_MISSING and "de jongeren" not in COMBINATION_CHOOSE
