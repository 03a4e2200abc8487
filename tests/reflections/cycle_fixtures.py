"""The demo (its Feijenoord programme and both duidingssessies) for the tests of the cycle part."""

from __future__ import annotations

import pytest

from duiding.accounts.models import User
from duiding.demo.reflections import HELD_TITLE, NEXT_TITLE
from duiding.demo.services import demo_load
from duiding.reflections.models import Reflection


@pytest.fixture
def demo(db):
    report = demo_load(log=lambda line: None)
    assert not report.errors, report.errors
    return report


@pytest.fixture
def held(demo) -> Reflection:
    return Reflection.objects.select_related("programme").get(title=HELD_TITLE)


@pytest.fixture
def upcoming(demo) -> Reflection:
    return Reflection.objects.get(title=NEXT_TITLE)


@pytest.fixture
def users(demo) -> dict[str, User]:
    return {u.username: u for u in User.objects.all()}
