"""The XLSForm upload page in a browser: a refused file shows its problems (sheet, row, column)
above the form, on a phone and at desk width, axe-clean; a good file makes the questionnaire."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from duiding.outcomes.models import Questionnaire
from duiding.outcomes.xlsform.example import example_workbook
from tests.outcomes import xlsform_fixtures as fixtures
from tests.outcomes.xlsform_fixtures import workbook

figures, feijenoord, framework = fixtures.figures, fixtures.feijenoord, fixtures.framework
programme, results, seed_activities = fixtures.programme, fixtures.results, fixtures.seed_activities
youth_org, home_start = fixtures.youth_org, fixtures.home_start

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = os.environ.get("XLSFORM_SCREENSHOTS")  # a folder: save screenshots there
BAD = workbook(
    [
        ["type", "name", "label"],
        ["text", "naam", "Naam van de cursus"],
        ["geopoint", "plek", "Waar bent u?"],
        ["select_one jaofnee", "kent", "Kent u ons?"],
        ["integer", "Leeftijd", "Leeftijd"],
    ]
)


def _fill(page, data: bytes, tmp_path) -> None:
    path = tmp_path / "formulier.xlsx"
    path.write_bytes(data)
    page.get_by_label("XLSForm (.xlsx)").set_input_files(str(path))
    page.get_by_label("Moment").select_option("eindmeting")
    page.get_by_label("Open vanaf").fill("01-11-2026")
    page.get_by_label("Open tot en met").fill("30-11-2026")
    page.get_by_role("button", name="Vragenlijst inlezen").click()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_refused_file_shows_its_problems(
    authenticated_page, partner, home_start, assert_no_axe_violations, tmp_path, width
):
    page = authenticated_page(partner)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/outcome/activiteit/{home_start.pk}/vragenlijsten/xlsform/")
    _fill(page, BAD, tmp_path)
    problems = page.locator(".xlsform-problems")
    expect(problems).to_be_visible()
    expect(problems).to_contain_text("Blad survey, rij 3, kolom type: het type ‘geopoint’")
    expect(problems).to_contain_text("de keuzelijst ‘jaofnee’ staat niet op blad choices")
    expect(problems.locator("li")).to_have_count(3)
    expect(problems.get_by_role("heading")).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/xlsform-import-{width}.png", full_page=True)
    assert not Questionnaire.objects.exists()


def test_a_good_file_makes_the_questionnaire(authenticated_page, partner, home_start, tmp_path):
    page = authenticated_page(partner)
    page.goto(f"/outcome/activiteit/{home_start.pk}/vragenlijsten/xlsform/")
    _fill(page, example_workbook(), tmp_path)
    expect(page.get_by_text("is ingelezen met 3 vragen")).to_be_visible()
    assert Questionnaire.objects.get().activity == home_start
