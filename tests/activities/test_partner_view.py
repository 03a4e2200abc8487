"""The partner's page: everything its organisation is part of across programmes and
municipalities, nothing of other organisations; and the overdue list."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from duiding.activities.models import PlanStep, QualityAgreement
from duiding.outcomes.models import MeasurementPlan
from tests.activities.plan_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def _step(programme, org, text, *, days=10, activity=None, status="open"):
    return PlanStep.objects.create(
        programme=programme,
        activity=activity,
        description=text,
        owner_organisation=org,
        due_date=_days(days),
        status=status,
    )


@pytest.fixture
def plans(programme, plan_activities, elsewhere, partner_org, sport_org):
    home_start, sport = plan_activities["home_start"], plan_activities["sport"]
    _step(programme, partner_org, "Welzijn: vrijwilligers werven", activity=home_start)
    _step(programme, partner_org, "Welzijn: aansluiten bij het wijkoverleg")
    _step(programme, sport_org, "Sport: zaal huren", activity=sport)
    _step(programme, programme.organisation, "Gemeente: inkoop regelen")
    _step(elsewhere["programme"], partner_org, "Welzijn Elders: spreekuur plannen")
    _step(elsewhere["programme"], elsewhere["stranger"], "Buurtwerk: flyers")
    QualityAgreement.objects.create(
        activity=home_start,
        organisation=partner_org,
        next_step="Welzijn: beschrijf Home-Start",
        due_date=_days(30),
    )
    QualityAgreement.objects.create(
        activity=sport, organisation=sport_org, next_step="Sport: training", due_date=_days(30)
    )
    MeasurementPlan.objects.create(
        activity=elsewhere["welzijn_activity"],
        measure="tevredenheid",
        how="Welzijn Elders: vragenlijst",
        how_often="jaarlijks",
    )
    MeasurementPlan.objects.create(
        activity=elsewhere["stranger_activity"],
        measure="bereik",
        how="Buurtwerk: turven",
        how_often="wekelijks",
    )


def test_partner_sees_its_own_things_across_programmes_and_nothing_else(
    client_as, partner, plans, programme, elsewhere
):
    response = client_as(partner).get(reverse("activities:partner"))
    assert response.status_code == 200
    html = response.content.decode()
    for own in (
        "Home-Start",
        "Opvoedspreekuur Elders",
        "Welzijn: vrijwilligers werven",
        "Welzijn: aansluiten bij het wijkoverleg",
        "Welzijn Elders: spreekuur plannen",
        "Welzijn: beschrijf Home-Start",
        "Welzijn Elders: vragenlijst",
        programme.name,
        elsewhere["programme"].name,
    ):
        assert own in html, own
    for other in (
        "Sport in de wijk",
        "Sport: zaal huren",
        "Sport: training",
        "Gemeente: inkoop regelen",
        "Buurtsport Elders",
        "Buurtwerk: flyers",
        "Buurtwerk: turven",
    ):
        assert other not in html, other
    groups = response.context["groups"]
    assert {g.programme.pk for g in groups} == {programme.pk, elsewhere["programme"].pk}
    names = [g.programme.name for g in groups]
    assert names == sorted(names)


def test_outsider_sees_an_empty_partner_page(client_as, outsider, plans):
    # The outsider's organisation owns the other programme but carries out nothing.
    response = client_as(outsider).get(reverse("activities:partner"))
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert "Home-Start" not in response.content.decode()


def test_partner_page_needs_a_login(client):
    response = client.get(reverse("activities:partner"))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_overdue_list_shows_open_past_steps_of_visible_programmes(
    client_as, adviseur, partner, programme, partner_org, sport_org, elsewhere
):
    late = _step(programme, partner_org, "Te laat: gesprek met school", days=-5)
    _step(programme, sport_org, "Klaar maar te laat", days=-5, status="klaar")
    _step(programme, sport_org, "Nog op tijd", days=5)
    _step(elsewhere["programme"], elsewhere["stranger"], "Elders te laat", days=-2)
    response = client_as(adviseur).get(reverse("activities:overdue"))
    assert response.status_code == 200
    assert [s.description for s in response.context["steps"]] == [late.description]
    assert response.context["steps"][0].editable
    # The partner sees both programmes; it may mark only its own step done.
    partner_response = client_as(partner).get(reverse("activities:overdue"))
    steps = {s.description: s for s in partner_response.context["steps"]}
    assert set(steps) == {"Te laat: gesprek met school", "Elders te laat"}
    assert steps["Te laat: gesprek met school"].editable
    assert not steps["Elders te laat"].editable


def test_overdue_list_of_an_outsider_shows_nothing_of_this_programme(
    client_as, outsider, programme, partner_org
):
    _step(programme, partner_org, "Te laat", days=-1)
    response = client_as(outsider).get(reverse("activities:overdue"))
    assert response.status_code == 200
    assert response.context["steps"] == [] and "Te laat" not in response.content.decode()
