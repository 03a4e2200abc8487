# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""Browser walk through societal results: the adviser creates a result with two indicators (one
from the CBS figures of Feijenoord, one of their own), picks the rule 'gemiddeld', sees it in the
list and its history; axe on the list, the form and the history."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from duiding.results.models import SocietalResult
from tests.results.results_fixtures import feijenoord, figures, framework, programme  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TEXT = "In 2026 gaat 21% van de jeugdzorgtrajecten in Feijenoord via het wijkteam."


def test_adviser_creates_a_result_with_two_indicators(
    logged_in_page, adviseur, programme, figures, assert_no_axe_violations
):
    page = logged_in_page(adviseur)
    page.goto(f"/resultaten/programma/{programme.pk}/")
    expect(
        page.get_by_text("Dit programma heeft nog geen maatschappelijke resultaten.")
    ).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Nieuw resultaat").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Nieuw maatschappelijk resultaat")
    page.get_by_label("Maatschappelijk resultaat").fill("Minder jongeren via de huisarts.")
    page.get_by_role("button", name="Tekst controleren").click()
    nudges = page.locator("#nudges")
    expect(nudges).to_contain_text("Noem het jaar waarin het resultaat bereikt moet zijn.")
    expect(nudges).to_contain_text("Formuleer het resultaat zo veel mogelijk positief")
    assert_no_axe_violations(page)

    page.get_by_label("Maatschappelijk resultaat").fill(TEXT)
    page.get_by_label("Streefdatum").fill("31-12-2026")
    first = page.get_by_role("group", name="Indicator 1")
    first.get_by_label("Indicator", exact=True).select_option(
        label="Trajecten via de gemeentelijke toegang (wijkteam)"
    )
    first.get_by_label("Basisperiode").fill("2021")
    first.get_by_label("Doel", exact=True).fill("5")
    second = page.get_by_role("group", name="Indicator 2")
    second.get_by_label("Naam (eigen indicator)").fill("Jongeren die lid zijn van een sportclub")
    second.get_by_label("Basisperiode").fill("2021")
    second.get_by_label("Basiswaarde", exact=True).fill("60")
    second.get_by_label("Bron van de basiswaarde").fill("Jeugdmonitor Rotterdam 2021")
    second.get_by_label("Richting").select_option("higher_is_better")
    second.get_by_label("Doel", exact=True).fill("5")
    page.get_by_role("radio", name="Gemiddeld").check()
    page.get_by_label("Doel (gecombineerd of gemiddeld)", exact=True).fill("5")
    page.get_by_role("button", name="Resultaat vastleggen").click()
    expect(page.get_by_text("Het maatschappelijk resultaat is vastgelegd.")).to_be_visible()

    result = SocietalResult.objects.get()
    assert result.rule == "mean"
    assert result.result_indicators.count() == 2

    page.goto(f"/resultaten/programma/{programme.pk}/")
    card = page.locator(f"#result-{result.pk}").locator("xpath=..")
    expect(card).to_contain_text(TEXT)
    expect(card).to_contain_text("Gemiddeld")
    expect(card).to_contain_text("Jongeren die lid zijn van een sportclub")
    assert_no_axe_violations(page)

    card.get_by_role("link", name="Geschiedenis").click()
    expect(page.get_by_role("table")).to_contain_text("Aangemaakt")
    page.get_by_label("Status").select_option(label="Besproken met partners")
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_role("table")).to_contain_text("Status: Concept → Besproken met partners")
    assert_no_axe_violations(page)


def test_enter_in_a_field_saves_the_result(
    logged_in_page, adviseur, programme, figures, assert_no_axe_violations
):
    page = logged_in_page(adviseur)
    page.goto(f"/resultaten/programma/{programme.pk}/nieuw/")
    page.get_by_label("Maatschappelijk resultaat").fill(TEXT)
    page.get_by_label("Streefdatum").fill("31-12-2026")
    first = page.get_by_role("group", name="Indicator 1")
    first.get_by_label("Indicator", exact=True).select_option(
        label="Trajecten via de gemeentelijke toegang (wijkteam)"
    )
    first.get_by_label("Basisperiode").fill("2021")
    assert_no_axe_violations(page)
    first.get_by_label("Doel", exact=True).fill("5")
    first.get_by_label("Doel", exact=True).press("Enter")
    expect(page.get_by_text("Het maatschappelijk resultaat is vastgelegd.")).to_be_visible()
    assert SocietalResult.objects.get().result_indicators.count() == 1


def test_common_target_shows_only_for_the_combined_rules(
    logged_in_page, adviseur, programme, figures
):
    page = logged_in_page(adviseur)
    page.goto(f"/resultaten/programma/{programme.pk}/nieuw/")
    common = page.get_by_label("Doel (gecombineerd of gemiddeld)", exact=True)
    combination = page.get_by_label("Indicator voor de combinatie")
    expect(page.get_by_text("Alleen bij de regels ‘gecombineerd’ en ‘gemiddeld’")).to_be_hidden()
    expect(common).to_be_hidden()
    expect(combination).to_be_hidden()
    page.get_by_role("radio", name="Gemiddeld").check()
    expect(common).to_be_visible()
    expect(combination).to_be_hidden()
    page.get_by_role("radio", name="Gecombineerd").check()
    expect(combination).to_be_visible()
    page.get_by_role("radio", name="Ieder afzonderlijk").check()
    expect(common).to_be_hidden()
