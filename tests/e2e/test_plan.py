"""Browser walk through the plan van aanpak: a partner adds a quality agreement (with the seed's
quality questions) and a measurement plan to its own activity, by keyboard where it matters;
axe on the plan, the forms, the partner page and the overdue list."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from duiding.activities.models import PlanStep, QualityAgreement
from duiding.outcomes.models import MeasurementPlan
from tests.activities import plan_fixtures as fx

# The shared fixtures of the plan tests.
feijenoord = fx.feijenoord
figures = fx.figures
framework = fx.framework
programme = fx.programme
plan_result = fx.plan_result
sport_org = fx.sport_org
plan_activities = fx.plan_activities

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_partner_adds_quality_agreement_and_measurement_plan(
    authenticated_page, partner, programme, plan_activities, assert_no_axe_violations
):
    home_start = plan_activities["home_start"]
    page = authenticated_page(partner)
    page.goto(f"/activiteiten/programma/{programme.pk}/plan/")
    expect(page.get_by_role("heading", name="Plan van aanpak", level=2)).to_be_visible()
    assert_no_axe_violations(page)
    # Only its own activity offers the link.
    expect(
        page.get_by_role("link", name="Kwaliteitsafspraak toevoegen (Home-Start)")
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Kwaliteitsafspraak toevoegen (Sport in de wijk)")
    ).to_have_count(0)

    # Reach the link by keyboard: focus lands on it with Tab, Enter follows it.
    link = page.get_by_role("link", name="Kwaliteitsafspraak toevoegen (Home-Start)")
    link.focus()
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kwaliteit/nieuw/")
    expect(
        page.get_by_text("Heeft de partner in de wijk/aanbieder de beroepsregistratie")
    ).to_be_visible()
    assert_no_axe_violations(page)

    next_step = page.get_by_label("Eerstvolgende stap in de goede richting")
    next_step.focus()
    page.keyboard.type("Beschrijf de interventie")
    expect(page.get_by_label("Naar trede")).to_have_value("1")
    due = (timezone.localdate() + datetime.timedelta(days=60)).strftime("%d-%m-%Y")
    page.get_by_label("Tijdspad: klaar op").fill(due)
    scholing = page.get_by_role(
        "group", name="Worden de professionals voldoende geschoold?", exact=False
    )
    scholing.get_by_label("Besproken", exact=True).check()
    scholing.get_by_label("Toelichting").fill("Twee trainingen per jaar")
    page.get_by_role("button", name="Kwaliteitsafspraak vastleggen").click()
    expect(page.get_by_text("De kwaliteitsafspraak is vastgelegd.")).to_be_visible()
    agreement = QualityAgreement.objects.get()
    assert agreement.activity == home_start and agreement.target_level == 1
    assert agreement.checklist["scholing"] == {"answer": True, "note": "Twee trainingen per jaar"}
    expect(page.locator(f"#kwaliteit-{agreement.pk}")).to_contain_text("van trede 0 naar trede 1")

    page.get_by_role("link", name="Outcome aan het meetplan toevoegen (Home-Start)").click()
    page.wait_for_url("**/meetplan/nieuw/")
    assert_no_axe_violations(page)
    page.get_by_label("Welke outcome meten?").select_option("uitval")
    page.get_by_label("Hoe meten?").fill("Reden van beëindiging bij elk afgesloten traject")
    page.get_by_label("Hoe vaak?").fill("Continu")
    page.get_by_role("group", name="Bij wie meten?").get_by_label("Steekproef").check()
    page.get_by_label("Aandachtspunten").fill("Kijk ook wie uitvalt en waarom")
    # A refused form keeps what was typed and says why.
    page.get_by_label("Hoe vaak?").fill("")
    page.get_by_role("button", name="Toevoegen aan het meetplan").click()
    expect(page.get_by_text("Vul in hoe vaak u meet.", exact=True)).to_be_visible()
    assert MeasurementPlan.objects.count() == 0
    page.get_by_label("Hoe vaak?").fill("Continu")
    page.get_by_role("button", name="Toevoegen aan het meetplan").click()
    expect(page.get_by_text("De outcome is toegevoegd aan het meetplan.")).to_be_visible()
    plan = MeasurementPlan.objects.get()
    assert (plan.measure, plan.from_whom) == ("uitval", "steekproef")
    row = page.locator(f"#meetplan-{plan.pk}")
    expect(row).to_contain_text("Uitval")
    expect(row).to_contain_text("Steekproef")
    assert_no_axe_violations(page)


def test_partner_page_and_overdue_list_are_accessible(
    authenticated_page, partner, programme, plan_activities, partner_org, assert_no_axe_violations
):
    PlanStep.objects.create(
        programme=programme,
        activity=plan_activities["home_start"],
        description="Vrijwilligers werven",
        owner_organisation=partner_org,
        due_date=timezone.localdate() - datetime.timedelta(days=3),
    )
    QualityAgreement.objects.create(
        activity=plan_activities["home_start"],
        organisation=partner_org,
        next_step="Beschrijf de interventie",
        target_level=1,
        due_date=timezone.localdate() + datetime.timedelta(days=30),
        checklist={"scholing": {"answer": True, "note": "Jaarlijks"}},
    )
    MeasurementPlan.objects.create(
        activity=plan_activities["home_start"],
        measure="bereik",
        how="Turven",
        how_often="Wekelijks",
    )
    page = authenticated_page(partner)
    page.goto("/activiteiten/partner/")
    expect(page.get_by_role("heading", name="Activiteiten van mijn organisatie")).to_be_visible()
    expect(page.get_by_text("Home-Start").first).to_be_visible()
    expect(page.get_by_text("Sport in de wijk")).to_have_count(0)
    expect(page.get_by_text("Eerstvolgende stap: Beschrijf de interventie")).to_be_visible()
    page.get_by_text("Kwaliteitsvragen: 1 van 6 besproken").click()  # opens the checklist
    assert_no_axe_violations(page)
    card = page.locator("li.card[id^='kwaliteit-']")
    # No list bullet outside the card; the checklist's numbers lie inside the card.
    assert card.evaluate("el => getComputedStyle(el).listStyleType") == "none"
    card_box, list_box = card.bounding_box(), card.locator("ol.plan-checklist").bounding_box()
    assert list_box["x"] > card_box["x"]
    assert (
        card.locator("li").first.evaluate("el => getComputedStyle(el).listStylePosition")
        == "outside"
    )  # numbers in the padding of the list, inside the card

    page.goto(f"/activiteiten/programma/{programme.pk}/plan/stappen/nieuw/")
    expect(page.get_by_label("Wie zet de stap (organisatie)")).to_have_value(str(partner_org.pk))
    assert_no_axe_violations(page)

    page.goto("/activiteiten/achterstallig/")
    row = page.get_by_role("row", name="Vrijwilligers werven", exact=False)
    expect(row).to_contain_text("achterstallig")
    assert_no_axe_violations(page)
    done = row.get_by_role("button", name="Klaar (Vrijwilligers werven)")
    done.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("De stap is afgevinkt als klaar.")).to_be_visible()
    expect(page.get_by_text("Geen achterstallige stappen.")).to_be_visible()
    assert PlanStep.objects.get().status == "klaar"
    assert_no_axe_violations(page)
