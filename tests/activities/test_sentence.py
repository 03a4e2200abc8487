"""The sentence of an activity ("zodatje", seed 003 step 3): Dutch grammar with singular and
plural, a readable list, quoted names, and one source of the pieces for server and browser."""

import pytest

from duiding.activities.sentence import activity_sentence, compose, sentence_templates
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
        "opvoedingsvaardigheden wordt versterkt en „Meer jongeren halen een startkwalificatie” "
        "dichterbij komt."
    )


def test_compose_groups_factors_by_effect_with_plural_verbs_and_a_readable_list():
    sentence = compose(
        name="",
        target_group="",
        factors=[
            ("Opvoedingsvaardigheden", "versterkt"),
            ("Mishandeling", "vermindert"),
            ("Taalvaardigheid", "versterkt"),
            ("GGZ", "vermindert"),
        ],
        results=["A.", "B"],
    )
    assert sentence == (
        "We zetten … in voor …, zodat opvoedingsvaardigheden en taalvaardigheid worden "
        "versterkt, mishandeling en GGZ afnemen en „A” en „B” dichterbij komen."
    )


def test_compose_singular_reduction_three_results_and_missing_factors():
    assert compose(
        name="Buurtvaders",
        target_group="Jongeren",
        factors=[("Spijbelen", "vermindert")],
        results=["A", "B", "C"],
    ) == (
        "We zetten Buurtvaders in voor jongeren, zodat spijbelen afneemt en „A”, „B” en „C” "
        "dichterbij komen."
    )
    assert compose(name="X", target_group="Y", factors=[], results=[]) == (
        "We zetten X in voor Y, zodat … en … dichterbij komt."
    )


def test_compose_quotes_an_activity_name_with_a_colon_and_avoids_a_double_full_stop():
    sentence = compose(
        name="Home-Start: thuisbezoek",
        target_group="ouders",
        factors=[("Opvoedingsvaardigheden", "versterkt")],
        results=["Meer kinderen groeien veilig op."],
    )
    assert sentence.startswith("We zetten „Home-Start: thuisbezoek” in voor ouders, zodat")
    assert sentence.endswith("„Meer kinderen groeien veilig op” dichterbij komt.")
    assert ".”" not in sentence and ".." not in sentence


def test_templates_hold_the_whole_grammar_for_the_browser():
    t = sentence_templates()
    assert t["versterkt"] == ["%(factors)s wordt versterkt", "%(factors)s worden versterkt"]
    assert t["vermindert"] == ["%(factors)s afneemt", "%(factors)s afnemen"]
    assert t["results"] == ["%(results)s dichterbij komt", "%(results)s dichterbij komen"]
    assert "%(effects)s" in t["sentence"] and t["quote"] == "„%(text)s”"


@pytest.mark.django_db
def test_activity_sentence_of_the_seed_example(seed_activities):
    assert activity_sentence(seed_activities["home_start"]) == (
        "We zetten Home-Start in voor ouders die (beginnende) opvoedproblemen ervaren, zodat "
        f"opvoedingsvaardigheden wordt versterkt en „{START.rstrip('.')}” dichterbij komt."
    )
