"""XLSForm in and out (outcomes/xlsform): the round trip of every kind of question, the forms
Kobo and ODK users write, the refusals by sheet, row and column, and the example form that ships
with pyxform."""

from __future__ import annotations

import datetime
import io
import re

import openpyxl
import pytest
from pyxform.xls2xform import convert

from duiding.outcomes.definition import clean_questions
from duiding.outcomes.models import Questionnaire, QuestionnaireVersion
from duiding.outcomes.xlsform import XLSFormError, read_xlsform, write_xlsform
from duiding.outcomes.xlsform.example import PATH, example_questions
from duiding.outcomes.xlsform.write import questions_workbook
from tests.outcomes import xlsform_fixtures as fixtures
from tests.outcomes.pyxform_examples import SpecSheets, shipped_workbooks, spec_elements
from tests.outcomes.xlsform_fixtures import workbook

# Fixtures (tests/outcomes/xlsform_fixtures.py).
figures, feijenoord, framework = fixtures.figures, fixtures.feijenoord, fixtures.framework
programme, results, seed_activities = fixtures.programme, fixtures.results, fixtures.seed_activities
youth_org, home_start = fixtures.youth_org, fixtures.home_start

YES_NO = [
    {"value": "ja", "label": {"nl": "Ja", "en": "Yes"}},
    {"value": "nee", "label": {"nl": "Nee", "en": "No"}},
]


def every_kind() -> list[dict]:
    """A form with every kind of question, skip logic and constraints (cleaned)."""
    return clean_questions(
        [
            {
                "key": "nut",
                "kind": "scale",
                "measure": "tevredenheid",
                "label": {"nl": "Hoe nuttig was deze hulp?", "en": "How useful was this help?"},
                "hint": {"nl": "Kies een cijfer.", "en": ""},
                "min": 1,
                "max": 10,
                "anchors": {
                    "min": {"nl": "volkomen nutteloos", "en": "useless"},
                    "max": {"nl": "uitstekend", "en": ""},
                },
            },
            {
                "key": "doel",
                "kind": "scale",
                "measure": "doelrealisatie",
                "label": {"nl": "Is uw doel behaald?"},
                "min": -1,
                "max": 2,
                "choices": [
                    {"value": "-1", "label": {"nl": "ongunstiger", "en": "worse"}},
                    {"value": "0", "label": {"nl": "gelijk", "en": "the same"}},
                    {"value": "1", "label": {"nl": "deels", "en": "partly"}},
                    {"value": "2", "label": {"nl": "behaald", "en": "met"}},
                ],
            },
            {"key": "kent", "kind": "single", "label": {"nl": "Kent u ons?"}, "choices": YES_NO},
            {
                "key": "waar",
                "kind": "multiple",
                "label": {"nl": "Waar hoorde u van ons?", "en": "Where did you hear of us?"},
                "relevant": "${kent} = 'ja'",
                "constraint": "count-selected(.) <= 2",
                "constraint_message": {"nl": "Kies er hoogstens twee.", "en": "At most two."},
                "choices": [
                    {"value": "school", "label": {"nl": "School", "en": "School"}},
                    {"value": "buren", "label": {"nl": "Buren", "en": ""}},
                    {"value": "anders", "label": {"nl": "Anders", "en": "Other"}},
                ],
            },
            {
                "key": "leeftijd",
                "kind": "number",
                "label": {"nl": "Hoe oud bent u?"},
                "min": 0,
                "max": 120,
                "constraint": ". != 13",
                "required": False,
            },
            {
                "key": "uren",
                "kind": "number",
                "label": {"nl": "Uren per week"},
                "decimals": 1,
                "min": -1.5,
            },
            {"key": "bedrag", "kind": "number", "label": {"nl": "Bedrag"}, "decimals": 2},
            {
                "key": "beter",
                "kind": "text",
                "label": {"nl": "Wat kan beter?", "en": "What could be better?"},
                "max_length": 200,
                "relevant": "selected(${waar}, 'anders') or ${nut} <= 5",
                "required": False,
            },
            {"key": "vrij", "kind": "text", "label": {"nl": "=SOM(A1) staat hier als tekst"}},
            {"key": "dank", "kind": "note", "label": {"nl": "Dank u wel!", "en": "Thank you!"}},
        ]
    )


