"""Factor model pages: list with filters, detail, create/edit/delete/confirm, who may do what."""

import pytest
from django.urls import reverse

from duiding.accounts.models import Membership
from duiding.frameworks.models import Domain, Factor, Framework, LifeArea
from tests.markup import assert_accessible

pytestmark = pytest.mark.django_db

SLUG = "rotterdam-groeit"


@pytest.fixture
def framework():
    return Framework.objects.get(slug=SLUG)


@pytest.fixture
def factor(framework):
    return Factor.objects.get(framework=framework, name="Taalachterstand")


@pytest.fixture
def own_framework(municipality_org):
    fw = Framework.objects.create(
        name="Eigen raamwerk", slug="eigen", organisation=municipality_org
    )
    Factor.objects.create(framework=fw, name="Eigen factor", kind="risk")
    return fw


def _urls(factor) -> dict[str, str]:
    slug = factor.framework.slug
    return {
        "new": reverse("frameworks:factor_new", args=[slug]),
        "import": reverse("frameworks:factor_import", args=[slug]),
        "edit": reverse("frameworks:factor_edit", args=[slug, factor.pk]),
        "delete": reverse("frameworks:factor_delete", args=[slug, factor.pk]),
        "confirm": reverse("frameworks:factor_confirm", args=[slug, factor.pk]),
    }


def _form(factor_name="Nieuwe factor", **extra):
    data = {"name": factor_name, "kind": "risk", "rank": "", "explanation": "", "source": "x"}
    data.update(extra)
    return data


# --- reading ------------------------------------------------------------------------------------


def test_framework_detail_links_to_the_factor_model(client_as, partner):
    html = client_as(partner).get(reverse("frameworks:detail", args=[SLUG])).content.decode()
    assert reverse("frameworks:factor_list", args=[SLUG]) in html
    assert "Factorenmodel" in html


