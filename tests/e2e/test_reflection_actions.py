"""Improvement actions in a browser: Mijn verbeteracties and the edit page as the owner partner
sees them (axe clean at 1280 and 390 px; `SCREENSHOTS_DIR` keeps the PNGs), and a status change."""

from __future__ import annotations

import datetime
import os
import re
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from duiding.reflections.actions import services
from duiding.reflections.models import ImprovementAction
from tests.reflections.action_fixtures import *  # noqa: F403 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def in_days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def action(reflection, activity_item, adviseur, partner_org, partner):
    return services.action_create(
        reflection=reflection,
        item=activity_item,
        user=adviseur,
        description="Afspraken met kinderdagverblijven over de speeltuin",
        owner_organisation=partner_org,
        owner_user=partner,
        due_date=in_days(30),
    )


def test_my_actions_and_edit_pages_in_a_browser(
    authenticated_page, assert_no_axe_violations, action, partner, partner_org, reflection
):
    """Mijn verbeteracties and the edit page as the partner sees them (axe clean, phone wide)."""

    ImprovementAction.objects.create(
        reflection=reflection,
        programme=reflection.programme,
        description="Toezicht door ouders uit de wijk",
        owner_organisation=partner_org,
        due_date=in_days(-2),
    )
    page = authenticated_page(partner)
    shots = os.environ.get("SCREENSHOTS_DIR")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(reverse("reflections:my_actions"))
        assert page.get_by_role("heading", name="Mijn verbeteracties").is_visible()
        assert_no_axe_violations(page)
        if shots:
            page.screenshot(path=f"{shots}/my_actions_{width}.png", full_page=True)
        page.goto(reverse("reflections:action_edit", args=[action.pk]))
        assert_no_axe_violations(page)
        if shots:
            page.screenshot(path=f"{shots}/action_edit_{width}.png", full_page=True)
    page.get_by_label("Status").select_option("bezig")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(lambda url: urlparse(url).path == reverse("reflections:my_actions"))
    action.refresh_from_db()
    assert action.status == "bezig"


def test_plan_partner_and_home_pages_with_actions_are_axe_clean(
    authenticated_page, assert_no_axe_violations, action, partner, programme
):
    page = authenticated_page(partner)
    shots = os.environ.get("SCREENSHOTS_DIR")
    for name, url in (
        ("plan", reverse("activities:plan", args=[programme.pk])),
        ("partner", reverse("activities:partner")),
        ("home", reverse("home:home")),
    ):
        page.goto(url)
        assert page.get_by_role(
            "heading", name=re.compile("verbeteracties", re.I)
        ).first.is_visible()
        assert_no_axe_violations(page)
        if shots:
            page.screenshot(path=f"{shots}/{name}_1280.png", full_page=True)
