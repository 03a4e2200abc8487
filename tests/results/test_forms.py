"""Nudges on the wording of a result (hints, never errors) and the rule's radio descriptions."""

import pytest

from duiding.results.forms import text_nudges


def test_nudges_none_for_a_good_sentence():
    text = "In 2027 is het percentage jongeren van 18–22 jaar met startkwalificatie 80%."
    assert text_nudges(text) == []


def test_nudges_ask_for_a_year():
    hints = text_nudges("Meer jongeren met een startkwalificatie.")
    assert hints == ["Noem het jaar waarin het resultaat bereikt moet zijn."]


@pytest.mark.parametrize("word", ["minder", "niet", "geen", "Minder"])
def test_nudges_suggest_positive_wording(word):
    hints = text_nudges(f"In 2027 zijn er {word} schoolverlaters zonder diploma.")
    assert len(hints) == 1
    assert hints[0].startswith(f"U schrijft '{word}'. Formuleer het resultaat zo veel mogelijk")


def test_nudges_do_not_match_inside_words():
    # "geenszins" / "nietig" are no negative wording of the result itself
    assert text_nudges("In 2027 is de jeugd nietig noch geenszins vergeten.") == []


def test_nudges_warn_on_a_long_text():
    hints = text_nudges("In 2027 " + "zijn er meer jongeren die sporten " * 12)
    assert len(hints) == 1 and hints[0].startswith("Het resultaat is lang (")


def test_nudges_empty_text_gives_nothing():
    assert text_nudges("   ") == []
