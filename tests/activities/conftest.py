"""Fixtures of the activities tests: the Feijenoord programme (tests/programmes/conftest.py) with
two societal results and the example activities of seed 003 step 3 (Home-Start for
opvoedingsvaardigheden -> schoolsucces; jongerenwerk op het schoolplein; sociaal-emotionele
vaardigheden), carried out by two partners."""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.models import Membership, Organisation, User
from duiding.activities.services import activity_create
from duiding.frameworks.models import AgePhase, Domain, Factor, LifeArea
from duiding.programmes.models import SectionFactor
from duiding.programmes.services import programme_create
from duiding.results.models import SocietalResult
from tests.conftest import PASSWORD
from tests.programmes import conftest as base
from tests.programmes.conftest import domain_section

# The shared fixtures of the workspace tests.
figures = base.figures
feijenoord = base.feijenoord
framework = base.framework
programme = base.programme

START = "In 2027 hebben we bereikt dat 5% meer jongeren een startkwalificatie behalen."
SAFE = "In 2027 voelen 3% meer kinderen in de wijk zich veilig op straat."


def factor(name: str) -> Factor:
    return Factor.objects.get(framework__is_default=True, name=name)


def phases(*codes):
    return list(AgePhase.objects.filter(code__in=codes))


def areas(*codes):
    return list(LifeArea.objects.filter(code__in=codes))


@pytest.fixture
def youth_org(programme) -> Organisation:
    """A second partner of the programme: the jongerenwerk."""
    org = Organisation.objects.create(
        name="Jongerenwerk Zuid", slug="jongerenwerk-zuid", kind=Organisation.Kind.PARTNER
    )
    programme.partners.add(org)
    return org


@pytest.fixture
def youth_worker(youth_org) -> User:
    user = User.objects.create_user(username="jongerenwerker", password=PASSWORD)
    Membership.objects.create(user=user, organisation=youth_org, role=Membership.Role.PARTNER)
    return user


@pytest.fixture
def results(programme) -> dict:
    school = Domain.objects.get(pillar__framework__is_default=True, name="Schoolprestaties")
    safe = Domain.objects.get(
        pillar__framework__is_default=True, name="Veilige wijk en schoolomgeving"
    )
    return {
        "start": SocietalResult.objects.create(
            programme=programme, text=START, domain=school, target_date=datetime.date(2027, 12, 31)
        ),
        "safe": SocietalResult.objects.create(
            programme=programme, text=SAFE, domain=safe, target_date=datetime.date(2027, 12, 31)
        ),
    }


@pytest.fixture
def seed_activities(programme, results, adviseur, partner_org, youth_org) -> dict:
    """The three example activities of seed 003 step 3, and two factors chosen in the analysis
    (Opvoedingsvaardigheden, addressed; Mishandeling, not addressed)."""
    section = domain_section(programme, "Veilig thuis")
    SectionFactor.objects.create(section=section, factor=factor("Opvoedingsvaardigheden"))
    SectionFactor.objects.create(section=section, factor=factor("Mishandeling"))
    start = results["start"]
    home_start = activity_create(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        name="Home-Start",
        target_group="Ouders die (beginnende) opvoedproblemen ervaren",
        target_group_size=120,
        reach=30,
        results=[start],
        factors=[(factor("Opvoedingsvaardigheden"), "versterkt")],
        age_phases=phases("vroege-kindertijd", "basisschoolleeftijd"),
        life_areas=areas("ouders-gezin"),
        prevention_level="selectief",
        form="individueel",
        offer_kind="gewenst_nieuw",
    )
    youth_work = activity_create(
        programme=programme,
        user=adviseur,
        organisation=youth_org,
        name="Jongerenwerk op het schoolplein en op hangplekken",
        target_group="Jongeren die we niet bereiken op school, werk of verenigingen",
        results=[start],
        factors=[(factor("Spijbelen en schoolverzuim"), "vermindert")],
        age_phases=phases("adolescentie"),
        life_areas=areas("school", "wijk"),
        prevention_level="selectief",
        offer_kind="bestaand_aanpassen",
    )
    social = activity_create(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        name="Training sociaal-emotionele vaardigheden",
        target_group="Kinderen in de basisschoolleeftijd en adolescentie",
        results=[start],
        factors=[(factor("Emotionele en sociale vaardigheden"), "versterkt")],
        age_phases=phases("basisschoolleeftijd", "adolescentie"),
        life_areas=areas("kind-jeugdige"),
        prevention_level="universeel",
        evidence_level=2,
        offer_kind="bestaand_blijft",
    )
    return {"home_start": home_start, "youth_work": youth_work, "social": social}


@pytest.fixture
def other_programme(feijenoord, framework, municipality_org, adviseur) -> object:
    """Another programme of the same municipality with its own partner and partner user."""
    org = Organisation.objects.create(
        name="Buurtwerk Elders", slug="buurtwerk-elders", kind=Organisation.Kind.PARTNER
    )
    user = User.objects.create_user(username="andere-partner", password=PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.PARTNER)
    other = programme_create(
        user=adviseur,
        name="Pilot Elders",
        area=feijenoord,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
        partners=[org],
    )
    other.partner_user = user
    return other
