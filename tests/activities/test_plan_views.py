"""Plan van aanpak pages: the plan per programme, steps, purchase agreements and quality agreements
through the views (measurement plans: tests/outcomes/test_measurement_plan_views.py); who sees (404 outside) and who writes (403 for a reader,
a partner only its own)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from duiding.activities.models import PlanStep, PurchaseAgreement, QualityAgreement
from duiding.outcomes.models import MeasurementPlan
from tests.activities.plan_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


def _url(name, *args):
    return reverse(f"activities:{name}", args=args)


def _step(programme, org, *, days=10, activity=None, status="open"):
    return PlanStep.objects.create(
        programme=programme,
        activity=activity,
        description=f"Stap van {org.name}",
        owner_organisation=org,
        due_date=_today() + datetime.timedelta(days=days),
        status=status,
    )


def test_plan_shows_who_does_what_for_whom_with_what_reach(
    client_as, adviseur, programme, plan_activities, partner_org
):
    _step(programme, partner_org, activity=plan_activities["home_start"], days=-3)
    MeasurementPlan.objects.create(
        activity=plan_activities["home_start"], measure="uitval", how="Registratie", how_often="x"
    )
    response = client_as(adviseur).get(_url("plan", programme.pk))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Wie voert de activiteit uit?",
        "Voor welke doelgroep is de activiteit?",
        "Met welk bereik?",
        "Ouders die (beginnende) opvoedproblemen ervaren",
        "Welzijn Feijenoord",
        "Sportbedrijf Zuid",
        "Stap van Welzijn Feijenoord",
        "achterstallig",
        "Welke outcome meten?",
        "Reden beëindiging",
    ):
        assert text in html, text
    assert response.context["tab"] == "plan"


@pytest.mark.parametrize("name", ["plan", "plan_export", "step_create", "purchase_create"])
def test_outsiders_and_partners_of_other_programmes_get_404(
    client, outsider, elsewhere, programme, plan_activities, name
):
    for user in (outsider, elsewhere["stranger_user"]):
        client.force_login(user)
        assert client.get(_url(name, programme.pk)).status_code == 404


def test_object_pages_of_another_programme_are_404(
    client_as, elsewhere, programme, plan_activities
):
    owner = elsewhere["owner"]  # edits its own programme, sees nothing of this one
    step = _step(programme, programme.organisation)
    quality = QualityAgreement.objects.create(
        activity=plan_activities["home_start"],
        organisation=plan_activities["home_start"].organisation,
        next_step="Beschrijven",
        due_date=_today(),
    )
    client = client_as(owner)
    other = elsewhere["programme"].pk
    for url in (
        _url("step_edit", programme.pk, step.pk),
        _url("step_edit", other, step.pk),
        _url("quality_create", programme.pk, plan_activities["home_start"].pk),
        _url("quality_create", other, plan_activities["home_start"].pk),
        _url("quality_edit", other, quality.pk),
    ):
        assert client.get(url).status_code == 404, url


def test_adviser_adds_a_step_and_a_past_date_is_refused(
    client_as, adviseur, programme, partner_org
):
    client = client_as(adviseur)
    url = _url("step_create", programme.pk)
    data = {
        "description": "Gesprek met de scholen",
        "activity": "",
        "owner_organisation": partner_org.pk,
        "due_date": (_today() - datetime.timedelta(days=1)).isoformat(),
        "status": "open",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "De datum ligt in het verleden" in refused.content.decode()
    assert PlanStep.objects.count() == 0
    data["due_date"] = (_today() + datetime.timedelta(days=14)).isoformat()
    response = client.post(url, data)
    assert response.status_code == 302
    step = PlanStep.objects.get()
    assert step.owner_organisation == partner_org and step.created_by == adviseur


def test_partner_adds_steps_only_for_its_own_organisation(
    client_as, partner, programme, partner_org, sport_org, plan_activities
):
    client = client_as(partner)
    url = _url("step_create", programme.pk)
    form = client.get(url).context["form"]
    assert list(form.fields["owner_organisation"].queryset) == [partner_org]
    assert list(form.fields["activity"].queryset) == [plan_activities["home_start"]]
    data = {
        "description": "Vrijwilligers werven",
        "owner_organisation": sport_org.pk,
        "due_date": (_today() + datetime.timedelta(days=7)).isoformat(),
        "status": "open",
    }
    assert client.post(url, data).status_code == 400  # not a choice for this partner
    data["owner_organisation"] = partner_org.pk
    data["activity"] = plan_activities["home_start"].pk
    assert client.post(url, data).status_code == 302
    assert PlanStep.objects.get().owner_organisation == partner_org


def test_partner_edits_and_marks_done_its_own_step_only(
    client_as, partner, programme, partner_org, sport_org
):
    own, theirs = _step(programme, partner_org), _step(programme, sport_org)
    client = client_as(partner)
    assert client.get(_url("step_edit", programme.pk, own.pk)).status_code == 200
    assert client.get(_url("step_edit", programme.pk, theirs.pk)).status_code == 403
    theirs_done = client.post(
        _url("step_done", programme.pk, theirs.pk), {"version": theirs.version}
    )
    assert theirs_done.status_code == 403
    response = client.post(_url("step_done", programme.pk, own.pk), {"version": own.version})
    assert response.status_code == 302
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert (own.status, theirs.status) == ("klaar", "open")


def test_step_done_ignores_a_foreign_next_url(client_as, adviseur, programme, partner_org):
    step = _step(programme, partner_org)
    response = client_as(adviseur).post(
        _url("step_done", programme.pk, step.pk),
        {"next": "https://evil.example/", "version": step.version},
    )
    assert response.status_code == 302 and "evil" not in response["Location"]


def test_step_delete_asks_first(client_as, adviseur, programme, partner_org):
    step = _step(programme, partner_org)
    client = client_as(adviseur)
    assert client.get(_url("step_delete", programme.pk, step.pk)).status_code == 200
    assert PlanStep.objects.filter(pk=step.pk).exists()
    assert client.post(_url("step_delete", programme.pk, step.pk)).status_code == 302
    assert not PlanStep.objects.filter(pk=step.pk).exists()


def test_purchase_agreements_only_by_the_programme_editors(
    client_as, adviseur, partner, programme, plan_activities
):
    data = {
        "reference": "BES-2026-014",
        "date": "2026-02-01",
        "activity": plan_activities["home_start"].pk,
        "note": "Home-Start voor 30 gezinnen",
    }
    assert client_as(partner).post(_url("purchase_create", programme.pk), data).status_code == 403
    assert PurchaseAgreement.objects.count() == 0
    response = client_as(adviseur).post(_url("purchase_create", programme.pk), data)
    assert response.status_code == 302
    agreement = PurchaseAgreement.objects.get()
    assert agreement.reference == "BES-2026-014"
    page = client_as(adviseur).get(_url("plan", programme.pk)).content.decode()
    assert "BES-2026-014" in page
    edit = _url("purchase_edit", programme.pk, agreement.pk)
    assert client_as(adviseur).post(edit, {**data, "reference": ""}).status_code == 400
    agreement.refresh_from_db()
    assert agreement.reference == "BES-2026-014"


def test_partner_adds_quality_agreement_with_checklist_to_its_own_activity(
    client_as, partner, programme, plan_activities
):
    client = client_as(partner)
    home_start, sport = plan_activities["home_start"], plan_activities["sport"]
    assert client.get(_url("quality_create", programme.pk, sport.pk)).status_code == 403
    url = _url("quality_create", programme.pk, home_start.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert "Heeft de partner in de wijk/aanbieder de beroepsregistratie" in page.content.decode()
    assert page.context["form"].initial["target_level"] == 1
    data = {
        "next_step": "Beschrijf de interventie",
        "target_level": "1",
        "due_date": (_today() + datetime.timedelta(days=60)).isoformat(),
        "status": "open",
        "q_scholing": "besproken",
        "n_scholing": "Jaarlijkse training",
        "q_beroepsregistratie": "",
        "n_beroepsregistratie": "Volgende keer",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    agreement = QualityAgreement.objects.get()
    assert agreement.organisation == home_start.organisation
    assert agreement.checklist == {
        "scholing": {"answer": True, "note": "Jaarlijkse training"},
        "beroepsregistratie": {"answer": None, "note": "Volgende keer"},
    }
    edit = client.get(_url("quality_edit", programme.pk, agreement.pk))
    assert edit.context["form"].initial["q_scholing"] == "besproken"
    assert edit.context["form"].initial["q_beroepsregistratie"] == ""
    assert 'value="ja"' not in edit.content.decode()
    plan = client.get(_url("plan", programme.pk)).content.decode()
    assert "Beschrijf de interventie" in plan and "van trede 0 naar trede 1" in plan


def test_quality_with_a_past_date_is_refused_on_the_field(
    client_as, adviseur, programme, plan_activities
):
    url = _url("quality_create", programme.pk, plan_activities["sport"].pk)
    response = client_as(adviseur).post(
        url,
        {"next_step": "Meten", "due_date": "2020-01-01", "status": "open", "target_level": "3"},
    )
    assert response.status_code == 400
    assert "De datum ligt in het verleden" in str(response.context["form"].errors["due_date"])
    assert QualityAgreement.objects.count() == 0


def test_reader_sees_the_plan_without_edit_links(
    client_as, programme, plan_activities, partner_org, reviewer
):
    _step(programme, partner_org)
    response = client_as(reviewer).get(_url("plan", programme.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stap van Welzijn Feijenoord" in html
    assert "Stap toevoegen" not in html and "Kwaliteitsafspraak toevoegen" not in html
    assert client_as(reviewer).get(_url("step_create", programme.pk)).status_code == 403


def test_all_steps_table_is_sorted_by_date_then_activity(
    client_as, adviseur, programme, plan_activities, partner_org, sport_org
):
    """Steps of different activities and of the whole plan interleave by date, not by activity."""
    sport, home = plan_activities["sport"], plan_activities["home_start"]
    late_home = _step(programme, partner_org, activity=home, days=30)
    early_sport = _step(programme, sport_org, activity=sport, days=5)
    general = _step(programme, partner_org, days=20)
    same_day_sport = _step(programme, sport_org, activity=sport, days=30)
    html = client_as(adviseur).get(_url("plan", programme.pk)).content.decode()
    table = html.split(f'id="stappen-plan-{programme.pk}"', 1)[1].split("</table>", 1)[0]
    order = [table.index(f'id="stap-{s.pk}"') for s in (early_sport, general, late_home)]
    assert order == sorted(order)
    # Same date: Home-Start before Sport in de wijk.
    assert table.index(f'id="stap-{late_home.pk}"') < table.index(f'id="stap-{same_day_sport.pk}"')


def test_step_owner_person_is_chosen_in_the_form_and_shown_in_plan_and_export(
    client_as, adviseur, partner, programme, plan_activities, partner_org, sport_user
):
    import io

    from openpyxl import load_workbook

    partner.first_name, partner.last_name = "Petra", "Partner"
    partner.save()
    client = client_as(adviseur)
    form = client.get(_url("step_create", programme.pk)).content.decode()
    assert 'name="owner_user"' in form and "Petra Partner (Welzijn Feijenoord)" in form
    data = {
        "description": "Intakegesprekken plannen",
        "activity": plan_activities["home_start"].pk,
        "owner_organisation": partner_org.pk,
        "due_date": (_today() + datetime.timedelta(days=7)).isoformat(),
        "status": "open",
    }
    # Somebody of another organisation: refused on the field, nothing saved.
    refused = client.post(_url("step_create", programme.pk), {**data, "owner_user": sport_user.pk})
    assert refused.status_code == 400
    assert "hoort niet bij Welzijn Feijenoord" in refused.content.decode()
    assert not PlanStep.objects.exists()
    response = client.post(_url("step_create", programme.pk), {**data, "owner_user": partner.pk})
    assert response.status_code == 302
    assert PlanStep.objects.get().owner_user == partner
    assert "Petra Partner" in client.get(_url("plan", programme.pk)).content.decode()
    workbook = load_workbook(io.BytesIO(client.get(_url("plan_export", programme.pk)).content))
    cells = {str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row}
    assert "Petra Partner" in cells
