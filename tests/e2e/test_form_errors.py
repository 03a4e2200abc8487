"""An empty submit of the new-programme form opens with the error summary focused, its links
jump to the fields, and every label sits above its field (issue 10, item 10)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_empty_programme_form_focuses_the_error_summary(authenticated_page, adviseur, rotterdam):
    page = authenticated_page(adviseur)
    page.goto("/programmas/nieuw/")
    page.get_by_label("Beginjaar").fill("")
    page.get_by_role("button", name="Programma aanmaken").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    heading = summary.get_by_role("heading")
    expect(heading).to_be_focused()
    expect(heading).to_contain_text("Het formulier is niet opgeslagen")
    link = summary.get_by_role("link").first
    target = link.get_attribute("href").lstrip("#")
    link.click()
    expect(page.locator(f"#{target}")).to_be_focused()
    # Every label above its field (not beside it).
    for field in page.locator("main .utrecht-form-field > label.utrecht-form-label").all():
        control = page.locator(f"#{field.get_attribute('for')}")
        label_box, control_box = field.bounding_box(), control.bounding_box()
        assert label_box["y"] + label_box["height"] <= control_box["y"] + 1, field.inner_text()
