"""Fixtures of the progress tests: the Feijenoord programme with real CBS youth-care figures
(tests/programmes/conftest.py) and results made through the results services."""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.models import Membership, Organisation, User
from duiding.indicators.models import Observation
from duiding.jobs.models import ImportRun
from duiding.results.services import result_create
from tests.areaprofile.factories import period
from tests.conftest import PASSWORD
from tests.programmes.conftest import feijenoord, figures, framework, programme  # noqa: F401

__all__ = ["feijenoord", "figures", "framework", "programme"]


def share_row(figures, **overrides) -> dict:
    """Share of trajectories via the wijkteam (Feijenoord 2021: 290 / 1820 = 15.93 %), +5 pp."""
    row = {
        "indicator": figures.share,
        "name": "",
        "baseline_period": "2021",
        "baseline_value": None,
        "baseline_source": "",
        "target_kind": "pp",
        "target_value": 5,
        "direction": "higher_is_better",
    }
    row.update(overrides)
    return row


def youth_row(figures, **overrides) -> dict:
    """Youths with youth care (count; Feijenoord 2021: 1160), 10 % fewer."""
    row = {
        "indicator": figures.youth,
        "name": "",
        "baseline_period": "2021",
        "baseline_value": None,
        "baseline_source": "",
        "target_kind": "relative",
        "target_value": -10,
        "direction": "lower_is_better",
    }
    row.update(overrides)
    return row


def make_result(programme, user, indicators, **overrides):
    fields = {
        "programme": programme,
        "user": user,
        "text": "In 2026 gaat 21% van de jeugdzorgtrajecten in Feijenoord via het wijkteam.",
        "target_date": datetime.date(2026, 12, 31),
        "rule": "each",
        "indicators": indicators,
    }
    fields.update(overrides)
    return result_create(**fields)


def drop_after(figures, year: int) -> None:
    """Remove the Feijenoord figures after `year` (as if they were not imported yet)."""
    Observation.objects.filter(area=figures.feijenoord, period__year__gt=year).delete()


def store_figure(indicator, area, period_code: str, value: float, run: ImportRun | None = None):
    return Observation.objects.create(
        indicator=indicator,
        area=area,
        period=period(period_code),
        value=value,
        import_run=run,
        source_file="test.csv",
        source_row=2,
    )


def import_run(**fields) -> ImportRun:
    defaults = {
        "kind": ImportRun.Kind.CBS,
        "status": ImportRun.Status.DONE,
        "file_name": "85685NED.csv",
        "values_stored": 1,
    }
    defaults.update(fields)
    return ImportRun.objects.create(**defaults)


@pytest.fixture
def accounthouder(municipality_org) -> User:
    user = User.objects.create_user(username="accounthouder", password=PASSWORD)
    Membership.objects.create(
        user=user, organisation=municipality_org, role=Membership.Role.ACCOUNT_HOLDER
    )
    return user


@pytest.fixture
def other_beheerder(db) -> User:
    """A beheerder of another municipality (Den Haag)."""
    from duiding.areas.models import Area, Level

    nl, _ = Area.objects.get_or_create(
        code="NL01", defaults={"name": "Nederland", "level": Level.COUNTRY}
    )
    den_haag = Area.objects.create(
        code="GM0518", name="'s-Gravenhage", level=Level.MUNICIPALITY, parent=nl
    )
    org = Organisation.objects.create(
        name="Gemeente Den Haag",
        slug="den-haag",
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=den_haag,
    )
    user = User.objects.create_user(username="beheerder-dh", password=PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.ADMIN)
    return user
