"""The sentence of an activity ("zodatje", seed 003 step 3)."""

import pytest

from duiding.activities.sentence import activity_sentence, compose
from tests.activities.conftest import START


def test_compose_with_one_factor_and_result():
    sentence = compose(
        name="Home-Start",
        target_group="Ouders die opvoedproblemen ervaren",
        factors=[("Opvoedingsvaardigheden", "versterkt")],
        results=["Meer jongeren halen een startkwalificatie."],
    )
    assert sentence == (
        "We zetten Home-Start in voor ouders die opvoedproblemen ervaren, zodat "
        "opvoedingsvaardigheden versterkt en „Meer jongeren halen een startkwalificatie” "
        "dichterbij komt."
    )


def test_compose_joins_several_factors_and_results_and_marks_missing_parts():
    sentence = compose(
        name="",
        target_group="",
        factors=[
            ("Opvoedingsvaardigheden", "versterkt"),
            ("Mishandeling", "vermindert"),
            ("GGZ", "vermindert"),
        ],
        results=["A", "B"],
    )
    assert sentence == (
        "We zetten … in voor …, zodat opvoedingsvaardigheden versterkt, mishandeling "
        "vermindert en GGZ vermindert en „A” en „B” dichterbij komen."
    )


@pytest.mark.django_db
def test_activity_sentence_of_the_seed_example(seed_activities):
    assert activity_sentence(seed_activities["home_start"]) == (
        "We zetten Home-Start in voor ouders die (beginnende) opvoedproblemen ervaren, zodat "
        f"opvoedingsvaardigheden versterkt en „{START.rstrip('.')}” dichterbij komt."
    )