def problems(data: bytes, **kwargs) -> list[str]:
    with pytest.raises(XLSFormError) as refused:
        read_xlsform(data, **kwargs)
    return refused.value.messages


# --- the round trip ---------------------------------------------------------------------------


def test_every_kind_comes_back_the_same_from_its_xlsform():
    questions = every_kind()
    data = questions_workbook(questions, title="Alles", form_id="alles")
    form = read_xlsform(data, name="alles.xlsx")
    assert form.questions == questions
    assert form.title == "Alles"
    assert form.notes == []


def test_the_export_is_a_valid_xlsform_for_pyxform():
    data = questions_workbook(every_kind(), title="Alles", form_id="alles")
    result = convert(xlsform=io.BytesIO(data), file_type=".xlsx", validate=False)
    assert '<range ref="/data/nut" start="1" end="10" step="1"' in result.xform
    assert '<range ref="/data/doel" start="-1" end="2" step="1"' in result.xform
    assert "relevant=\"selected( /data/waar , 'anders') or  /data/nut  &lt;= 5\"" in result.xform
    assert [w for w in result.warnings if "missing" in w.lower()] == []


def test_the_export_has_the_documented_sheets_and_columns():
    data = questions_workbook(every_kind(), title="Alles", form_id="alles")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["survey", "choices", "settings"]
    header = [c.value for c in book["survey"][1]]
    assert header[:4] == ["type", "name", "label::Dutch (nl)", "label::English (en)"]
    assert {"hint::Dutch (nl)", "relevant", "constraint", "parameters"} <= set(header)
    rows = {r[1]: r for r in book["survey"].iter_rows(min_row=2, values_only=True)}
    col = {name: i for i, name in enumerate(header)}
    assert rows["nut"][col["type"]] == "range"
    assert rows["nut"][col["parameters"]] == "start=1 end=10 step=1"
    assert (
        rows["nut"][col["hint::Dutch (nl)"]]
        == "Kies een cijfer.\n1 = volkomen nutteloos\n10 = uitstekend"
    )
    assert rows["doel"][col["parameters"]] == "start=-1 end=2 step=1 tick_labelset=doel"
    assert rows["kent"][col["type"]] == "select_one kent"
    assert rows["waar"][col["type"]] == "select_multiple waar"
    assert rows["leeftijd"][col["constraint"]] == ". >= 0 and . <= 120 and (. != 13)"
    assert rows["beter"][col["constraint"]] == "string-length(.) <= 200"
    # A text that looks like a formula is a text cell, never a formula.
    cell = next(c for c in book["survey"]["C"] if str(c.value).startswith("=SOM"))
    assert cell.data_type == "s"


def test_write_xlsform_of_a_stored_questionnaire_comes_back_the_same(home_start):
    questionnaire = Questionnaire.objects.create(
        activity=home_start,
        title="Tevredenheid Home-Start",
        moment="eindmeting",
        opens_on=datetime.date(2026, 11, 1),
        closes_on=datetime.date(2026, 11, 30),
    )
    QuestionnaireVersion.objects.create(
        questionnaire=questionnaire, number=1, questions=every_kind()[:3]
    )
    version = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire, number=2, questions=every_kind()
    )
    form = read_xlsform(write_xlsform(questionnaire))
    assert form.questions == version.questions
    assert form.title == "Tevredenheid Home-Start"
    first = read_xlsform(write_xlsform(questionnaire.versions.get(number=1)))
    assert first.questions == every_kind()[:3]
    dutch_only = openpyxl.load_workbook(io.BytesIO(write_xlsform(questionnaire, languages=("nl",))))
    assert "label::English (en)" not in [c.value for c in dutch_only["survey"][1]]


