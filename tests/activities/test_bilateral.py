"""Quality agreements are bilateral (gebiedsadviseur and one partner): a partner user sees only
its own organisation's, on the plan page, in the overdue list, the API and the export; the
programme's editors and the municipality's beheerders see all. The partner page also lists the
steps the partner's organisation owns on other organisations' activities."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duiding.accounts.services import token_create
from duiding.activities.models import PlanStep, QualityAgreement
from tests.activities.plan_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 1, 1)
WELZIJN_NEXT = "Welzijn beschrijft Home-Start"
SPORT_NEXT = "Sportbedrijf onderbouwt de sportlessen"


@pytest.fixture
def agreements(plan_activities, partner_org, sport_org):
    home, sport = plan_activities["home_start"], plan_activities["sport"]
    return [
        QualityAgreement.objects.create(
            activity=home, organisation=partner_org, next_step=WELZIJN_NEXT, due_date=PAST
        ),
        QualityAgreement.objects.create(
            activity=sport, organisation=sport_org, next_step=SPORT_NEXT, due_date=PAST
        ),
    ]


def _texts(client, programme):
    plan = client.get(reverse("activities:plan", args=[programme.pk])).content.decode()
    overdue = client.get(reverse("activities:overdue")).content.decode()
    export = client.get(reverse("activities:plan_export", args=[programme.pk])).content
    workbook = load_workbook(io.BytesIO(export))
    cells = " ".join(
        str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row
    )
    return plan, overdue, cells


@pytest.mark.parametrize("who", ["partner", "sport_user"])
def test_a_partner_sees_only_its_own_quality_agreements(
    request, client_as, programme, agreements, who
):
    user = request.getfixturevalue(who)
    own, other = (WELZIJN_NEXT, SPORT_NEXT) if who == "partner" else (SPORT_NEXT, WELZIJN_NEXT)
    for text in _texts(client_as(user), programme):
        assert own in text
        assert other not in text
    _token, raw = token_create(user=user)
    data = client_as(user).get(
        f"/api/v1/programmes/{programme.pk}/plan", headers={"Authorization": f"Bearer {raw}"}
    )
    steps = [q["next_step"] for a in data.json()["activities"] for q in a["quality_agreements"]]
    assert steps == [own]


@pytest.mark.parametrize("who", ["adviseur", "beheerder"])
def test_editors_and_beheerders_see_all_quality_agreements(
    request, client_as, programme, agreements, who
):
    user = request.getfixturevalue(who)
    plan, overdue, cells = _texts(client_as(user), programme)
    for text in (plan, overdue, cells):
        assert WELZIJN_NEXT in text and SPORT_NEXT in text


def test_partner_page_lists_own_steps_on_other_organisations_activities(
    client_as, partner, programme, plan_activities, partner_org, sport_org
):
    sport = plan_activities["sport"]
    later = datetime.date.today() + datetime.timedelta(days=20)
    PlanStep.objects.create(
        programme=programme,
        activity=sport,
        description="Welzijn werft deelnemers voor de sport",
        owner_organisation=partner_org,
        due_date=later,
    )
    PlanStep.objects.create(
        programme=programme,
        activity=sport,
        description="Sportbedrijf regelt de zaal",
        owner_organisation=sport_org,
        due_date=later,
    )
    html = client_as(partner).get(reverse("activities:partner")).content.decode()
    assert "Welzijn werft deelnemers voor de sport" in html
    assert "Sport in de wijk" in html  # the activity column
    assert "Sportbedrijf regelt de zaal" not in html
