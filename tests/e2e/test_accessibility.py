"""axe-core (WCAG 2.1 A/AA) on every main page. A failure lists each violation and its elements."""

import pytest
from django.urls import reverse

from tests.areaprofile.factories import rotterdam_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = [
    ("home", lambda: reverse("home:home")),
    ("area search", lambda: reverse("areaprofile:index")),
    ("area search results", lambda: reverse("areaprofile:index") + "?q=Feijenoord"),
    ("area page (gebied)", lambda: reverse("areaprofile:area", args=["WK059910"])),
    ("area page with map (gemeente)", lambda: reverse("areaprofile:area", args=["GM0599"])),
    ("indicator list", lambda: reverse("indicators:indicator_list")),
    ("import list", lambda: reverse("indicators:import_list")),
    ("new import", lambda: reverse("indicators:import_new")),
    ("import report", lambda: reverse("indicators:import_detail", args=[_finished_run().pk])),
    ("import progress", lambda: reverse("indicators:import_detail", args=[_running_run().pk])),
    ("indicator detail", lambda: reverse("indicators:indicator_detail", args=[_indicator().pk])),
    ("indicator edit", lambda: reverse("indicators:indicator_edit", args=[_indicator().pk])),
    ("new derived indicator", lambda: reverse("indicators:derived_new")),
    ("alias table", lambda: reverse("indicators:alias_list")),
    ("frameworks", lambda: reverse("frameworks:list")),
    ("framework detail", lambda: reverse("frameworks:detail", args=[_framework().slug])),
    ("new ambition", lambda: reverse("frameworks:ambition_new", args=[_framework().slug])),
    ("domain edit", lambda: reverse("frameworks:domain_edit", args=[_domain().pk])),
    ("API tokens", lambda: reverse("accounts:tokens")),
    ("password reset", lambda: reverse("accounts:password_reset")),
]


def _indicator():
    from duiding.indicators.models import Indicator

    return Indicator.objects.filter(observations__isnull=False).order_by("pk").first()


def _framework():
    from duiding.frameworks.models import Framework

    return Framework.objects.get(is_default=True)


def _domain():
    return _framework().pillars.first().domains.first()


def _finished_run():
    from django.utils import timezone

    from duiding.jobs.models import ImportRun

    return ImportRun.objects.create(
        kind=ImportRun.Kind.CBS,
        file_name="85685NED.csv",
        status=ImportRun.Status.DONE,
        progress=100,
        rows_read=12,
        values_stored=10,
        rows_skipped=2,
        finished_at=timezone.now(),
        messages=[
            {
                "row": 3,
                "column": "Codering_20",
                "message": "Regio overgeslagen.",
                "level": "warning",
            },
            {
                "row": 5,
                "column": "RegioS",
                "message": "Provincies: 1 regio, 2 rijen (bijvoorbeeld ‘Groningen (PV)’).",
                "level": "skipped",
            },
        ],
    )


def _running_run():
    from duiding.jobs.models import ImportRun

    return ImportRun.objects.create(
        kind=ImportRun.Kind.CBS,
        file_name="85094NED.csv",
        status=ImportRun.Status.RUNNING,
        progress=45,
        progress_text="Cijfers opslaan",
    )


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
