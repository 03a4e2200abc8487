"""Fixtures of the outcome page tests (`from tests.outcomes.page_fixtures import *`):
Home-Start (carried out by the partner of tests/conftest.py) with a voormeting and an eindmeting of 40 answers each, 30 participants with a card used in both,
open answers, an entered dropout table and reach, and two measurement plans.

Hand-counted figures the tests use (school mark 1–10, "nut"):
- voormeting: counts of 1..10 = 0, 1, 2, 3, 5, 8, 9, 6, 4, 2 (n 40; the mark 4 three times);
- eindmeting: counts of 1..10 = 0, 0, 1, 2, 3, 6, 10, 9, 6, 3 (n 40);
- dropout (entered): codes 1..5 = 20, 6, 3, 0, 1 (code 3, eenzijdig door de cliënt: 3).
"""

from __future__ import annotations

import datetime

import pytest

from duiding.outcomes.definition import clean_questions
from duiding.outcomes.models import (
    Answer,
    EnteredCount,
    EnteredFigures,
    MeasurementPlan,
    PairCard,
    Questionnaire,
    QuestionnaireVersion,
    Response,
)
from duiding.outcomes.standard import usefulness, without_help
from tests.activities import conftest as base

# The shared fixtures of the activities tests.
figures = base.figures
feijenoord = base.feijenoord
framework = base.framework
programme = base.programme
results = base.results
seed_activities = base.seed_activities
youth_org = base.youth_org
youth_worker = base.youth_worker
other_programme = base.other_programme

PRE_COUNTS = [0, 1, 2, 3, 5, 8, 9, 6, 4, 2]
POST_COUNTS = [0, 0, 1, 2, 3, 6, 10, 9, 6, 3]
DROPOUT = {"1": 20, "2": 6, "3": 3, "4": 0, "5": 1}
PAIRED = 30
WHY = {
    "key": "waarom",
    "kind": "text",
    "label": {"nl": "Wat kan beter?", "en": "What could be better?"},
    "required": False,
}


def expand(counts: list[int]) -> list[int]:
    """[0, 1, 2] -> [2, 3, 3]: the marks in order."""
    return [mark for mark, n in enumerate(counts, start=1) for _ in range(n)]


def make_questionnaire(activity, moment, title, questions, *, opens, closes, target=None):
    q = Questionnaire.objects.create(
        activity=activity,
        title=title,
        moment=moment,
        opens_on=opens,
        closes_on=closes,
        target_responses=target,
    )
    version = QuestionnaireVersion.objects.create(
        questionnaire=q, number=1, questions=clean_questions(questions)
    )
    return q, version


def add_responses(q, version, marks, *, cards=(), extra=None, texts=None):
    """One response per mark (answer "nut"), the i-th with cards[i] when given; extra(i) adds
    more answers {key: number}; texts[i] an open answer."""
    responses = Response.objects.bulk_create(
        Response(
            questionnaire=q,
            questionnaire_version=version,
            card=cards[i] if i < len(cards) else None,
            submission=f"{q.pk}-{Response.objects.count()}-{i}",
            submitted_on=q.opens_on,
        )
        for i in range(len(marks))
    )
    answers = []
    for i, (response, mark) in enumerate(zip(responses, marks, strict=True)):
        answers.append(Answer(response=response, question="nut", number=mark))
        for key, number in (extra(i) if extra else {}).items():
            answers.append(Answer(response=response, question=key, number=number))
        if texts and texts.get(i):
            answers.append(Answer(response=response, question="waarom", text=texts[i]))
    Answer.objects.bulk_create(answers)
    return responses


@pytest.fixture
def outcome(seed_activities) -> dict:
    activity = seed_activities["home_start"]
    plan = MeasurementPlan.objects.create(
        activity=activity,
        measure="tevredenheid",
        how="Korte vragenlijst op de telefoon",
        how_often="Bij begin en einde",
        from_whom="alle",
    )
    goals = MeasurementPlan.objects.create(
        activity=activity, measure="doelrealisatie", how="Gesprek", how_often="1x per jaar"
    )
    MeasurementPlan.objects.filter(pk=goals.pk).update(
        created_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    cards = PairCard.objects.bulk_create(
        PairCard(activity=activity, code=f"KAART{i:03d}") for i in range(PAIRED)
    )
    pre, pre_v = make_questionnaire(
        activity,
        "voormeting",
        "Voormeting Home-Start",
        [usefulness(), WHY],
        opens=datetime.date(2025, 1, 6),
        closes=datetime.date(2025, 1, 31),
        target=40,
    )
    post, post_v = make_questionnaire(
        activity,
        "eindmeting",
        "Eindmeting Home-Start",
        [usefulness(), without_help(), WHY],
        opens=datetime.date(2025, 6, 2),
        closes=datetime.date(2025, 6, 30),
        target=50,
    )
    pre.measurement_plans.add(plan)
    post.measurement_plans.add(plan)
    pre_marks, post_marks = expand(PRE_COUNTS), expand(POST_COUNTS)
    # The lowest marks come with an open answer; one of them tries a script.
    pre_texts = {0: "Ik had er niets aan <script>alert(1)</script>", 39: "Heel fijn!"}
    add_responses(pre, pre_v, pre_marks, cards=cards, texts=pre_texts)
    add_responses(
        post,
        post_v,
        post_marks,
        cards=cards,
        extra=lambda i: {"zonder_hulp": 1 + i % 4},
        texts={0: "Te kort", 39: "Mijn gezin is veel rustiger"},
    )
    entered = EnteredFigures.objects.create(
        activity=activity,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        reached=28,
        target=30,
        no_shows=3,
    )
    EnteredCount.objects.bulk_create(
        EnteredCount(figures=entered, measure="uitval", value=v, count=n)
        for v, n in DROPOUT.items()
    )
    return {
        "activity": activity,
        "pre": pre,
        "post": post,
        "plan": plan,
        "goals": goals,
        "cards": cards,
        "pre_marks": pre_marks,
        "post_marks": post_marks,
    }