def test_factor_list_shows_rank_unknown_and_the_default_mark(client_as, partner):
    response = client_as(partner).get(reverse("frameworks:factor_list", args=[SLUG]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Emotionele en sociale vaardigheden" in html
    assert "onbekend" in html
    assert "standaard — te bevestigen door de gemeente" in html
    assert reverse("frameworks:factor_new", args=[SLUG]) not in html  # no edit for a partner
    assert html.index("Emotionele en sociale vaardigheden") < html.index("Taalachterstand")
    assert_accessible(response)


def test_factor_list_filters_by_domain_life_area_phase_and_kind(client_as, adviseur, framework):
    client = client_as(adviseur)
    url = reverse("frameworks:factor_list", args=[SLUG])
    thuis = Domain.objects.get(pillar__framework=framework, name="Veilig thuis")
    html = client.get(url, {"domein": thuis.pk}).content.decode()
    assert "Mishandeling" in html and "Taalachterstand" not in html
    school = LifeArea.objects.get(code="school")
    html = client.get(url, {"leefgebied": school.pk, "soort": "protective"}).content.decode()
    assert "Kansen en erkenning voor positieve betrokkenheid op school" in html
    assert "Mishandeling" not in html and "Onveilig schoolklimaat" not in html  # risk
    phase = framework.factors.get(name="Opvoedingsvaardigheden").age_phases.first()
    html = client.get(url, {"leeftijdsfase": phase.pk}).content.decode()
    assert "Opvoedingsvaardigheden" in html and "Temperament" not in html
    # A bad filter value is ignored, not an error.
    assert client.get(url, {"domein": "xyz"}).status_code == 200


def test_factor_detail_shows_everything(client_as, partner, framework):
    factor = Factor.objects.get(framework=framework, name="Opvoedingsvaardigheden")
    response = client_as(partner).get(reverse("frameworks:factor_detail", args=[SLUG, factor.pk]))
    html = response.content.decode()
    for text in ("Ouders/gezin", "Vroege kindertijd", "Schoolprestaties", "bijlage 4", ">2<"):
        assert text in html, text
    assert "Bevestigen" not in html
    assert_accessible(response)


# --- access -------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, factor):
    for url in [reverse("frameworks:factor_list", args=[SLUG]), *_urls(factor).values()]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response.url


@pytest.mark.parametrize("user", ["adviseur", "partner", "outsider"])
def test_non_editors_cannot_change_the_factor_model(client_as, request, user, factor):
    client = client_as(request.getfixturevalue(user))
    for name, url in _urls(factor).items():
        assert client.get(url).status_code == 403, name
        assert client.post(url, _form(factor.name)).status_code == 403, name
    factor.refresh_from_db()
    assert not factor.confirmed and Factor.objects.filter(pk=factor.pk).exists()
    assert not Factor.objects.filter(name="Nieuwe factor").exists()


def test_an_organisations_factor_model_is_hidden_from_outsiders(
    client_as, outsider, other_org, django_user_model, own_framework
):
    factor = own_framework.factors.get()
    client = client_as(outsider)
    assert client.get(reverse("frameworks:factor_list", args=["eigen"])).status_code == 404
    assert client.get(reverse("frameworks:factor_export", args=["eigen"])).status_code == 404
    detail = reverse("frameworks:factor_detail", args=["eigen", factor.pk])
    assert client.get(detail).status_code == 404
    other_admin = django_user_model.objects.create_user("elders-beheer", password="x" * 12)
    Membership.objects.create(user=other_admin, organisation=other_org, role=Membership.Role.ADMIN)
    for url in _urls(factor).values():
        assert client_as(other_admin).post(url, _form("Gekaapt")).status_code == 404
    factor.refresh_from_db()
    assert factor.name == "Eigen factor"


def test_factor_of_another_framework_is_404_under_this_slug(client_as, beheerder, own_framework):
    factor = own_framework.factors.get()
    url = reverse("frameworks:factor_edit", args=[SLUG, factor.pk])
    assert client_as(beheerder).get(url).status_code == 404


# --- editing ------------------------------------------------------------------------------------


def test_beheerder_creates_a_factor(client_as, beheerder, framework):
    werk = Domain.objects.get(pillar__framework=framework, name="Werk")
    wijk = LifeArea.objects.get(code="wijk")
    client = client_as(beheerder)
    assert client.get(reverse("frameworks:factor_new", args=[SLUG])).status_code == 200
    response = client.post(
        reverse("frameworks:factor_new", args=[SLUG]),
        _form("Schulden", rank="4", domains=[werk.pk], life_areas=[wijk.pk], kind="both"),
    )
    factor = Factor.objects.get(framework=framework, name="Schulden")
    assert response.status_code == 302 and response.url.endswith(f"/{factor.pk}/")
    assert factor.rank == 4 and factor.kind == "both" and not factor.is_default
    assert list(factor.domains.all()) == [werk] and list(factor.life_areas.all()) == [wijk]


def test_form_refuses_a_duplicate_name_and_a_bad_rank(client_as, beheerder, framework):
    client = client_as(beheerder)
    url = reverse("frameworks:factor_new", args=[SLUG])
    response = client.post(url, _form("taalachterstand"))
    assert response.status_code == 400
    assert "al een factor met de naam" in response.content.decode()
    response = client.post(url, _form("Iets", rank="0"))
    assert response.status_code == 400
    assert not Factor.objects.filter(name="Iets").exists()
    assert_accessible(response)


def test_beheerder_edits_a_factor(client_as, beheerder, factor):
    client = client_as(beheerder)
    url = _urls(factor)["edit"]
    response = client.get(url)
    assert response.status_code == 200 and "Taalachterstand" in response.content.decode()
    assert_accessible(response)
    domain_ids = list(factor.domains.values_list("pk", flat=True))
    response = client.post(
        url,
        _form(
            "Taalachterstand",
            explanation="Nieuwe uitleg",
            domains=domain_ids,
            rank="5",
            version=factor.version,
        ),
    )
    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.explanation == "Nieuwe uitleg" and factor.rank == 5
    assert not factor.life_areas.exists()  # unticked


def test_delete_asks_first_then_deletes(client_as, beheerder, factor):
    client = client_as(beheerder)
    url = _urls(factor)["delete"]
    response = client.get(url)
    assert response.status_code == 200 and "Weet u zeker" in response.content.decode()
    assert Factor.objects.filter(pk=factor.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not Factor.objects.filter(pk=factor.pk).exists()


def test_confirm_marks_the_default_confirmed(client_as, beheerder, factor):
    client = client_as(beheerder)
    detail = reverse("frameworks:factor_detail", args=[SLUG, factor.pk])
    assert "Bevestigen" in client.get(detail).content.decode()
    assert client.get(_urls(factor)["confirm"]).status_code == 302  # GET changes nothing
    factor.refresh_from_db()
    assert not factor.confirmed
    response = client.post(_urls(factor)["confirm"])
    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.confirmed
    html = client.get(detail).content.decode()
    assert "te bevestigen" not in html and "Bevestigen" not in html
