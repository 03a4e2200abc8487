"""Browser walk of the consultation and the qualitative analysis: the adviser asks a colleague for
feedback, the colleague comments on a section, the adviser marks it handled, and the adviser
records a partner conversation with a finding. axe-core on every page of this part."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from duiding.accounts.models import Membership, Organisation, User
from duiding.areas.models import Area, Level
from duiding.frameworks.models import Framework
from duiding.programmes.services import programme_create
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def programme(rotterdam, municipality_org, adviseur, partner_org):
    area, _ = Area.objects.get_or_create(
        code="WK059910",
        defaults={"name": "Feijenoord", "level": Level.DISTRICT, "parent": rotterdam},
    )
    return programme_create(
        user=adviseur,
        name="Wijkprogramma Feijenoord 2025–2026",
        area=area,
        framework=Framework.objects.get(is_default=True),
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
        partners=[partner_org],
    )


@pytest.fixture
def colleague(rotterdam) -> User:
    org = Organisation.objects.create(
        name="CJG Rotterdam", slug="cjg", kind=Organisation.Kind.PARTNER, municipality=rotterdam
    )
    user = User.objects.create_user(
        username="analist",
        password=PASSWORD,
        email="analist@example.nl",
        first_name="Anna",
        last_name="Analist",
    )
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.READER)
    return user


def test_feedback_round_trip_and_a_partner_conversation(
    browser,
    live_server,
    logged_in_page,
    adviseur,
    colleague,
    programme,
    mailoutbox,
    assert_no_axe_violations,
):
    # The adviser asks the colleague for feedback on one domain.
    page = logged_in_page(adviseur)
    page.goto(reverse("programmes:consultation", args=[programme.pk]))
    assert_no_axe_violations(page)
    page.get_by_role("combobox", name=re.compile("^Collega")).select_option(
        label="Anna Analist (CJG Rotterdam)"
    )
    page.get_by_role("textbox", name=re.compile("^Uw vraag aan de collega")).fill(
        "Is de keuze van factoren navolgbaar?"
    )
    page.get_by_label("Kansrijk · Schoolprestaties").check()
    page.get_by_role("button", name="Feedback vragen").click()
    expect(page.get_by_text("Anna Analist is om feedback gevraagd")).to_be_visible()
    requests = page.locator("#verzoeken")
    expect(requests.get_by_role("row").filter(has_text="Anna Analist")).to_contain_text("Open")
    assert len(mailoutbox) == 1
    link = re.search(r"http://\S+/consultatie/", mailoutbox[0].body).group(0)

    # The colleague follows the e-mail's link, sees the question and comments on the domain.
    other = browser.new_context(base_url=live_server.url, locale="nl-NL")
    other.set_default_timeout(10_000)
    reviewer_page = other.new_page()
    reviewer_page.goto(reverse("accounts:login"))
    reviewer_page.get_by_label("Gebruikersnaam").fill("analist")
    reviewer_page.get_by_label("Wachtwoord").fill(PASSWORD)
    reviewer_page.get_by_role("button", name="Inloggen").click()
    reviewer_page.wait_for_url(lambda url: "/inloggen/" not in url)
    expect(
        reviewer_page.get_by_role("link", name=re.compile(r"Feedback \(1 open verzoek\)"))
    ).to_be_visible()
    reviewer_page.get_by_role("link", name=re.compile("Feedback")).first.click()
    assert_no_axe_violations(reviewer_page)
    reviewer_page.goto(link)
    expect(reviewer_page.locator(".own-request")).to_contain_text(
        "Is de keuze van factoren navolgbaar?"
    )
    reviewer_page.get_by_role(
        "link", name=re.compile("Opmerkingen en reageren.*Schoolprestaties")
    ).click()
    reviewer_page.get_by_role("textbox", name=re.compile("^Uw opmerking")).fill(
        "Armoede lijkt onder meerdere domeinen te liggen."
    )
    reviewer_page.get_by_role("button", name="Opmerking plaatsen").click()
    expect(
        reviewer_page.get_by_role("status").filter(has_text="Uw opmerking is geplaatst.")
    ).to_be_visible()
    expect(reviewer_page.locator(".comment")).to_contain_text("Armoede lijkt onder meerdere")
    assert_no_axe_violations(reviewer_page)
    other.close()

    # The adviser sees one unhandled comment and marks it handled with a note.
    page.reload()
    row = page.locator("#analysedelen").get_by_role("row").filter(has_text="Schoolprestaties")
    expect(row.get_by_role("cell").nth(2)).to_have_text("1")
    row.get_by_role("link").click()
    assert_no_axe_violations(page)
    page.get_by_label("Hoe verwerkt (optioneel)").fill("Armoede als factor gekozen")
    page.get_by_role("button", name="Markeer als verwerkt").click()
    comment = page.locator(".comment").first
    expect(comment).to_contain_text("Verwerkt door")
    expect(comment).to_contain_text("Armoede als factor gekozen")

    # The adviser records a conversation with partners and one finding.
    page.goto(reverse("programmes:conversations", args=[programme.pk]))
    expect(
        page.get_by_text("Herkennen de partners het geschetste beeld van de wijk?")
    ).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Gesprek vastleggen").click()
    assert_no_axe_violations(page)
    page.get_by_label(re.compile("^Datum van het gesprek")).fill("14-03-2025")
    page.get_by_role("textbox", name=re.compile("^Wie waren erbij")).fill(
        "jongerenwerker, intern begeleider"
    )
    page.get_by_label("Welzijn Feijenoord").check()
    page.get_by_role("button", name="Gesprek vastleggen").click()
    expect(page.get_by_text("Het gesprek is vastgelegd.")).to_be_visible()
    page.get_by_role("combobox", name=re.compile("^Over welk analysedeel")).select_option(
        label="Kansrijk · Schoolprestaties"
    )
    page.get_by_role("textbox", name=re.compile("^Bevinding uit de analyse")).fill(
        "Veel jeugdigen halen geen startkwalificatie"
    )
    page.get_by_label("Deels herkend").check()
    page.get_by_role("textbox", name=re.compile("^Verklaring van de partners")).fill(
        "Vooral jongens"
    )
    page.get_by_role("textbox", name=re.compile("^Signalen uit de praktijk")).fill(
        "Thuiszitters zonder inschrijving"
    )
    page.get_by_role("button", name="Bevinding toevoegen").click()
    finding = page.locator(".finding").first
    expect(finding).to_contain_text("Veel jeugdigen halen geen startkwalificatie")
    expect(finding).to_contain_text("Deels herkend")
    assert_no_axe_violations(page)
    finding.get_by_role("button", name=re.compile("Op de lijst met ontbrekende cijfers")).click()
    expect(page.get_by_text("De signalen staan nu op de lijst")).to_be_visible()

    page.goto(reverse("programmes:conversations", args=[programme.pk]))
    recognition = page.locator("#herkenning")
    expect(recognition.get_by_role("row").filter(has_text="Deels herkend")).to_contain_text("1")
    expect(page.locator("#signalen")).to_contain_text("Thuiszitters zonder inschrijving")
    assert_no_axe_violations(page)
