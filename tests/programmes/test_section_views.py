"""The section page: figures with flags and sources, factor panel, striking and missing figures,
texts with the optimistic lock, and who may do what."""

import pytest
from django.urls import reverse

from duiding.frameworks.models import AgePhase, Domain, LifeArea
from duiding.programmes.models import MissingFigure, SectionFactor
from duiding.programmes.services import SectionText, section_save
from tests.markup import assert_accessible
from tests.programmes.conftest import add_indicator, domain_section, make_factor

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def spijbelen(figures):
    return add_indicator(
        "Spijbelen",
        "Leerlingen die spijbelen",
        "Schoolprestaties",
        {"WK059910": 12.0, "GM0599": 6.0, "NL01": 5.0},
    )


@pytest.fixture
def school(programme):
    return domain_section(programme, "Schoolprestaties")


@pytest.fixture
def verzuim(framework, spijbelen):
    """A factor of the Schoolprestaties domain that the flagged spijbel figure points to."""
    factor = make_factor(
        framework=framework,
        name="Lage opleiding / verzuim / voortijdig schoolverlaten / slechte schoolprestaties",
        kind="risk",
        rank=3,
        explanation="Verzuim hangt samen met schooluitval.",
        source="Seed 003, bijlage 4",
        is_default=True,
    )
    factor.domains.add(spijbelen.domains.get())
    factor.indicators.add(spijbelen)
    school_area, _ = LifeArea.objects.get_or_create(code="school", defaults={"name": "School"})
    phase, _ = AgePhase.objects.get_or_create(
        code="adolescentie", defaults={"name": "Adolescentie"}
    )
    factor.life_areas.add(school_area)
    factor.age_phases.add(phase)
    return factor


def _url(programme, section, name="section", *extra):
    return reverse(f"programmes:{name}", args=[programme.pk, section.pk, *extra])


def _text(section, analysis, conclusion="", status="concept", version=None, summary=""):
    return {
        "analysis": analysis,
        "conclusion": conclusion,
        "status": status,
        "summary": summary,
        "version": section.version if version is None else version,
    }


# --- reading a domain ------------------------------------------------------------------------


def test_domain_page_shows_figures_flags_sources_and_factors(
    client_as, adviseur, programme, school, verzuim
):
    response = client_as(adviseur).get(_url(programme, school))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leerlingen die spijbelen" in html and "12,0%" in html and "6,0%" in html
    assert "verschil +6,0 %-punt" in html
    assert '<span aria-hidden="true">▼</span> slechter' in html  # the flag in words
    assert "Bron en toelichting" in html and "test.csv" in html
    assert reverse("indicators:indicator_detail", args=[verzuim.indicators.get().pk]) in html
    # the factor panel: rank, kind, life area, age phase, the flagged figure it points to
    panel = html[html.index('id="factoren"') :]
    assert "Lage opleiding / verzuim" in panel and "Risicofactor" in panel
    assert ">3<" in panel and "School" in panel and "Adolescentie" in panel
    assert "Leerlingen die spijbelen" in panel
    assert "standaard — te bevestigen door de gemeente" in panel
    assert_accessible(response)


def test_domain_indicators_without_figures_are_listed(client_as, adviseur, programme, figures):
    section = domain_section(programme, "Sociaal-emotionele gezondheid")
    add_indicator("Geluk", "Jongeren die zich gelukkig voelen", "Sociaal-emotionele gezondheid", {})
    html = client_as(adviseur).get(_url(programme, section)).content.decode()
    assert "Geen cijfers voor dit gebied" in html
    assert "Jongeren die zich gelukkig voelen" in html
    assert "Jongeren met jeugdzorg in natura" in html  # the one with figures, in the table


def test_domain_without_figures_or_factors_has_empty_states(client_as, adviseur, programme):
    Domain.objects.get(pillar__framework=programme.framework, name="Werk").factors.clear()
    html = client_as(adviseur).get(_url(programme, domain_section(programme, "Werk"))).content
    html = html.decode()
    assert "Er zijn (nog) geen cijfers van dit domein voor Feijenoord." in html
    assert "Het factorenmodel heeft (nog) geen factoren bij dit domein." in html


