"""Fixtures of the entered-figures tests: the Feijenoord programme (tests/programmes/conftest.py)
with Home-Start of the partner (planned reach 30, a measurement plan for uitval), and a second
partner of the programme that may see the programme but not manage Home-Start's outcome."""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.models import Membership, Organisation, User
from duiding.activities.services import activity_create
from duiding.outcomes.entered_services import Figures
from duiding.outcomes.models import MeasurementPlan
from tests.activities import conftest as activities_base
from tests.conftest import PASSWORD
from tests.programmes import conftest as base

figures = base.figures
feijenoord = base.feijenoord
framework = base.framework
programme = base.programme
results = activities_base.results

JAN, MAR, APR, JUN = (
    datetime.date(2026, 1, 1),
    datetime.date(2026, 3, 31),
    datetime.date(2026, 4, 1),
    datetime.date(2026, 6, 30),
)


@pytest.fixture
def home_start(programme, results, adviseur, partner_org):
    activity = activity_create(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        name="Home-Start",
        target_group="Ouders die (beginnende) opvoedproblemen ervaren",
        target_group_size=120,
        reach=30,
        prevention_level="selectief",
        form="individueel",
        offer_kind="gewenst_nieuw",
        results=[results["start"]],
        factors=[(activities_base.factor("Opvoedingsvaardigheden"), "versterkt")],
    )
    MeasurementPlan.objects.create(activity=activity, measure="uitval", how="Reden beëindiging")
    return activity


@pytest.fixture
def other_partner(programme) -> User:
    org = Organisation.objects.create(
        name="Jongerenwerk Zuid", slug="jongerenwerk-zuid", kind=Organisation.Kind.PARTNER
    )
    programme.partners.add(org)
    user = User.objects.create_user(username="jongerenwerker", password=PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.PARTNER)
    return user


def quarter(**kw) -> Figures:
    """The first quarter of 2026: 24 reached, 3 no-shows, dropout 15 / 2 / 4 / 0 / 1."""
    values = {
        "period_start": JAN,
        "period_end": MAR,
        "reached": 24,
        "no_shows": 3,
        "counts": {"uitval": {"1": 15, "2": 2, "3": 4, "4": 0, "5": 1}},
    }
    values.update(kw)
    return Figures(**values)
