"""Improvement actions: created from an agenda item (copying its subject), bad input refused with
a Dutch message naming the field and nothing stored, each organisation updates its own (outsiders
404, see-not-update 403, nothing changed), the version, "Mijn verbeteracties" and the look back."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from duiding.accounts.models import Membership, Organisation, User
from duiding.indicators.models import Indicator, Observation, Period
from duiding.reflections.actions import selectors, services
from duiding.reflections.models import ActionChange, AgendaItem, ImprovementAction, Reflection
from tests.reflections.action_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def in_days(n):
    return today() + datetime.timedelta(days=n)


@pytest.fixture
def action(reflection, activity_item, adviseur, partner_org, partner):
    return services.action_create(
        reflection=reflection,
        item=activity_item,
        user=adviseur,
        description="Afspraken met kinderdagverblijven over de speeltuin",
        owner_organisation=partner_org,
        owner_user=partner,
        due_date=in_days(30),
    )


def other_org_of_test():
    return Organisation.objects.create(name="Ander bureau", slug="ander-bureau", kind="partner")


def _add(client, reflection, item, **data):
    url = reverse("reflections:action_add", args=[reflection.pk, item.pk])
    return client.post(url, data)


def test_create_copies_the_subject_and_records_history(action, speeltuin, reflection):
    assert action.activity == speeltuin
    assert action.programme == reflection.programme
    assert action.status == "open"
    assert ActionChange.objects.filter(action=action, summary="Aangemaakt").exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"owner_organisation": ""}, "owner_organisation", "Wie (organisatie)"),
        ({"due_date": ""}, "due_date", "Wanneer klaar"),
        ({"due_date": "2020-01-01"}, "due_date", "verleden"),
        ({"description": ""}, "description", "Wat"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(
    client_as, reflection, activity_item, adviseur, partner_org, change, field, message
):
    data = {
        "description": "Toezicht door ouders uit de wijk",
        "owner_organisation": partner_org.pk,
        "due_date": in_days(20).isoformat(),
        **change,
    }
    response = _add(client_as(adviseur), reflection, activity_item, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImprovementAction.objects.exists()


def test_owner_person_must_belong_to_the_organisation(
    reflection, activity_item, adviseur, partner_org
):
    with pytest.raises(ValidationError) as error:
        services.action_create(
            reflection=reflection,
            item=activity_item,
            user=adviseur,
            description="x",
            owner_organisation=partner_org,
            owner_user=adviseur,
            due_date=in_days(5),
        )
    assert "owner_user" in error.value.message_dict
    assert not ImprovementAction.objects.exists()


def test_post_creates_for_the_steerer_only(
    client_as, reflection, activity_item, adviseur, partner, outsider, partner_org
):
    data = {
        "description": "Samenwerken met jongerenwerk",
        "owner_organisation": partner_org.pk,
        "owner_user": partner.pk,
        "due_date": in_days(40).isoformat(),
    }
    assert _add(client_as(outsider), reflection, activity_item, **data).status_code == 404
    assert _add(client_as(partner), reflection, activity_item, **data).status_code == 403
    assert not ImprovementAction.objects.exists()
    assert _add(client_as(adviseur), reflection, activity_item, **data).status_code == 302
    assert ImprovementAction.objects.get().owner_user == partner


def _edit(client, action, **data):
    return client.post(reverse("reflections:action_edit", args=[action.pk]), data)


def test_owner_organisation_updates_its_own(client_as, action, partner):
    data = {"status": "klaar", "due_date": action.due_date.isoformat(), "version": action.version}
    response = _edit(client_as(partner), action, **data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "klaar" and action.done_at == today()
    assert action.version == 2
    assert ActionChange.objects.filter(action=action, summary__contains="Klaar").exists()


@pytest.mark.parametrize("version", ["0", "2", None])
def test_stale_or_missing_version_is_refused(client_as, action, partner, version):
    data = {"status": "bezig", "due_date": action.due_date.isoformat()}
    if version is not None:
        data["version"] = version
    response = _edit(client_as(partner), action, **data)
    assert response.status_code == 409
    assert "intussen" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "open" and action.version == 1
    assert ActionChange.objects.filter(action=action).count() == 1


def test_outsider_404_and_seer_403_nothing_changed(client_as, action, outsider, other_partner):
    data = {"status": "vervallen", "due_date": action.due_date.isoformat(), "version": 1}
    assert _edit(client_as(outsider), action, **data).status_code == 404
    assert (
        client_as(outsider).get(reverse("reflections:action_edit", args=[action.pk])).status_code
        == 404
    )
    # Another partner of the programme sees the action but may not update it.
    assert _edit(client_as(other_partner), action, **data).status_code == 403
    action.refresh_from_db()
    assert action.status == "open" and action.version == 1


def test_moving_the_date_to_the_past_is_refused(action, partner):
    with pytest.raises(ValidationError) as error:
        services.action_update(
            action, user=partner, expected_version=1, status="bezig", due_date=in_days(-3)
        )
    assert "due_date" in error.value.message_dict
    action.refresh_from_db()
    assert action.status == "open"


def test_my_actions_overdue_first_and_filter(client_as, action, partner, partner_org, reflection):
    late = ImprovementAction.objects.create(
        reflection=reflection,
        programme=reflection.programme,
        description="Toezicht door ouders",
        owner_organisation=partner_org,
        due_date=in_days(-2),
    )
    listed = selectors.my_actions(partner)
    assert [a.pk for a in listed] == [late.pk, action.pk]
    assert listed[0].overdue
    response = client_as(partner).get(reverse("reflections:my_actions"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Toezicht door ouders") < html.index("kinderdagverblijven")
    response = client_as(partner).get(reverse("reflections:my_actions"), {"status": "klaar"})
    assert "Toezicht door ouders" not in response.content.decode()


def test_look_back_with_figures_since(client_as, action, reflection, adviseur, programme):
    indicator = Indicator.objects.create(
        code="gezond_gewicht", name="Kinderen met gezond gewicht", unit_kind="percentage"
    )
    action.indicator = indicator
    action.save()
    period = Period.objects.filter(code="2025").first() or Period.objects.create(
        code="2025",
        kind="year",
        year=2025,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        label="2025",
    )
    Observation.objects.create(indicator=indicator, area=programme.area, period=period, value=74.5)
    later = Reflection.objects.create(
        programme=programme,
        organisation=reflection.organisation,
        title="Duidingssessie Feijenoord najaar",
        date=in_days(60),
        facilitator=adviseur,
        join_code="LATER1",
        previous=reflection,
    )
    AgendaItem.objects.create(reflection=later, kind="action", title="Terugblik", action=action)
    figures = selectors.figures_since(action, adviseur)
    assert [f.value for f in figures] == [74.5]
    own = Indicator.objects.create(
        code="eigen_cijfer",
        name="Eigen cijfer",
        organisation=other_org_of_test(),
        unit_kind="count",
    )
    action.indicator = own
    action.save()
    Observation.objects.create(indicator=own, area=programme.area, period=period, value=3)
    assert selectors.figures_since(action, adviseur) == []  # another organisation's own data
    assert [f.value for f in selectors.figures_since(action)] == [3]
    action.indicator = indicator
    action.save()
    url = reverse("reflections:action_look_back", args=[later.pk, action.pk])
    response = client_as(adviseur).post(url, {"effect_note": ""})
    assert response.status_code == 400
    response = client_as(adviseur).post(url, {"effect_note": "Peuters komen nu wekelijks."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.looked_back_in == later
    assert action.effect_note == "Peuters komen nu wekelijks."


def test_write_role_member_without_person_sees_it_on_my_actions(action, partner_org):
    colleague = User.objects.create_user(username="collega", password="x")
    Membership.objects.create(user=colleague, organisation=partner_org, role="partner")
    assert action in selectors.my_actions(colleague)
    other = Organisation.objects.create(name="Elders", slug="elders2", kind="partner")
    stranger = User.objects.create_user(username="vreemde", password="x")
    Membership.objects.create(user=stranger, organisation=other, role="partner")
    assert action not in selectors.my_actions(stranger)


def test_home_lists_my_due_actions(client_as, action, partner, partner_org, reflection):
    ImprovementAction.objects.create(
        reflection=reflection,
        programme=reflection.programme,
        description="Toezicht door ouders",
        owner_organisation=partner_org,
        due_date=in_days(-2),
    )
    html = client_as(partner).get(reverse("home:home")).content.decode()
    assert "Mijn verbeteracties" in html
    assert "Toezicht door ouders" in html  # overdue
    assert "kinderdagverblijven" not in html  # due in 30 days: not yet


def test_plan_page_partner_page_activity_page_and_export(
    client_as, action, partner, adviseur, programme, speeltuin
):
    from duiding.activities.extensions import plan_sheets
    from duiding.activities.plan.selectors import programme_plan

    html = client_as(adviseur).get(reverse("activities:plan", args=[programme.pk])).content
    assert "Stap 6 Verbeteracties" in html.decode() and "kinderdagverblijven" in html.decode()
    html = client_as(partner).get(reverse("activities:partner")).content.decode()
    assert "Verbeteracties van mijn organisatie" in html and "kinderdagverblijven" in html
    html = (
        client_as(partner).get(reverse("activities:activity_detail", args=[speeltuin.pk])).content
    )
    assert "kinderdagverblijven" in html.decode()
    sheets = plan_sheets(programme_plan(programme, adviseur))
    title, header, rows = next(s for s in sheets if s[0] == "Verbeteracties")
    assert rows[0][0] == action.description


def _render(template, rf, user, **context):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = user
    return render_to_string(template, {"request": request, "user": user, **context}, request)


def test_item_partials_show_forms_to_the_steerer_only(
    rf, action, reflection, activity_item, result_item, adviseur, partner
):
    base = {"reflection": reflection, "item": activity_item}
    html = _render("reflections/_item_decisions.html", rf, adviseur, can_steer=True, **base)
    assert "Besluit vastleggen" in html and "Doorgaan" in html
    html = _render("reflections/_item_actions.html", rf, adviseur, can_steer=True, **base)
    assert "Verbeteractie vastleggen" in html and "kinderdagverblijven" in html
    html = _render("reflections/_item_actions.html", rf, partner, can_steer=False, **base)
    assert "Verbeteractie vastleggen" not in html and "kinderdagverblijven" in html
    html = _render(
        "reflections/_item_decisions.html",
        rf,
        adviseur,
        can_steer=True,
        reflection=reflection,
        item=result_item,
    )
    assert "Doel bijstellen" in html and "Nieuw doel" in html


def test_detail_partial_shows_decisions_actions_and_the_look_back(
    rf, action, reflection, adviseur, programme
):
    later = Reflection.objects.create(
        programme=programme,
        organisation=reflection.organisation,
        title="Duidingssessie Feijenoord najaar",
        date=in_days(60),
        facilitator=adviseur,
        join_code="LATER2",
        previous=reflection,
    )
    AgendaItem.objects.create(reflection=later, kind="action", title="Terugblik", action=action)
    html = _render(
        "reflections/_reflection_actions.html", rf, adviseur, can_steer=True, reflection=later
    )
    assert "Zien we al effect?" in html and "Terugblik vastleggen" in html
    assert "kinderdagverblijven" in html
    html = _render(
        "reflections/_reflection_actions.html", rf, adviseur, can_steer=False, reflection=reflection
    )
    assert "kinderdagverblijven" in html and "Terugblik vastleggen" not in html
