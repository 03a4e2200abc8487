"""axe-core (WCAG 2.1 A/AA) on every main page. A failure lists each violation and its elements."""

import pytest
from django.urls import reverse

from tests.areaprofile.factories import rotterdam_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = [
    ("home", lambda: reverse("core:home")),
    ("area search", lambda: reverse("areaprofile:index")),
    ("area search results", lambda: reverse("areaprofile:index") + "?q=Feijenoord"),
    ("area page (gebied)", lambda: reverse("areaprofile:area", args=["WK059910"])),
    ("area page with map (gemeente)", lambda: reverse("areaprofile:area", args=["GM0599"])),
    ("indicator list", lambda: reverse("indicators:indicator_list")),
    ("import list", lambda: reverse("indicators:import_list")),
    ("new import", lambda: reverse("indicators:import_new")),
]


def test_login_page_has_no_axe_violations(page, assert_no_axe_violations):
    page.goto(reverse("accounts:login"))
    assert_no_axe_violations(page)


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_axe_violations(
    name, url, authenticated_page, beheerder, rotterdam, assert_no_axe_violations
):
    rotterdam_data(rotterdam)
    page = authenticated_page(beheerder)
    page.goto(url())
    assert_no_axe_violations(page)


def test_area_page_with_open_source_details_has_no_axe_violations(
    authenticated_page, beheerder, rotterdam, assert_no_axe_violations
):
    rotterdam_data(rotterdam)
    page = authenticated_page(beheerder)
    page.goto(reverse("areaprofile:area", args=["WK059910"]))
    page.locator("details summary").first.click()  # opening by keyboard/mouse works
    page.eval_on_selector_all("details", "els => els.forEach(e => { e.open = true; })")
    assert page.locator("details:not([open])").count() == 0
    assert_no_axe_violations(page)