def test_the_shipped_example_is_the_school_mark_questionnaire():
    from pathlib import Path

    import duiding

    shipped = Path(duiding.__file__).parent / PATH
    form = read_xlsform(shipped)
    assert form.questions == example_questions()
    assert form.questions[0]["label"]["nl"].startswith("Geef met een schoolcijfer van 1 tot 10")
    assert form.questions[0]["anchors"]["min"]["nl"] == "volkomen nutteloos, ik had er niets aan"


# --- what Kobo and ODK users write --------------------------------------------------------


KOBO_SURVEY = [
    [
        "type",
        "name",
        "label::Nederlands (nl)",
        "label::English (en)",
        "hint::Nederlands (nl)",
        "required",
        "relevant",
        "constraint",
        "constraint_message::Nederlands (nl)",
        "label::Français (fr)",
        "appearance",
        "$kuid",
    ],
    ["start", "start", "", "", "", "", "", "", "", "", "", "a1"],
    ["end", "end", "", "", "", "", "", "", "", "", "", "a2"],
    ["begin group", "over_u", "Over u", "About you", "", "", "", "", "", "", "field-list", "a3"],
    [
        "integer",
        "leeftijd",
        "Leeftijd",
        "Age",
        "In jaren",
        "true",
        "",
        ". >= 12 and . <= 23",
        "Tussen 12 en 23",
        "Âge",
        "",
        "a4",
    ],
    [
        "select one from jaofnee",
        "school",
        "Zit je op school?",
        "",
        "",
        "1",
        "",
        "",
        "",
        "",
        "",
        "a5",
    ],
    ["end group", "", "", "", "", "", "", "", "", "", "", ""],
    ["begin_group", "school_vragen", "School", "", "", "", "${school} = 'ja'", "", "", "", "", ""],
    [
        "decimal",
        "cijfer",
        "Je laatste cijfer",
        "",
        "",
        "yes",
        "${leeftijd} > 12",
        ". >= 1",
        "",
        "",
        "",
        "",
    ],
    [
        "select_multiple vakken",
        "vakken",
        "Welke vakken?",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "minimal",
        "",
    ],
    ["end_group", "", "", "", "", "", "", "", "", "", "", ""],
    ["range", "rapport", "Rapportcijfer", "", "1 = slecht\n10 = goed", "", "", "", "", "", "", ""],
    ["text", "opmerking", "Opmerking", "", "", "no", "", "string-length(.) <= 300", "", "", "", ""],
    ["note", "einde", "Bedankt!", "Thanks!", "", "", "", "", "", "", "", ""],
]
KOBO_CHOICES = [
    ["list_name", "name", "label::Nederlands (nl)", "label::English (en)"],
    ["jaofnee", "ja", "Ja", "Yes"],
    ["jaofnee", "nee", "Nee", "No"],
    ["vakken", "wiskunde", "Wiskunde", "Maths"],
    ["vakken", "taal", "Nederlands", "Dutch"],
]


