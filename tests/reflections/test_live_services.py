"""The live session's services: start / end, questions, answers (refusals store nothing)."""

# ruff: noqa: F811 (fixtures imported from live_fixtures)

import pytest

from duiding.reflections.live import services
from duiding.reflections.models import LiveAnswer, LiveQuestion, ReflectionChange, Status
from tests.reflections.live_fixtures import (  # noqa: F401 (fixtures)
    item,
    make_question,
    open_question,
    reader,
    reflection,
    running,
)

pytestmark = pytest.mark.django_db


def test_start_and_end_set_status_and_times_and_history(reflection, adviseur):
    started = services.start_session(reflection, adviseur)
    assert started.status == Status.RUNNING and started.started_at is not None
    with pytest.raises(services.LiveError):
        services.start_session(started, adviseur)
    ended = services.end_session(started, adviseur)
    assert ended.status == Status.DONE and ended.ended_at >= ended.started_at
    assert ReflectionChange.objects.filter(reflection=reflection).count() == 2
    with pytest.raises(services.LiveError, match="niet bezig"):
        services.end_session(ended, adviseur)


def test_opening_a_question_moves_the_phones_and_closes_the_other(running, item, adviseur):
    first = services.open_question(make_question(running, item, adviseur), adviseur)
    second = make_question(running, item, adviseur, "schaal", scale_min=1, scale_max=5)
    services.open_question(second, adviseur)
    running.refresh_from_db()
    first.refresh_from_db()
    assert running.current_question_id == second.pk
    assert first.state == LiveQuestion.State.CLOSED and first.closed_at is not None


def test_a_question_cannot_open_before_the_session_starts(reflection, item, adviseur):
    question = make_question(reflection, item, adviseur)
    with pytest.raises(services.LiveError, match="Start eerst"):
        services.open_question(question, adviseur)
    question.refresh_from_db()
    assert question.state == LiveQuestion.State.DRAFT


def test_one_answer_per_participant_and_question(open_question):
    phone = services.join(open_question.reflection)
    services.submit_answer(phone, open_question.pk, {"choice": "ja"})
    with pytest.raises(services.AnswerRefused, match="al beantwoord") as refused:
        services.submit_answer(phone, open_question.pk, {"choice": "nee"})
    assert refused.value.status == 409
    assert list(LiveAnswer.objects.values_list("choice", flat=True)) == ["ja"]


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("herkennen", {"choice": "misschien"}, "kies een van de mogelijkheden"),
        ("schaal", {"number": "7"}, "kies een getal van 1 tot en met 5"),
        ("schaal", {"number": "drie"}, "kies een getal"),
        ("keuze", {"choice": "Iets anders"}, "kies een van de mogelijkheden"),
        ("open", {"text": "   "}, "typ eerst je antwoord"),
        ("open", {"text": "x" * 501}, "hoogstens 500 tekens"),
    ],
)
def test_bad_answers_are_refused_in_dutch_and_nothing_is_stored(
    running, item, adviseur, kind, data, message
):
    question = make_question(running, item, adviseur, kind, choices=["Jongeren", "Ouderen"])
    services.open_question(question, adviseur)
    phone = services.join(running)
    with pytest.raises(services.AnswerRefused, match=message):
        services.submit_answer(phone, question.pk, data)
    assert LiveAnswer.objects.count() == 0


def test_answers_after_the_end_or_to_a_closed_or_other_question_are_refused(
    open_question, item, adviseur
):
    reflection = open_question.reflection
    phone = services.join(reflection)
    draft = make_question(reflection, item, adviseur, "open")
    with pytest.raises(services.AnswerRefused, match="niet \\(meer\\) open"):
        services.submit_answer(phone, draft.pk, {"text": "hoi"})
    services.close_question(open_question, adviseur)
    with pytest.raises(services.AnswerRefused, match="gesloten"):
        services.submit_answer(phone, open_question.pk, {"choice": "ja"})
    services.end_session(reflection, adviseur)
    with pytest.raises(services.AnswerRefused, match="afgelopen") as refused:
        services.submit_answer(phone, open_question.pk, {"choice": "ja"})
    assert refused.value.status == 410
    with pytest.raises(services.AnswerRefused, match="afgelopen"):
        services.join(reflection)
    assert LiveAnswer.objects.count() == 0


def test_a_script_is_stored_as_text(running, item, adviseur):
    question = services.open_question(make_question(running, item, adviseur, "open"), adviseur)
    answer = services.submit_answer(
        services.join(running), question.pk, {"text": "<script>alert(1)</script>"}
    )
    assert answer.text == "<script>alert(1)</script>"


def test_the_version_changes_with_answers_and_moderation(running, item, adviseur):
    question = services.open_question(make_question(running, item, adviseur, "open"), adviseur)
    before = services.answers_version(question, running)
    assert services.answers_version(question, running) == before
    answer = services.submit_answer(services.join(running), question.pk, {"text": "Bus"})
    after_answer = services.answers_version(question, running)
    assert after_answer != before
    services.moderate_answer(answer, adviseur, hidden=True, group="Vervoer", promoted=True)
    question.refresh_from_db()
    assert services.answers_version(question, running) != after_answer
    answer.refresh_from_db()
    assert (answer.hidden, answer.group, answer.promoted) == (True, "Vervoer", True)
    assert services.summary(question).total == 0


def test_codes_are_normalised_and_new_ones_free(reflection):
    assert services.normalise_code(" test-42 ") == "TEST42"
    assert services.reflection_by_code("test 42") == reflection
    assert services.reflection_by_code("NOPE99") is None
    code = services.new_join_code()
    assert len(code) == 6 and code != reflection.join_code


def test_a_long_name_is_refused(running):
    with pytest.raises(services.AnswerRefused, match="Naam"):
        services.join(running, "x" * 81)
    assert running.participants_joined.count() == 0
