"""The example XLSForm offered on the upload page: the school-mark questionnaire of seed 003
appendix 9 ("Geef met een schoolcijfer van 1 tot 10 aan hoe nuttig deze hulp voor u / jou was"),
with an open question for a low mark. `python scripts/xlsform_example.py` writes it to
`outcomes/static/outcomes/voorbeeld-xlsform.xlsx`; a test checks the shipped file against it."""

from __future__ import annotations

from duiding.outcomes.definition import clean_questions
from duiding.outcomes.xlsform.write import questions_workbook

TITLE = "Hoe nuttig was deze hulp?"
PATH = "outcomes/static/outcomes/voorbeeld-xlsform.xlsx"  # below src/duiding


def example_questions() -> list[dict]:
    return clean_questions(
        [
            {
                "key": "nut",
                "kind": "scale",
                "measure": "tevredenheid",
                "label": {
                    "nl": "Geef met een schoolcijfer van 1 tot 10 aan hoe nuttig deze hulp voor "
                    "u / jou was",
                    "en": "Give a school mark from 1 to 10 for how useful this help was for you",
                },
                "min": 1,
                "max": 10,
                "anchors": {
                    "min": {
                        "nl": "volkomen nutteloos, ik had er niets aan",
                        "en": "completely useless, it did not help me at all",
                    },
                    "max": {
                        "nl": "uitstekend, ik heb er veel aan gehad",
                        "en": "excellent, it helped me a lot",
                    },
                },
                "required": True,
            },
            {
                "key": "beter",
                "kind": "text",
                "label": {
                    "nl": "Wat kunnen we beter doen?",
                    "en": "What could we do better?",
                },
                "hint": {"nl": "Schrijf geen namen op.", "en": "Please do not write names."},
                "required": False,
                "relevant": "${nut} <= 5",
                "max_length": 500,
            },
            {
                "key": "dank",
                "kind": "note",
                "label": {"nl": "Dank u wel!", "en": "Thank you!"},
            },
        ]
    )


def example_workbook() -> bytes:
    return questions_workbook(
        example_questions(), title=TITLE, form_id="duiding_voorbeeld_schoolcijfer"
    )
