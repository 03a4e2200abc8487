"""Demo step "outcome": invented answers (seeded) on two demo activities, paired cards on
Home-Start, a maand van het meten on the opvoedspreekuur, one entered dropout table; every value
within its scale; a second run adds nothing; fast."""

from __future__ import annotations

import datetime
import time

import pytest
from django.utils import timezone

from duiding.demo.outcome import HOME_START, INTRO, SPREEKUUR, demo_outcome_ensure
from duiding.demo.services import demo_load
from duiding.demo.steps import DemoContext
from duiding.outcomes.definition import clean_questions
from duiding.outcomes.models import (
    Answer,
    EnteredCount,
    EnteredFigures,
    PairCard,
    Questionnaire,
    QuestionnaireVersion,
    Response,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Questionnaire,
    QuestionnaireVersion,
    PairCard,
    Response,
    Answer,
    EnteredFigures,
    EnteredCount,
]
RANGES = {"nut": (1, 10), "doel_1": (-1, 2), "doel_2": (-1, 2), "zonder_hulp": (1, 4)}


def _counts():
    return {m.__name__: m.objects.count() for m in MODELS}


@pytest.fixture
def demo(monkeypatch):
    report = demo_load(log=lambda line: None)
    assert report.changes["outcome"] > 0, report.errors
    return report


def test_two_activities_get_questionnaires_with_about_40_answers_each(demo):
    questionnaires = Questionnaire.objects.select_related("activity")
    assert {q.activity.name for q in questionnaires} == {HOME_START, SPREEKUUR}
    for q in questionnaires:
        assert q.intro.startswith("Demo: deze antwoorden zijn verzonnen"), q.title
        assert q.intro == INTRO
        assert 35 <= q.responses.count() <= 45, q.title
        assert clean_questions(q.current.questions) == q.current.questions
        for r in q.responses.all()[:5]:
            assert q.opens_on <= r.submitted_on <= q.closes_on
    home = questionnaires.filter(activity__name=HOME_START)
    measures = {
        question["measure"] for q in home for question in q.current.questions if question["measure"]
    }
    assert measures == {"tevredenheid", "doelrealisatie", "verder_zonder_hulp"}
    for measure in measures:
        moments = {
            q.moment
            for q in home
            if any(question["measure"] == measure for question in q.current.questions)
        }
        assert moments == {"voormeting", "eindmeting"}, measure


def test_values_are_in_range_and_marks_mostly_six_to_eight(demo):
    for key, (low, high) in RANGES.items():
        numbers = list(Answer.objects.filter(question=key).values_list("number", flat=True))
        assert numbers, key
        assert all(low <= n <= high and n == int(n) for n in numbers), key
    marks = [int(n) for n in Answer.objects.filter(question="nut").values_list("number", flat=True)]
    middle = sum(1 for m in marks if 6 <= m <= 8)
    assert middle / len(marks) > 0.5
    assert min(marks) <= 4 and max(marks) >= 9  # a few low and high ones
    assert set(Answer.objects.filter(question="kent").values_list("choice", flat=True)) <= {
        "ja",
        "nee",
    }
    open_answers = Answer.objects.filter(question="wat_beter").exclude(text="")
    assert 5 <= open_answers.count() < len(marks) / 2


def test_paired_cards_link_most_voormeting_answers_to_an_eindmeting(demo):
    cards = PairCard.objects.filter(activity__name=HOME_START)
    assert cards.count() == 40
    for measure_key in ("nut", "zonder_hulp"):
        pre = set(
            Response.objects.filter(
                questionnaire__moment="voormeting", answers__question=measure_key
            ).values_list("card", flat=True)
        )
        post = set(
            Response.objects.filter(
                questionnaire__moment="eindmeting",
                questionnaire__activity__name=HOME_START,
                answers__question=measure_key,
            ).values_list("card", flat=True)
        )
        pre_cards = {c for c in pre if c is not None}
        paired = pre_cards & post
        assert len(paired) >= 0.8 * len(pre_cards) and len(paired) >= 30
    assert not Response.objects.filter(
        questionnaire__activity__name=SPREEKUUR, card__isnull=False
    ).exists()


def test_maand_van_het_meten_is_one_calendar_month_linked_to_the_plan(demo):
    month = Questionnaire.objects.get(activity__name=SPREEKUUR, moment="doorlopend")
    assert month.opens_on.day == 1
    assert month.closes_on.month == month.opens_on.month
    assert (month.closes_on + datetime.timedelta(days=1)).day == 1
    assert [p.measure for p in month.measurement_plans.all()] == ["tevredenheid"]


def test_one_entered_dropout_table(demo):
    figures = EnteredFigures.objects.get()
    assert figures.activity.name == HOME_START
    counts = dict(figures.counts.filter(measure="uitval").values_list("value", "count"))
    assert set(counts) == {"1", "2", "3", "4", "5"}
    assert sum(counts.values()) <= figures.reached
    assert figures.activity.measurement_plans.filter(measure="uitval").exists()


def test_second_run_adds_nothing_and_is_fast(demo):
    before = _counts()
    started = time.perf_counter()
    assert demo_outcome_ensure(DemoContext(log=lambda line: None)) == 0
    assert _counts() == before
    assert time.perf_counter() - started < 2


def test_generating_takes_under_two_seconds_and_is_seeded(demo):
    marks = list(
        Answer.objects.filter(question="nut").order_by("pk").values_list("number", flat=True)
    )
    Response.objects.all().delete()
    Questionnaire.objects.all().delete()
    PairCard.objects.all().delete()
    EnteredFigures.objects.all().delete()
    started = time.perf_counter()
    assert demo_outcome_ensure(DemoContext(log=lambda line: None)) > 0
    assert time.perf_counter() - started < 2
    again = list(
        Answer.objects.filter(question="nut").order_by("pk").values_list("number", flat=True)
    )
    assert again == marks


def test_maand_van_het_meten_is_open_today_with_no_answer_from_the_future(demo):
    month = Questionnaire.objects.get(activity__name=SPREEKUUR, moment="doorlopend")
    today = timezone.localdate()
    assert month.opens_on <= today <= month.closes_on
    assert month.responses.exists()
    assert not month.responses.filter(submitted_on__gt=today).exists()
