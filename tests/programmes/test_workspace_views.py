"""Programme list, create, overview, edit, analysis tab, downloads and totaalbeeld pages: what
each kind of user sees, and bad input."""

import pytest
from django.urls import reverse

from duiding.programmes.models import Programme
from duiding.programmes.services import missing_figure_add
from tests.markup import assert_accessible
from tests.programmes.conftest import domain_section

READ_PAGES = ["detail", "analysis", "summary", "downloads"]


def _url(name, programme):
    return reverse(f"programmes:{name}", args=[programme.pk])


# --- list ------------------------------------------------------------------------------------


def test_list_shows_visible_programmes_with_progress(client_as, adviseur, programme):
    school = domain_section(programme, "Schoolprestaties")
    school.analysis = "Geschreven"
    school.save()
    response = client_as(adviseur).get(reverse("programmes:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wijkprogramma Feijenoord 2025–2026" in html and "Gemeente Rotterdam" in html
    assert "1 van 9 domeinen geschreven" in html and "Concept: 14" in html
    assert "Nieuw programma" in html
    assert_accessible(response)


def test_list_for_a_partner_shows_the_programme_without_create_button(
    client_as, partner, programme
):
    html = client_as(partner).get(reverse("programmes:list")).content.decode()
    assert "Wijkprogramma Feijenoord" in html and "Nieuw programma" not in html


def test_list_for_an_outsider_is_an_empty_state(client_as, outsider, programme):
    html = client_as(outsider).get(reverse("programmes:list")).content.decode()
    assert "Wijkprogramma Feijenoord" not in html
    assert "Er zijn nog geen programma's die u kunt zien." in html


def test_list_gives_a_beheerder_the_missing_figures_of_their_organisations(
    client_as, beheerder, adviseur, programme
):
    missing_figure_add(
        domain_section(programme, "Werk"),
        user=adviseur,
        description="Jeugdwerkloosheid per wijk",
        possible_source="UWV",
    )
    html = client_as(beheerder).get(reverse("programmes:list")).content.decode()
    assert "Ontbrekende cijfers (voor het datateam)" in html
    assert "Jeugdwerkloosheid per wijk" in html and "UWV" in html
    adviser_html = client_as(adviseur).get(reverse("programmes:list")).content.decode()
    assert "voor het datateam" not in adviser_html


def test_list_needs_login(client):
    response = client.get(reverse("programmes:list"))
    assert response.status_code == 302 and "/inloggen/" in response.url


# --- create ----------------------------------------------------------------------------------


@pytest.fixture
def create_data(feijenoord, framework, municipality_org, partner_org):
    return {
        "area": "Feijenoord (WK059910)",
        "name": "",
        "framework": framework.pk,
        "organisation": municipality_org.pk,
        "start_year": "2025",
        "end_year": "2026",
        "figures_period": "2023",
        "partners": [partner_org.pk],
    }


def test_create_form_suggests_name_and_offers_the_areas_periods(client_as, adviseur, feijenoord):
    response = client_as(adviseur).get(reverse("programmes:create") + "?gebied=WK059910")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Feijenoord (WK059910)"' in html
    assert "Wijkprogramma Feijenoord" in html
    assert '<option value="2023">2023</option>' in html
    assert_accessible(response)


def test_create_makes_the_programme_with_its_sections(
    client_as, adviseur, create_data, partner_org
):
    response = client_as(adviseur).post(reverse("programmes:create"), create_data)
    programme = Programme.objects.get()
    assert response.status_code == 302 and response.url == _url("detail", programme)
    assert programme.name == "Wijkprogramma Feijenoord 2025–2026"
    assert programme.owner == adviseur and programme.figures_period == "2023"
    assert list(programme.partners.all()) == [partner_org]
    assert programme.sections.count() == 14


def test_create_by_name_or_code(client_as, adviseur, create_data):
    for text in ("WK059910", "feijenoord"):
        create_data["area"] = text
        assert (
            client_as(adviseur).post(reverse("programmes:create"), create_data).status_code == 302
        )
    assert Programme.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"area": "Atlantis"}, "Geen gemeente, wijk of buurt gevonden voor “Atlantis”"),
        ({"area": ""}, "Dit veld is verplicht."),
        ({"end_year": "2024"}, "Het eindjaar (2024) ligt vóór het beginjaar (2025)."),
        ({"end_year": "2040"}, "Een programma duurt hoogstens 10 jaar"),
        ({"start_year": "twintig"}, "Vul een jaartal in, bijvoorbeeld 2025."),
        ({"figures_period": "1999"}, "Selecteer een geldige keuze."),
    ],
)
def test_create_refuses_bad_input_with_a_dutch_message(
    client_as, adviseur, create_data, change, message
):
    response = client_as(adviseur).post(reverse("programmes:create"), {**create_data, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Programme.objects.exists()
    assert_accessible(response)


def test_create_asks_which_area_when_a_name_matches_several(
    client_as, adviseur, create_data, figures
):
    create_data["area"] = "IJsselmonde"
    from duiding.areas.models import Area, Level

    Area.objects.create(code="GM9999", name="IJsselmonde", level=Level.MUNICIPALITY)
    response = client_as(adviseur).post(reverse("programmes:create"), create_data)
    html = response.content.decode()
    assert response.status_code == 400 and "Er passen meerdere gebieden" in html
    assert 'name="area_pick" id="area-pick-1" value=' in html
    assert_accessible(response)
    create_data["area_pick"] = "WK059912"
    create_data["figures_period"] = ""  # IJsselmonde has no figures
    assert client_as(adviseur).post(reverse("programmes:create"), create_data).status_code == 302
    assert Programme.objects.get().area.code == "WK059912"


def test_create_only_for_organisations_where_the_user_writes(
    client_as, adviseur, create_data, other_org
):
    create_data["organisation"] = other_org.pk
    response = client_as(adviseur).post(reverse("programmes:create"), create_data)
    assert response.status_code == 400 and not Programme.objects.exists()


@pytest.mark.parametrize("who", ["partner", "outsider"])
def test_create_is_refused_without_a_writing_role(client_as, request, who):
    user = request.getfixturevalue(who)
    assert client_as(user).get(reverse("programmes:create")).status_code == 403


def test_area_suggestions_and_periods_for_htmx(client_as, adviseur, feijenoord):
    client = client_as(adviseur)
    html = client.get(reverse("programmes:area_options") + "?area=Feij").content.decode()
    assert '<option value="Feijenoord (WK059910)">' in html
    assert (
        "Nederland"
        not in client.get(reverse("programmes:area_options") + "?area=Neder").content.decode()
    )
    html = client.get(reverse("programmes:period_options") + "?area=WK059910").content.decode()
    assert 'id="period-field"' in html and '<option value="2019">2019</option>' in html


# --- overview, edit and the other read pages ------------------------------------------------


def test_overview_lists_the_six_parts_in_the_seeds_order(client_as, adviseur, programme):
    response = client_as(adviseur).get(_url("detail", programme))
    html = response.content.decode()
    parts = [
        "1. Analyse per pijler en domein",
        "2. Totaalbeeld",
        "3. Consultatie van een collega",
        "4. Kwalitatieve analyse",
        "5. Ambities van de stad",
    ]
    assert [html.index(p) for p in parts] == sorted(html.index(p) for p in parts)
    assert "0 van 9 domeinen geschreven" in html
    assert "Meer jeugdigen hebben werk." in html  # a city ambition
    assert html.index("Pijler Kansrijk") < html.index("Pijler Veilig") < html.index("Pijler Gezond")
    assert "Programma bewerken" in html
    assert_accessible(response)


def test_overview_for_a_reader_has_no_edit_link(client_as, partner, programme):
    html = client_as(partner).get(_url("detail", programme)).content.decode()
    assert "U kunt dit programma lezen, maar niet bewerken." in html
    assert _url("edit", programme) not in html


def test_edit_saves_name_years_period_and_partners(client_as, adviseur, programme):
    client = client_as(adviseur)
    response = client.get(_url("edit", programme))
    assert response.status_code == 200
    assert_accessible(response)
    response = client.post(
        _url("edit", programme),
        {
            "name": "",
            "start_year": "2026",
            "end_year": "2027",
            "figures_period": "2021",
            "version": "0",
        },
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.name == "Wijkprogramma Feijenoord 2026–2027"
    assert programme.figures_period == "2021" and not programme.partners.exists()


def test_edit_refuses_end_before_start(client_as, adviseur, programme):
    response = client_as(adviseur).post(
        _url("edit", programme), {"name": "X", "start_year": "2026", "end_year": "2020"}
    )
    assert response.status_code == 400
    assert "ligt vóór het beginjaar" in response.content.decode()
    programme.refresh_from_db()
    assert programme.name.startswith("Wijkprogramma")


def test_analysis_tab_opens_the_first_domain(client_as, adviseur, programme):
    response = client_as(adviseur).get(_url("analysis", programme))
    first = domain_section(programme, "Werk")
    assert response.url == reverse("programmes:section", args=[programme.pk, first.pk])


@pytest.mark.parametrize("page", READ_PAGES)
@pytest.mark.parametrize("who", ["adviseur", "beheerder", "partner", "reviewer"])
def test_readers_and_editors_see_the_pages(client_as, request, programme, page, who):
    user = request.getfixturevalue(who)
    response = client_as(user).get(_url(page, programme), follow=True)
    assert response.status_code == 200
    if page != "analysis":
        assert_accessible(response)


@pytest.mark.parametrize("page", READ_PAGES + ["edit"])
def test_another_organisation_gets_404(client_as, outsider, programme, page):
    assert client_as(outsider).get(_url(page, programme)).status_code == 404


def test_a_closed_feedback_request_still_reads(client_as, closed_reviewer, programme):
    assert client_as(closed_reviewer).get(_url("detail", programme)).status_code == 200


@pytest.mark.parametrize("page", READ_PAGES + ["edit"])
def test_anonymous_is_sent_to_login(client, programme, page):
    response = client.get(_url(page, programme))
    assert response.status_code == 302 and "/inloggen/" in response.url


@pytest.mark.parametrize("who", ["partner", "reviewer"])
def test_readers_cannot_edit_the_programme(client_as, request, programme, who):
    user = request.getfixturevalue(who)
    client = client_as(user)
    assert client.get(_url("edit", programme)).status_code == 403
    response = client.post(
        _url("edit", programme), {"name": "Gekaapt", "start_year": "2025", "end_year": "2026"}
    )
    assert response.status_code == 403
    programme.refresh_from_db()
    assert programme.name != "Gekaapt"


def test_downloads_page_says_when_downloads_are_not_there_yet(client_as, adviseur, programme):
    html = client_as(adviseur).get(_url("downloads", programme)).content.decode()
    assert "Downloads" in html
