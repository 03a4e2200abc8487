"""Geschiedenis van het plan: every write of the plan leaves a PlanChange; deleted items come back
with "Herstellen" (an activity with its links that still exist, its children each on their own);
the page is 404 outside the programme, partners see only their own quality agreements; steps and
quality agreements refuse a stale version."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from duiding.activities import history
from duiding.activities.models import (
    Activity,
    PlanChange,
    PlanStep,
    PurchaseAgreement,
    QualityAgreement,
)
from duiding.activities.plan import services as plan_services
from duiding.activities.services import activity_delete, activity_update
from duiding.core.versioning import StaleEdit
from duiding.outcomes.measurement_plans import services as measurement_services
from duiding.outcomes.models import MeasurementPlan
from tests.activities.conftest import factor

pytestmark = pytest.mark.django_db

Action = PlanChange.Action


def _later(days=10):
    return timezone.localdate() + datetime.timedelta(days=days)


def _children(activity, user):
    step = plan_services.step_create(
        programme=activity.programme,
        user=user,
        description="Intake plannen",
        owner_organisation=activity.organisation,
        due_date=_later(),
        activity=activity,
    )
    quality = plan_services.quality_save(
        activity=activity, user=user, next_step="Beschrijf de interventie", due_date=_later()
    )
    measurement = measurement_services.measurement_save(
        activity=activity, user=user, measure="uitval", how="Registratie", how_often="Jaarlijks"
    )
    purchase = plan_services.purchase_save(
        programme=activity.programme,
        user=user,
        reference="BS-2026-1",
        date=_later(),
        activity=activity,
    )
    return step, quality, measurement, purchase


def test_every_plan_write_is_recorded(adviseur, seed_activities):
    home = seed_activities["home_start"]
    step, quality, measurement, purchase = _children(home, adviseur)
    plan_services.step_mark_done(step=step, user=adviseur, expected_version=step.version)
    purchase_pk = purchase.pk
    plan_services.purchase_delete(agreement=purchase, user=adviseur)
    lines = set(PlanChange.objects.values_list("kind", "object_id", "action"))
    assert ("activiteit", home.pk, Action.CREATED) in lines
    assert ("stap", step.pk, Action.CREATED) in lines
    assert ("stap", step.pk, Action.UPDATED) in lines
    assert ("kwaliteitsafspraak", quality.pk, Action.CREATED) in lines
    assert ("meetplan", measurement.pk, Action.CREATED) in lines
    assert ("inkoopafspraak", purchase_pk, Action.DELETED) in lines
    deleted = PlanChange.objects.get(kind="inkoopafspraak", action=Action.DELETED)
    assert deleted.user == adviseur
    assert deleted.content["reference"] == "BS-2026-1"


def test_deleted_activity_comes_back_with_links_and_children_each(
    adviseur, seed_activities, results
):
    home = seed_activities["home_start"]
    home_pk = home.pk
    step, quality, measurement, purchase = _children(home, adviseur)
    activity_delete(activity=home, user=adviseur)
    assert not Activity.objects.filter(pk=home_pk).exists()
    assert PurchaseAgreement.objects.get(pk=purchase.pk).activity_id is None
    deleted = {c.kind: c for c in PlanChange.objects.filter(action=Action.DELETED)}
    assert set(deleted) == {"activiteit", "stap", "kwaliteitsafspraak", "meetplan"}

    # A child first: refused, the activity is gone.
    with pytest.raises(history.RestoreError, match="Herstel eerst de activiteit ‘Home-Start’"):
        history.restore(change=deleted["stap"], user=adviseur)
    assert not PlanStep.objects.filter(pk=step.pk).exists()

    restored = history.restore(change=deleted["activiteit"], user=adviseur)
    assert restored.pk == home_pk
    assert list(restored.results.all()) == [results["start"]]
    assert [(f.factor, f.effect) for f in restored.factor_links.all()] == [
        (factor("Opvoedingsvaardigheden"), "versterkt")
    ]
    assert {p.code for p in restored.age_phases.all()} == {
        "vroege-kindertijd",
        "basisschoolleeftijd",
    }
    assert PurchaseAgreement.objects.get(pk=purchase.pk).activity_id == home_pk
    assert not PlanStep.objects.filter(pk=step.pk).exists()  # children each on their own

    for kind in ("stap", "kwaliteitsafspraak", "meetplan"):
        history.restore(change=deleted[kind], user=adviseur)
    assert PlanStep.objects.get(pk=step.pk).description == "Intake plannen"
    assert QualityAgreement.objects.get(pk=quality.pk).next_step == "Beschrijf de interventie"
    assert MeasurementPlan.objects.get(pk=measurement.pk).measure == "uitval"
    with pytest.raises(history.RestoreError):
        history.restore(change=deleted["stap"], user=adviseur)
    assert PlanChange.objects.filter(action=Action.RESTORED).count() == 4


def test_restored_activity_drops_links_that_no_longer_exist(adviseur, seed_activities, results):
    home = seed_activities["home_start"]
    activity_update(
        activity=home,
        user=adviseur,
        organisation=home.organisation,
        expected_version=home.version,
        name=home.name,
        target_group=home.target_group,
        prevention_level=home.prevention_level,
        results=[results["start"], results["safe"]],
        factors=[(factor("Opvoedingsvaardigheden"), "versterkt")],
    )
    activity_delete(activity=home, user=adviseur)
    results["safe"].delete()
    change = PlanChange.objects.get(kind="activiteit", action=Action.DELETED)
    restored = history.restore(change=change, user=adviseur)
    assert list(restored.results.all()) == [results["start"]]


def _history(programme):
    return reverse("activities:plan_history", args=[programme.pk])


def test_history_page_who_when_what_and_restore(client_as, adviseur, programme, seed_activities):
    step = plan_services.step_create(
        programme=programme,
        user=adviseur,
        description="Kick-off met partners",
        owner_organisation=programme.organisation,
        due_date=_later(),
    )
    step_pk = step.pk
    plan_services.step_delete(step=step, user=adviseur)
    change = PlanChange.objects.get(kind="stap", action=Action.DELETED)
    client = client_as(adviseur)
    html = client.get(_history(programme)).content.decode()
    assert "Kick-off met partners" in html
    assert "Verwijderd" in html and "Herstellen" in html
    assert adviseur.display_name in html
    url = reverse("activities:plan_restore", args=[programme.pk, change.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert PlanStep.objects.get(pk=step_pk).description == "Kick-off met partners"
    html = client.get(_history(programme)).content.decode()
    assert "hersteld op" in html


def test_history_is_404_outside_and_restore_403_for_a_partner_of_another_org(
    client_as, adviseur, outsider, youth_worker, programme, seed_activities
):
    home = seed_activities["home_start"]  # Welzijn Feijenoord's
    measurement_services.measurement_save(
        activity=home, user=adviseur, measure="bereik", how="Tellen", how_often="Per kwartaal"
    )
    plan = MeasurementPlan.objects.get(activity=home)
    measurement_services.measurement_delete(plan=plan, user=adviseur)
    change = PlanChange.objects.get(kind="meetplan", action=Action.DELETED)
    assert client_as(outsider).get(_history(programme)).status_code == 404
    url = reverse("activities:plan_restore", args=[programme.pk, change.pk])
    assert client_as(outsider).post(url).status_code == 404
    assert client_as(youth_worker).post(url).status_code == 403
    assert not MeasurementPlan.objects.filter(activity=home).exists()


def test_partner_history_hides_other_organisations_quality_agreements(
    client_as, adviseur, partner, youth_worker, seed_activities
):
    home, youth = seed_activities["home_start"], seed_activities["youth_work"]
    plan_services.quality_save(
        activity=home, user=adviseur, next_step="Welzijn beschrijft Home-Start", due_date=_later()
    )
    plan_services.quality_save(
        activity=youth, user=adviseur, next_step="Jongerenwerk onderbouwt", due_date=_later()
    )
    programme = home.programme
    html = client_as(partner).get(_history(programme)).content.decode()
    assert "Welzijn beschrijft Home-Start" in html
    assert "Jongerenwerk onderbouwt" not in html
    html = client_as(adviseur).get(_history(programme)).content.decode()
    assert "Jongerenwerk onderbouwt" in html


def test_activity_delete_confirmation_lists_what_goes_with_it(client_as, adviseur, seed_activities):
    home = seed_activities["home_start"]
    _children(home, adviseur)
    url = reverse("activities:activity_delete", args=[home.pk])
    html = client_as(adviseur).get(url).content.decode()
    listing = html.split('id="gaat-mee"', 1)[1].split("</ul>", 1)[0]
    assert "Intake plannen" in listing
    assert "Beschrijf de interventie" in listing
    assert "Uitval" in listing


def test_stale_step_and_quality_edits_are_refused(client_as, adviseur, partner, seed_activities):
    home = seed_activities["home_start"]
    programme = home.programme
    step, quality, _m, _p = _children(home, adviseur)
    # The partner saves first (version 1 -> 2) ...
    plan_services.step_update(
        step=step,
        user=partner,
        description="Intake door de partner",
        owner_organisation=step.owner_organisation,
        due_date=step.due_date,
        activity=home,
        expected_version=1,
    )
    # ... then the adviser submits a form opened at version 1.
    url = reverse("activities:step_edit", args=[programme.pk, step.pk])
    response = client_as(adviseur).post(
        url,
        {
            "description": "Intake door de adviseur",
            "activity": home.pk,
            "owner_organisation": home.organisation_id,
            "due_date": step.due_date.isoformat(),
            "status": "open",
            "version": 1,
        },
    )
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen opgeslagen" in response.content.decode()
    assert PlanStep.objects.get(pk=step.pk).description == "Intake door de partner"

    plan_services.quality_save(
        activity=home,
        user=partner,
        agreement=quality,
        next_step="Eerst de partner",
        due_date=quality.due_date,
        expected_version=1,
    )
    with pytest.raises(StaleEdit, match="intussen gewijzigd"):
        plan_services.quality_save(
            activity=home,
            user=adviseur,
            agreement=QualityAgreement.objects.get(pk=quality.pk),
            next_step="Dan de adviseur",
            due_date=quality.due_date,
            expected_version=1,
        )
    assert QualityAgreement.objects.get(pk=quality.pk).next_step == "Eerst de partner"
