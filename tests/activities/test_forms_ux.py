"""Activity and plan forms: the service's Dutch messages, the error summary, all errors at once
and the proposed carrying partner."""

import datetime
import re

import pytest
from django.urls import reverse

from duiding.accounts.models import Membership
from duiding.activities.models import Activity, PlanStep, QualityAgreement
from tests.activities.plan_fixtures import *  # noqa: F403
from tests.activities.test_views import _post_data

pytestmark = pytest.mark.django_db


def _selected_organisation(html: str) -> str:
    select = re.search(r'<select name="organisation".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="\d+" selected>([^<]*)</option>', select).group(1)


def test_unknown_intervention_gets_the_services_dutch_message(
    client_as, adviseur, programme, results, partner_org
):
    response = client_as(adviseur).post(
        f"/activiteiten/programma/{programme.pk}/nieuw/",
        _post_data(results, organisation=partner_org.pk, intervention="99999"),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Onbekende interventie (99999): kies een interventie uit de lijst." in html
    assert "Selecteer een geldige keuze" not in html and "Select a valid choice" not in html
    assert not Activity.objects.filter(name="Voorleesproject").exists()


def test_carrying_partner_defaults_to_a_partner_not_the_programme_owner(
    client_as, adviseur, programme, results, partner_org, youth_org, municipality_org
):
    client = client_as(adviseur)
    html = client.get(f"/activiteiten/programma/{programme.pk}/nieuw/").content.decode()
    assert municipality_org.name in html  # the owner can still be chosen
    assert _selected_organisation(html) == youth_org.name  # the first partner by name
    Membership.objects.create(user=adviseur, organisation=partner_org, role=Membership.Role.PARTNER)
    html = client.get(f"/activiteiten/programma/{programme.pk}/nieuw/").content.decode()
    assert _selected_organisation(html) == partner_org.name  # the user's own partner organisation


def test_refused_activity_form_opens_with_an_error_summary_linking_to_the_fields(
    client_as, adviseur, programme, results, partner_org
):
    response = client_as(adviseur).post(
        f"/activiteiten/programma/{programme.pk}/nieuw/",
        _post_data(results, organisation=partner_org.pk, name="", results=[]),
    )
    html = response.content.decode()
    summary = re.search(r"<section[^>]*data-error-summary.*?</section>", html, re.S).group(0)
    assert 'id="foutenoverzicht" tabindex="-1"' in summary
    assert "er zijn 2 fouten" in summary
    assert 'href="#id_name"' in summary and 'href="#id_results_0"' in summary
    assert 'id="id_name"' in html and 'id="id_results_0"' in html  # the targets exist
    assert "Kies minstens één maatschappelijk resultaat" in summary
    assert html.index("data-error-summary") < html.index('id="id_name"')  # above the form
    assert "duiding/error_summary.js" in html
    ok = client_as(adviseur).get(f"/activiteiten/programma/{programme.pk}/nieuw/")
    assert "data-error-summary" not in ok.content.decode()


def _plan_url(name, *args):
    return reverse(f"activities:{name}", args=args)


def test_step_form_shows_the_past_date_with_the_other_errors(
    client_as, adviseur, programme, partner_org
):
    response = client_as(adviseur).post(
        _plan_url("step_create", programme.pk),
        {
            "description": "",
            "activity": "",
            "owner_organisation": partner_org.pk,
            "due_date": "2020-01-01",
            "status": "open",
        },
    )
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert "Beschrijf de stap." in str(errors["description"])
    assert "De datum ligt in het verleden" in str(errors["due_date"])
    assert PlanStep.objects.count() == 0


def test_step_edit_keeps_its_own_past_date(client_as, adviseur, programme, partner_org):
    step = PlanStep.objects.create(
        programme=programme,
        description="Oude stap",
        owner_organisation=partner_org,
        due_date=datetime.date(2020, 1, 1),
    )
    response = client_as(adviseur).post(
        _plan_url("step_edit", programme.pk, step.pk),
        {
            "description": "Oude stap, bijgewerkt",
            "owner_organisation": partner_org.pk,
            "due_date": "2020-01-01",
            "status": "bezig",
            "version": step.version,
        },
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.status == "bezig"


def test_quality_form_shows_level_and_date_with_the_other_errors(
    client_as, adviseur, programme, plan_activities
):
    sport = plan_activities["sport"]  # on trede 2
    response = client_as(adviseur).post(
        _plan_url("quality_create", programme.pk, sport.pk),
        {"next_step": "", "target_level": "1", "due_date": "2020-01-01", "status": "open"},
    )
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert set(errors) == {"next_step", "target_level", "due_date"}
    assert "al op trede 2" in str(errors["target_level"])
    assert QualityAgreement.objects.count() == 0
