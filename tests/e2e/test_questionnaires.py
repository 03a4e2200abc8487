"""Browser walk: the activity's partner creates a questionnaire from the standard questions on the
activity page, sees the read-only preview, adds a custom question in the editor; axe on the create
page, the detail page and the editor. With DUIDING_SCREENSHOTS=<folder> the pages are also saved
at 1280 and 390 px (to look at them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from duiding.outcomes.models import Questionnaire
from tests.outcomes import questionnaire_fixtures as fx

feijenoord = fx.feijenoord
figures = fx.figures
framework = fx.framework
programme = fx.programme
results = fx.results
seed_activities = fx.seed_activities
youth_org = fx.youth_org
home_start = fx.home_start
satisfaction_plan = fx.satisfaction_plan

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = os.environ.get("DUIDING_SCREENSHOTS")


def _shoot(page, name: str) -> None:
    if not SHOTS:
        return
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_partner_creates_a_questionnaire_and_adds_a_question(
    authenticated_page, partner, home_start, satisfaction_plan, assert_no_axe_violations
):
    page = authenticated_page(partner)
    page.goto(f"/activiteiten/activiteit/{home_start.pk}/")
    section = page.locator("#vragenlijsten")
    expect(section).to_contain_text("Nog geen vragenlijst.")
    section.get_by_role("link", name="Vragenlijst maken").click()

    assert_no_axe_violations(page)
    _shoot(page, "create")
    page.get_by_role("textbox", name="Titel (verplicht)").fill("Eindmeting Home-Start")
    page.get_by_role("group", name="Moment").get_by_label("Eindmeting").check()
    measures = page.get_by_role("group", name="Standaardvragen uit de handreiking")
    expect(measures.get_by_label("Tevredenheid", exact=False)).to_be_checked()
    measures.get_by_label("Doelrealisatie", exact=False).check()
    page.get_by_role("textbox", name="Doel 1").fill("Meer rust thuis")
    measures.get_by_label("Verder zonder hulp", exact=False).check()
    page.get_by_role("button", name="Vragenlijst maken").click()

    expect(page.get_by_text("is gemaakt")).to_be_visible()
    preview = page.locator(".preview-phone")
    expect(preview).to_contain_text("volkomen nutteloos, ik had er niets aan")
    expect(preview).to_contain_text("Doel 1: Meer rust thuis")
    expect(preview).to_contain_text("Helemaal mee eens — ik heb geen verdere hulp meer nodig")
    assert_no_axe_violations(page)
    _shoot(page, "detail")
    questionnaire = Questionnaire.objects.get()
    assert [q["key"] for q in questionnaire.current.questions] == ["nut", "doel_1", "zonder_hulp"]

    page.get_by_role("link", name="Vragen bewerken").click()
    page.get_by_role("link", name="Korte open tekst").click()
    page.get_by_role("textbox", name="Vraag (verplicht)").fill("Wat kan beter?")
    page.get_by_role("button", name="Vraag toevoegen").click()
    expect(page.get_by_text("De vraag is opgeslagen.")).to_be_visible()
    page.locator("#vraag-wat_kan_beter").get_by_role("button", name="Omhoog").click()
    expect(page.locator(".editor-question").nth(2)).to_contain_text("Wat kan beter?")
    assert_no_axe_violations(page)
    _shoot(page, "editor")
    page.get_by_role("link", name="Vragenlijsten").first.click()
    expect(page.get_by_role("table")).to_contain_text("Eindmeting Home-Start")
    assert_no_axe_violations(page)
    _shoot(page, "list")
    keys = [q["key"] for q in Questionnaire.objects.get().current.questions]
    assert keys == ["nut", "doel_1", "wat_kan_beter", "zonder_hulp"]


def test_question_form_is_axe_clean(
    authenticated_page, partner, home_start, assert_no_axe_violations
):
    from duiding.outcomes import services, standard

    questionnaire = services.questionnaire_create(
        activity=home_start,
        user=partner,
        title="Voormeting",
        moment="voormeting",
        opens_on=fx.OPENS,
        closes_on=fx.CLOSES,
        questions=standard.standard_questions("verder_zonder_hulp"),
    )
    fx.answer(questionnaire)
    page = authenticated_page(partner)
    page.goto(f"/outcome/vragenlijst/{questionnaire.pk}/vragen/nieuw/?soort=scale")
    expect(page.get_by_text("uw wijziging maakt versie 2")).to_be_visible()
    assert_no_axe_violations(page)
    _shoot(page, "question-form")