def test_a_kobo_form_becomes_questions_with_groups_flattened():
    data = workbook(
        KOBO_SURVEY, KOBO_CHOICES, [["form_title", "form_id"], ["Jongerenpeiling", "peiling"]]
    )
    form = read_xlsform(data, name="peiling.xlsx")
    assert form.title == "Jongerenpeiling"
    assert [q["key"] for q in form.questions] == [
        "leeftijd",
        "school",
        "cijfer",
        "vakken",
        "rapport",
        "opmerking",
        "einde",
    ]
    by_key = {q["key"]: q for q in form.questions}
    assert by_key["leeftijd"] | {} == {
        "key": "leeftijd",
        "kind": "number",
        "label": {"nl": "Leeftijd", "en": "Age"},
        "hint": {"nl": "In jaren", "en": ""},
        "required": True,
        "measure": "",
        "relevant": "",
        "constraint": "",
        "constraint_message": {"nl": "Tussen 12 en 23", "en": ""},
        "min": 12,
        "max": 23,
        "decimals": 0,
    }
    assert by_key["school"]["kind"] == "single" and by_key["school"]["required"] is True
    assert by_key["school"]["choices"][1] == {"value": "nee", "label": {"nl": "Nee", "en": "No"}}
    # A question inside a group with `relevant` carries the group's condition as well.
    assert by_key["cijfer"]["relevant"] == "(${school} = 'ja') and (${leeftijd} > 12)"
    assert by_key["cijfer"]["decimals"] == 2 and by_key["cijfer"]["min"] == 1
    assert (
        by_key["vakken"]["relevant"] == "${school} = 'ja'"
        and by_key["vakken"]["kind"] == "multiple"
    )
    assert by_key["rapport"]["min"] == 1 and by_key["rapport"]["max"] == 10
    assert by_key["rapport"]["anchors"] == {
        "min": {"nl": "slecht", "en": ""},
        "max": {"nl": "goed", "en": ""},
    }
    assert by_key["rapport"]["hint"] == {"nl": "", "en": ""}
    assert by_key["opmerking"]["max_length"] == 300 and by_key["opmerking"]["required"] is False
    assert by_key["einde"]["kind"] == "note" and by_key["einde"]["required"] is False
    notes = " ".join(form.notes)
    assert "Rij 2 (start)" in notes and "Rij 3 (end)" in notes
    assert "label::Français (fr)" in notes
    assert "appearance" in notes and "$kuid" in notes


def test_the_title_is_the_file_name_without_settings():
    data = workbook([["type", "name", "label"], ["text", "naam", "Wat wilt u kwijt?"]])
    assert read_xlsform(data, name="Peiling najaar.xlsx").title == "Peiling najaar"


def test_a_plain_label_is_dutch_unless_the_default_language_is_english():
    survey = [
        ["type", "name", "label", "label::Dutch (nl)"],
        ["text", "a", "Gewoon", ""],
        ["text", "b", "Plain", "Nederlands"],
    ]
    form = read_xlsform(workbook(survey))
    assert [q["label"] for q in form.questions] == [
        {"nl": "Gewoon", "en": ""},
        {"nl": "Nederlands", "en": ""},
    ]
    english = [["type", "name", "label", "label::Dutch (nl)"], ["text", "b", "Plain", "Nederlands"]]
    form = read_xlsform(workbook(english, settings=[["default_language"], ["English (en)"]]))
    assert form.questions[0]["label"] == {"nl": "Nederlands", "en": "Plain"}


def test_a_form_whose_plain_label_is_english_needs_a_dutch_column():
    survey = [["type", "name", "label"], ["text", "a", "Name?"]]
    messages = problems(workbook(survey, settings=[["default_language"], ["English (en)"]]))
    assert messages == ["Blad survey, rij 2, kolom label: de vraagtekst (Nederlands) ontbreekt."]


# --- refusals -------------------------------------------------------------------------------


def test_an_unknown_type_is_refused_by_sheet_row_and_column():
    survey = [
        ["type", "name", "label"],
        ["text", "naam", "Waar woont u?"],
        ["integer", "leeftijd", "Leeftijd"],
        ["note", "uitleg", "Uitleg"],
        ["geopoint", "plek", "Waar bent u?"],
    ]
    assert problems(workbook(survey)) == [
        "Blad survey, rij 5, kolom type: het type ‘geopoint’ kan Duiding niet opslaan."
    ]


