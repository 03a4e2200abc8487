"""Every page fits a phone: at 390 px the page itself never scrolls sideways (issue 10, item 4).

The pages are every named route of every app (tests/e2e/all_pages.py), opened as the role that
may see them, with the demo's data. Wide charts (Vega embeds) take the width of their container.
The responsive patterns themselves (stacked data tables, scroll boxes) and the checker are tested
on small pages of their own.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from duiding.accounts.models import User
from tests.e2e.all_pages import NOT_PAGES, Demo, list_problems, routes, url_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


# The page's width, and when it is too wide the elements that stick out while their parent does
# not and no scroll container holds them (the culprits), to name in the failure.
OVERFLOW_JS = """() => {
    const width = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll <= width) return {scroll, width, wide: []};
    const out = (el) => el.getBoundingClientRect().right > width + 1;
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    // Inside a scroll box; a positioned element escapes the boxes below its offsetParent.
    const clipped = (el) => {
        const positioned = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
        const from = positioned ? el.offsetParent : el.parentElement;
        for (let up = from; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    const sticksOut = (el) => out(el) && !clipped(el);
    const wide = [...document.querySelectorAll('body *')]
        .filter((el) => sticksOut(el) && !sticksOut(el.parentElement))
        .slice(0, 4).map((el) => name(el) + ' ' + Math.round(el.getBoundingClientRect().right));
    return {scroll, width, wide};
}"""

# Vega-Lite specs on the page (json_script elements) with a fixed width wider than a sparkline.
VEGA_JS = """() => [...document.querySelectorAll('script[type="application/json"]')]
    .map((el) => { try { return JSON.parse(el.textContent); } catch (e) { return null; } })
    .filter((spec) => spec && String(spec.$schema || '').includes('vega'))
    .filter((spec) => typeof spec.width === 'number' && spec.width > 240)
    .map((spec) => spec.description || JSON.stringify(spec.title || '(chart)'))"""


def test_every_page_fits_a_phone_without_sideways_scrolling(browser, live_server):
    table = routes(Demo.load())
    problems = list_problems(table)
    assert not problems, "The list of pages is out of date:\n" + "\n".join(problems)

    tabs: dict[str | None, object] = {}
    overflowing, wide_charts, not_shown = [], [], []
    try:
        for key, (role, kwargs) in table.items():
            if key in NOT_PAGES:
                continue
            if role not in tabs:
                tabs[role] = _tab(browser, live_server, role)
            page, url = tabs[role], url_of(key, kwargs)
            response = page.goto(url, wait_until="domcontentloaded")
            if response.status != 200 or response.request.redirected_from:
                not_shown.append(f"{key} {url}: {response.status} at {page.url} as {role}")
                continue
            measured = page.evaluate(OVERFLOW_JS)
            if measured["scroll"] > measured["width"]:
                overflowing.append(
                    f"{key} {url}: {measured['scroll']} px wide ({', '.join(measured['wide'])})"
                )
            wide_charts += [f"{key} {url}: {chart}" for chart in page.evaluate(VEGA_JS)]
    finally:
        for page in tabs.values():
            page.context.close()
    assert not not_shown, "Pages not shown to their role:\n" + "\n".join(not_shown)
    assert not overflowing, f"{len(overflowing)} pages scroll sideways at 390 px:\n" + "\n".join(
        overflowing
    )
    assert not wide_charts, "Charts with a fixed width (use width 'container'):\n" + "\n".join(
        wide_charts
    )


def _tab(browser, live_server, username: str | None):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE)
    context.set_default_timeout(15_000)
    if username:
        client = Client()
        client.force_login(User.objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
    return context.new_page()


# A data table with a two-row header, and a matrix that keeps its columns in a scroll box (its
# empty cells say so in visually hidden text, as the prevention matrix does).
PATTERNS = """<!DOCTYPE html><html lang="nl"><head><title>Tabellen</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/duiding/duiding.css">
<script src="/static/duiding/tables.js" defer></script></head>
<body><main>
<table class="data" id="steps"><caption>Stappen</caption>
<thead><tr><th scope="col" rowspan="2">Stap</th><th scope="colgroup" colspan="2">Wanneer</th></tr>
<tr><th scope="col">Start</th><th scope="col" class="num">Klaar</th></tr></thead>
<tbody><tr><th scope="row">Afspraken met twee basisscholen over jongerenwerk op het
schoolplein en in de sporthal</th><td>1 maart 2026</td><td class="num">24 november 2026</td></tr>
</tbody></table>
<div class="table-scroll" role="region" aria-label="Matrix" tabindex="0">
<table class="data data--columns" id="matrix"><caption>Matrix</caption>
<thead><tr>COLUMNS</tr></thead><tbody><tr>CELLS</tr></tbody></table></div>
</main></body></html>""".replace(
    "COLUMNS", "".join(f'<th scope="col">Preventieniveau {n}</th>' for n in range(8))
).replace("CELLS", '<td><span class="visually-hidden">leeg</span></td>' * 8)


def _patterns(page, viewport):
    page.set_viewport_size(viewport)
    page.goto("/account/inloggen/")  # the live server's origin, for the static files
    page.set_content(PATTERNS)
    page.wait_for_selector("#steps.data--stack", state="attached")


def _display(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).display")


def test_data_table_stacks_under_its_headers_on_a_phone(page, assert_no_axe_violations):
    _patterns(page, PHONE)
    labels = page.eval_on_selector_all(
        "#steps tbody th, #steps tbody td", "els => els.map((el) => el.dataset.label)"
    )
    assert labels == ["Stap", "Wanneer – Start", "Wanneer – Klaar"]
    assert _display(page, "#steps tbody tr") == "block"
    assert _display(page, "#steps tbody td") == "block"
    assert page.eval_on_selector("#steps thead", "el => el.getBoundingClientRect().width") <= 1
    # Still a table for screen readers.
    assert page.eval_on_selector("#steps tbody td", "el => el.getAttribute('role')") == "cell"
    # The matrix keeps its columns and scrolls in its box; its hidden text stays inside the box.
    assert _display(page, "#matrix") == "table"
    assert page.eval_on_selector(".table-scroll", "el => el.scrollWidth > el.clientWidth")
    measured = page.evaluate(OVERFLOW_JS)
    assert measured["scroll"] <= measured["width"], measured
    assert_no_axe_violations(page)


def test_data_table_keeps_its_columns_on_a_desktop(page):
    _patterns(page, {"width": 1280, "height": 900})
    assert _display(page, "#steps") == "table"
    assert _display(page, "#steps tbody tr") == "table-row"
    assert page.eval_on_selector("#steps thead", "el => el.getBoundingClientRect().width") > 300


def test_checker_names_what_sticks_out_and_fixed_width_charts(page):
    page.set_viewport_size(PHONE)
    page.set_content(
        """<!DOCTYPE html><html><body style="margin:0">
        <div id="wide" style="width:800px">breed</div>
        <div style="overflow-x:auto"><table><tr><td style="padding-left:700px">
          <span id="escapes" style="position:absolute;width:1px;overflow:hidden">verborgen</span>
        </td></tr></table></div>
        <script type="application/json">{"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
          "width": 600, "description": "Kaart"}</script>
        <script type="application/json">{"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
          "width": "container"}</script>
        </body></html>"""
    )
    measured = page.evaluate(OVERFLOW_JS)
    assert measured["scroll"] > measured["width"]
    assert [name.split()[0] for name in measured["wide"]] == ["div#wide", "span#escapes"]
    assert page.evaluate(VEGA_JS) == ["Kaart"]
