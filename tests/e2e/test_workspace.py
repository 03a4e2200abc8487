"""Browser walk through the wijkanalyse workspace: the adviser opens a domain of a programme,
ticks a factor, writes the domain analysis, saves and finds it on the totaalbeeld; a colleague
saving the same section from an old version is told and shown the difference; axe on every
workspace page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from duiding.frameworks.models import Domain, Factor, Framework
from duiding.programmes import services
from duiding.programmes.services import SectionText
from tests.areaprofile.factories import rotterdam_data
from tests.conftest import PASSWORD
from tests.programmes.conftest import add_indicator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FACTOR = "Lage opleiding / verzuim / voortijdig schoolverlaten / slechte schoolprestaties"


@pytest.fixture
def programme(rotterdam, municipality_org, adviseur, partner_org):
    data = rotterdam_data(rotterdam)
    framework = Framework.objects.get(is_default=True)
    spijbelen = add_indicator(
        "Spijbelen",
        "Leerlingen die spijbelen",
        "Schoolprestaties",
        {"WK059910": 12.0, "GM0599": 6.0, "NL01": 5.0},
    )
    factor = Factor.objects.filter(framework=framework, name=FACTOR).first()
    if factor is None:
        factor = Factor.objects.create(framework=framework, name=FACTOR, kind="risk", rank=3)
    factor.domains.add(Domain.objects.get(pillar__framework=framework, name="Schoolprestaties"))
    factor.indicators.add(spijbelen)
    return services.programme_create(
        user=adviseur,
        name="Wijkprogramma Feijenoord 2025–2026",
        area=data.feijenoord,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
        partners=[partner_org],
    )


def _section(programme, name):
    return programme.sections.get(kind="domain", domain__name=name)


def test_adviser_writes_a_domain_analysis_and_sees_it_in_the_totaalbeeld(
    logged_in_page, adviseur, programme
):
    page = logged_in_page(adviseur)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Programma's").click()
    page.get_by_role("link", name="Wijkprogramma Feijenoord 2025–2026").click()
    expect(page.get_by_text("0 van 9 domeinen geschreven")).to_be_visible()
    page.get_by_role("link", name="Analyse per domein").click()
    page.get_by_role("navigation", name="Delen van de analyse").get_by_role(
        "link", name="Schoolprestaties"
    ).click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("Domein Schoolprestaties")

    figure = page.locator("#cijfers").get_by_role("row").filter(has_text="Leerlingen die spijbelen")
    expect(figure).to_contain_text("12,0%")
    expect(figure).to_contain_text("slechter")

    panel = page.locator("#factoren")
    panel.get_by_role("checkbox", name=FACTOR).check()
    panel.get_by_role("textbox", name=f"Toelichting bij {FACTOR}").fill("veel spijbelen")
    panel.get_by_role("button", name="Gekozen factoren opslaan").click()
    expect(page.locator("#factoren")).to_contain_text("De gekozen factoren zijn opgeslagen.")

    page.get_by_role("textbox", name="Analyse", exact=True).fill(
        "Veel leerlingen spijbelen, twee keer zo vaak als in Rotterdam."
    )
    page.get_by_label("Conclusie").fill("Spijbelen is het punt van dit domein.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    expect(page.get_by_label("Conclusie")).to_have_value("Spijbelen is het punt van dit domein.")

    page.get_by_role("link", name="Totaalbeeld", exact=True).click()
    summary = page.locator("table", has=page.locator("#samenvatting-caption"))
    row = summary.get_by_role("row").filter(has_text="Schoolprestaties")
    expect(row).to_contain_text("Spijbelen is het punt van dit domein.")
    expect(row).to_contain_text(FACTOR)
    expect(page.locator("#meerdere-domeinen")).to_contain_text(FACTOR)


def test_a_save_from_an_old_version_shows_the_conflict(
    browser, live_server, logged_in_page, adviseur, beheerder, programme
):
    section = _section(programme, "Werk")
    url = reverse("programmes:section", args=[programme.pk, section.pk])

    colleague = browser.new_context(base_url=live_server.url, locale="nl-NL")
    try:
        other = colleague.new_page()
        other.goto(reverse("accounts:login"))
        other.get_by_label("Gebruikersnaam").fill(beheerder.username)
        other.get_by_label("Wachtwoord").fill(PASSWORD)
        other.get_by_role("button", name="Inloggen").click()
        other.wait_for_url(lambda u: "/inloggen/" not in u)
        other.goto(url)  # the colleague opens version 0

        page = logged_in_page(adviseur)
        page.goto(url)
        page.get_by_role("textbox", name="Analyse", exact=True).fill(
            "Werk: de adviseur schreef eerst."
        )
        page.get_by_role("button", name="Opslaan", exact=True).click()
        expect(page.get_by_text("Opgeslagen.")).to_be_visible()

        other.get_by_role("textbox", name="Analyse", exact=True).fill(
            "Werk: de collega schreef later."
        )
        other.get_by_role("button", name="Opslaan", exact=True).click()
        alert = other.locator("#conflict")
        expect(alert).to_contain_text("Iemand anders heeft dit deel intussen opgeslagen")
        expect(alert).to_contain_text("Werk: de adviseur schreef eerst.")
        expect(alert.locator("ins").first).to_be_visible()
        expect(other.get_by_role("textbox", name="Analyse", exact=True)).to_have_value(
            "Werk: de collega schreef later."
        )
        other.get_by_role("button", name="Opslaan", exact=True).click()  # merged: saves now
        expect(other.get_by_text("Opgeslagen.")).to_be_visible()
    finally:
        colleague.close()
    section.refresh_from_db()
    assert section.analysis == "Werk: de collega schreef later." and section.version == 2


def _with_history(programme, adviseur):
    section = _section(programme, "Schoolprestaties")
    for version, text in enumerate(["Eerste versie.", "Tweede versie, langer."]):
        services.section_save(
            section,
            user=adviseur,
            based_on_version=version,
            text=SectionText(text, "Conclusie", "concept"),
        )
    services.missing_figure_add(section, user=adviseur, description="Verzuim per school")
    return section


PAGES = [
    ("list", lambda p, s: reverse("programmes:list")),
    ("create", lambda p, s: reverse("programmes:create")),
    ("detail", lambda p, s: reverse("programmes:detail", args=[p.pk])),
    ("edit", lambda p, s: reverse("programmes:edit", args=[p.pk])),
    ("domain section", lambda p, s: reverse("programmes:section", args=[p.pk, s.pk])),
    (
        "pillar section",
        lambda p, s: reverse(
            "programmes:section",
            args=[p.pk, p.sections.get(kind="pillar", pillar__name="Kansrijk").pk],
        ),
    ),
    (
        "overall section",
        lambda p, s: reverse("programmes:section", args=[p.pk, p.sections.get(kind="overall").pk]),
    ),
    ("history", lambda p, s: reverse("programmes:section_history", args=[p.pk, s.pk])),
    (
        "history compare",
        lambda p, s: reverse("programmes:section_history", args=[p.pk, s.pk]) + "?a=1&b=2",
    ),
    (
        "history version",
        lambda p, s: reverse("programmes:section_history", args=[p.pk, s.pk]) + "?bekijk=1",
    ),
    ("summary", lambda p, s: reverse("programmes:summary", args=[p.pk])),
    ("downloads", lambda p, s: reverse("programmes:downloads", args=[p.pk])),
]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[name for name, _ in PAGES])
def test_workspace_page_has_no_axe_violations(
    name, url, authenticated_page, adviseur, programme, assert_no_axe_violations
):
    section = _with_history(programme, adviseur)
    page = authenticated_page(adviseur)
    page.goto(url(programme, section))
    page.wait_for_load_state("networkidle")
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")
    assert_no_axe_violations(page)


def test_conflict_page_has_no_axe_violations(
    authenticated_page, adviseur, beheerder, programme, assert_no_axe_violations
):
    section = _section(programme, "Werk")
    page = authenticated_page(adviseur)
    page.goto(reverse("programmes:section", args=[programme.pk, section.pk]))
    services.section_save(
        section, user=beheerder, based_on_version=0, text=SectionText("Tussendoor", "", "concept")
    )
    page.get_by_role("textbox", name="Analyse", exact=True).fill("Mijn tekst")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator("#conflict")).to_be_visible()
    assert re.search(r"Tussendoor", page.content())
    assert_no_axe_violations(page)


def test_domain_page_has_no_horizontal_scroll_at_1300_px(authenticated_page, adviseur, programme):
    """Every factor of the default model in the table (the widest case): the page itself does
    not scroll sideways; the chosen factor shows above the text field after an htmx save."""
    section = _section(programme, "Schoolprestaties")
    page = authenticated_page(adviseur)
    page.set_viewport_size({"width": 1300, "height": 900})
    page.goto(reverse("programmes:section", args=[programme.pk, section.pk]))
    page.wait_for_load_state("networkidle")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    panel = page.locator("#factoren")
    panel.get_by_role("checkbox", name=FACTOR).check()
    panel.get_by_role("button", name="Gekozen factoren opslaan").click()
    expect(page.locator("#gekozen-factoren")).to_contain_text(FACTOR)
    expect(page.locator("#gekozen-factoren")).to_contain_text("ranking 3")
