"""Plan van aanpak permissions: who may write the plan items of which organisation."""

from __future__ import annotations

import pytest

from duiding.activities.plan import permissions, services
from tests.activities.plan_fixtures import *  # noqa: F403
from tests.activities.plan_fixtures import FUTURE, TODAY

pytestmark = pytest.mark.django_db


def _step(programme, user, org, **kw):
    kw.setdefault("description", "Gesprek met de scholen over jongerenwerk op het schoolplein")
    kw.setdefault("due_date", FUTURE)
    return services.step_create(
        programme=programme, user=user, owner_organisation=org, on=TODAY, **kw
    )


def test_who_may_write(
    programme, adviseur, partner, partner_org, sport_org, sport_user, outsider, plan_activities
):
    home_start, sport = plan_activities["home_start"], plan_activities["sport"]
    assert permissions.can_edit_activity_plan(adviseur, home_start)
    assert permissions.can_edit_activity_plan(adviseur, sport)
    assert permissions.can_edit_activity_plan(partner, home_start)
    assert not permissions.can_edit_activity_plan(partner, sport)
    assert permissions.can_edit_activity_plan(sport_user, sport)
    assert not permissions.can_edit_activity_plan(sport_user, home_start)
    assert not permissions.can_edit_activity_plan(outsider, home_start)
    own = _step(programme, adviseur, partner_org)
    theirs = _step(programme, adviseur, sport_org)
    assert permissions.can_edit_step(partner, own) and not permissions.can_edit_step(
        partner, theirs
    )
    # A step of the municipality for Welzijn's activity: Welzijn may update it too.
    shared = _step(programme, adviseur, programme.organisation, activity=home_start)
    assert permissions.can_edit_step(partner, shared) and not permissions.can_edit_step(
        sport_user, shared
    )
