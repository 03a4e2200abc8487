"""Measurement plans through their pages (outcomes:measurement_*, under /outcome/) and on the plan
van aanpak of `activities` (the plan page's step 5, the partner page, the Excel sheet, the
activity's delete confirmation, the history with restore): who sees (404 outside) and who writes
(403 for a reader, a partner only its own activity's)."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duiding.activities import history
from duiding.activities.models import PlanChange
from duiding.activities.services import activity_delete
from duiding.outcomes.measurement_plans import services
from duiding.outcomes.models import MeasurementPlan
from tests.activities.plan_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _url(name, *args):
    return reverse(f"outcomes:{name}", args=args)


def _plan(activity, user, **kw):
    kw.setdefault("measure", "uitval")
    kw.setdefault("how", "Registratie van de reden van beëindiging")
    kw.setdefault("how_often", "Continu")
    return services.measurement_save(activity=activity, user=user, **kw)


def test_the_pages_live_under_outcome(programme, plan_activities):
    assert _url("measurement_create", programme.pk, plan_activities["sport"].pk) == (
        f"/outcome/programma/{programme.pk}/activiteit/{plan_activities['sport'].pk}"
        "/meetplan/nieuw/"
    )
    assert _url("measurement_edit", programme.pk, 7).startswith("/outcome/")


def test_partner_adds_and_edits_a_measurement_plan(client_as, partner, programme, plan_activities):
    client = client_as(partner)
    home_start = plan_activities["home_start"]
    assert (
        client.get(
            _url("measurement_create", programme.pk, plan_activities["sport"].pk)
        ).status_code
        == 403
    )
    url = _url("measurement_create", programme.pk, home_start.pk)
    data = {
        "measure": "uitval",
        "how": "Registratie van de reden van beëindiging",
        "how_often": "Continu",
        "from_whom": "alle",
        "attention_points": "Kijk ook wie uitvalt en waarom",
    }
    assert client.post(url, {**data, "how": ""}).status_code == 400
    assert client.post(url, data).status_code == 302
    plan = MeasurementPlan.objects.get()
    assert (plan.measure, plan.from_whom) == ("uitval", "alle")
    edit = _url("measurement_edit", programme.pk, plan.pk)
    assert client.post(edit, {**data, "from_whom": "steekproef", "version": 1}).status_code == 302
    plan.refresh_from_db()
    assert plan.from_whom == "steekproef"
    assert client.post(_url("measurement_delete", programme.pk, plan.pk)).status_code == 302
    assert MeasurementPlan.objects.count() == 0


def test_after_a_save_the_page_goes_back_to_the_row_on_the_plan(
    client_as, adviseur, programme, plan_activities
):
    response = client_as(adviseur).post(
        _url("measurement_create", programme.pk, plan_activities["sport"].pk),
        {"measure": "bereik", "how": "Tellen", "how_often": "Per kwartaal", "from_whom": "alle"},
    )
    plan = MeasurementPlan.objects.get()
    assert response.url == reverse("activities:plan", args=[programme.pk]) + f"#meetplan-{plan.pk}"


def test_a_stale_edit_is_refused_and_changes_nothing(
    client_as, adviseur, programme, plan_activities
):
    plan = _plan(plan_activities["home_start"], adviseur)
    _plan(plan_activities["home_start"], adviseur, plan=plan, how="Nieuw", expected_version=1)
    response = client_as(adviseur).post(
        _url("measurement_edit", programme.pk, plan.pk),
        {
            "measure": "uitval",
            "how": "Oud",
            "how_often": "Continu",
            "from_whom": "alle",
            "version": 1,
        },
    )
    assert response.status_code == 409
    plan.refresh_from_db()
    assert (plan.how, plan.version) == ("Nieuw", 2)


def test_object_pages_of_another_programme_are_404(
    client_as, elsewhere, programme, plan_activities, adviseur
):
    owner = elsewhere["owner"]  # edits its own programme, sees nothing of this one
    measurement = MeasurementPlan.objects.create(
        activity=plan_activities["home_start"], measure="bereik", how="Registratie", how_often="x"
    )
    client = client_as(owner)
    other = elsewhere["programme"].pk
    for url in (
        _url("measurement_edit", other, measurement.pk),
        _url("measurement_edit", programme.pk, measurement.pk),
        _url("measurement_delete", programme.pk, measurement.pk),
        _url("measurement_create", other, plan_activities["sport"].pk),
        _url("measurement_create", programme.pk, plan_activities["sport"].pk),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"measure": "uitval"}).status_code == 404, url
    assert MeasurementPlan.objects.get().measure == "bereik"


def test_a_reader_of_the_programme_may_not_write(
    client_as, reviewer, programme, plan_activities, adviseur
):
    plan = _plan(plan_activities["home_start"], adviseur)
    client = client_as(reviewer)
    assert client.get(_url("measurement_edit", programme.pk, plan.pk)).status_code == 403
    assert client.post(_url("measurement_delete", programme.pk, plan.pk)).status_code == 403
    create = _url("measurement_create", programme.pk, plan_activities["home_start"].pk)
    assert client.get(create).status_code == 403
    assert list(MeasurementPlan.objects.values_list("pk", flat=True)) == [plan.pk]


def test_measurement_form_shows_the_outcome_rules_with_the_other_errors(
    client_as, partner, programme, plan_activities
):
    url = _url("measurement_create", programme.pk, plan_activities["home_start"].pk)
    client = client_as(partner)
    response = client.post(
        url, {"measure": "eigen", "how": "", "how_often": "", "from_whom": "alle"}
    )
    errors = response.context["form"].errors
    assert set(errors) == {"custom_name", "how", "how_often"}
    response = client.post(
        url,
        {"measure": "geen_nieuwe_start", "how": "", "how_often": "Jaarlijks", "from_whom": "alle"},
    )
    errors = response.context["form"].errors
    assert set(errors) == {"years", "how"}
    assert MeasurementPlan.objects.count() == 0


def test_step_5_comes_after_step_4_on_the_plan_page(
    client_as, adviseur, partner, programme, plan_activities, django_assert_max_num_queries
):
    plan = _plan(plan_activities["home_start"], adviseur)
    _plan(plan_activities["sport"], adviseur, measure="bereik", how="Tellen")
    url = reverse("activities:plan", args=[programme.pk])
    client = client_as(partner)
    with django_assert_max_num_queries(40):
        html = client.get(url).content.decode()
    headings = ["Stap 3 Activiteiten", "Stap 4 Kwaliteit input", "Stap 5 Outcome: meetplan"]
    assert [html.index(h) for h in headings] == sorted(html.index(h) for h in headings)
    assert html.count('id="meetplan"') == 1
    row = html[html.index(f'id="meetplan-{plan.pk}"') :]
    assert "Uitval (reden beëindiging, codes 1–5)" in row[:600]
    assert "3 = Voortijdig: eenzijdig door de cliënt" in row[:600]
    # The partner edits its own activity's row only.
    assert _url("measurement_edit", programme.pk, plan.pk) in html
    sport_plan = MeasurementPlan.objects.get(measure="bereik")
    assert _url("measurement_edit", programme.pk, sport_plan.pk) not in html
    assert "Afname problematiek (vijf stappen)" in html  # the scales of appendix 9


def test_partner_page_shows_the_measurement_plan_inside_the_activity(
    client_as, partner, adviseur, plan_activities
):
    plan = _plan(plan_activities["home_start"], adviseur, measure="tevredenheid")
    html = client_as(partner).get(reverse("activities:partner")).content.decode()
    activity = html[html.index(f'id="activiteit-{plan.activity_id}"') :]
    assert activity.index("Kwaliteitsafspraken") < activity.index("Meetplan</h4>")
    assert f'id="meetplan-{plan.pk}"' in activity
    assert "Schalen van de standaard outcome-maten (bijlage 9)" in html
    next_url = "?next=/activiteiten/partner/"
    assert _url("measurement_edit", plan.activity.programme_id, plan.pk) + next_url in html


def test_the_excel_export_has_the_meetplan_sheet_after_the_quality_agreements(
    client_as, adviseur, programme, plan_activities
):
    _plan(plan_activities["home_start"], adviseur, measure="afname_problematiek")
    response = client_as(adviseur).get(reverse("activities:plan_export", args=[programme.pk]))
    wb = load_workbook(BytesIO(response.content))
    # step 4, step 5, then step 6 (the improvement actions of the duidingssessies)
    assert wb.sheetnames[-3:] == ["Kwaliteitsafspraken", "Meetplan", "Verbeteracties"]
    rows = list(wb["Meetplan"].iter_rows(min_row=4, values_only=True))
    assert rows[0][2] == "Afname problematiek (vijf stappen)"
    assert "Stabilisatie; Een matige verslechtering" in rows[0][7]


def test_the_activitys_delete_confirmation_lists_its_measurement_plans(
    client_as, adviseur, plan_activities
):
    home = plan_activities["home_start"]
    _plan(home, adviseur, measure="geen_nieuwe_start", years=2)
    html = client_as(adviseur).get(reverse("activities:activity_delete", args=[home.pk]))
    assert "<li>Meetplan: Geen nieuwe start hulp binnen 2 jaar</li>" in html.content.decode()


def test_a_deleted_plan_comes_back_from_the_history_unless_the_outcome_is_there_again(
    client_as, adviseur, programme, plan_activities
):
    home = plan_activities["home_start"]
    plan = _plan(home, adviseur, measure="eigen", custom_name="Opkomst per week")
    pk = plan.pk
    services.measurement_delete(plan=plan, user=adviseur)
    change = PlanChange.objects.get(kind="meetplan", action=PlanChange.Action.DELETED)
    assert change.summary == "Opkomst per week"
    again = _plan(home, adviseur, measure="eigen", custom_name="opkomst PER week")
    with pytest.raises(history.RestoreError, match="staat al in het meetplan"):
        history.restore(change=change, user=adviseur)
    assert list(MeasurementPlan.objects.values_list("pk", flat=True)) == [again.pk]
    services.measurement_delete(plan=again, user=adviseur)
    url = reverse("activities:plan_restore", args=[programme.pk, change.pk])
    assert client_as(adviseur).post(url).status_code == 302
    restored = MeasurementPlan.objects.get()
    assert (restored.pk, restored.custom_name, restored.version) == (pk, "Opkomst per week", 2)


def test_an_activity_deleted_with_its_plans_brings_them_back_one_by_one(adviseur, plan_activities):
    home = plan_activities["home_start"]
    plans = [_plan(home, adviseur), _plan(home, adviseur, measure="bereik")]
    activity_delete(activity=home, user=adviseur)
    assert not MeasurementPlan.objects.exists()
    deleted = PlanChange.objects.filter(kind="meetplan", action=PlanChange.Action.DELETED)
    assert sorted(deleted.values_list("object_id", flat=True)) == sorted(p.pk for p in plans)
    activity = PlanChange.objects.get(kind="activiteit", action=PlanChange.Action.DELETED)
    history.restore(change=activity, user=adviseur)
    for change in deleted:
        history.restore(change=change, user=adviseur)
    assert sorted(MeasurementPlan.objects.values_list("pk", "measure")) == sorted(
        (p.pk, p.measure) for p in plans
    )
