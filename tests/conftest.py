"""Shared fixtures: the four kinds of user every view is tested with, and the shared data folder."""

from pathlib import Path

import pytest
from django.utils import translation

from duiding.accounts.models import Membership, Organisation, User
from duiding.areas.models import Area, Level

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PASSWORD = "correct-horse-battery-42"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the database contents serialized at set-up for every connection object.

    Django stores them on the connection object that created the test database. Browser tests
    (Playwright's sync API runs greenlets with an event loop) and commands such as makemigrations
    can leave the thread with a new connection object without them, and a later
    `serialized_rollback` test would then start from an empty database (no default framework).
    A class attribute makes every connection of that backend carry them.
    """
    from django.db import connections

    patched = []
    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None and "_test_serialized_contents" not in vars(type(connection)):
            type(connection)._test_serialized_contents = contents
            patched.append(type(connection))
    yield
    for cls in patched:
        del cls._test_serialized_contents


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request with the English cookie activates English for the test's thread (the language
    middleware); reset it so the next test starts in Dutch, whatever ran before."""
    yield
    translation.deactivate()


@pytest.fixture
def shared_data() -> Path:
    """The real CBS files in ../shared/data; tests that need them skip with a clear message."""
    if not SHARED_DATA.is_dir():
        pytest.skip(
            f"../shared/data is not present at {SHARED_DATA}; this test needs the real CBS files"
        )
    return SHARED_DATA


@pytest.fixture
def rotterdam(db) -> Area:
    nl, _ = Area.objects.get_or_create(
        code="NL01", defaults={"name": "Nederland", "level": Level.COUNTRY}
    )
    gm, _ = Area.objects.get_or_create(
        code="GM0599", defaults={"name": "Rotterdam", "level": Level.MUNICIPALITY, "parent": nl}
    )
    return gm


@pytest.fixture
def municipality_org(rotterdam) -> Organisation:
    return Organisation.objects.create(
        name="Gemeente Rotterdam",
        slug="rotterdam",
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=rotterdam,
    )


@pytest.fixture
def partner_org(db) -> Organisation:
    return Organisation.objects.create(
        name="Welzijn Feijenoord", slug="welzijn", kind=Organisation.Kind.PARTNER
    )


@pytest.fixture
def other_org(db) -> Organisation:
    return Organisation.objects.create(
        name="Gemeente Elders", slug="elders", kind=Organisation.Kind.MUNICIPALITY
    )


def _user(username: str, org: Organisation, role: str) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.nl"
    )
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def beheerder(municipality_org) -> User:
    return _user("beheerder", municipality_org, Membership.Role.ADMIN)


@pytest.fixture
def adviseur(municipality_org) -> User:
    return _user("adviseur", municipality_org, Membership.Role.ADVISER)


@pytest.fixture
def partner(partner_org) -> User:
    return _user("partner", partner_org, Membership.Role.PARTNER)


@pytest.fixture
def outsider(other_org) -> User:
    return _user("buitenstaander", other_org, Membership.Role.READER)


@pytest.fixture
def client_as(client):
    """`client_as(user)` returns the test client logged in as that user."""

    def login(user: User):
        client.force_login(user)
        return client

    return login
