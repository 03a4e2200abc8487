"""Framework pages: everyone logged in reads, a beheerder edits names, order, ambitions and links."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.accounts.models import Membership
from duiding.frameworks.models import Ambition, Domain, DomainIndicator, Framework, Pillar
from duiding.indicators.models import Indicator
from tests.markup import assert_accessible

pytestmark = pytest.mark.django_db

SLUG = "rotterdam-groeit"  # the default framework, created by the data migration


@pytest.fixture
def framework(db) -> Framework:
    return Framework.objects.get(slug=SLUG)


@pytest.fixture
def kansrijk(framework) -> Pillar:
    return framework.pillars.get(name="Kansrijk")


@pytest.fixture
def werk(kansrijk) -> Domain:
    return kansrijk.domains.get(name="Werk")


@pytest.fixture
def indicator(db) -> Indicator:
    return Indicator.objects.create(code="p_werkloos_jong", name="Werkloze jongeren (%)")


@pytest.fixture
def ambition(framework, kansrijk, werk) -> Ambition:
    return Ambition.objects.create(
        framework=framework, pillar=kansrijk, domain=werk, text="Testambitie: meer werk.", order=9
    )


def edit_urls(framework, pillar, domain, ambition, indicator) -> list[str]:
    return [
        reverse("frameworks:pillar_edit", args=[pillar.pk]),
        reverse("frameworks:domain_edit", args=[domain.pk]),
        reverse("frameworks:domain_indicator_add", args=[domain.pk]),
        reverse("frameworks:domain_indicator_remove", args=[domain.pk, indicator.pk]),
        reverse("frameworks:ambition_new", args=[framework.slug]),
        reverse("frameworks:ambition_edit", args=[ambition.pk]),
        reverse("frameworks:ambition_delete", args=[ambition.pk]),
    ]


# --- access -------------------------------------------------------------------------------------


def test_framework_pages_anonymous_redirect_to_login(
    client, framework, kansrijk, werk, ambition, indicator
):
    urls = [reverse("frameworks:list"), reverse("frameworks:detail", args=[SLUG])]
    for url in urls + edit_urls(framework, kansrijk, werk, ambition, indicator):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("accounts:login") in response.url


@pytest.mark.parametrize("user", ["adviseur", "partner", "outsider"])
def test_framework_read_open_edit_forbidden_for_non_admin(
    client_as, request, user, framework, kansrijk, werk, ambition, indicator
):
    client = client_as(request.getfixturevalue(user))
    assert client.get(reverse("frameworks:list")).status_code == 200
    assert client.get(reverse("frameworks:detail", args=[SLUG])).status_code == 200
    for url in edit_urls(framework, kansrijk, werk, ambition, indicator):
        assert client.get(url).status_code in (403, 302), url
        assert client.post(url, {"name": "x", "order": 1, "text": "x"}).status_code == 403, url
    assert Ambition.objects.filter(pk=ambition.pk).exists()
    kansrijk.refresh_from_db()
    assert kansrijk.name == "Kansrijk"


def test_framework_of_an_organisation_hidden_from_outsider_and_not_editable_by_other_beheerder(
    client_as, outsider, municipality_org, other_org, django_user_model
):
    own = Framework.objects.create(
        name="Eigen raamwerk", slug="eigen", organisation=municipality_org
    )
    pillar = Pillar.objects.create(framework=own, name="Eigen pijler")
    client = client_as(outsider)
    assert client.get(reverse("frameworks:detail", args=["eigen"])).status_code == 404
    assert "Eigen raamwerk" not in client.get(reverse("frameworks:list")).content.decode()

    other_admin = django_user_model.objects.create_user("elders-beheer", password="x" * 12)
    Membership.objects.create(user=other_admin, organisation=other_org, role=Membership.Role.ADMIN)
    response = client_as(other_admin).post(
        reverse("frameworks:pillar_edit", args=[pillar.pk]), {"name": "Gekaapt", "order": 0}
    )
    assert response.status_code == 404
    pillar.refresh_from_db()
    assert pillar.name == "Eigen pijler"


# --- reading ------------------------------------------------------------------------------------


def test_framework_list_shows_pillars_and_domains(client_as, partner):
    response = client_as(partner).get(reverse("frameworks:list"))
    html = response.content.decode()
    for name in ("Rotterdam Groeit", "Kansrijk", "Veilig", "Gezond", "Veilig thuis"):
        assert name in html
    assert_accessible(response)


def test_framework_detail_shows_ambitions_and_linked_indicators(
    client_as, adviseur, werk, indicator
):
    DomainIndicator.objects.create(domain=werk, indicator=indicator)
    response = client_as(adviseur).get(reverse("frameworks:detail", args=[SLUG]))
    html = response.content.decode()
    assert "Meer jeugdigen hebben werk." in html  # ambition from the migration
    assert reverse("indicators:indicator_detail", args=[indicator.pk]) in html
    assert f'id="domein-{werk.pk}"' in html
    assert "bewerken" not in html.lower()  # no edit links for an adviseur
    assert_accessible(response)


def test_framework_detail_shows_edit_links_to_beheerder(client_as, beheerder, werk):
    response = client_as(beheerder).get(reverse("frameworks:detail", args=[SLUG]))
    html = response.content.decode()
    assert reverse("frameworks:domain_edit", args=[werk.pk]) in html
    assert reverse("frameworks:ambition_new", args=[SLUG]) in html
    assert_accessible(response)


# --- editing ------------------------------------------------------------------------------------


def test_pillar_edit_changes_name_and_order(client_as, beheerder, kansrijk):
    client = client_as(beheerder)
    url = reverse("frameworks:pillar_edit", args=[kansrijk.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert_accessible(page)
    response = client.post(
        url, {"name": "Kansrijk opgroeien", "order": 5, "version": kansrijk.version}
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#pijler-{kansrijk.pk}")
    kansrijk.refresh_from_db()
    assert (kansrijk.name, kansrijk.order) == ("Kansrijk opgroeien", 5)


def test_pillar_edit_refuses_a_name_used_by_another_pillar(client_as, beheerder, kansrijk):
    response = client_as(beheerder).post(
        reverse("frameworks:pillar_edit", args=[kansrijk.pk]), {"name": "veilig", "order": 1}
    )
    assert response.status_code == 400
    assert "Er is hier al een onderdeel met de naam veilig." in response.content.decode()


def test_domain_edit_changes_name(client_as, beheerder, werk):
    client = client_as(beheerder)
    url = reverse("frameworks:domain_edit", args=[werk.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert_accessible(page)
    client.post(url, {"name": "Werk en inkomen", "order": 2, "version": werk.version})
    werk.refresh_from_db()
    assert (werk.name, werk.order) == ("Werk en inkomen", 2)


def test_domain_indicator_add_and_remove_without_javascript(client_as, beheerder, werk, indicator):
    client = client_as(beheerder)
    add = client.post(
        reverse("frameworks:domain_indicator_add", args=[werk.pk]), {"indicator": indicator.pk}
    )
    assert add.status_code == 302
    assert list(werk.indicators.all()) == [indicator]

    remove_url = reverse("frameworks:domain_indicator_remove", args=[werk.pk, indicator.pk])
    confirm = client.get(remove_url)
    assert confirm.status_code == 200 and "Weet u zeker" in confirm.content.decode()
    assert werk.indicators.exists()  # nothing removed before confirming
    assert_accessible(confirm)
    client.post(remove_url)
    assert not werk.indicators.exists()
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_domain_indicator_add_and_remove_with_htmx_return_the_partial(
    client_as, beheerder, werk, indicator
):
    client = client_as(beheerder)
    add = client.post(
        reverse("frameworks:domain_indicator_add", args=[werk.pk]),
        {"indicator": indicator.pk},
        HTTP_HX_REQUEST="true",
    )
    html = add.content.decode()
    assert add.status_code == 200
    assert html.lstrip().startswith('<section id="domain-indicators"')
    assert "is gekoppeld aan Werk" in html
    assert 'hx-confirm="Werkloze jongeren (%) loskoppelen van dit domein?"' in html

    remove = client.post(
        reverse("frameworks:domain_indicator_remove", args=[werk.pk, indicator.pk]),
        HTTP_HX_REQUEST="true",
    )
    assert "is losgekoppeld van Werk" in remove.content.decode()
    assert not werk.indicators.exists()


def test_ambition_add_edit_and_delete_after_confirmation(
    client_as, beheerder, framework, kansrijk, werk
):
    client = client_as(beheerder)
    page = client.get(reverse("frameworks:ambition_new", args=[SLUG]))
    assert page.status_code == 200
    assert_accessible(page)
    client.post(
        reverse("frameworks:ambition_new", args=[SLUG]),
        {
            "pillar": kansrijk.pk,
            "domain": werk.pk,
            "text": "Meer jongeren met een stage.",
            "order": 3,
        },
    )
    ambition = Ambition.objects.get(text="Meer jongeren met een stage.")
    assert (ambition.framework, ambition.pillar, ambition.domain) == (framework, kansrijk, werk)

    client.post(
        reverse("frameworks:ambition_edit", args=[ambition.pk]),
        {
            "pillar": kansrijk.pk,
            "domain": "",
            "text": "Meer jongeren met een stageplek.",
            "order": 1,
            "version": ambition.version,
        },
    )
    ambition.refresh_from_db()
    assert ambition.text == "Meer jongeren met een stageplek." and ambition.domain is None

    delete_url = reverse("frameworks:ambition_delete", args=[ambition.pk])
    confirm = client.get(delete_url)
    assert "Weet u zeker" in confirm.content.decode()
    assert Ambition.objects.filter(pk=ambition.pk).exists()
    client.post(delete_url)
    assert not Ambition.objects.filter(pk=ambition.pk).exists()


def test_ambition_with_a_domain_of_another_pillar_is_refused(client_as, beheerder, framework, werk):
    veilig = framework.pillars.get(name="Veilig")
    response = client_as(beheerder).post(
        reverse("frameworks:ambition_new", args=[SLUG]),
        {"pillar": veilig.pk, "domain": werk.pk, "text": "Verkeerd gekoppeld.", "order": 0},
    )
    assert response.status_code == 400
    assert "hoort niet bij de pijler Veilig" in response.content.decode()
    assert not Ambition.objects.filter(text="Verkeerd gekoppeld.").exists()
