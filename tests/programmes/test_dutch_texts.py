"""Dutch texts of the workspace that read badly before (audit of issue 3)."""

import re

import pytest
from django.urls import reverse

from duiding.frameworks.models import Factor
from duiding.programmes.consultation.forms import FeedbackRequestForm
from duiding.programmes.services import SectionText, factor_add, section_save
from duiding.programmes.workbook import workbook_filename
from tests.programmes.conftest import domain_section

pytestmark = pytest.mark.django_db


def test_workbook_file_name_keeps_a_dash_between_the_years(programme):
    assert "-2025-2026.xlsx" in workbook_filename(programme)


def test_version_choices_use_dutch_month_abbreviations(client_as, adviseur, programme):
    section = domain_section(programme, "Schoolprestaties")
    for text in ("een", "twee"):
        section.refresh_from_db()
        section_save(
            section,
            user=adviseur,
            based_on_version=section.version,
            text=SectionText(text, "", "concept"),
        )
    url = reverse("programmes:section_history", args=[programme.pk, section.pk])
    html = client_as(adviseur).get(url).content.decode()
    options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", html)
    assert options
    months = "jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec"
    assert all(re.search(rf"· \d{{1,2}} ({months}) \d{{4}} \d\d:\d\d$", o) for o in options), (
        options
    )


def test_conflict_box_says_who_saved(client_as, adviseur, beheerder, programme):
    section = domain_section(programme, "Schoolprestaties")
    section_save(section, user=beheerder, based_on_version=0, text=SectionText("A", "", "concept"))
    url = reverse("programmes:section", args=[programme.pk, section.pk])
    data = {"analysis": "B", "conclusion": "", "status": "concept", "version": "0"}
    html = client_as(adviseur).post(url, data).content.decode()
    assert f"Dit deel is intussen opgeslagen door {beheerder.display_name} (" in html


def test_feedback_form_label_and_cross_factor_caption(client_as, adviseur, programme, framework):
    form = FeedbackRequestForm(programme=programme, user=adviseur)
    assert form.fields["sections"].label == (
        "Deze analysedelen de status 'Voorgelegd aan collega' geven"
    )
    factor = Factor.objects.get(framework=framework, name="Taalachterstand")
    factor_add(domain_section(programme, "Schoolprestaties"), user=adviseur, factor=factor)
    html = client_as(adviseur).get(reverse("programmes:summary", args=[programme.pk]))
    caption = "Gekozen factoren; die in de meeste domeinen voorkomen staan bovenaan</caption>"
    assert caption in html.content.decode()
