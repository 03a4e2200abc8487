"""The question schema (outcomes/definition.py): normalising, and one Dutch message per problem
naming the question and the field (with `Problem` rows for the XLSForm import)."""

from __future__ import annotations

import pytest

from duiding.outcomes.definition import (
    DefinitionError,
    Problem,
    choice_values,
    clean_questions,
    scale_values,
    text,
)


def problems(questions) -> list[str]:
    with pytest.raises(DefinitionError) as refused:
        clean_questions(questions)
    return refused.value.messages


def test_a_scale_is_normalised_with_every_key_present():
    (q,) = clean_questions(
        [{"key": "nut", "kind": "scale", "label": " Hoe nuttig? ", "min": "1", "max": 10.0}]
    )
    assert q == {
        "key": "nut",
        "kind": "scale",
        "label": {"nl": "Hoe nuttig?", "en": ""},
        "hint": {"nl": "", "en": ""},
        "required": True,
        "measure": "",
        "relevant": "",
        "constraint": "",
        "constraint_message": {"nl": "", "en": ""},
        "min": 1,
        "max": 10,
        "anchors": {"min": {"nl": "", "en": ""}, "max": {"nl": "", "en": ""}},
        "choices": [],
    }
    assert scale_values(q) == list(range(1, 11))


def test_each_kind_keeps_its_own_fields():
    text_q, number_q, choice_q, note_q = clean_questions(
        [
            {"key": "t", "kind": "text", "label": "Tekst", "max_length": "200"},
            {
                "key": "n",
                "kind": "number",
                "label": "Getal",
                "min": "0",
                "max": "2.5",
                "decimals": 1,
            },
            {
                "key": "c",
                "kind": "single",
                "label": "Keuze",
                "choices": [
                    {"value": 1, "label": "Een"},
                    {"value": "2", "label": {"nl": "Twee", "en": "Two"}},
                ],
            },
            {"key": "d", "kind": "note", "label": "Dank", "required": True},
        ]
    )
    assert text_q["max_length"] == 200
    assert (number_q["min"], number_q["max"], number_q["decimals"]) == (0, 2.5, 1)
    assert choice_values(choice_q) == ["1", "2"]
    assert choice_q["choices"][1]["label"] == {"nl": "Twee", "en": "Two"}
    assert note_q["required"] is False


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, True), (False, False), ("false", False), ("nee", False), ("yes", True), (0, False)],
)
def test_required_reads_texts_as_yes_or_no(value, expected):
    raw = {"key": "a", "kind": "text", "label": "A"}
    if value is not None:
        raw["required"] = value
    assert clean_questions([raw])[0]["required"] is expected


