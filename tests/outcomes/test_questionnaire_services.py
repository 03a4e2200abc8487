"""The questionnaire services: create with version 1, details with a version check and a window
check, questions with versions (answers keep theirs), the one-question edits, delete."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from duiding.core.versioning import StaleEdit
from duiding.outcomes import services, standard
from duiding.outcomes.models import (
    MeasurementPlan,
    Questionnaire,
    QuestionnaireChange,
    QuestionnaireVersion,
)
from tests.outcomes import questionnaire_fixtures as fx
from tests.outcomes.questionnaire_fixtures import OPENS, answer

feijenoord = fx.feijenoord
figures = fx.figures
framework = fx.framework
programme = fx.programme
results = fx.results
seed_activities = fx.seed_activities
youth_org = fx.youth_org
home_start = fx.home_start
satisfaction_plan = fx.satisfaction_plan
questionnaire = fx.questionnaire

pytestmark = pytest.mark.django_db

CUSTOM = {
    "key": "sfeer",
    "kind": "single",
    "label": {"nl": "Hoe was de sfeer?"},
    "choices": [
        {"value": "1", "label": {"nl": "Goed"}},
        {"value": "2", "label": {"nl": "Niet goed"}},
    ],
}


def _questions(q) -> list[str]:
    return [item["key"] for item in q.current.questions]


def test_create_makes_version_one_with_the_cleaned_questions_and_history(
    home_start, partner, satisfaction_plan
):
    q = services.questionnaire_create(
        activity=home_start,
        user=partner,
        title="  Eindmeting Home-Start ",
        moment="eindmeting",
        opens_on=OPENS,
        closes_on=OPENS + datetime.timedelta(days=30),
        questions=standard.standard_questions("tevredenheid")
        + standard.standard_questions("doelrealisatie", goals=["Meer rust thuis"]),
        measurement_plans=[satisfaction_plan],
    )
    assert q.title == "Eindmeting Home-Start"
    assert list(q.measurement_plans.all()) == [satisfaction_plan]
    assert [v.number for v in q.versions.all()] == [1]
    assert _questions(q) == ["nut", "doel_1"]
    assert q.current.questions[1]["label"]["nl"] == "Doel 1: Meer rust thuis"
    assert q.current.questions[0]["hint"] == {"nl": "", "en": ""}  # normalised
    change = QuestionnaireChange.objects.get()
    assert change.action == "aangemaakt" and change.snapshot["versions"][0]["number"] == 1


def test_create_refuses_a_window_that_closes_before_it_opens(home_start, partner):
    with pytest.raises(ValidationError) as refused:
        services.questionnaire_create(
            activity=home_start,
            user=partner,
            title="Te kort",
            moment="voormeting",
            opens_on=OPENS,
            closes_on=OPENS - datetime.timedelta(days=1),
            questions=standard.standard_questions("tevredenheid"),
        )
    assert "Open tot en met" in refused.value.message_dict["closes_on"][0]
    assert not Questionnaire.objects.exists()


def test_create_refuses_a_plan_of_another_activity(seed_activities, home_start, partner, adviseur):
    other_plan = MeasurementPlan.objects.create(
        activity=seed_activities["social"], measure="tevredenheid", created_by=adviseur
    )
    with pytest.raises(ValidationError) as refused:
        services.questionnaire_create(
            activity=home_start,
            user=partner,
            title="Verkeerd plan",
            moment="eindmeting",
            opens_on=OPENS,
            closes_on=OPENS,
            questions=standard.standard_questions("tevredenheid"),
            measurement_plans=[other_plan],
        )
    assert "hoort niet bij deze activiteit" in refused.value.message_dict["measurement_plans"][0]
    assert not Questionnaire.objects.exists()


def test_create_refuses_bad_questions_with_the_details_errors_too(home_start, partner):
    with pytest.raises(ValidationError) as refused:
        services.questionnaire_create(
            activity=home_start,
            user=partner,
            title="",
            moment="eindmeting",
            opens_on=OPENS,
            closes_on=OPENS,
            questions=[{"key": "x", "kind": "scale", "label": "Hoe?", "min": 1, "max": 1}],
        )
    errors = refused.value.message_dict
    assert "title" in errors
    assert "Vraag 1 (x)" in errors["questions"][0]
    assert not Questionnaire.objects.exists()


def test_update_changes_details_and_refuses_a_stale_version(questionnaire, partner, adviseur):
    services.questionnaire_update(
        questionnaire, user=adviseur, expected_version=1, title="Nieuwe titel", target_responses=40
    )
    questionnaire.refresh_from_db()
    assert (questionnaire.title, questionnaire.target_responses, questionnaire.version) == (
        "Nieuwe titel",
        40,
        2,
    )
    with pytest.raises(StaleEdit) as stale:
        services.questionnaire_update(
            questionnaire, user=partner, expected_version=1, title="Mijn titel"
        )
    assert any(c.stored == "Nieuwe titel" for c in stale.value.changes)
    questionnaire.refresh_from_db()
    assert questionnaire.title == "Nieuwe titel" and questionnaire.version == 2


def test_update_refuses_the_window_naming_the_field(questionnaire, partner):
    with pytest.raises(ValidationError) as refused:
        services.questionnaire_update(
            questionnaire,
            user=partner,
            expected_version=1,
            closes_on=questionnaire.opens_on - datetime.timedelta(days=2),
        )
    assert "‘Open tot en met’ ligt vóór ‘open vanaf’" in refused.value.message_dict["closes_on"][0]
    questionnaire.refresh_from_db()
    assert questionnaire.closes_on == fx.CLOSES and questionnaire.version == 1


def test_update_refuses_a_plan_of_another_activity(seed_activities, questionnaire, partner):
    other_plan = MeasurementPlan.objects.create(
        activity=seed_activities["social"], measure="tevredenheid"
    )
    with pytest.raises(ValidationError):
        services.questionnaire_update(
            questionnaire, user=partner, expected_version=1, measurement_plans=[other_plan]
        )
    assert not questionnaire.measurement_plans.exists()


def test_questions_without_answers_replace_the_current_version(questionnaire, partner):
    version = services.questions_save(
        questionnaire,
        [*questionnaire.current.questions, CUSTOM],
        user=partner,
        expected_version=1,
    )
    assert version.number == 1
    assert QuestionnaireVersion.objects.filter(questionnaire=questionnaire).count() == 1
    assert _questions(questionnaire) == ["nut", "sfeer"]
    questionnaire.refresh_from_db()
    assert questionnaire.version == 2


def test_questions_with_answers_make_a_new_version_and_answers_keep_theirs(questionnaire, partner):
    first = questionnaire.current
    given = answer(questionnaire)
    assert services.next_version_number(questionnaire) == 2
    version = services.questions_save(
        questionnaire, [*first.questions, CUSTOM], user=partner, expected_version=1
    )
    assert version.number == 2
    first.refresh_from_db()
    assert [q["key"] for q in first.questions] == ["nut"]  # the answered version is untouched
    given.refresh_from_db()
    assert given.questionnaire_version_id == first.pk
    assert questionnaire.current == version
    assert _questions(questionnaire) == ["nut", "sfeer"]


def test_unchanged_questions_make_nothing(questionnaire, partner):
    answer(questionnaire)
    before = QuestionnaireChange.objects.count()
    version = services.questions_save(
        questionnaire, questionnaire.current.questions, user=partner, expected_version=1
    )
    assert version.number == 1
    assert questionnaire.versions.count() == 1
    assert QuestionnaireChange.objects.count() == before
    questionnaire.refresh_from_db()
    assert questionnaire.version == 1


def test_stale_questions_are_refused(questionnaire, partner, adviseur):
    services.question_add(questionnaire, CUSTOM, user=adviseur, expected_version=1)
    with pytest.raises(StaleEdit):
        services.question_remove(questionnaire, "nut", user=partner, expected_version=1)
    with pytest.raises(StaleEdit):
        services.questions_save(questionnaire, [CUSTOM], user=partner, expected_version=None)
    assert _questions(questionnaire) == ["nut", "sfeer"]


def test_bad_question_is_refused_and_nothing_changes(questionnaire, partner):
    bad = {**CUSTOM, "choices": [{"value": "1", "label": {"nl": "Maar één"}}]}
    with pytest.raises(ValidationError) as refused:
        services.question_add(questionnaire, bad, user=partner, expected_version=1)
    assert "minstens twee keuzes" in refused.value.message_dict["questions"][0]
    assert _questions(questionnaire) == ["nut"]
    questionnaire.refresh_from_db()
    assert questionnaire.version == 1


def test_one_question_edits_add_update_move_remove(questionnaire, partner):
    v = 1
    services.question_add(questionnaire, {**CUSTOM, "key": ""}, user=partner, expected_version=v)
    v += 1
    assert _questions(questionnaire) == ["nut", "hoe_was_de_sfeer"]
    services.question_update(
        questionnaire,
        "hoe_was_de_sfeer",
        {**CUSTOM, "label": {"nl": "Hoe was de sfeer in de groep?"}},
        user=partner,
        expected_version=v,
    )
    v += 1
    assert questionnaire.current.questions[1]["label"]["nl"] == "Hoe was de sfeer in de groep?"
    assert questionnaire.current.questions[1]["key"] == "hoe_was_de_sfeer"
    services.question_move(questionnaire, "hoe_was_de_sfeer", -1, user=partner, expected_version=v)
    v += 1
    assert _questions(questionnaire) == ["hoe_was_de_sfeer", "nut"]
    services.question_remove(questionnaire, "nut", user=partner, expected_version=v)
    assert _questions(questionnaire) == ["hoe_was_de_sfeer"]
    assert questionnaire.versions.count() == 1


def test_removing_a_question_others_depend_on_is_refused(home_start, partner):
    q = services.questionnaire_create(
        activity=home_start,
        user=partner,
        title="Bereik",
        moment="doorlopend",
        opens_on=OPENS,
        closes_on=OPENS,
        questions=standard.standard_questions("bereik", name="Home-Start"),
    )
    with pytest.raises(ValidationError) as refused:
        services.question_remove(q, "kent", user=partner, expected_version=1)
    assert "relevant" in refused.value.message_dict["questions"][0]
    assert _questions(q) == ["kent", "deelgenomen"]


def test_delete_without_answers_keeps_a_snapshot(questionnaire, partner):
    pk = questionnaire.pk
    services.questionnaire_delete(questionnaire, user=partner)
    assert not Questionnaire.objects.filter(pk=pk).exists()
    deletion = QuestionnaireChange.deletions().get()
    assert deletion.snapshot["title"] == "Hoe nuttig was Home-Start?"
    assert deletion.snapshot["versions"][0]["questions"][0]["key"] == "nut"


def test_delete_with_answers_is_refused(questionnaire, partner):
    answer(questionnaire)
    with pytest.raises(ValidationError) as refused:
        services.questionnaire_delete(questionnaire, user=partner)
    assert "kan niet worden verwijderd" in refused.value.messages[0]
    assert Questionnaire.objects.filter(pk=questionnaire.pk).exists()
    assert not QuestionnaireChange.deletions().exists()