def test_a_missing_choice_list_is_refused_and_nothing_else_is_read():
    survey = [
        ["type", "name", "label"],
        ["text", "naam", "Naam van de activiteit"],
        ["integer", "keer", "Hoe vaak?"],
        ["select_one jaofnee", "kent", "Kent u ons?"],
    ]
    assert problems(
        workbook(
            survey,
            [
                ["list_name", "name", "label"],
                ["kleur", "rood", "Rood"],
                ["kleur", "blauw", "Blauw"],
            ],
        )
    ) == ["Blad survey, rij 4, kolom type: de keuzelijst ‘jaofnee’ staat niet op blad choices."]
    assert problems(workbook(survey)) == [
        "Blad survey, rij 4, kolom type: de keuzelijst ‘jaofnee’ staat niet op blad choices."
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            ["deviceid", "deviceid", ""],
            "kolom type: het type ‘deviceid’ verzamelt gegevens over het apparaat",
        ),
        (["username", "username", ""], "kolom type: het type ‘username’ verzamelt gegevens"),
        (
            ["phonenumber", "phonenumber", ""],
            "kolom type: het type ‘phonenumber’ verzamelt gegevens",
        ),
        (["audit", "audit", ""], "kolom type: het type ‘audit’ verzamelt gegevens"),
        (["calculate", "som", ""], "kolom type: het type ‘calculate’ kan Duiding niet opslaan."),
        (
            ["begin_repeat", "kind", "Kind"],
            "kolom type: een herhaalde groep (‘begin_repeat’) kan Duiding niet opslaan.",
        ),
        (["image", "foto", "Foto"], "kolom type: het type ‘image’ kan Duiding niet opslaan."),
        (
            ["select_one_from_file wijken.csv", "wijk", "Wijk"],
            "kolom type: het type ‘select_one_from_file wijken.csv’",
        ),
        (
            ["select_one jaofnee or_other", "kent", "Kent u ons?"],
            "kolom type: ‘or_other’ na de keuzelijst kan Duiding niet opslaan.",
        ),
        (
            ["select_one", "kent", "Kent u ons?"],
            "kolom type: na ‘select_one’ hoort de naam van een keuzelijst",
        ),
        (["date", "datum", "Datum"], "kolom type: het type ‘date’ kan Duiding niet opslaan."),
    ],
)
def test_what_duiding_cannot_store_is_refused_by_name(row, expected):
    survey = [["type", "name", "label"], ["text", "naam", "Naam"], row, ["end_repeat", "", ""]]
    choices = [["list_name", "name", "label"], ["jaofnee", "ja", "Ja"], ["jaofnee", "nee", "Nee"]]
    messages = problems(workbook(survey, choices))
    assert len(messages) == 1
    assert messages[0].startswith("Blad survey, rij 3, ") and expected in messages[0]


def test_cells_and_parameters_duiding_cannot_keep_are_refused():
    survey = [
        ["type", "name", "label", "required", "parameters", "calculation", "relevant"],
        ["range", "cijfer", "Cijfer", "", "start=0 end=10 step=2", "", ""],
        ["range", "punt", "Punt", "", "start=0.5 end=3", "", ""],
        ["text", "naam", "Naam", "${cijfer} > 5", "", "", ""],
        ["text", "reden", "Reden", "", "", "1 + 1", ""],
        ["text", "uitleg", "Uitleg", "", "", "", "regex(${naam}, '[a-z]+')"],
        ["integer", "Leeftijd", "Leeftijd", "", "", "", "${onbekend} = 1"],
    ]
    messages = problems(workbook(survey))
    assert messages[0].startswith(
        "Blad survey, rij 2, kolom parameters: Duiding leest bij een range"
    )
    assert messages[1].startswith("Blad survey, rij 3, kolom parameters: ")
    assert messages[2].startswith(
        "Blad survey, rij 4, kolom required: ‘${cijfer} > 5’ kan Duiding niet lezen"
    )
    assert (
        messages[3]
        == "Blad survey, rij 5, kolom calculation: Duiding kan ‘calculation’ niet opslaan; laat deze cel leeg."
    )
    assert messages[4].startswith("Blad survey, rij 6, kolom relevant: ") and "regex" in messages[4]
    assert messages[5].startswith(
        "Blad survey, rij 7, kolom name: de naam ‘Leeftijd’ kan Duiding niet gebruiken"
    )
    assert (
        messages[6]
        == "Blad survey, rij 7, kolom relevant: De expressie verwijst naar een onbekende vraag: onbekend."
    )
    assert len(messages) == 7


