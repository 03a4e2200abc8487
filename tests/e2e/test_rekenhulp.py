"""Browser walk through the rekenhulp: pick seed example 3, see the three rules side by side; use
the keyboard to change the target; axe on the empty form, the result and an error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_rekenhulp_example_3_under_all_three_rules(
    logged_in_page, adviseur, assert_no_axe_violations
):
    page = logged_in_page(adviseur)
    page.goto("/resultaten/rekenhulp/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Rekenhulp: wanneer is een resultaat bereikt?"
    )
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Voorbeeld 3 uit de handleiding").click()
    expect(page.get_by_label("Naam").first).to_have_value("Sport")
    each = page.locator("[data-rule=each]")
    combined = page.locator("[data-rule=combined]")
    mean = page.locator("[data-rule=mean]")
    # +9, +4 and +2 percentage points against +5: not every indicator makes it.
    expect(each.locator(".rekenhulp-sentence")).to_contain_text("niet bereikt")
    expect(each).to_contain_text("Rookt niet en Matig alcoholgebruik halen dat niet")
    # No figure for "all three at once": the rule cannot be applied, and says so.
    expect(combined).to_contain_text("die ontbreekt")
    # The mean: 68,3 % -> 73,3 %.
    expect(mean.locator(".rekenhulp-sentence")).to_contain_text(
        "het gaat van 68,3% naar 73,3% — bereikt."
    )
    assert_no_axe_violations(page)

    # Keyboard only: a target of 2 points makes every indicator reach it.
    page.get_by_label("Doel", exact=True).focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.get_by_role("button", name="Uitrekenen").focus()
    page.keyboard.press("Enter")
    expect(each.locator(".rekenhulp-sentence")).to_contain_text("dat doen ze allemaal — bereikt.")

    # A denominator of 0: the message at the field, no result.
    page.get_by_role("group", name="Indicator 1").get_by_role(
        "group", name="Basisperiode"
    ).get_by_label("noemer").fill("0")
    page.get_by_role("button", name="Uitrekenen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator(".errorlist").first).to_contain_text("de noemer is 0")
    expect(page.locator("[data-rule=each]")).to_have_count(0)
    assert_no_axe_violations(page)


def _boxes(page):
    return [
        page.locator(f"[data-rule={rule}]").bounding_box() for rule in ("each", "combined", "mean")
    ]


def test_three_columns_fit_at_1280_and_stack_below_1100(logged_in_page, adviseur):
    page = logged_in_page(adviseur)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/resultaten/rekenhulp/")
    page.get_by_role("link", name="Voorbeeld 3 uit de handleiding").click()
    expect(page.locator("[data-rule=mean] .rekenhulp-sentence")).to_be_visible()
    boxes = _boxes(page)
    assert len({round(b["y"]) for b in boxes}) == 1  # side by side
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    # No table sticks out of its card.
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.rekenhulp-rule')].map(card => {
            const table = card.querySelector('table');
            return table ? table.getBoundingClientRect().right - card.getBoundingClientRect().right : -1;
        })"""
    )
    assert all(o <= 0.5 for o in overflow), overflow
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.get_by_text("Meet u één maatschappelijk resultaat").is_visible()

    page.set_viewport_size({"width": 1000, "height": 900})
    boxes = _boxes(page)
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]  # stacked
