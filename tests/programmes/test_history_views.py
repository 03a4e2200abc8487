"""Section history: the versions (number, who, when, summary), one version, two compared."""

import pytest
from django.urls import reverse

from duiding.programmes import services
from duiding.programmes.services import SectionText
from tests.markup import assert_accessible
from tests.programmes.conftest import domain_section, make_factor


@pytest.fixture
def school(programme, adviseur, beheerder, framework):
    section = domain_section(programme, "Schoolprestaties")
    services.section_save(
        section,
        user=adviseur,
        based_on_version=0,
        text=SectionText("Veel jeugdigen spijbelen.", "Spijbelen is hoog.", "concept"),
    )
    armoede = make_factor(framework=framework, name="Armoede", kind="risk")
    services.factors_choose(section, user=adviseur, choices={armoede.pk: "schulden"})
    services.section_save(
        section,
        user=beheerder,
        based_on_version=2,
        text=SectionText("Veel jeugdigen spijbelen vaak.", "Spijbelen is hoog.", "vastgesteld"),
        summary="Aangescherpt na overleg",
    )
    return section


def _url(programme, section, query=""):
    return reverse("programmes:section_history", args=[programme.pk, section.pk]) + query


def test_history_lists_versions_newest_first(client_as, adviseur, programme, school):
    response = client_as(adviseur).get(_url(programme, school))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Aangescherpt na overleg") < html.index("Factoren — gekozen: Armoede")
    assert html.index("Factoren — gekozen: Armoede") < html.index("Analyse: +3 −0 woorden")
    assert "beheerder" in html and "adviseur" in html
    assert_accessible(response)


def test_one_version_shows_what_the_section_held(client_as, adviseur, programme, school):
    response = client_as(adviseur).get(_url(programme, school, "?bekijk=2"))
    html = response.content.decode()
    assert "Versie 2" in html and "Veel jeugdigen spijbelen.</pre>" in html
    assert "Armoede — schulden" in html
    assert_accessible(response)
    assert client_as(adviseur).get(_url(programme, school, "?bekijk=9")).status_code == 404


def test_two_versions_compared_mark_insertions_and_deletions_in_text(
    client_as, adviseur, programme, school
):
    response = client_as(adviseur).get(_url(programme, school, "?a=3&b=1"))
    html = response.content.decode()
    assert "Versie 1 en versie 3 vergeleken" in html
    assert '<del><span class="visually-hidden">verwijderd: </span>spijbelen.</del>' in html
    assert '<ins><span class="visually-hidden">ingevoegd: </span>spijbelen vaak.</ins>' in html
    assert "Concept → Vastgesteld" in html
    assert '<ins><span class="visually-hidden">ingevoegd: </span>Armoede — schulden</ins>' in html
    assert_accessible(response)


@pytest.mark.parametrize("query", ["?a=1&b=1", "?a=1&b=42", "?a=x&b=1"])
def test_bad_comparisons_get_a_dutch_message(client_as, adviseur, programme, school, query):
    response = client_as(adviseur).get(_url(programme, school, query))
    assert response.status_code == 400
    assert "Kies twee" in response.content.decode()


def test_empty_history_says_so(client_as, adviseur, programme):
    section = programme.sections.get(kind="overall")
    html = client_as(adviseur).get(_url(programme, section)).content.decode()
    assert "er zijn nog geen versies" in html


@pytest.mark.parametrize("who", ["partner", "reviewer"])
def test_readers_see_the_history(client_as, request, programme, school, who):
    user = request.getfixturevalue(who)
    assert client_as(user).get(_url(programme, school, "?a=1&b=3")).status_code == 200


def test_history_is_404_for_another_organisation_and_login_for_anonymous(
    client, client_as, outsider, programme, school
):
    response = client.get(_url(programme, school))
    assert response.status_code == 302 and "/inloggen/" in response.url
    assert client_as(outsider).get(_url(programme, school)).status_code == 404
