"""Fixtures of the workspace tests: a programme of Gemeente Rotterdam for Feijenoord with a
partner organisation, a feedback reviewer, and the users every view is tested with."""

from __future__ import annotations

import pytest
from django.utils import timezone

from duiding.accounts.models import Membership, Organisation, User
from duiding.areas.models import Area
from duiding.frameworks.models import Domain, DomainIndicator, Factor, Framework
from duiding.indicators.models import Dataset, Indicator, Observation
from duiding.programmes.models import FeedbackRequest
from duiding.programmes.services import programme_create
from tests.areaprofile.factories import RotterdamData, period, rotterdam_data
from tests.conftest import PASSWORD


@pytest.fixture
def figures(rotterdam) -> RotterdamData:
    """Real CBS youth-care figures of Feijenoord, Rotterdam and Nederland (2019–2023)."""
    return rotterdam_data(rotterdam)


@pytest.fixture
def feijenoord(figures) -> Area:
    return figures.feijenoord


def make_factor(framework, name: str, **fields) -> Factor:
    """A factor whose links the test controls. The default factor set may already hold one with
    this name: it is updated and its domain and indicator links are cleared."""
    fields.setdefault("rank", None)
    factor, _ = Factor.objects.update_or_create(framework=framework, name=name, defaults=fields)
    factor.domains.clear()
    factor.indicators.clear()
    return factor


def add_indicator(code: str, name: str, domain_name: str, values: dict, **fields) -> Indicator:
    """A percentage indicator of a default domain with 2023 values per area code."""
    indicator = Indicator.objects.create(
        code=code,
        name=name,
        unit_kind=fields.pop("unit_kind", "percentage"),
        decimals=1,
        direction=fields.pop("direction", "lower_is_better"),
        **fields,
    )
    domain = Domain.objects.get(pillar__framework__is_default=True, name=domain_name)
    DomainIndicator.objects.create(domain=domain, indicator=indicator)
    dataset, _ = Dataset.objects.get_or_create(code="TEST2023", defaults={"title": "Testcijfers"})
    for area_code, value in values.items():
        Observation.objects.create(
            indicator=indicator,
            area=Area.objects.get(code=area_code),
            period=period("2023"),
            value=value,
            dataset=dataset,
            source_file="test.csv",
            source_row=2,
            source_column=code,
        )
    return indicator


@pytest.fixture
def framework(db) -> Framework:
    return Framework.objects.get(is_default=True)


@pytest.fixture
def programme(feijenoord, framework, municipality_org, adviseur, partner_org):
    return programme_create(
        user=adviseur,
        name="Wijkprogramma Feijenoord 2025–2026",
        area=feijenoord,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
        partners=[partner_org],
    )


@pytest.fixture
def reviewer(db, adviseur, programme) -> User:
    """A colleague of another organisation asked for feedback on the programme."""
    org = Organisation.objects.create(
        name="Wijkteam Feijenoord", slug="wijkteam-feijenoord", kind=Organisation.Kind.TEAM
    )
    user = User.objects.create_user(username="collega", password=PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.READER)
    FeedbackRequest.objects.create(
        programme=programme, reviewer=user, requested_by=adviseur, message="Wil je meelezen?"
    )
    return user


@pytest.fixture
def closed_reviewer(reviewer, programme) -> User:
    programme.feedback_requests.update(closed_at=timezone.now())
    return reviewer


def domain_section(programme, name: str):
    return programme.sections.get(kind="domain", domain__name=name)
