"""Fixtures of the consultation tests (imported by the test_consultation* modules): a colleague
who may be asked for feedback (another organisation in the same municipality) and helpers."""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.models import Membership, Organisation, User
from duiding.programmes.consultation import services
from tests.conftest import PASSWORD


@pytest.fixture
def colleague(rotterdam) -> User:
    """A colleague at another Rotterdam organisation: a feedback candidate, no editor."""
    org = Organisation.objects.create(
        name="CJG Rotterdam",
        slug="cjg-rotterdam",
        kind=Organisation.Kind.PARTNER,
        municipality=rotterdam,
    )
    user = User.objects.create_user(
        username="analist",
        password=PASSWORD,
        email="analist@example.nl",
        first_name="Anna",
        last_name="Analist",
    )
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.READER)
    return user


@pytest.fixture
def asked(programme, adviseur, colleague, django_capture_on_commit_callbacks):
    """An open feedback request of the adviser to the colleague."""
    with django_capture_on_commit_callbacks(execute=True):
        return services.feedback_request_create(
            programme=programme,
            requested_by=adviseur,
            reviewer=colleague,
            message="Kijk je mee naar de factoren?",
            link="http://testserver/programmas/1/consultatie/",
        )


@pytest.fixture
def conversation(programme, adviseur, partner_org):
    return services.conversation_create(
        programme=programme,
        user=adviseur,
        date=datetime.date(2025, 3, 14),
        participants="jongerenwerker, intern begeleider",
        organisations=[partner_org],
        other_organisations="Basisschool De Brug",
        notes="Partners herkennen het spijbelen.",
    )


def section(programme, kind: str = "domain", name: str | None = None):
    qs = programme.sections.filter(kind=kind)
    if name:
        qs = qs.filter(domain__name=name)
    return qs.select_related("pillar", "domain").first()
