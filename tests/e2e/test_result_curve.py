# ruff: noqa: F811 - pytest fixtures imported from progress_fixtures are used as arguments
"""Browser: a result's detail page renders the curve (vega-embed SVG) and its sentence; the
detail page and the municipality overview are axe clean."""

import pytest
from playwright.sync_api import expect

from tests.results.progress_fixtures import (  # noqa: F401
    accounthouder,
    feijenoord,
    figures,
    framework,
    make_result,
    programme,
    share_row,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_detail_page_shows_the_curve_and_the_sentence(
    authenticated_page, assert_no_axe_violations, adviseur, programme, figures
):
    result = make_result(programme, adviseur, [share_row(figures)])
    page = authenticated_page(adviseur)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(f"/resultaten/{result.pk}/")
    chart = page.locator(".result-curve__chart svg")
    expect(chart).to_be_visible()
    expect(chart.locator("path").first).to_be_attached()
    sentence = page.locator(".result-curve__sentence")
    expect(sentence).to_contain_text("Op koers: ")
    expect(sentence).to_contain_text("schommelen te sterk voor een verwachte trend")
    # The legend beside the chart: figures, baseline and target, each drawn like its mark.
    legend = page.locator(".curve-legend li")
    expect(legend).to_have_text(["cijfers", "basiswaarde", "doel"])
    expect(legend.nth(0).locator("circle")).to_be_attached()
    expect(chart.locator("text", has_text="doel 2026").first).to_be_attached()
    # Year labels only (no "2.019" with a thousands separator, no half-year smear).
    labels = chart.locator(".role-axis-label text").all_text_contents()
    assert labels and all(label == "" or label.isdigit() for label in labels)
    assert not [m for m in messages if "Vega-Lite v" in m]  # vega-embed's version warning
    expect(page.get_by_role("table", name="Cijfers van de grafiek")).to_contain_text("2023")
    assert_no_axe_violations(page)


def test_overview_is_axe_clean(
    authenticated_page, assert_no_axe_violations, accounthouder, adviseur, programme, figures
):
    make_result(programme, adviseur, [share_row(figures)])
    page = authenticated_page(accounthouder)
    page.goto("/resultaten/overzicht/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Resultaten van de gemeente")
    expect(page.get_by_role("link", name="Resultaten gemeente")).to_be_visible()
    assert_no_axe_violations(page)