def test_text_reads_a_language_with_dutch_as_fallback():
    assert text({"nl": "Ja", "en": "Yes"}, "en") == "Yes"
    assert text({"nl": "Ja", "en": ""}, "en") == "Ja"
    assert text("los", "en") == "los"
    assert text(None) == ""


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ({"key": "Nut", "kind": "text", "label": "x"}, "Vraag 1 (Nut): de sleutel moet beginnen"),
        (
            {"key": "a", "kind": "slider", "label": "x"},
            "Vraag 1 (a): onbekende soort vraag ‘slider’.",
        ),
        (
            {"key": "a", "kind": "text", "label": {"en": "Only English"}},
            "Vraag 1 (a): de vraagtekst (Nederlands) ontbreekt.",
        ),
        (
            {"key": "a", "kind": "scale", "label": "x", "min": 1, "max": 20},
            "een schaal heeft 2 tot 11 punten",
        ),
        ({"key": "a", "kind": "scale", "label": "x", "min": 1.5, "max": 5}, "hele getallen"),
        ({"key": "a", "kind": "scale", "label": "x", "min": 1, "max": "Infinity"}, "hele getallen"),
        (
            {
                "key": "a",
                "kind": "scale",
                "label": "x",
                "min": 1,
                "max": 5,
                "choices": [{"value": "6"}],
            },
            "label 1 hoort bij een punt dat niet op de schaal ligt: 6.",
        ),
        (
            {
                "key": "a",
                "kind": "scale",
                "label": "x",
                "min": 1,
                "max": 5,
                "choices": [{"value": "2"}, {"value": "2"}],
            },
            "label 2: het punt 2 heeft al een label.",
        ),
        (
            {
                "key": "a",
                "kind": "scale",
                "label": "x",
                "min": 1,
                "max": 5,
                "choices": ["not a dict"],
                "anchors": "x",
            },
            "label 1 hoort bij een punt",
        ),
        (
            {
                "key": "a",
                "kind": "single",
                "label": "x",
                "choices": [{"value": "a b", "label": "A"}, {"value": "c", "label": ""}],
            },
            "keuze 1: de waarde mag alleen",
        ),
        (
            {"key": "a", "kind": "single", "label": "x", "choices": [{"value": "a", "label": "A"}]},
            "minstens twee keuzes",
        ),
        (
            {"key": "a", "kind": "number", "label": "x", "min": 5, "max": 1},
            "de bovengrens ligt onder de ondergrens.",
        ),
        ({"key": "a", "kind": "number", "label": "x", "decimals": 1.5}, "moeten getallen zijn"),
        ({"key": "a", "kind": "number", "label": "x", "decimals": 6}, "0 tot 4 decimalen"),
        ({"key": "a", "kind": "number", "label": "x", "min": "Infinity"}, "moeten getallen zijn"),
        ({"key": "a", "kind": "text", "label": "x", "max_length": 5000}, "tussen 1 en 1000"),
        (
            {"key": "a", "kind": "text", "label": "x", "measure": "geluk"},
            "onbekende maat ‘geluk’ (bekend: bereik,",
        ),
    ],
)
def test_each_problem_names_the_question_and_the_field(question, message):
    assert any(message in m for m in problems([question])), problems([question])


def test_problems_carry_question_field_and_choice():
    with pytest.raises(DefinitionError) as refused:
        clean_questions(
            [
                {"key": "a", "kind": "text", "label": "A"},
                {
                    "key": "a",
                    "kind": "multiple",
                    "label": "",
                    "choices": [{"value": "x", "label": "X"}, {"value": "x", "label": ""}],
                },
                {"key": "c", "kind": "text", "label": "C", "relevant": "${zz} = 1"},
            ]
        )
    assert refused.value.problems == [
        Problem(2, "a", "key", "de sleutel komt al eerder voor."),
        Problem(2, "a", "label", "de vraagtekst (Nederlands) ontbreekt."),
        Problem(2, "a", "choice_value", "keuze 2: de waarde ‘x’ komt twee keer voor.", 2),
        Problem(2, "a", "choice_label", "keuze 2: de tekst (Nederlands) ontbreekt.", 2),
        Problem(3, "c", "relevant", "De expressie verwijst naar een onbekende vraag: zz."),
    ]
    assert refused.value.messages[-1] == (
        "Vraag 3 (c), relevant: De expressie verwijst naar een onbekende vraag: zz."
    )
    assert refused.value.messages[0] == "Vraag 2 (a): de sleutel komt al eerder voor."


def test_relevant_may_only_name_earlier_questions_and_constraint_any():
    questions = [
        {"key": "a", "kind": "text", "label": "A", "relevant": "${b} = 'x'"},
        {"key": "b", "kind": "text", "label": "B", "constraint": "${a} != . and ${c} = ''"},
        {"key": "c", "kind": "text", "label": "C"},
    ]
    assert problems(questions) == [
        "Vraag 1 (a), relevant: De expressie verwijst naar een onbekende vraag: b."
    ]
    questions[0]["relevant"] = ""
    assert clean_questions(questions)[1]["constraint"] == "${a} != . and ${c} = ''"


def test_a_list_of_notes_only_or_no_list_is_refused():
    assert problems([{"key": "a", "kind": "note", "label": "Hallo"}]) == [
        "Een vragenlijst heeft minstens één vraag nodig."
    ]
    assert problems("geen lijst") == ["De vragen moeten een lijst zijn."]
    assert problems([None])[0].startswith("Vraag 1: de sleutel")
