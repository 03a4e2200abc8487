"""Handing an activity over to another partner: a quality agreement belongs to the partner it was
made with. Per open agreement the hand-over keeps it with the old partner (closed: read only for
that partner, invisible to the new one) or transfers it; done agreements stay. The rule holds on
the plan page, the partner page, the edit check, the export and the API, and is in the history."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from duiding.accounts.services import token_create
from duiding.activities.models import PlanChange, QualityAgreement, StepStatus
from duiding.activities.plan import handover
from duiding.activities.services import activity_update
from tests.activities.conftest import factor
from tests.activities.plan_fixtures import *  # noqa: F403
from tests.activities.plan_fixtures import FUTURE

pytestmark = pytest.mark.django_db

KEPT, MOVED, DONE = (
    "Welzijn beschrijft de werkwijze van Home-Start",
    "Welzijn onderbouwt Home-Start met de databank",
    "Welzijn deed de zelfevaluatie",
)


@pytest.fixture
def home(plan_activities):
    return plan_activities["home_start"]


@pytest.fixture
def agreements(home, partner_org) -> dict[str, QualityAgreement]:
    def make(text, status=StepStatus.OPEN):
        return QualityAgreement.objects.create(
            activity=home, organisation=partner_org, next_step=text, due_date=FUTURE, status=status
        )

    return {"kept": make(KEPT), "moved": make(MOVED), "done": make(DONE, StepStatus.DONE)}


def _hand_over(client, home, sport_org, agreements, **choices):
    data = {"organisation": sport_org.pk, "version": home.version}
    data.update({f"agreement_{agreements[k].pk}": v for k, v in choices.items() if k in agreements})
    return client.post(reverse("activities:activity_hand_over", args=[home.pk]), data)


@pytest.fixture
def handed_over(client_as, adviseur, home, sport_org, agreements):
    """The gebiedsadviseur hands Welzijn's Home-Start over to Sportbedrijf: one open agreement
    kept, one transferred."""
    response = _hand_over(
        client_as(adviseur),
        home,
        sport_org,
        agreements,
        kept=handover.KEEP,
        moved=handover.TRANSFER,
    )
    assert response.status_code == 302
    for agreement in agreements.values():
        agreement.refresh_from_db()
    home.refresh_from_db()
    return agreements


def _views(client, user, programme):
    plan = client.get(reverse("activities:plan", args=[programme.pk])).content.decode()
    partner_page = client.get(reverse("activities:partner")).content.decode()
    export = client.get(reverse("activities:plan_export", args=[programme.pk])).content
    cells = " ".join(
        str(c.value)
        for ws in load_workbook(io.BytesIO(export)).worksheets
        for row in ws.iter_rows()
        for c in row
    )
    _token, raw = token_create(user=user)
    data = client.get(
        f"/api/v1/programmes/{programme.pk}/plan", headers={"Authorization": f"Bearer {raw}"}
    ).json()
    api = {
        q["next_step"]: q["organisation"]
        for a in data["activities"]
        for q in a["quality_agreements"]
    }
    return plan, partner_page, cells, api


def test_the_hand_over_applies_the_choices(handed_over, home, partner_org, sport_org):
    assert home.organisation == sport_org
    assert handed_over["kept"].organisation == partner_org
    assert handed_over["moved"].organisation == sport_org
    assert handed_over["done"].organisation == partner_org
    summaries = list(
        PlanChange.objects.filter(kind=PlanChange.Kind.QUALITY).values_list("summary", flat=True)
    )
    assert any("bleef bij Welzijn Feijenoord" in s and KEPT in s for s in summaries)
    assert any("Meegegaan naar Sportbedrijf Zuid" in s and MOVED in s for s in summaries)
    assert PlanChange.objects.filter(
        kind=PlanChange.Kind.ACTIVITY, object_id=home.pk, summary__contains="overgedragen"
    ).exists()


def test_the_new_partner_sees_and_edits_only_the_transferred_one(
    client_as, sport_user, programme, handed_over
):
    client = client_as(sport_user)
    plan, partner_page, cells, api = _views(client, sport_user, programme)
    for text in (plan, partner_page, cells):
        assert MOVED in text
        assert KEPT not in text and DONE not in text
    assert api == {MOVED: "Sportbedrijf Zuid"}
    moved, kept = handed_over["moved"], handed_over["kept"]
    assert (
        client.get(reverse("activities:quality_edit", args=[programme.pk, moved.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("activities:quality_edit", args=[programme.pk, kept.pk])).status_code
        == 404
    )


def test_the_old_partner_reads_its_kept_agreements_but_cannot_edit_them(
    client_as, partner, programme, handed_over
):
    client = client_as(partner)
    plan = client.get(reverse("activities:plan", args=[programme.pk])).content.decode()
    kept = handed_over["kept"]
    assert KEPT in plan and DONE in plan and MOVED not in plan
    assert "Gesloten: gemaakt met Welzijn Feijenoord" in plan
    edit_url = reverse("activities:quality_edit", args=[programme.pk, kept.pk])
    assert edit_url not in plan
    before = QualityAgreement.objects.filter(pk=kept.pk).values().get()
    assert client.get(edit_url).status_code == 403
    response = client.post(
        edit_url, {"next_step": "Overschreven", "due_date": "2026-12-31", "status": "klaar"}
    )
    assert response.status_code == 403
    delete_url = reverse("activities:quality_delete", args=[programme.pk, kept.pk])
    assert client.post(delete_url).status_code == 403
    assert QualityAgreement.objects.filter(pk=kept.pk).values().get() == before
    # The API and the export name the partner the agreement was made with.
    _plan, _partner, cells, api = _views(client, partner, programme)
    assert api == {KEPT: "Welzijn Feijenoord", DONE: "Welzijn Feijenoord"}
    assert KEPT in cells and MOVED not in cells


def test_an_editor_edits_a_kept_agreement_and_it_stays_with_its_partner(
    client_as, adviseur, programme, handed_over, partner_org
):
    kept = handed_over["kept"]
    client = client_as(adviseur)
    plan = client.get(reverse("activities:plan", args=[programme.pk])).content.decode()
    assert KEPT in plan and MOVED in plan and DONE in plan
    response = client.post(
        reverse("activities:quality_edit", args=[programme.pk, kept.pk]),
        {
            "next_step": "Welzijn rondt de beschrijving af",
            "due_date": FUTURE.isoformat(),
            "status": "bezig",
            "version": kept.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    kept.refresh_from_db()
    assert kept.next_step == "Welzijn rondt de beschrijving af"
    assert kept.organisation == partner_org


def test_a_hand_over_without_a_choice_is_refused_and_changes_nothing(
    client_as, adviseur, home, sport_org, agreements, partner_org
):
    before = list(QualityAgreement.objects.order_by("pk").values())
    response = _hand_over(client_as(adviseur), home, sport_org, agreements, kept=handover.KEEP)
    assert response.status_code == 400
    assert (
        "Kies of deze afspraak bij de oude partner blijft of meegaat." in response.content.decode()
    )
    home.refresh_from_db()
    assert home.organisation == partner_org
    assert list(QualityAgreement.objects.order_by("pk").values()) == before
    assert not PlanChange.objects.filter(summary__contains="overgedragen").exists()


def test_the_form_asks_per_open_agreement(client_as, adviseur, home, agreements):
    page = client_as(adviseur).get(reverse("activities:activity_hand_over", args=[home.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'name="agreement_{agreements["kept"].pk}"' in html
    assert f'name="agreement_{agreements["moved"].pk}"' in html
    assert f'name="agreement_{agreements["done"].pk}"' not in html


@pytest.mark.parametrize("who", ["partner", "sport_user"])
def test_only_the_programmes_editors_hand_over(
    request, client_as, home, sport_org, agreements, partner_org, who
):
    """Partners (the carrier itself too) do not: the gebiedsadviseur decides."""
    client = client_as(request.getfixturevalue(who))
    response = _hand_over(client, home, sport_org, agreements, kept="houden", moved="houden")
    assert response.status_code == 403
    home.refresh_from_db()
    assert home.organisation == partner_org
    page = client.get(reverse("activities:activity_detail", args=[home.pk])).content.decode()
    assert reverse("activities:activity_hand_over", args=[home.pk]) not in page


def test_the_edit_form_sends_a_hand_over_with_open_agreements_to_the_hand_over(
    seed_activities, adviseur, results, youth_org
):
    activity = seed_activities["home_start"]
    QualityAgreement.objects.create(
        activity=activity,
        organisation=activity.organisation,
        next_step="Open afspraak",
        due_date=FUTURE,
    )
    with pytest.raises(ValidationError) as caught:
        activity_update(
            activity=activity,
            user=adviseur,
            organisation=youth_org,
            name=activity.name,
            target_group=activity.target_group,
            prevention_level=activity.prevention_level,
            results=[results["start"]],
            factors=[(factor("Opvoedingsvaardigheden"), "versterkt")],
            expected_version=activity.version,
        )
    assert "Overdragen aan een andere partner" in caught.value.message_dict["organisation"][0]
    activity.refresh_from_db()
    assert activity.organisation != youth_org and activity.version == 1
