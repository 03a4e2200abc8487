"""check_answers (every kind, every bad input) and submit (window, unknown, replay, card)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import timezone

from duiding.outcomes.answer_services import (
    AnswersInvalid,
    CardUsed,
    Replayed,
    UnknownQuestionnaire,
    WindowClosed,
    submit,
    window_state,
)
from duiding.outcomes.answering import ALL, check_answers
from duiding.outcomes.cards import cards_create
from duiding.outcomes.models import Answer, PairCard, QuestionnaireVersion, Response
from tests.outcomes.phone.conftest import make_questionnaire

pytestmark = pytest.mark.django_db

TOKEN = "t" * 24


def form(**values) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


def rows(checked) -> list[tuple]:
    return [(a.question, a.number, a.choice, a.text) for a in checked.answers]


# --- every kind -------------------------------------------------------------------------------


def test_a_full_form_gives_one_row_per_answer_and_per_chosen_value(questions):
    checked = check_answers(
        questions,
        form(
            nut="8",
            verder="3",
            doel="-1",
            waar=["buurt", "school"],
            keer="12",
            uren="3,5",
            tip="Meer avonden",
        ),
    )
    assert checked.errors == {}
    assert rows(checked) == [
        ("nut", Decimal(8), "", ""),
        ("verder", Decimal(3), "", ""),
        ("doel", Decimal(-1), "-1", ""),
        ("waar", None, "school", ""),  # in the order of the choices
        ("waar", None, "buurt", ""),
        ("keer", Decimal(12), "", ""),
        ("uren", Decimal("3.5"), "", ""),
        ("tip", None, "", "Meer avonden"),
    ]


def test_json_values_are_read_as_the_form_values(questions):
    checked = check_answers(questions, {"nut": 10, "doel": "2", "waar": "school", "uren": 2.5})
    assert checked.errors == {}
    assert ("nut", Decimal(10), "", "") in rows(checked)
    assert ("uren", Decimal("2.5"), "", "") in rows(checked)
    assert ("waar", None, "school", "") in rows(checked)


def test_only_the_required_questions_are_needed(questions):
    checked = check_answers(questions, form(nut="1", doel="0"))
    assert checked.errors == {}
    assert [a.question for a in checked.answers] == ["nut", "doel"]


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "11", "7.5", "zeven", "-3"])
def test_a_mark_outside_the_scale_is_refused_naming_the_scale(questions, value):
    checked = check_answers(questions, form(nut=value, doel="1"))
    assert checked.errors == {"nut": "Kies een getal van 1 tot en met 10."}
    assert not checked.ok


def test_a_missing_required_answer_is_refused(questions):
    checked = check_answers(questions, form(doel="1"))
    assert checked.errors == {"nut": "Deze vraag is verplicht: kies of vul een antwoord in."}


def test_an_unknown_choice_is_refused(questions):
    checked = check_answers(questions, form(nut="5", doel="3", waar=["school", "kerk"]))
    assert checked.errors == {
        "doel": "Kies een van de antwoorden.",
        "waar": "Kies alleen uit de gegeven antwoorden.",
    }


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("keer", "53", "Het getal mag niet groter zijn dan 52."),
        ("keer", "-1", "Het getal mag niet kleiner zijn dan 0."),
        ("keer", "2,5", "Vul een heel getal in (zonder komma)."),
        ("uren", "3,25", "Gebruik hoogstens 1 cijfer(s) achter de komma."),
        ("uren", "veel", "Vul een getal in, bijvoorbeeld 12 of 3,5."),
        ("uren", "1e12", "Dit getal is te groot."),
        ("uren", "NaN", "Vul een getal in, bijvoorbeeld 12 of 3,5."),
    ],
)
def test_a_number_outside_its_bounds_or_decimals_is_refused(questions, key, value, message):
    checked = check_answers(questions, form(nut="5", doel="1", **{key: value}))
    assert checked.errors == {key: message}


def test_a_failing_constraint_is_refused_with_its_message(questions):
    checked = check_answers(questions, form(nut="5", doel="1", uren="25"))
    assert checked.errors == {"uren": "Dit antwoord kan niet kloppen; kijk het nog eens na."}
    questions[6]["constraint_message"] = {"nl": "Hoogstens 20 uur per week.", "en": "At most 20."}
    checked = check_answers(questions, form(nut="5", doel="1", uren="25"))
    assert checked.errors == {"uren": "Hoogstens 20 uur per week."}
    checked = check_answers(questions, form(nut="5", doel="1", uren="25"), language="en")
    assert checked.errors == {"uren": "At most 20."}


def test_a_question_that_is_not_relevant_is_not_asked_nor_stored(questions):
    checked = check_answers(questions, form(nut="5", doel="1", anders_waar="De krant"))
    assert checked.errors == {}
    assert "anders_waar" not in [a.question for a in checked.answers]


def test_a_relevant_required_question_must_be_answered(questions):
    checked = check_answers(questions, form(nut="5", doel="1", waar=["anders"]))
    assert list(checked.errors) == ["anders_waar"]
    checked = check_answers(
        questions, form(nut="5", doel="1", waar=["anders"], anders_waar="De krant")
    )
    assert ("anders_waar", None, "", "De krant") in rows(checked)


def test_a_script_in_an_open_answer_is_kept_as_plain_text(questions):
    script = '<script>alert("x")</script>\x00\x07 & co'
    checked = check_answers(questions, form(nut="5", doel="1", tip=script))
    assert rows(checked)[-1] == ("tip", None, "", '<script>alert("x")</script> & co')


def test_an_open_answer_longer_than_allowed_is_refused(questions):
    checked = check_answers(questions, form(nut="5", doel="1", tip="x" * 501))
    assert checked.errors == {"tip": "Gebruik hoogstens 500 tekens (nu 501)."}


def test_nothing_answered_at_all_is_refused(seed_activities):
    questionnaire = make_questionnaire(
        seed_activities["home_start"],
        questions=[{"key": "tip", "kind": "text", "label": "Tip?", "required": False}],
    )
    checked = check_answers(questionnaire.current.questions, form())
    assert list(checked.errors) == [ALL]


def test_wrong_json_types_are_refused(questions):
    checked = check_answers(
        questions, {"nut": True, "doel": ["1"], "waar": [{"a": 1}], "tip": {"x": 1}}
    )
    assert set(checked.errors) == {"nut", "doel", "waar", "tip"}


# --- submit ----------------------------------------------------------------------------------


def test_submit_stores_a_response_on_the_latest_version(questionnaire):
    newer = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire, number=2, questions=questionnaire.current.questions
    )
    response = submit(questionnaire, form(nut="9", doel="2"), submission_token=TOKEN)
    assert response.questionnaire_version == newer
    assert response.submitted_on == timezone.localdate()
    assert list(response.answers.values_list("question", flat=True)) == ["nut", "doel"]


def test_submit_by_code_and_an_unknown_code(questionnaire):
    submit(questionnaire.code, form(nut="9", doel="2"), submission_token=TOKEN)
    with pytest.raises(UnknownQuestionnaire):
        submit("ONBEKEND", form(nut="9", doel="2"), submission_token="u" * 24)
    assert Response.objects.count() == 1


def test_a_questionnaire_without_questions_is_unknown(questionnaire):
    questionnaire.versions.all().delete()
    with pytest.raises(UnknownQuestionnaire):
        submit(questionnaire, form(nut="9", doel="2"), submission_token=TOKEN)


@pytest.mark.parametrize(("opens", "closes", "not_yet"), [(1, 10, True), (-10, -1, False)])
def test_a_closed_window_is_refused(seed_activities, opens, closes, not_yet):
    questionnaire = make_questionnaire(seed_activities["home_start"], opens=opens, closes=closes)
    with pytest.raises(WindowClosed) as refused:
        submit(questionnaire, form(nut="9", doel="2"), submission_token=TOKEN)
    assert refused.value.not_yet is not_yet
    assert Response.objects.count() == 0


def test_the_first_and_last_day_are_open(seed_activities):
    today = timezone.localdate()
    questionnaire = make_questionnaire(seed_activities["home_start"], opens=0, closes=0)
    assert questionnaire.opens_on == questionnaire.closes_on == today
    submit(questionnaire, form(nut="9", doel="2"), submission_token=TOKEN)
    assert Response.objects.count() == 1


def test_invalid_answers_store_nothing(questionnaire):
    with pytest.raises(AnswersInvalid) as refused:
        submit(questionnaire, form(nut="12", doel="2"), submission_token=TOKEN)
    assert refused.value.errors == {"nut": "Kies een getal van 1 tot en met 10."}
    assert Response.objects.count() == Answer.objects.count() == 0


def test_a_replayed_submission_is_refused(questionnaire):
    submit(questionnaire, form(nut="9", doel="2"), submission_token=TOKEN)
    with pytest.raises(Replayed):
        submit(questionnaire, form(nut="3", doel="0"), submission_token=TOKEN)
    assert Response.objects.count() == 1
    assert Answer.objects.filter(question="nut").get().number == 9


@pytest.mark.parametrize("token", ["", "kort", "x" * 65, "met spaties erin 1234"])
def test_a_missing_or_malformed_token_is_refused(questionnaire, token):
    with pytest.raises(AnswersInvalid) as refused:
        submit(questionnaire, form(nut="9", doel="2"), submission_token=token)
    assert list(refused.value.errors) == ["submission"]


def test_a_card_links_pre_and_post_and_is_used_once_per_questionnaire(seed_activities):
    activity = seed_activities["home_start"]
    pre = make_questionnaire(activity, title="Voor", moment="voormeting")
    post = make_questionnaire(activity, title="Na")
    cards_create(activity=activity, count=2)
    card = PairCard.objects.filter(activity=activity).first()
    submit(pre, form(nut="4", doel="0"), card=card.code.lower(), submission_token="a" * 20)
    submit(post, form(nut="8", doel="2"), card=card, submission_token="b" * 20)
    with pytest.raises(CardUsed):
        submit(post, form(nut="1", doel="0"), card=card.code, submission_token="c" * 20)
    assert list(card.responses.order_by("pk").values_list("questionnaire__title", flat=True)) == [
        "Voor",
        "Na",
    ]


def test_a_card_of_another_activity_or_unknown_is_refused(seed_activities, questionnaire):
    cards_create(activity=seed_activities["social"], count=1)
    other = PairCard.objects.get()
    for code in (other.code, "ONBEKEND"):
        with pytest.raises(AnswersInvalid) as refused:
            submit(questionnaire, form(nut="9", doel="2"), card=code, submission_token=TOKEN)
        assert list(refused.value.errors) == ["card"]
    assert Response.objects.count() == 0


def test_cards_are_made_in_sets_with_unique_random_codes(seed_activities):
    activity = seed_activities["home_start"]
    assert cards_create(activity=activity, count=30) == 1
    assert cards_create(activity=activity, count=5) == 2
    codes = list(PairCard.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes)) == 35
    assert all(len(c) == 8 and not set(c) & set("01ILO") for c in codes)
    with pytest.raises(ValueError):
        cards_create(activity=activity, count=201)
    assert PairCard.objects.count() == 35


def test_the_window_follows_the_date_in_amsterdam(seed_activities, monkeypatch):
    """23:30 UTC on 1 December is 00:30 on 2 December in Amsterdam: a questionnaire that opens on
    2 December is open then, one that closed on 1 December is closed."""
    questionnaire = make_questionnaire(seed_activities["home_start"])
    questionnaire.opens_on = datetime.date(2026, 12, 2)
    questionnaire.closes_on = datetime.date(2026, 12, 20)
    questionnaire.save()
    late = datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: late)
    assert window_state(questionnaire) == "open"
    response = submit(questionnaire, form(nut="9", doel="2"), submission_token=TOKEN)
    assert response.submitted_on == datetime.date(2026, 12, 2)
    questionnaire.opens_on = datetime.date(2026, 11, 1)
    questionnaire.closes_on = datetime.date(2026, 12, 1)
    assert window_state(questionnaire) == "closed"