def test_an_unknown_measure_is_refused_in_its_column():
    survey = [["type", "name", "label", "duiding_measure"], ["integer", "a", "A", "geluk"]]
    (message,) = problems(workbook(survey))
    assert message.startswith("Blad survey, rij 2, kolom duiding_measure: onbekende maat ‘geluk’")


def test_problems_in_the_choices_sheet_name_its_rows():
    survey = [
        ["type", "name", "label"],
        ["select_one kleur", "kleur", "Kleur"],
        ["select_multiple een", "een", "Een"],
    ]
    choices = [
        ["list_name", "name", "label"],
        ["kleur", "rood", "Rood"],
        ["kleur", "rood", ""],
        ["een", "alleen", "Alleen"],
    ]
    assert problems(workbook(survey, choices)) == [
        "Blad survey, rij 3, kolom type: een keuzevraag heeft minstens twee keuzes nodig.",
        "Blad choices, rij 3, kolom label: keuze 2: de tekst (Nederlands) ontbreekt.",
        "Blad choices, rij 3, kolom name: keuze 2: de waarde ‘rood’ komt twee keer voor.",
    ]


def test_every_problem_of_a_file_is_listed_at_once():
    survey = [
        ["type", "name", "label"],
        ["geopoint", "plek", "Plek"],
        ["select_one nergens", "keuze", "Keuze"],
        ["text", "naam", ""],
        ["text", "naam", "Nog eens"],
        ["begin_group", "open", "Open"],
    ]
    messages = problems(workbook(survey))
    assert [re.match(r"Blad survey, rij (\d+), kolom (\w+)", m).groups() for m in messages] == [
        ("2", "type"),
        ("3", "type"),
        ("4", "label"),
        ("5", "name"),
        ("6", "type"),
    ]


def test_a_pyxform_error_is_reported_in_dutch_with_pyxforms_text():
    survey = [["type", "name", "label"], ["text", "meta", "Een naam die pyxform reserveert"]]
    (message,) = problems(workbook(survey))
    assert message.startswith("Volgens pyxform is dit geen geldig XLSForm: [row : 2] ")
    assert "'meta' is reserved" in message


def test_an_answer_piped_into_a_text_is_refused():
    survey = [
        ["type", "name", "label::Dutch (nl)", "hint::English (en)"],
        ["text", "naam", "Naam", ""],
        ["note", "groet", "Hallo ${naam}", ""],
        ["text", "vraag", "Vraag", "About ${naam}"],
    ]
    assert problems(workbook(survey)) == [
        "Blad survey, rij 3, kolom label::Dutch (nl): een antwoord in de tekst (zoals ${naam}) "
        "kan Duiding niet tonen; schrijf de tekst zonder verwijzing.",
        "Blad survey, rij 4, kolom hint::English (en): een antwoord in de tekst (zoals ${naam}) "
        "kan Duiding niet tonen; schrijf de tekst zonder verwijzing.",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"geen excel", "Het bestand is geen Excel-bestand (.xlsx)"),
        (workbook([["type", "name"]]), "Blad survey: er staat geen enkele vraag op dit blad."),
        (
            workbook([["naam", "label"], ["x", "y"]]),
            "Blad survey, rij 1: de kolom ‘type’ ontbreekt.",
        ),
    ],
)
def test_a_file_that_is_no_xlsform_is_refused(data, expected):
    assert problems(data)[0].startswith(expected)


def test_a_sheet_longer_than_any_questionnaire_is_refused():
    survey = [["type", "name", "label"]] + [["text", f"v{i}", "V"] for i in range(2000)]
    assert problems(workbook(survey)) == [
        "Blad survey heeft meer dan 2000 rijen; zo lang kan een vragenlijst niet zijn."
    ]


