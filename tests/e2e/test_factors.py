"""Browser walk through the factor model: a beheerder opens it from the framework, filters by a
domain, edits a factor; axe on the list and the form."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from duiding.frameworks.models import Factor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_beheerder_filters_the_factor_model_and_edits_a_factor(
    logged_in_page, beheerder, assert_no_axe_violations
):
    page = logged_in_page(beheerder)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Raamwerken").click()
    page.get_by_role("link", name="Rotterdam Groeit").first.click()
    page.get_by_role("link", name="Factorenmodel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Factorenmodel Rotterdam Groeit")
    table = page.locator("#factoren")
    expect(table).to_contain_text("Emotionele en sociale vaardigheden")
    expect(table).to_contain_text("standaard — te bevestigen door de gemeente")
    assert_no_axe_violations(page)

    page.get_by_label("Domein").select_option(label="Veilig · Veilig thuis")
    page.get_by_role("button", name="Filteren").click()
    expect(table).to_contain_text("Mishandeling")
    expect(table).not_to_contain_text("Taalachterstand")

    page.get_by_role("link", name="Mishandeling").click()
    page.get_by_role("link", name="Bewerken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mishandeling")
    assert_no_axe_violations(page)
    page.get_by_label("Toelichting").fill("Kindermishandeling en huiselijk geweld in het gezin.")
    page.get_by_role("group", name="Leeftijdsfasen").get_by_label("Vroege kindertijd").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De factor is opgeslagen.")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Vroege kindertijd")

    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_text("is bevestigd door de gemeente")).to_be_visible()

    factor = Factor.objects.get(framework__is_default=True, name="Mishandeling")
    assert factor.explanation == "Kindermishandeling en huiselijk geweld in het gezin."
    assert factor.confirmed
    assert list(factor.age_phases.values_list("code", flat=True)) == ["vroege-kindertijd"]
