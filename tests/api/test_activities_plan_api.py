"""GET /api/v1/programmes/{id}/plan: the plan van aanpak as JSON, 404 when not visible."""

from __future__ import annotations

import datetime

import pytest

from duiding.accounts.services import token_create
from duiding.activities.models import PlanStep, PurchaseAgreement, QualityAgreement
from duiding.api.activities_plan import PlanOut
from duiding.outcomes.models import MeasurementPlan
from tests.activities.plan_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _get(client, programme_id, user):
    _token, raw = token_create(user=user)
    return client.get(
        f"/api/v1/programmes/{programme_id}/plan", headers={"Authorization": f"Bearer {raw}"}
    )


def test_plan_lists_activities_with_steps_agreements_and_measurement_plans(
    client, partner, programme, plan_activities, partner_org
):
    home_start = plan_activities["home_start"]
    PlanStep.objects.create(
        programme=programme,
        activity=home_start,
        description="Vrijwilligers werven",
        owner_organisation=partner_org,
        due_date=datetime.date(2020, 1, 1),
    )
    PlanStep.objects.create(
        programme=programme,
        description="Wijkoverleg plannen",
        owner_organisation=programme.organisation,
        due_date=datetime.date(2099, 1, 1),
    )
    PurchaseAgreement.objects.create(
        programme=programme, activity=home_start, reference="BES-14", date=datetime.date(2026, 1, 5)
    )
    PurchaseAgreement.objects.create(
        programme=programme, reference="RAAM-1", date=datetime.date(2026, 1, 6)
    )
    QualityAgreement.objects.create(
        activity=home_start,
        organisation=partner_org,
        next_step="Beschrijf de interventie",
        target_level=1,
        due_date=datetime.date(2099, 1, 1),
        checklist={"scholing": {"answer": False, "note": "nog niet"}},
    )
    MeasurementPlan.objects.create(
        activity=home_start, measure="geen_nieuwe_start", years=2, how="CBS", how_often="jaarlijks"
    )
    response = _get(client, programme.pk, partner)
    assert response.status_code == 200
    data = response.json()
    PlanOut.model_validate(data)
    assert data["programme"] == programme.name
    activities = {a["name"]: a for a in data["activities"]}
    assert set(activities) == {"Home-Start", "Sport in de wijk"}
    home = activities["Home-Start"]
    assert (home["organisation"], home["reach"], home["target_group_size"]) == (
        "Welzijn Feijenoord",
        30,
        120,
    )
    assert [(s["description"], s["overdue"]) for s in home["steps"]] == [
        ("Vrijwilligers werven", True)
    ]
    assert [p["reference"] for p in home["purchase_agreements"]] == ["BES-14"]
    quality = home["quality_agreements"][0]
    assert (quality["current_level"], quality["target_level"]) == (0, 1)
    scholing = next(q for q in quality["checklist"] if q["key"] == "scholing")
    assert (scholing["answer"], scholing["note"]) == (False, "nog niet")
    assert len(quality["checklist"]) == 6
    measure = home["measurement_plans"][0]
    assert (measure["measure"], measure["years"], measure["label"]) == (
        "geen_nieuwe_start",
        2,
        "Geen nieuwe start hulp binnen 2 jaar",
    )
    assert [s["description"] for s in data["steps"]] == ["Wijkoverleg plannen"]
    assert [p["reference"] for p in data["purchase_agreements"]] == ["RAAM-1"]


def test_plan_is_404_for_outsiders_partners_elsewhere_and_unknown_ids(
    client, outsider, programme, plan_activities, elsewhere
):
    assert _get(client, programme.pk, outsider).status_code == 404
    assert _get(client, programme.pk, elsewhere["stranger_user"]).status_code == 404
    assert _get(client, 999999, outsider).status_code == 404


def test_plan_needs_a_token(client, programme):
    assert client.get(f"/api/v1/programmes/{programme.pk}/plan").status_code == 401


def test_all_steps_are_listed_by_date_then_activity(
    client, adviseur, programme, plan_activities, partner_org, sport_org
):
    today = datetime.date.today()

    def step(activity, org, days):
        return PlanStep.objects.create(
            programme=programme,
            activity=activity,
            description=f"Stap {days}",
            owner_organisation=org,
            due_date=today + datetime.timedelta(days=days),
        )

    late = step(plan_activities["home_start"], partner_org, 30)
    early = step(plan_activities["sport"], sport_org, 5)
    general = step(None, partner_org, 20)
    same_day = step(plan_activities["sport"], sport_org, 30)
    data = _get(client, programme.pk, adviseur).json()
    assert [s["id"] for s in data["all_steps"]] == [early.pk, general.pk, late.pk, same_day.pk]
