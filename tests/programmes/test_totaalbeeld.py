"""The seed's own example of the whole picture (seed 003, Deel 2 stap 1, "Voorbeeld: Totaalbeeld"):

    "In de cijfers over jouw wijk zie je dat veel jeugdigen geen startkwalificatie halen, veel
    spijbelen en dat de wijk waarin zij wonen wordt ervaren als onveilig. De factor die onder
    andere samenhangt met deze problematieken is armoede. Het is als het ware een overkoepelende
    factor die op meerdere domeinen of pijlers invloed heeft."

Reproduced as a fixture: three flagged figures in three domains, the factors an adviser ticks
per domain on the section pages, and the summary page brings armoede to the top. The factors are
the shipped default set's ("Armoede en achterstanden" is the handbook's armoede), so the test
exercises that set: a default factor that went missing fails the test.
"""

import pytest
from django.urls import reverse

from duiding.frameworks.models import Domain, Factor
from duiding.programmes.selectors import programme_analysis
from tests.markup import assert_accessible
from tests.programmes.conftest import add_indicator, domain_section

# domain -> (indicator code, name, wijk, stad, land; higher is worse)
FIGURES = {
    "Werk": ("GeenStartkwalificatie", "Jongeren zonder startkwalificatie", 14.0, 9.0, 7.0),
    "Schoolprestaties": ("Spijbelen", "Leerlingen die spijbelen", 12.0, 6.0, 5.0),
    "Veilige wijk en schoolomgeving": (
        "OnveiligBuurt",
        "Voelt zich vaak onveilig in de buurt",
        31.0,
        19.0,
        14.0,
    ),
}
ARMOEDE = "Armoede en achterstanden"
# default factor -> (kind, rank, domains the adviser ticks it in)
CHOICES = {
    ARMOEDE: ("risk", None, ["Werk", "Schoolprestaties", "Veilige wijk en schoolomgeving"]),
    "Lage opleiding / verzuim / voortijdig schoolverlaten / slechte schoolprestaties": (
        "risk",
        3,
        ["Werk", "Schoolprestaties"],
    ),
    "Woonomgeving / slechte buurt": ("risk", 4, ["Veilige wijk en schoolomgeving"]),
    "Emotionele en sociale vaardigheden": ("protective", 1, ["Schoolprestaties"]),
}


@pytest.fixture
def totaalbeeld(client_as, adviseur, programme, figures, framework):
    """The adviser ticks the factors on three domain pages (through the page's own form)."""
    indicators = {
        domain: add_indicator(code, name, domain, {"WK059910": wk, "GM0599": gm, "NL01": nl})
        for domain, (code, name, wk, gm, nl) in FIGURES.items()
    }
    factors = {}
    for name, (kind, rank, domains) in CHOICES.items():
        factor = Factor.objects.get(framework=framework, name=name, is_default=True)
        assert (factor.kind, factor.rank) == (kind, rank)  # as shipped
        for domain in domains:
            factor.domains.add(Domain.objects.get(pillar__framework=framework, name=domain))
            factor.indicators.add(indicators[domain])
        factors[name] = factor
    client = client_as(adviseur)
    for domain in FIGURES:
        section = domain_section(programme, domain)
        ticked = [f.pk for name, f in factors.items() if domain in CHOICES[name][2]]
        response = client.post(
            reverse("programmes:section_factors", args=[programme.pk, section.pk]),
            {"factor": ticked, "shown": ticked},
        )
        assert response.status_code == 302
    return factors


def test_the_analysis_brings_armoede_to_the_top(programme, adviseur, totaalbeeld):
    cross = programme_analysis(programme, adviseur).cross_factors
    assert [c.factor.name for c in cross][:2] == [
        ARMOEDE,
        "Lage opleiding / verzuim / voortijdig schoolverlaten / slechte schoolprestaties",
    ]
    assert [d.name for d in cross[0].domains] == list(FIGURES)  # framework order
    assert [c.domain_count for c in cross] == [3, 2, 1, 1]
    # among factors in one domain: ranked 1 before 4
    assert [c.factor.rank for c in cross[2:]] == [1, 4]


def test_the_summary_page_shows_armoede_first_with_its_domains(
    client_as, adviseur, programme, totaalbeeld
):
    response = client_as(adviseur).get(reverse("programmes:summary", args=[programme.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    block = html[html.index("Komt een factor in meerdere domeinen voor?") :]
    assert "Deze 2 factoren zijn in meer dan één domein gekozen" in block
    first_row = block[block.index("<tbody>") : block.index("</tr>", block.index("<tbody>"))]
    assert ARMOEDE in first_row and "(in meerdere domeinen)" in first_row
    assert "Werk, Schoolprestaties, Veilige wijk en schoolomgeving" in first_row
    assert '<td class="num">3</td>' in first_row
    assert_accessible(response)


def test_the_flagged_figures_point_to_armoede_on_the_domain_page(
    client_as, adviseur, programme, totaalbeeld
):
    section = domain_section(programme, "Veilige wijk en schoolomgeving")
    html = (
        client_as(adviseur)
        .get(reverse("programmes:section", args=[programme.pk, section.pk]))
        .content.decode()
    )
    panel = html[html.index('id="factoren"') :]
    start = panel.index(f">{ARMOEDE}</label>")
    armoede_row = panel[start : panel.index("</tr>", start)]
    assert "Voelt zich vaak onveilig in de buurt" in armoede_row
    assert (
        f'value="{totaalbeeld[ARMOEDE].pk}" id="factor-{totaalbeeld[ARMOEDE].pk}" checked' in panel
    )


def test_without_choices_nothing_is_on_top(client_as, adviseur, programme):
    html = client_as(adviseur).get(reverse("programmes:summary", args=[programme.pk])).content
    assert "Nog geen factor is in meer dan één domein gekozen." in html.decode()
