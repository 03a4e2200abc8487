"""Activity pages, matrix pages and interventions: who sees and edits what (404 outside)."""

import pytest

from duiding.accounts.models import Membership, Organisation, User
from duiding.activities.models import Activity, Intervention
from tests.activities.conftest import factor

pytestmark = pytest.mark.django_db


def _post_data(_results, **overrides):
    data = {
        "name": "Voorleesproject",
        "target_group": "Ouders van peuters",
        "results": [_results["start"].pk],
        "strengthens": [factor("Opvoedingsvaardigheden").pk],
        "reduces": [factor("Taalachterstand").pk],
        "offer_kind": "gewenst_nieuw",
        "prevention_level": "universeel",
        "form": "groep",
        "continuity": "structureel",
        "evidence_level": "1",
    }
    data.update(overrides)
    return data


def test_list_shows_sentences_and_filters(client_as, adviseur, programme, seed_activities):
    client = client_as(adviseur)
    response = client.get(f"/activiteiten/programma/{programme.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "We zetten Home-Start in voor ouders die (beginnende) opvoedproblemen ervaren" in html
    response = client.get(f"/activiteiten/programma/{programme.pk}/?prevention_level=universeel")
    html = response.content.decode()
    assert "Training sociaal-emotionele vaardigheden" in html and "Home-Start" not in html


def test_adviser_creates_an_activity_through_the_form(
    client_as, adviseur, programme, results, partner_org
):
    client = client_as(adviseur)
    page = client.get(f"/activiteiten/programma/{programme.pk}/nieuw/")
    assert page.status_code == 200 and 'id="zin"' in page.content.decode()
    response = client.post(
        f"/activiteiten/programma/{programme.pk}/nieuw/",
        _post_data(results, organisation=partner_org.pk),
    )
    activity = Activity.objects.get(name="Voorleesproject")
    assert response.status_code == 302
    assert {(link.factor.name, link.effect) for link in activity.factor_links.all()} == {
        ("Opvoedingsvaardigheden", "versterkt"),
        ("Taalachterstand", "vermindert"),
    }


def test_form_shows_service_messages_and_the_sentence(
    client_as, adviseur, programme, results, partner_org
):
    response = client_as(adviseur).post(
        f"/activiteiten/programma/{programme.pk}/nieuw/",
        _post_data(
            results, organisation=partner_org.pk, results=[], reach="50", target_group_size="10"
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies minstens één maatschappelijk resultaat" in html
    assert "Het bereik (50) is groter dan de doelgroep (10)" in html
    assert (
        "We zetten Voorleesproject in voor ouders van peuters, zodat opvoedingsvaardigheden wordt versterkt, taalachterstand afneemt en … dichterbij komt."
        in html
    )
    assert not Activity.objects.filter(name="Voorleesproject").exists()


def test_partner_edits_only_its_own_activity(
    client_as, partner, seed_activities, results, partner_org, youth_org
):
    client = client_as(partner)
    own, other = seed_activities["home_start"], seed_activities["youth_work"]
    assert client.get(f"/activiteiten/activiteit/{own.pk}/bewerken/").status_code == 200
    assert client.get(f"/activiteiten/activiteit/{other.pk}/bewerken/").status_code == 403
    assert client.get(f"/activiteiten/activiteit/{other.pk}/").status_code == 200  # reads
    response = client.post(
        f"/activiteiten/activiteit/{own.pk}/bewerken/",
        _post_data(results, name="Home-Start Feijenoord", organisation=partner_org.pk, version="1"),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Home-Start Feijenoord" and own.updated_by == partner
    # A partner cannot move its activity to another organisation: not among the choices.
    response = client.post(
        f"/activiteiten/activiteit/{own.pk}/bewerken/",
        _post_data(results, organisation=youth_org.pk, version="2"),
    )
    assert response.status_code == 400
    own.refresh_from_db()
    assert own.organisation == partner_org


def test_partner_creates_for_its_own_organisation_only(
    client_as, partner, programme, results, partner_org
):
    page = client_as(partner).get(f"/activiteiten/programma/{programme.pk}/nieuw/")
    assert page.status_code == 200
    choices = list(page.context["form"].fields["organisation"].queryset)
    assert choices == [partner_org]


def test_reader_of_programme_cannot_add(client, programme, municipality_org, seed_activities):
    reader = User.objects.create_user(username="lezer")
    Membership.objects.create(
        user=reader, organisation=municipality_org, role=Membership.Role.READER
    )
    client.force_login(reader)
    assert client.get(f"/activiteiten/programma/{programme.pk}/").status_code == 200
    assert client.get(f"/activiteiten/programma/{programme.pk}/nieuw/").status_code == 403
    pk = seed_activities["home_start"].pk
    assert client.post(f"/activiteiten/activiteit/{pk}/verwijderen/").status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/activiteiten/programma/{p}/",
        "/activiteiten/programma/{p}/nieuw/",
        "/activiteiten/programma/{p}/preventiematrix/",
        "/activiteiten/activiteit/{a}/",
        "/activiteiten/activiteit/{a}/bewerken/",
        "/activiteiten/activiteit/{a}/verwijderen/",
    ],
)
def test_outsiders_and_partners_of_another_programme_get_404(
    client_as, outsider, other_programme, programme, seed_activities, url
):
    target = url.format(p=programme.pk, a=seed_activities["home_start"].pk)
    assert client_as(outsider).get(target).status_code == 404
    assert client_as(other_programme.partner_user).get(target).status_code == 404


def test_delete_after_confirmation(client_as, adviseur, programme, seed_activities):
    client = client_as(adviseur)
    pk = seed_activities["social"].pk
    assert client.get(f"/activiteiten/activiteit/{pk}/verwijderen/").status_code == 200
    assert client.post(f"/activiteiten/activiteit/{pk}/verwijderen/").status_code == 302
    assert not Activity.objects.filter(pk=pk).exists()


def test_matrix_page_shows_gaps_and_checks(client_as, adviseur, programme, seed_activities):
    response = client_as(adviseur).get(f"/activiteiten/programma/{programme.pk}/preventiematrix/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "leeg: geen aanbod" in html
    assert "Geen aanbod gericht op zwangerschap." in html
    assert "Geen activiteit werkt aan de factor „Mishandeling” uit de wijkanalyse." in html
    huidig = (
        client_as(adviseur)
        .get(f"/activiteiten/programma/{programme.pk}/preventiematrix/?aanbod=huidig")
        .content.decode()
    )
    assert "Home-Start" not in huidig.split('id="preventiematrix"')[1].split("</table>")[0]


def test_municipality_matrix_only_for_beheerder_and_accounthouder(
    client_as, beheerder, adviseur, outsider, seed_activities
):
    response = client_as(beheerder).get("/activiteiten/preventiematrix/")
    assert response.status_code == 200
    assert "Home-Start" in response.content.decode()
    assert client_as(adviseur).get("/activiteiten/preventiematrix/").status_code == 404
    assert client_as(outsider).get("/activiteiten/preventiematrix/").status_code == 404


def test_interventions_read_by_all_and_edited_by_beheerder(client_as, beheerder, adviseur):
    databanks = client_as(adviseur).get("/activiteiten/interventies/")
    assert databanks.status_code == 200
    assert "Databank Effectieve Sociale Interventies" in databanks.content.decode()
    assert client_as(adviseur).get("/activiteiten/interventies/nieuw/").status_code == 403
    client = client_as(beheerder)
    from duiding.activities.models import Databank

    databank = Databank.objects.get(name="Databank Effectieve Jeugdinterventies")
    response = client.post(
        "/activiteiten/interventies/nieuw/",
        {"name": "Voorbeeld", "databank": databank.pk, "recognition_level": "goed_onderbouwd"},
    )
    assert response.status_code == 302
    intervention = Intervention.objects.get(name="Voorbeeld")
    assert intervention.trede == 2 and intervention.created_by == beheerder
    response = client.post(
        f"/activiteiten/interventies/{intervention.pk}/bewerken/",
        {"name": "", "recognition_level": "goed_onderbouwd"},
    )
    assert response.status_code == 400
    assert Organisation.objects.exists()


def test_header_links_to_the_municipality_matrix_only_for_who_may_see_it(
    client_as, beheerder, adviseur, programme
):
    link = 'href="/activiteiten/preventiematrix/"'
    home = client_as(beheerder).get("/").content.decode()
    assert link in home and "Preventiematrix gemeente" in home
    page = client_as(beheerder).get("/activiteiten/preventiematrix/").content.decode()
    crumbs = page.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert "Preventiematrix van de gemeente" in crumbs and 'aria-current="page"' in crumbs
    assert f'{link} aria-current="page"' in page
    assert link not in client_as(adviseur).get("/").content.decode()
