"""Browser walk of a live duidingssessie with two browser contexts: the facilitator (1280 px)
opens a question on the console and shows the projector page; a phone (390 px) joins with the
code and answers; the projector shows the answer without a reload. axe-clean on the console,
the projector and the phone pages. Screenshots go to $DUIDING_SCREENSHOTS when set."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from duiding.reflections.live import services
from duiding.reflections.models import LiveAnswer
from tests.reflections.live_fixtures import item, make_question, reader, reflection, running

# ruff: noqa: F811 (fixtures imported from live_fixtures)
__all__ = ["item", "reader", "reflection", "running"]

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _shot(page, name: str) -> None:
    folder = os.environ.get("DUIDING_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _context(browser, live_server, viewport, **extra):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport=viewport, **extra
    )
    context.set_default_timeout(10_000)
    return context


def _login(context, live_server, user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def test_the_facilitator_opens_a_phone_answers_the_projector_shows_it(
    browser, live_server, running, item, adviseur, assert_no_axe_violations
):
    make_question(running, item, adviseur, "herkennen")
    facilitator = _context(browser, live_server, DESKTOP)
    phone_context = _context(browser, live_server, PHONE, is_mobile=True, has_touch=True)
    try:
        _login(facilitator, live_server, adviseur)
        console = facilitator.new_page()
        console.goto(f"/duidingssessies/{running.pk}/live/")
        expect(console.get_by_role("heading", level=1)).to_contain_text("Live sessie")
        assert_no_axe_violations(console)
        console.get_by_role("button", name=re.compile(r"^Openen\W+Herkennen we dit")).click()
        expect(
            console.get_by_role("heading", name="Op de telefoons: Herkennen we dit?")
        ).to_be_visible()
        assert_no_axe_violations(console)
        _shot(console, "live-console-1280")

        projector = facilitator.new_page()
        projector.goto(f"/duidingssessies/{running.pk}/scherm/")
        expect(projector.locator(".projector__code")).to_have_text("TEST42")
        expect(projector.locator("svg.live-qr")).to_be_visible()
        expect(projector.locator("#projector-live")).to_contain_text("0 antwoorden ontvangen")
        assert_no_axe_violations(projector)
        projector.evaluate("window.__notReloaded = true")

        phone = phone_context.new_page()
        phone.goto("/d/")
        assert_no_axe_violations(phone)
        phone.get_by_label("Code").fill("XXXXXX")
        phone.get_by_role("button", name="Verder").click()
        expect(phone.get_by_role("alert")).to_contain_text("Deze code kennen we niet")
        assert_no_axe_violations(phone)
        phone.get_by_label("Code").fill("test42")
        phone.get_by_role("button", name="Verder").click()
        expect(phone.get_by_role("heading", level=1)).to_have_text("Meedoen")
        assert_no_axe_violations(phone)
        phone.get_by_role("button", name="Meedoen").click()
        expect(phone.get_by_role("heading", level=1)).to_have_text("Herkennen we dit?")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert_no_axe_violations(phone)
        _shot(phone, "live-phone-390-question")
        phone.get_by_text("Deels").click()
        phone.get_by_role("button", name="Versturen").click()
        expect(phone.get_by_role("status")).to_contain_text("Je antwoord is ontvangen")
        assert_no_axe_violations(phone)
        _shot(phone, "live-phone-390-received")
        assert LiveAnswer.objects.get().choice == "deels"

        # The projector shows the answer within 2 s, without a reload.
        expect(projector.locator("#projector-live")).to_contain_text(
            "1 antwoord ontvangen", timeout=2_500
        )
        assert projector.evaluate("window.__notReloaded === true")
        question = running.questions.get()
        services.set_revealed(question, True, adviseur)
        expect(projector.locator(".live-bars")).to_contain_text("Deels", timeout=2_500)
        assert projector.evaluate("window.__notReloaded === true")
        assert_no_axe_violations(projector)
        _shot(projector, "live-projector-1280")

        console.reload()
        console.set_viewport_size(PHONE)
        _shot(console, "live-console-390")
        projector.set_viewport_size(PHONE)
        _shot(projector, "live-projector-390")

        # The phone follows the reveal by itself (its poll reloads it).
        expect(phone.locator(".live-bars")).to_contain_text("Deels", timeout=8_000)
        assert_no_axe_violations(phone)
        _shot(phone, "live-phone-390-results")
    finally:
        facilitator.close()
        phone_context.close()
