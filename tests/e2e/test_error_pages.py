"""The error pages in the browser: Dutch, styled, axe-clean, no sideways scroll at 390 px."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_403_and_404_pages(authenticated_page, page, partner, assert_no_axe_violations, width):
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto("/bestaat-niet/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"
    assert_no_axe_violations(page)
    authenticated_page(partner)
    response = page.goto(reverse("results:overview"))
    assert response.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page)
