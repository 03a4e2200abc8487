"""The domain section page while writing: the chosen factors (with rank) right above the text
field, kept up to date after an htmx factor save; a folded factor table; and the link that turns
the domain into a societal result (editors only)."""

import pytest
from django.urls import reverse

from duiding.frameworks.models import Factor
from duiding.programmes.services import factor_add
from tests.programmes.conftest import domain_section

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def school(programme):
    return domain_section(programme, "Schoolprestaties")


def _url(programme, section, name="section"):
    return reverse(f"programmes:{name}", args=[programme.pk, section.pk])


def test_chosen_factors_stand_above_the_analysis_field_by_rank(
    client_as, adviseur, programme, school, framework
):
    factor_add(school, user=adviseur, factor=Factor.objects.get(framework=framework, name="Taalachterstand"), note="veel NT2")  # fmt: skip
    ses = Factor.objects.get(framework=framework, name="Sociaal economische status")
    factor_add(school, user=adviseur, factor=ses)
    html = client_as(adviseur).get(_url(programme, school)).content.decode()
    block = html[html.index('id="gekozen-factoren"') :]
    assert block.index("Sociaal economische status") < block.index("Taalachterstand")
    assert "ranking 2" in block and "ranking onbekend" in block and "veel NT2" in block
    # Right above the analysis field (inside the text form, before the textarea).
    assert html.index('id="gekozen-factoren"') < html.index('name="analysis"')
    assert html.index('id="tekst-h"') < html.index('id="gekozen-factoren"')


def test_empty_chosen_list_says_so(client_as, adviseur, programme, school):
    html = client_as(adviseur).get(_url(programme, school)).content.decode()
    assert "Gekozen factoren" in html and "nog geen" in html


def test_htmx_factor_save_refreshes_the_chosen_list(
    client_as, adviseur, programme, school, framework
):
    factor = Factor.objects.get(framework=framework, name="Taalachterstand")
    response = client_as(adviseur).post(
        _url(programme, school, "section_factors"),
        {"shown": [factor.pk], "factor": [factor.pk], f"note_{factor.pk}": ""},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    oob = html[html.index('id="gekozen-factoren"') :]
    assert 'hx-swap-oob="true"' in oob[:200]
    assert "Taalachterstand" in oob


def test_factor_table_folds_kind_life_area_and_phase_into_the_factor_cell(
    client_as, adviseur, programme, school
):
    html = client_as(adviseur).get(_url(programme, school)).content.decode()
    table = html[html.index('class="data factor-table"') :]
    head = table[: table.index("</thead>")]
    assert "Leefgebied</th>" not in head and "Leeftijdsfase</th>" not in head
    assert "factor-table-box" in html  # the table scrolls in its own box
    assert "factor-meta" in table


def test_editor_gets_the_link_to_make_a_societal_result(
    client_as, adviseur, partner, programme, school
):
    link = reverse("results:create", args=[programme.pk]) + f"?section={school.pk}"
    html = client_as(adviseur).get(_url(programme, school)).content.decode()
    assert f'href="{link}"' in html
    assert "Maak hiervan een maatschappelijk resultaat" in html
    partner_html = client_as(partner).get(_url(programme, school)).content.decode()
    assert "Maak hiervan een maatschappelijk resultaat" not in partner_html
    pillar = programme.sections.get(kind="pillar", pillar__name="Kansrijk")
    assert "Maak hiervan" not in client_as(adviseur).get(_url(programme, pillar)).content.decode()
