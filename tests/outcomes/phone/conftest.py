"""Fixtures of the phone tests: the Feijenoord programme with the seed's example activities
(tests/activities/conftest.py) and a satisfaction questionnaire of Home-Start (partner
Welzijn Feijenoord) that is open today, with one question of every kind."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from duiding.outcomes.definition import clean_questions
from duiding.outcomes.models import Moment, Questionnaire, QuestionnaireVersion
from tests.activities import conftest as activities

figures = activities.figures
feijenoord = activities.feijenoord
framework = activities.framework
programme = activities.programme
results = activities.results
youth_org = activities.youth_org
youth_worker = activities.youth_worker
seed_activities = activities.seed_activities
other_programme = activities.other_programme

QUESTIONS = [
    {
        "key": "nut",
        "kind": "scale",
        "label": {
            "nl": "Welk rapportcijfer geeft u voor het nut van deze activiteit?",
            "en": "What mark do you give for the usefulness of this activity?",
        },
        "min": 1,
        "max": 10,
        "anchors": {
            "min": {"nl": "helemaal niet nuttig", "en": "not useful at all"},
            "max": {"nl": "heel erg nuttig", "en": "very useful"},
        },
        "measure": "tevredenheid",
    },
    {
        "key": "verder",
        "kind": "scale",
        "label": {"nl": "Kunt u nu zonder hulp verder?"},
        "min": 1,
        "max": 4,
        "required": False,
        "choices": [
            {"value": "1", "label": {"nl": "Nee, ik heb nog veel hulp nodig"}},
            {"value": "2", "label": {"nl": "Nee, ik heb nog wat hulp nodig"}},
            {"value": "3", "label": {"nl": "Ja, met een beetje steun"}},
            {"value": "4", "label": {"nl": "Ja, helemaal zelf"}},
        ],
    },
    {
        "key": "doel",
        "kind": "single",
        "label": {"nl": "Is uw doel bereikt?", "en": "Did you reach your goal?"},
        "choices": [
            {"value": "-1", "label": {"nl": "Verslechterd", "en": "Worse"}},
            {"value": "0", "label": {"nl": "Niet bereikt", "en": "Not reached"}},
            {"value": "1", "label": {"nl": "Deels bereikt", "en": "Partly reached"}},
            {"value": "2", "label": {"nl": "Bereikt", "en": "Reached"}},
        ],
    },
    {
        "key": "waar",
        "kind": "multiple",
        "label": {"nl": "Waar hoorde u van ons?"},
        "required": False,
        "choices": [
            {"value": "school", "label": {"nl": "Op school"}},
            {"value": "buurt", "label": {"nl": "In de buurt"}},
            {"value": "anders", "label": {"nl": "Anders"}},
        ],
    },
    {
        "key": "anders_waar",
        "kind": "text",
        "label": {"nl": "Waar anders?"},
        "required": True,
        "relevant": "selected(${waar}, 'anders')",
        "max_length": 100,
    },
    {
        "key": "keer",
        "kind": "number",
        "label": {"nl": "Hoe vaak was u erbij?"},
        "required": False,
        "min": 0,
        "max": 52,
        "decimals": 0,
    },
    {
        "key": "uren",
        "kind": "number",
        "label": {"nl": "Hoeveel uur per week?"},
        "required": False,
        "min": 0,
        "max": 40,
        "decimals": 1,
        "constraint": ". <= 20",
    },
    {"key": "uitleg", "kind": "note", "label": {"nl": "Tot slot nog één open vraag."}},
    {
        "key": "tip",
        "kind": "text",
        "label": {"nl": "Wat kan beter?", "en": "What could be better?"},
        "required": False,
        "max_length": 500,
    },
]


def make_questionnaire(activity, *, questions=None, opens=-10, closes=10, **fields):
    today = timezone.localdate()
    questionnaire = Questionnaire.objects.create(
        activity=activity,
        title=fields.pop("title", "Tevredenheid Home-Start"),
        title_en=fields.pop("title_en", "Satisfaction Home-Start"),
        moment=fields.pop("moment", Moment.POST),
        opens_on=today + datetime.timedelta(days=opens),
        closes_on=today + datetime.timedelta(days=closes),
        **fields,
    )
    QuestionnaireVersion.objects.create(
        questionnaire=questionnaire,
        number=1,
        questions=clean_questions(questions if questions is not None else QUESTIONS),
    )
    return questionnaire


@pytest.fixture
def questionnaire(seed_activities) -> Questionnaire:
    return make_questionnaire(seed_activities["home_start"])


@pytest.fixture
def questions(questionnaire) -> list[dict]:
    return questionnaire.current.questions


@pytest.fixture(autouse=True)
def _empty_cache():
    """The rate limit counts in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()
