"""Fixtures of the questionnaire tests (imported by name into each test module): the activities of
tests/activities/conftest.py, a measurement plan of Home-Start, a reader of the municipality, and
a questionnaire of Home-Start with the school mark and one answer helper."""

from __future__ import annotations

import datetime
import uuid

import pytest

from duiding.accounts.models import Membership, User
from duiding.outcomes import services, standard
from duiding.outcomes.models import Answer, MeasurementPlan, Response
from tests.activities import conftest as act
from tests.conftest import PASSWORD

feijenoord = act.feijenoord
figures = act.figures
framework = act.framework
programme = act.programme
results = act.results
seed_activities = act.seed_activities
youth_org = act.youth_org
youth_worker = act.youth_worker
other_programme = act.other_programme

OPENS, CLOSES = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)


@pytest.fixture
def home_start(seed_activities):
    return seed_activities["home_start"]


@pytest.fixture
def satisfaction_plan(home_start, adviseur):
    return MeasurementPlan.objects.create(
        activity=home_start,
        measure="tevredenheid",
        how="Vragenlijst op de telefoon",
        how_often="Na elk traject",
        created_by=adviseur,
    )


@pytest.fixture
def reader(municipality_org) -> User:
    user = User.objects.create_user(username="lezer", password=PASSWORD)
    Membership.objects.create(user=user, organisation=municipality_org, role=Membership.Role.READER)
    return user


@pytest.fixture
def questionnaire(home_start, partner):
    return services.questionnaire_create(
        activity=home_start,
        user=partner,
        title="Hoe nuttig was Home-Start?",
        moment="eindmeting",
        opens_on=OPENS,
        closes_on=CLOSES,
        target_responses=30,
        questions=standard.standard_questions("tevredenheid"),
    )


def answer(questionnaire, mark: int = 8) -> Response:
    """One filled-in questionnaire on the current version (as the phone page would store it)."""
    response = Response.objects.create(
        questionnaire=questionnaire,
        questionnaire_version=questionnaire.current,
        submission=uuid.uuid4().hex,
        submitted_on=OPENS,
    )
    Answer.objects.create(response=response, question="nut", number=mark)
    return response
