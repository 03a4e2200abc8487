"""Browser walk on a phone (390 px): open the questionnaire's link (what a scanned QR code does),
send it empty (errors per question), answer, thank you; axe-clean at every step, large targets,
no sideways scrolling, and the same page without JavaScript. Screenshots go to
$DUIDING_SCREENSHOTS when set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from duiding.outcomes.cards import cards_create
from duiding.outcomes.models import Answer, PairCard, Response
from tests.outcomes.phone import conftest as phone

feijenoord = phone.feijenoord
figures = phone.figures
framework = phone.framework
programme = phone.programme
results = phone.results
youth_org = phone.youth_org
seed_activities = phone.seed_activities
questionnaire = phone.questionnaire

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Interactive targets (the visible box of a radio tile, an option row, inputs, buttons, links in
# the form) smaller than 44 x 44 px.
SMALL_TARGETS_JS = """() => [...document.querySelectorAll(
    '.scale__point span, .option, .q__input, .public-button, .public-lang, .public-privacy summary')]
    .map((el) => [el.className || el.tagName, el.getBoundingClientRect()])
    .filter(([, r]) => r.height < 44 || r.width < 44)
    .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))"""


def _shot(page, name: str) -> None:
    folder = os.environ.get("DUIDING_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _phone(browser, live_server, *, javascript: bool = True):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
    )
    context.set_default_timeout(10_000)
    return context, context.new_page()


def test_answer_on_a_phone_errors_then_thanks(
    browser, live_server, questionnaire, assert_no_axe_violations
):
    context, page = _phone(browser, live_server)
    try:
        page.goto(f"/v/{questionnaire.code}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Tevredenheid Home-Start")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate(SMALL_TARGETS_JS) == []
        assert_no_axe_violations(page)
        _shot(page, "phone-390")

        page.get_by_role("button", name="Versturen").click()
        expect(page.get_by_role("heading", name="Nog niet verstuurd")).to_be_visible()
        nut = page.get_by_role("group", name="Welk rapportcijfer geeft u")
        expect(nut).to_contain_text("Deze vraag is verplicht")
        assert_no_axe_violations(page)
        _shot(page, "phone-390-errors")
        assert Response.objects.count() == 0

        page.get_by_role("link", name="Welk rapportcijfer").click()  # the summary's link
        nut.get_by_role("radio", name="8", exact=True).check()
        page.get_by_role("group", name="Is uw doel bereikt?").get_by_text(
            "Bereikt", exact=True
        ).click()
        page.get_by_label("Wat kan beter?").fill("<b>Meer</b> avonden")
        page.get_by_role("button", name="Versturen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
        assert_no_axe_violations(page)
        _shot(page, "phone-390-thanks")
        stored = Response.objects.get()
        assert dict(stored.answers.values_list("question", "number").exclude(number=None)) == {
            "nut": 8,
            "doel": 2,
        }
        assert Answer.objects.get(question="tip").text == "<b>Meer</b> avonden"

        page.goto(f"/v/{questionnaire.code}/")
        expect(
            page.get_by_text("U heeft deze vragenlijst al ingevuld, dank u wel.")
        ).to_be_visible()
    finally:
        context.close()


def test_the_phone_page_works_without_javascript_with_a_card(browser, live_server, questionnaire):
    cards_create(activity=questionnaire.activity, count=1)
    card = PairCard.objects.get()
    context, page = _phone(browser, live_server, javascript=False)
    try:
        page.goto(f"/v/kaart/{card.code}/")  # the card's QR code
        expect(page.get_by_text(f"U vult in met kaart {card.code}.")).to_be_visible()
        page.get_by_role("group", name="Welk rapportcijfer").get_by_role(
            "radio", name="3", exact=True
        ).check()
        page.get_by_role("group", name="Is uw doel bereikt?").get_by_text("Niet bereikt").click()
        page.get_by_role("button", name="Versturen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
        assert Response.objects.get().card == card
    finally:
        context.close()


def test_the_english_page_and_the_desktop_width(
    browser, live_server, questionnaire, assert_no_axe_violations
):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"/v/{questionnaire.code}/")
        _shot(page, "phone-1280")
        page.get_by_role("link", name="English").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Satisfaction Home-Start")
        expect(page.get_by_role("button", name="Send")).to_be_visible()
        assert_no_axe_violations(page)
    finally:
        context.close()


def test_the_share_page_and_the_cards_page(
    authenticated_page, partner, questionnaire, assert_no_axe_violations
):
    page = authenticated_page(partner)
    for viewport, suffix in ((DESKTOP, "1280"), (PHONE, "390")):
        page.set_viewport_size(viewport)
        page.goto(f"/outcome/vragenlijst/{questionnaire.pk}/delen/")
        expect(page.get_by_role("link", name="Poster A4 (PDF)")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert_no_axe_violations(page)
        _shot(page, f"share-{suffix}")
    page.get_by_role("link", name="Kaarten met code voor voor- en eindmeting").click()
    page.get_by_label("Aantal kaarten").fill("8")
    page.get_by_role("button", name="Kaarten maken").click()
    expect(page.get_by_text("Set 1 met 8 kaarten is gemaakt.")).to_be_visible()
    assert_no_axe_violations(page)
    _shot(page, "cards-390")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF van set 1").click()
    assert download.value.suggested_filename == "kaarten-set-1.pdf"
