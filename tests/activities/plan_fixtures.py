"""Fixtures of the plan van aanpak tests (plan, quality, measurement, partner view, export, API,
browser). Import the ones a test module needs, e.g.

    from tests.activities.plan_fixtures import *  # noqa: F403

They build on the Feijenoord programme of tests/programmes/conftest.py (owned by Gemeente
Rotterdam, partner Welzijn Feijenoord with the `partner` user) and add:
- a second partner of the programme (Sportbedrijf Zuid) with its own partner user;
- two activities (Welzijn's Home-Start, selectief; Sportbedrijf's sport in de wijk, universeel),
  both serving one societal result, created through the ORM;
- another programme, of another municipality, where Welzijn Feijenoord is partner too, with one
  activity of Welzijn and one of another organisation (the partner view shows only Welzijn's).
"""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.models import Membership, Organisation, User
from duiding.activities.models import Activity
from duiding.programmes.services import programme_create
from duiding.results.models import SocietalResult
from tests.conftest import PASSWORD
from tests.programmes import conftest as _programmes

# The workspace fixtures these build on (re-exported for the modules that star-import this one).
feijenoord = _programmes.feijenoord
figures = _programmes.figures
framework = _programmes.framework
programme = _programmes.programme
reviewer = _programmes.reviewer

TODAY = datetime.date(2026, 3, 2)
PAST = datetime.date(2026, 2, 1)
FUTURE = datetime.date(2026, 6, 30)


def make_activity(programme, organisation, name: str, **fields) -> Activity:
    result = fields.pop("result", None)
    fields.setdefault("target_group", "Ouders met jonge kinderen")
    fields.setdefault("prevention_level", "universeel")
    activity = Activity.objects.create(
        programme=programme, organisation=organisation, name=name, **fields
    )
    if result is not None:
        activity.results.add(result)
    return activity


def make_partner(slug: str, name: str, username: str, *, programme=None):
    org = Organisation.objects.create(name=name, slug=slug, kind=Organisation.Kind.PARTNER)
    user = User.objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.PARTNER)
    if programme is not None:
        programme.partners.add(org)
    return org, user


@pytest.fixture
def plan_result(programme) -> SocietalResult:
    return SocietalResult.objects.create(
        programme=programme,
        text="In 2027 hebben we bereikt dat 5% meer jongeren een startkwalificatie behalen.",
        target_date=datetime.date(2027, 12, 31),
    )


@pytest.fixture
def sport_org(programme) -> Organisation:
    org, user = make_partner(
        "sportbedrijf-zuid", "Sportbedrijf Zuid", "sporter", programme=programme
    )
    org.user = user
    return org


@pytest.fixture
def sport_user(sport_org) -> User:
    return sport_org.user


@pytest.fixture
def plan_activities(programme, plan_result, partner_org, sport_org) -> dict:
    return {
        "home_start": make_activity(
            programme,
            partner_org,
            "Home-Start",
            target_group="Ouders die (beginnende) opvoedproblemen ervaren",
            target_group_size=120,
            reach=30,
            prevention_level="selectief",
            result=plan_result,
        ),
        "sport": make_activity(
            programme,
            sport_org,
            "Sport in de wijk",
            target_group="Kinderen van 6 tot 12 jaar",
            reach=200,
            evidence_level=2,
            result=plan_result,
        ),
    }


@pytest.fixture
def elsewhere(feijenoord, framework, other_org, partner_org) -> dict:
    """A programme of another municipality's organisation where Welzijn Feijenoord is partner,
    with an activity of Welzijn and one of a stranger organisation."""
    owner = User.objects.create_user(username="adviseur-elders", password=PASSWORD)
    Membership.objects.create(user=owner, organisation=other_org, role=Membership.Role.ADVISER)
    stranger, stranger_user = make_partner("buurtwerk-elders", "Buurtwerk Elders", "buurtwerker")
    other = programme_create(
        user=owner,
        name="Pilot Elders 2026",
        area=feijenoord,
        framework=framework,
        organisation=other_org,
        owner=owner,
        start_year=2026,
        end_year=2026,
        partners=[partner_org, stranger],
    )
    return {
        "programme": other,
        "owner": owner,
        "stranger": stranger,
        "stranger_user": stranger_user,
        "welzijn_activity": make_activity(other, partner_org, "Opvoedspreekuur Elders"),
        "stranger_activity": make_activity(other, stranger, "Buurtsport Elders"),
    }
