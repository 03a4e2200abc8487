"""Browser walk: an adviser adds an activity through the sentence builder (the sentence grows
while typing) and sees it in the prevention matrix; axe on the list, the form and the matrix."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from duiding.activities.models import Activity
from duiding.activities.sentence import compose
from tests.activities import conftest as act

# The shared fixtures of the activities tests.
feijenoord = act.feijenoord
figures = act.figures
framework = act.framework
programme = act.programme
results = act.results

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_add_activity_with_the_sentence_builder_and_see_it_in_the_matrix(
    authenticated_page, adviseur, programme, results, partner_org, assert_no_axe_violations
):
    page = authenticated_page(adviseur)
    page.goto(f"/activiteiten/programma/{programme.pk}/")
    expect(page.get_by_text("Er zijn nog geen activiteiten.")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Activiteit toevoegen").first.click()
    sentence = page.get_by_test_id("sentence")
    expect(sentence).to_have_text("We zetten … in voor …, zodat … en … dichterbij komt.")
    assert_no_axe_violations(page)
    page.get_by_role("textbox", name="Activiteit (verplicht)").fill("Home-Start")
    page.get_by_role("textbox", name="Doelgroep (verplicht)").fill(
        "Ouders die opvoedproblemen ervaren"
    )
    page.get_by_role("group", name="Maatschappelijke resultaten").get_by_label(
        results["start"].text
    ).check()
    page.get_by_role(
        "group", name="Beschermende factoren die de activiteit versterkt"
    ).get_by_label("Opvoedingsvaardigheden").check()
    expect(sentence).to_have_text(
        "We zetten Home-Start in voor ouders die opvoedproblemen ervaren, zodat "
        "opvoedingsvaardigheden wordt versterkt en „In 2027 hebben we bereikt dat 5% meer "
        "jongeren een startkwalificatie behalen” dichterbij komt."
    )
    page.get_by_label("Uitvoerende partner").select_option(label=partner_org.name)
    page.get_by_role("group", name="Preventieniveau").get_by_label("Selectief").check()
    page.get_by_role("group", name="Leeftijdsfasen").get_by_label("Vroege kindertijd").check()
    page.get_by_role("button", name="Activiteit toevoegen").click()
    expect(page.get_by_text("De activiteit is toegevoegd")).to_be_visible()
    assert Activity.objects.filter(name="Home-Start", organisation=partner_org).exists()

    page.get_by_role("link", name="Preventiematrix").click()
    row = page.locator('#preventiematrix tr[data-domain="Schoolprestaties"]')
    expect(row.locator('td[data-level="selectief"]')).to_contain_text("Home-Start")
    expect(row.locator('td[data-level="universeel"]')).to_contain_text("leeg: geen aanbod")
    expect(page.locator("#toets")).to_contain_text("Geen aanbod gericht op zwangerschap.")
    assert_no_axe_violations(page)


def test_refused_form_moves_the_focus_to_the_error_summary(
    authenticated_page, adviseur, programme, results, assert_no_axe_violations
):
    page = authenticated_page(adviseur)
    page.goto(f"/activiteiten/programma/{programme.pk}/nieuw/")
    page.get_by_role("button", name="Activiteit toevoegen").click()
    heading = page.locator("#foutenoverzicht")
    expect(heading).to_be_focused()
    expect(heading).to_contain_text("Het formulier is niet opgeslagen")
    assert_no_axe_violations(page)
    page.locator("[data-error-summary]").get_by_role("link", name="Activiteit:").click()
    expect(page.get_by_role("textbox", name="Activiteit (verplicht)")).to_be_focused()
    assert not Activity.objects.exists()


def test_browser_and_server_compose_the_same_sentence(
    authenticated_page, adviseur, programme, results
):
    """The script fills the server's templates: plural verbs, a list, a quoted name with a colon;
    only the sentence text is a (polite) live region."""
    page = authenticated_page(adviseur)
    page.goto(f"/activiteiten/programma/{programme.pk}/nieuw/")
    live = page.locator("[aria-live]")
    expect(live).to_have_count(1)
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_attribute("id", "zin")
    page.get_by_role("textbox", name="Activiteit (verplicht)").fill("Home-Start: thuisbezoek")
    page.get_by_role("textbox", name="Doelgroep (verplicht)").fill("Ouders van peuters")
    strengthens = page.get_by_role(
        "group", name="Beschermende factoren die de activiteit versterkt"
    )
    strengthens.get_by_label("Opvoedingsvaardigheden").check()
    strengthens.get_by_label("Emotionele en sociale vaardigheden").check()
    page.get_by_role("group", name="Risicofactoren die de activiteit vermindert").get_by_label(
        "Taalachterstand"
    ).check()
    group = page.get_by_role("group", name="Maatschappelijke resultaten")
    group.get_by_label(results["start"].text).check()
    group.get_by_label(results["safe"].text).check()
    expected = compose(
        name="Home-Start: thuisbezoek",
        target_group="Ouders van peuters",
        factors=[  # in the order of the form
            ("Emotionele en sociale vaardigheden", "versterkt"),
            ("Opvoedingsvaardigheden", "versterkt"),
            ("Taalachterstand", "vermindert"),
        ],
        results=[results["start"].text, results["safe"].text],
    )
    assert "worden versterkt, taalachterstand afneemt" in expected
    expect(page.get_by_test_id("sentence")).to_have_text(expected)


def _label_above(page, label_selector: str, field_selector: str) -> None:
    label, field = (
        page.locator(label_selector).bounding_box(),
        page.locator(field_selector).bounding_box(),
    )
    assert label["y"] + label["height"] <= field["y"] + 1, (label, field)


def test_labels_stand_above_their_fields(authenticated_page, adviseur, programme, results):
    page = authenticated_page(adviseur)
    page.goto(f"/activiteiten/programma/{programme.pk}/")
    _label_above(page, "label[for='id_result']", "#id_result")
    page.goto(f"/activiteiten/programma/{programme.pk}/nieuw/")
    _label_above(page, "label[for='id_description']", "#id_description")
