"""Plan van aanpak services: steps (a new step in the past is refused) and purchase agreements
(who may write what: test_plan_permissions.py). A refused write changes nothing."""

from __future__ import annotations

import datetime

import pytest

from duiding.activities.models import PlanStep, PurchaseAgreement
from duiding.activities.plan import services
from tests.activities.plan_fixtures import *  # noqa: F403
from tests.activities.plan_fixtures import FUTURE, PAST, TODAY

pytestmark = pytest.mark.django_db


def _step(programme, user, org, **kw):
    kw.setdefault("description", "Gesprek met de scholen over jongerenwerk op het schoolplein")
    kw.setdefault("due_date", FUTURE)
    return services.step_create(
        programme=programme, user=user, owner_organisation=org, on=TODAY, **kw
    )


def test_step_is_created_with_owner_date_and_status(programme, adviseur, municipality_org):
    step = _step(programme, adviseur, municipality_org, status="bezig")
    step.refresh_from_db()
    assert (step.owner_organisation, step.due_date, step.status) == (
        municipality_org,
        FUTURE,
        "bezig",
    )
    assert step.created_by == adviseur and step.activity is None


def test_new_step_in_the_past_is_refused_and_nothing_is_saved(programme, adviseur, partner_org):
    with pytest.raises(services.PlanError) as refused:
        _step(programme, adviseur, partner_org, due_date=PAST)
    assert "De datum ligt in het verleden" in str(refused.value)
    assert refused.value.field == "due_date"
    assert PlanStep.objects.count() == 0


def test_today_is_not_in_the_past(programme, adviseur, partner_org):
    assert _step(programme, adviseur, partner_org, due_date=TODAY).due_date == TODAY


@pytest.mark.parametrize(
    ("fields", "message", "field"),
    [
        ({"description": "   "}, "Beschrijf de stap.", "description"),
        ({"status": "misschien"}, "Kies een status", "status"),
    ],
)
def test_step_refusals(programme, adviseur, partner_org, fields, message, field):
    with pytest.raises(services.PlanError) as refused:
        _step(programme, adviseur, partner_org, **fields)
    assert message in str(refused.value) and refused.value.field == field
    assert PlanStep.objects.count() == 0


def test_step_of_an_organisation_outside_the_programme_is_refused(programme, adviseur, other_org):
    with pytest.raises(services.PlanError, match="geen partner in dit programma"):
        _step(programme, adviseur, other_org)
    assert PlanStep.objects.count() == 0


def test_step_for_an_activity_of_another_programme_is_refused(
    programme, adviseur, partner_org, elsewhere
):
    with pytest.raises(services.PlanError, match="activiteit van dit programma"):
        _step(programme, adviseur, partner_org, activity=elsewhere["welzijn_activity"])
    assert PlanStep.objects.count() == 0


def test_existing_step_keeps_its_past_date_but_cannot_move_to_another(
    programme, adviseur, partner_org
):
    step = _step(programme, adviseur, partner_org, due_date=TODAY)
    later = TODAY + datetime.timedelta(days=40)
    fields = {
        "description": "Andere tekst",
        "owner_organisation": partner_org,
        "status": "bezig",
    }
    # A month later the date lies in the past: other changes are still allowed.
    services.step_update(
        step=step, user=adviseur, due_date=TODAY, on=later, expected_version=1, **fields
    )
    step.refresh_from_db()
    assert (step.description, step.status, step.due_date) == ("Andere tekst", "bezig", TODAY)
    with pytest.raises(services.PlanError, match="verleden"):
        services.step_update(
            step=step,
            user=adviseur,
            expected_version=2,
            due_date=TODAY + datetime.timedelta(days=1),
            on=later,
            **{**fields, "description": "Nog anders"},
        )
    step.refresh_from_db()
    assert step.description == "Andere tekst" and step.due_date == TODAY


def test_mark_done(programme, adviseur, partner, partner_org):
    step = _step(programme, adviseur, partner_org)
    services.step_mark_done(step=step, user=partner, expected_version=step.version)
    step.refresh_from_db()
    assert step.status == "klaar" and step.updated_by == partner
    assert not services.is_overdue(step, FUTURE + datetime.timedelta(days=1))


def test_overdue_means_open_and_past_its_date(programme, adviseur, partner_org):
    step = _step(programme, adviseur, partner_org, due_date=TODAY)
    assert not services.is_overdue(step, TODAY)
    assert services.is_overdue(step, TODAY + datetime.timedelta(days=1))


def test_purchase_agreement_needs_reference_and_date(programme, adviseur, plan_activities):
    agreement = services.purchase_save(
        programme=programme,
        user=adviseur,
        reference="BES-2026-014",
        date=PAST,
        activity=plan_activities["home_start"],
        note="Home-Start ingekocht voor 30 gezinnen",
    )
    assert agreement.activity == plan_activities["home_start"]
    with pytest.raises(services.PlanError) as refused:
        services.purchase_save(programme=programme, user=adviseur, reference=" ", date=PAST)
    assert refused.value.field == "reference"
    with pytest.raises(services.PlanError) as refused:
        services.purchase_save(programme=programme, user=adviseur, reference="X", date=None)
    assert refused.value.field == "date"
    assert PurchaseAgreement.objects.count() == 1
