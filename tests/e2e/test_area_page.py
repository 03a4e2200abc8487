"""The issue's browser walk: log in, find Feijenoord, read a figure, open its source, download Excel."""

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.areaprofile.factories import rotterdam_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_adviser_finds_feijenoord_reads_a_figure_and_downloads_excel(
    logged_in_page, adviseur, rotterdam
):
    rotterdam_data(rotterdam)
    page = logged_in_page(adviseur)
    page.get_by_role("link", name="Staat van de wijk").first.click()
    page.get_by_label("Zoek een gebied op naam of code").fill("Feijen")
    results = page.locator("#area-results")
    expect(results.get_by_role("link", name="Feijenoord")).to_be_visible()  # htmx, no submit
    results.get_by_role("link", name="Feijenoord").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Feijenoord")
    expect(page.locator(".area-meta")).to_contain_text("Gebied")  # Rotterdam: CBS wijk = gebied
    row = page.locator("tbody.bm-row").filter(has_text="Jongeren met jeugdzorg in natura")
    expect(row.locator("td.num .value").first).to_have_text("1.555")  # CBS 85685NED, 2023

    row.get_by_text("Bron en toelichting").click()
    source = row.locator("details.source")
    expect(source).to_contain_text("85685NED_first10000rows.csv")
    expect(source).to_contain_text("8041")
    expect(source).to_contain_text("TotaalJongerenMetJeugdzorgInNatura_1")
    expect(source).to_contain_text("Bron: CBS")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("^Excel")).click()
    download = download_info.value
    assert download.suggested_filename.startswith("staat-van-de-wijk_WK059910")
    sheet = load_workbook(BytesIO(open(download.path(), "rb").read())).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header_index = next(i for i, r in enumerate(rows) if r and r[0] == "Pijler")
    header = rows[header_index]
    youth = next(r for r in rows[header_index + 1 :] if r[2] == "Jongeren met jeugdzorg in natura")
    assert youth[header.index("Waarde")] == 1555
    assert youth[header.index("Waarde Rotterdam")] == 13875
    assert youth[header.index("Rij")] == 8041
    assert any(r and r[0] and str(r[0]).startswith("Bron: CBS") for r in rows)


def test_trend_charts_and_map_render_and_the_map_opens_a_gebied(
    logged_in_page, adviseur, rotterdam
):
    rotterdam_data(rotterdam)
    page = logged_in_page(adviseur)
    page.goto("/wijk/GM0599/")
    expect(page.locator("svg.sparkline").first).to_be_visible()  # drawn on the server
    assert page.evaluate("typeof window.vegaEmbed") == "undefined"  # no Vega up front
    row = page.locator("tbody.bm-row").filter(has_text="Jongeren met jeugdzorg in natura")
    row.get_by_text("Bron en toelichting").click()  # the interactive chart, on demand
    expect(row.locator(".trend__chart svg").first).to_be_visible()
    page.locator("#kaart").scroll_into_view_if_needed()
    expect(page.locator(".map__chart svg")).to_be_visible()
    page.get_by_label("Indicator op de kaart").select_option("TotaalJongerenMetJeugdzorgInNatura")
    expect(page.locator("#kaart caption")).to_contain_text("Jongeren met jeugdzorg in natura")
    feijenoord = page.locator(
        ".map__chart svg path[aria-roledescription='geoshape'][aria-label*='Feijenoord']"
    ).last
    expect(feijenoord).to_be_visible()
    feijenoord.click()  # Vega href encoding opens the gebied
    page.wait_for_url(re.compile(r"/wijk/WK059910/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Feijenoord")


def _no_sideways_scroll(page) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"


def test_area_and_map_pages_fit_a_phone_and_show_the_figures_with_comparison(
    authenticated_page, adviseur, rotterdam, assert_no_axe_violations
):
    rotterdam_data(rotterdam)
    page = authenticated_page(adviseur)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/wijk/WK059910/")
    _no_sideways_scroll(page)
    row = page.locator("tbody.bm-row").filter(has_text="Jongeren met jeugdzorg in natura")
    # the figure and its comparison are on screen, each with the area's name (a card)
    for text in ("Feijenoord", "1.555", "Rotterdam", "13.875", "Nederland", "485.100"):
        expect(row.get_by_text(text, exact=True).first).to_be_visible()
    box = row.get_by_text("485.100", exact=True).bounding_box()
    assert box["x"] + box["width"] <= 390
    row.get_by_text("Bron en toelichting").click()  # full width, words not broken
    source = row.locator("details.source dl")
    expect(source).to_be_visible()
    assert source.bounding_box()["width"] >= 0.9 * row.bounding_box()["width"]
    _no_sideways_scroll(page)
    assert_no_axe_violations(page)  # the cards keep WCAG 2.1 AA
    for url in ("/wijk/GM0599/", "/wijk/GM0599/kaart/"):
        page.goto(url)
        page.locator("#kaart").scroll_into_view_if_needed()
        expect(page.locator(".map__chart svg")).to_be_visible()
        _no_sideways_scroll(page)
