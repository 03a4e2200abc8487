"""The outcome page in Chromium: charts drawn with legends and axis titles, axe clean (WCAG 2.1
AA) as the partner (raw) and as the gebiedsadviseur (suppressed), fits a 390 px phone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.urls import reverse

from tests.outcomes import page_fixtures as outcome_fixtures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

figures = outcome_fixtures.figures
feijenoord = outcome_fixtures.feijenoord
framework = outcome_fixtures.framework
programme = outcome_fixtures.programme
results = outcome_fixtures.results
seed_activities = outcome_fixtures.seed_activities
youth_org = outcome_fixtures.youth_org
outcome = outcome_fixtures.outcome

SHOTS = os.environ.get("OUTCOME_SCREENSHOTS")  # a folder: save screenshots there


def _open(page, url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-vega-map]')].length > 0 &&"
        " [...document.querySelectorAll('[data-vega-map]')].every(e => {"
        " e.scrollIntoView(); return e.dataset.rendered === '1'; })",
        timeout=15_000,
    )


@pytest.mark.parametrize("who", ["partner", "adviseur"])
def test_outcome_page_charts_axe_and_phone(
    authenticated_page, assert_no_axe_violations, outcome, who, request
):
    user = request.getfixturevalue(who)
    page = authenticated_page(user)
    url = reverse("outcomes:activity_outcome", args=[outcome["activity"].pk])
    for width in (1280, 390):
        _open(page, url, width)
        svg = page.locator(".outcome-chart svg").first
        assert svg.is_visible()
        text = page.locator(".outcome-chart").first.inner_text()
        assert "Aantal" in text and "Antwoord" in text  # axis titles
        assert "Antwoorden" in text  # the legend
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll <= width, f"{who} at {width}px: page is {scroll}px wide"
        assert_no_axe_violations(page)
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SHOTS}/outcome-{who}-{width}.png", full_page=True)
            page.locator(".outcome-measure").first.screenshot(
                path=f"{SHOTS}/outcome-{who}-{width}-first-measure.png"
            )
            page.evaluate("() => window.scrollTo(0, 0)")
            page.screenshot(path=f"{SHOTS}/outcome-{who}-{width}-top.png")
    if who == "adviseur":
        assert page.get_by_text("U ziet samengevatte cijfers.").is_visible()
    else:
        assert page.get_by_text("Laagste score").first.is_visible()


def test_programme_outcome_page_axe(
    authenticated_page, assert_no_axe_violations, outcome, adviseur
):
    page = authenticated_page(adviseur)
    page.goto(reverse("outcomes:programme_outcome", args=[outcome["activity"].programme_id]))
    assert page.get_by_role("link", name="Home-Start").is_visible()
    assert_no_axe_violations(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/programme-outcome-1280.png", full_page=True)