def test_comments_fragment_is_loaded_when_consultation_exists(
    client_as, adviseur, programme, school
):
    from django.urls import NoReverseMatch

    html = client_as(adviseur).get(_url(programme, school)).content.decode()
    try:
        comments = reverse("programmes:section_comments", args=[programme.pk, school.pk])
    except NoReverseMatch:
        assert 'hx-trigger="load"' not in html
    else:
        assert f'hx-get="{comments}" hx-trigger="load"' in html
        assert f'<a class="utrecht-link" href="{comments}">' in html


# --- saving texts ----------------------------------------------------------------------------


def test_owner_saves_the_domain_analysis(client_as, adviseur, programme, school):
    client = client_as(adviseur)
    response = client.post(
        _url(programme, school), _text(school, "Veel spijbelen.", "Spijbelen valt op.", "collega")
    )
    assert response.status_code == 302 and response.url == _url(programme, school)
    school.refresh_from_db()
    assert school.analysis == "Veel spijbelen." and school.conclusion == "Spijbelen valt op."
    assert school.status == "collega" and school.version == 1
    assert "Opgeslagen." in client.get(response.url).content.decode()


def test_a_save_from_an_old_version_shows_both_texts_and_the_difference(
    client_as, adviseur, beheerder, programme, school
):
    section_save(
        school,
        user=beheerder,
        based_on_version=0,
        text=SectionText("Armoede speelt een rol.", "", "concept"),
    )
    response = client_as(adviseur).post(
        _url(programme, school), _text(school, "Armoede en schulden spelen een rol.", version=0)
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft dit deel intussen opgeslagen" in html
    assert "Armoede speelt een rol." in html  # the stored text
    assert "Armoede en schulden spelen een rol.</textarea>" in html  # mine, still in the form
    assert "<ins>" in html and "<del>" in html
    assert 'name="version" value="1"' in html  # saving again now works
    school.refresh_from_db()
    assert school.analysis == "Armoede speelt een rol."
    assert_accessible(response)
    merged = _text(school, "Armoede en schulden spelen een rol (samengevoegd).")
    assert client_as(adviseur).post(_url(programme, school), merged).status_code == 302
    school.refresh_from_db()
    assert school.analysis.endswith("(samengevoegd).") and school.version == 2


def test_bad_text_input_is_refused(client_as, adviseur, programme, school):
    response = client_as(adviseur).post(
        _url(programme, school), _text(school, "x", status="onbekend")
    )
    assert (
        response.status_code == 400 and "Selecteer een geldige keuze" in response.content.decode()
    )
    school.refresh_from_db()
    assert school.analysis == ""


@pytest.mark.parametrize("kind", ["pillar", "overall", "qualitative"])
def test_other_kinds_have_text_and_status_without_conclusion(client_as, adviseur, programme, kind):
    section = programme.sections.filter(kind=kind).first()
    client = client_as(adviseur)
    response = client.get(_url(programme, section))
    assert response.status_code == 200
    assert 'name="conclusion"' not in response.content.decode()
    assert_accessible(response)
    response = client.post(
        _url(programme, section), _text(section, "Korte analyse", status="vastgesteld")
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.analysis == "Korte analyse" and section.status == "vastgesteld"


def test_pillar_page_summarises_its_domains(client_as, adviseur, programme, school, spijbelen):
    school.conclusion = "Veel spijbelen."
    school.save()
    pillar = programme.sections.get(kind="pillar", pillar__name="Kansrijk")
    html = client_as(adviseur).get(_url(programme, pillar)).content.decode()
    table = html[html.index("De domeinen van deze pijler") :]
    assert table.index("Werk") < table.index("Schoolprestaties") < table.index("Meedoen aan sport")
    assert "Veel spijbelen." in table and "1 slechter" in table
    assert "Leerlingen die spijbelen (slechter)" in table


# --- list changes: factors, striking, missing ------------------------------------------------


def test_ticking_factors_with_htmx_answers_the_panel(
    client_as, adviseur, programme, school, verzuim
):
    response = client_as(adviseur).post(
        _url(programme, school, "section_factors"),
        {"factor": [verzuim.pk], f"note_{verzuim.pk}": "veel spijbelen", "shown": [verzuim.pk]},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith('<section id="factoren"')
    assert "De gekozen factoren zijn opgeslagen." in html
    assert SectionFactor.objects.get(section=school).note == "veel spijbelen"
    school.refresh_from_db()
    assert school.version == 1 and school.versions.get().summary.startswith("Factoren")


def test_unticking_without_javascript_redirects(client_as, adviseur, programme, school, verzuim):
    SectionFactor.objects.create(section=school, factor=verzuim)
    response = client_as(adviseur).post(
        _url(programme, school, "section_factors"), {"shown": [verzuim.pk]}
    )
    assert response.status_code == 302 and response.url.endswith("#factoren")
    assert not SectionFactor.objects.exists()


def test_a_factor_of_another_framework_is_refused(client_as, adviseur, programme, school):
    from duiding.frameworks.models import Framework

    other = Framework.objects.create(name="Ander", slug="ander")
    foreign = make_factor(framework=other, name="Vreemd", kind="risk")
    client = client_as(adviseur)
    response = client.post(_url(programme, school, "section_factors"), {"factor": [foreign.pk]})
    assert response.status_code == 400
    assert "Onbekende factor gekozen" in response.content.decode()
    response = client.post(
        _url(programme, school, "section_factor_add"), {"addfactor-factor": foreign.pk}
    )
    assert response.status_code == 400
    assert not SectionFactor.objects.exists()


def test_choosing_a_factor_from_elsewhere_in_the_model(
    client_as, adviseur, programme, school, framework
):
    armoede = make_factor(framework=framework, name="Armoede", kind="risk")
    client = client_as(adviseur)
    page = client.get(_url(programme, school)).content.decode()
    assert "Een andere factor uit het factorenmodel kiezen" in page
    response = client.post(
        _url(programme, school, "section_factor_add"),
        {"addfactor-factor": armoede.pk, "addfactor-note": "ouders met schulden"},
        **HTMX,
    )
    html = response.content.decode()
    assert "Armoede is gekozen." in html
    assert "gekozen uit een ander deel van het factorenmodel" in html
    assert SectionFactor.objects.get().note == "ouders met schulden"


def test_marking_a_figure_as_striking(client_as, adviseur, programme, school, spijbelen):
    client = client_as(adviseur)
    response = client.post(
        _url(programme, school, "section_striking"),
        {"striking-indicator": spijbelen.pk, "striking-note": "stijgt snel"},
        **HTMX,
    )
    html = response.content.decode()
    assert html.startswith('<div id="cijfers">')
    assert "★</span> Opvallend: stijgt snel" in html
    mark = school.striking_indicators.get()
    response = client.post(
        _url(programme, school, "section_striking"), {"striking-indicator": spijbelen.pk}
    )
    assert response.status_code == 400
    assert "Schrijf kort waarom dit cijfer opvalt." in response.content.decode()
    remove = _url(programme, school, "section_striking_remove", mark.pk)
    confirm = client.get(remove)
    assert (
        confirm.status_code == 200
        and "niet meer als opvallend markeren?" in confirm.content.decode()
    )
    assert_accessible(confirm)
    assert client.post(remove).status_code == 302
    assert not school.striking_indicators.exists()


def test_only_figures_of_the_domain_can_be_marked(client_as, adviseur, programme, school, figures):
    response = client_as(adviseur).post(
        _url(programme, school, "section_striking"),
        {"striking-indicator": figures.youth.pk, "striking-note": "elders"},
    )
    assert response.status_code == 400 and not school.striking_indicators.exists()


def test_missing_figures_add_edit_remove(client_as, adviseur, programme, school):
    client = client_as(adviseur)
    response = client.post(
        _url(programme, school, "section_missing_add"),
        {
            "new-description": "Verzuim per school",
            "new-reason": "spijbelen duiden",
            "new-possible_source": "Leerplicht",
            "new-status": "open",
        },
        **HTMX,
    )
    assert "Het ontbrekende cijfer is toegevoegd." in response.content.decode()
    missing = MissingFigure.objects.get()
    edit = _url(programme, school, "section_missing_edit", missing.pk)
    page = client.get(edit)
    assert page.status_code == 200
    assert_accessible(page)
    prefix = f"m{missing.pk}-"
    response = client.post(
        edit,
        {
            prefix + "description": "Verzuim per school en leerjaar",
            prefix + "status": "aangevraagd",
            prefix + "version": missing.version,
        },
    )
    assert response.status_code == 302
    missing.refresh_from_db()
    assert missing.status == "aangevraagd" and missing.reason == ""
    response = client.post(_url(programme, school, "section_missing_remove", missing.pk), **HTMX)
    assert "Het ontbrekende cijfer is verwijderd." in response.content.decode()
    assert not MissingFigure.objects.exists()
    assert school.versions.count() == 3


def test_missing_figure_without_description_is_refused(client_as, adviseur, programme, school):
    response = client_as(adviseur).post(
        _url(programme, school, "section_missing_add"),
        {"new-description": "   ", "new-status": "open"},
    )
    assert response.status_code == 400
    assert "Beschrijf welk cijfer ontbreekt." in response.content.decode()
    assert not MissingFigure.objects.exists()


def test_lists_exist_only_on_domain_sections(client_as, adviseur, programme):
    overall = programme.sections.get(kind="overall")
    response = client_as(adviseur).post(
        _url(programme, overall, "section_missing_add"), {"new-description": "x"}
    )
    assert response.status_code == 404


# --- access ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["partner", "reviewer", "closed_reviewer"])
def test_readers_see_the_section_without_edit_controls(
    client_as, request, programme, school, verzuim, who
):
    user = request.getfixturevalue(who)
    school.analysis = "Tekst van de adviseur"
    school.save()
    response = client_as(user).get(_url(programme, school))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tekst van de adviseur" in html
    assert "U kunt dit deel lezen, maar niet bewerken." in html
    assert "<textarea" not in html and 'type="checkbox"' not in html
    assert _url(programme, school, "section_missing_add") not in html
    assert_accessible(response)


@pytest.mark.parametrize("who", ["partner", "reviewer"])
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("section", {"analysis": "x", "status": "concept", "version": 0}),
        ("section_factors", {}),
        ("section_factor_add", {}),
        ("section_striking", {}),
        ("section_missing_add", {"new-description": "x"}),
    ],
)
def test_readers_get_403_on_every_write(client_as, request, programme, school, who, name, data):
    user = request.getfixturevalue(who)
    response = client_as(user).post(_url(programme, school, name), data)
    assert response.status_code == 403
    school.refresh_from_db()
    assert school.version == 0 and school.analysis == ""


def test_readers_cannot_open_the_edit_pages_of_list_items(
    client_as, partner, adviseur, programme, school
):
    from duiding.programmes.services import missing_figure_add

    missing = missing_figure_add(school, user=adviseur, description="Iets")
    client = client_as(partner)
    for name in ("section_missing_edit", "section_missing_remove"):
        assert client.get(_url(programme, school, name, missing.pk)).status_code == 403


@pytest.mark.parametrize("name", ["section", "section_history"])
def test_another_organisation_gets_404(client_as, outsider, programme, school, name):
    assert client_as(outsider).get(_url(programme, school, name)).status_code == 404
    assert client_as(outsider).post(_url(programme, school, "section"), {}).status_code == 404


def test_a_section_of_another_programme_is_404(
    client_as, adviseur, programme, feijenoord, framework, municipality_org
):
    from duiding.programmes.services import programme_create

    other = programme_create(
        user=adviseur,
        name="Ander",
        area=feijenoord,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2027,
        end_year=2028,
    )
    foreign = domain_section(other, "Werk")
    assert client_as(adviseur).get(_url(programme, foreign)).status_code == 404


@pytest.mark.parametrize("name", ["section", "section_history"])
def test_anonymous_is_sent_to_login(client, programme, school, name):
    response = client.get(_url(programme, school, name))
    assert response.status_code == 302 and "/inloggen/" in response.url
