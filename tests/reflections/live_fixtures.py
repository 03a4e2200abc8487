"""Fixtures of the live tests: a reflection of the municipality (no programme), steered by the
adviser (its facilitator); a reader of the same organisation sees it but does not steer."""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.models import Membership, User
from duiding.reflections.live import services
from duiding.reflections.models import AgendaItem, LiveQuestion, Reflection
from tests.conftest import PASSWORD


@pytest.fixture
def reader(municipality_org) -> User:
    user = User.objects.create_user(username="lezer", password=PASSWORD, email="lezer@example.nl")
    Membership.objects.create(user=user, organisation=municipality_org, role=Membership.Role.READER)
    return user


@pytest.fixture
def reflection(municipality_org, adviseur) -> Reflection:
    return Reflection.objects.create(
        organisation=municipality_org,
        title="Duidingssessie Test",
        date=datetime.date(2026, 11, 20),
        facilitator=adviseur,
        join_code="TEST42",
    )


@pytest.fixture
def item(reflection) -> AgendaItem:
    return AgendaItem.objects.create(
        reflection=reflection, kind=AgendaItem.Kind.OTHER, title="Eenzaamheid ouderen", order=1
    )


@pytest.fixture
def running(reflection, adviseur) -> Reflection:
    return services.start_session(reflection, adviseur)


def make_question(reflection, item, user, kind="herkennen", **settings) -> LiveQuestion:
    texts = {
        "herkennen": "Herkennen we dit?",
        "schaal": "Hoe zorgelijk is dit?",
        "keuze": "Wat eerst?",
        "open": "Hoe verklaren we het?",
    }
    return services.create_question(
        reflection, item, user=user, kind=kind, text=texts[kind], **settings
    )


@pytest.fixture
def open_question(running, item, adviseur) -> LiveQuestion:
    question = make_question(running, item, adviseur, "herkennen")
    return services.open_question(question, adviseur)
