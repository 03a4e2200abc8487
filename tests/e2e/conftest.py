"""Browser tests: Playwright (Python) driving Debian's /usr/bin/chromium against `live_server`.

Fixtures for every browser test:
- `browser`: one headless Chromium per session. Skips when /usr/bin/chromium is missing, except
  with CI=true, where a missing browser is a failure.
- `page`: a fresh browser context (Dutch locale, downloads allowed) on the live server.
- `logged_in_page(user)`: logs in through the login form and returns the page.
- `assert_no_axe_violations(page)`: runs axe-core (WCAG 2.1 A/AA) and fails listing violations.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there
# unless told that this is fine (the live server runs in its own thread).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "duiding"
    / "static"
    / "vendor"
    / "axe"
    / "axe.min.js"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} is missing: install Debian's chromium "
            "(apt-get install chromium) to run the browser tests"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message + " — on CI the browser tests must run.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def logged_in_page(page):
    """`logged_in_page(user)`: log in through the login form (as a person would)."""

    def login(user, password: str = PASSWORD):
        page.goto("/account/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/inloggen/" not in url)
        return page

    return login


@pytest.fixture
def authenticated_page(page, live_server):
    """`authenticated_page(user)`: a page with a session cookie, without the login form (faster;
    the login form itself is covered by `logged_in_page`)."""
    from django.conf import settings
    from django.test import Client

    def login(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        return page

    return login


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} <{v.get('helpUrl', '')}>")
        for node in v.get("nodes", [])[:5]:
            lines.append(
                f"    {', '.join(node.get('target', []))}: {node.get('failureSummary', '')}"
            )
    return "\n".join(lines)


@pytest.fixture
def assert_no_axe_violations():
    """`assert_no_axe_violations(page)`: axe-core on the current page, WCAG 2.1 A and AA rules."""

    def check(page, *, exclude: list[str] | None = None):
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async ([tags, exclude]) => {
                const context = exclude.length ? {exclude: exclude.map((s) => [s])} : document;
                return await window.axe.run(context, {runOnly: {type: 'tag', values: tags}});
            }""",
            [AXE_TAGS, exclude or []],
        )
        violations = result["violations"]
        if violations:
            pytest.fail(
                f"axe found {len(violations)} accessibility violation(s) on {page.url}:\n"
                + format_violations(violations),
                pytrace=False,
            )

    return check