def test_a_workbook_without_a_survey_sheet_is_refused():
    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    out = io.BytesIO()
    book.save(out)
    assert problems(out.getvalue()) == [
        "Het bestand heeft geen blad ‘survey’; een XLSForm heeft dat altijd."
    ]


# --- the example form that ships with pyxform ------------------------------------------------


def test_pyxform_ships_no_xlsform_workbook_only_its_spec_xform():
    """If a later pyxform ships example workbooks, this fails: test them like the spec form."""
    assert shipped_workbooks() == []
    assert len(spec_elements()) > 3


def test_the_pyxform_spec_form_is_refused_naming_each_row_duiding_cannot_store():
    sheets = SpecSheets(spec_elements())
    messages = problems(workbook(sheets.survey, sheets.choices))
    assert all(re.match(r"Blad (survey|choices), rij \d+, kolom \S+: ", m) for m in messages), (
        messages
    )
    for name, kind in [
        ("geopoint_test", "geopoint"),
        ("image_test", "image"),
        ("audio_test", "audio"),
        ("barcode_test", "barcode"),
        ("date_test", "date"),
        ("calculate_test", "calculate"),
        ("acknowledge_test", "acknowledge"),
    ]:
        expected = f"Blad survey, rij {sheets.rows[name]}, kolom type: het type ‘{kind}’ kan Duiding niet opslaan."
        assert expected in messages
    for name in ("deviceid", "phonenumber", "uri_deviceid"):
        assert any(
            m.startswith(f"Blad survey, rij {sheets.rows[name]}, kolom type: het type")
            and "apparaat" in m
            for m in messages
        )
    assert (
        f"Blad survey, rij {sheets.rows['repeat_test']}, kolom type: een herhaalde groep (‘begin_repeat’) kan Duiding niet opslaan."
        in messages
    )
    assert any(
        m.startswith(
            f"Blad survey, rij {sheets.rows['label-test']}, kolom name: de naam ‘label-test’"
        )
        for m in messages
    )
    assert any(
        m.startswith(f"Blad survey, rij {sheets.rows['email_note']}, kolom relevant: ")
        and "regex" in m
        for m in messages
    )
    assert not any(
        f"rij {sheets.rows['start']}," in m for m in messages
    )  # start: left out, no error


SPEC_KINDS = {"text", "integer", "decimal", "select one", "select all that apply", "note", "group"}
SPEC_REFUSED_NAMES = {
    "email_note",
    "label-test",
    "list-nolabel-test",
    "compact-test",
    "compact-2-test",
    "_1",
    "FALSE",
    "invalid_variable",
}


def test_the_part_of_the_pyxform_spec_form_duiding_can_store_comes_back_the_same():
    def keep(element):
        label = element.get("label")
        return (
            element.get("type") in SPEC_KINDS
            and element.get("name") not in SPEC_REFUSED_NAMES
            and (element.get("type") == "group" or isinstance(label, dict) and label.get("english"))
            and "${" not in str(label)
        )

    sheets = SpecSheets(spec_elements(), keep)
    form = read_xlsform(workbook(sheets.survey, sheets.choices))
    keys = [q["key"] for q in form.questions]
    assert {"skip_to_end", "my_name", "address", "a_integer", "a_decimal", "note_test"} <= set(keys)
    by_key = {q["key"]: q for q in form.questions}
    assert by_key["a_decimal"]["constraint"] == ". <= ${a_integer}"
    assert by_key["my_name"]["relevant"] == "not(selected(${skip_to_end}, 'yes'))"
    assert by_key["skip_to_end"]["choices"][0] == {"value": "yes", "label": {"nl": "Yes", "en": ""}}
    again = read_xlsform(questions_workbook(form.questions, title="Spec test", form_id="spec"))
    assert again.questions == form.questions
