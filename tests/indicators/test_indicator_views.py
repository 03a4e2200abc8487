"""Indicator pages (list, detail, edit, derived indicator) and the series alias table."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.frameworks.models import Domain, DomainIndicator
from duiding.indicators.models import Dataset, Indicator, Observation, Period, SeriesAlias
from duiding.indicators.periods import parse_period
from tests.markup import assert_accessible

pytestmark = pytest.mark.django_db


def period(code: str) -> Period:
    p = parse_period(code)
    obj, _ = Period.objects.get_or_create(
        code=p.code,
        defaults={"kind": p.kind, "year": p.year, "start": p.start, "end": p.end, "label": p.label},
    )
    return obj


@pytest.fixture
def referrals(rotterdam):
    """Two counts as in CBS 85685NED for Rotterdam, 2023: trajectories and those via the wijkteam.

    Own codes and names, so the indicators that migrations seed do not interfere."""
    dataset = Dataset.objects.create(code="T85685NED", title="Jeugdzorg; wijken 2023 (test)")
    total = Indicator.objects.create(
        code="t_trajecten", name="Testtrajecten in natura", source="CBS"
    )
    wijkteam = Indicator.objects.create(
        code="t_wijkteam", name="Testtrajecten via de wijkteamtoegang", source="CBS"
    )
    for ind, value in ((total, 22395.0), (wijkteam, 3925.0)):
        Observation.objects.create(
            indicator=ind, area=rotterdam, period=period("2023"), value=value, dataset=dataset
        )
    return {"total": total, "wijkteam": wijkteam, "dataset": dataset}


@pytest.fixture
def domain(db) -> Domain:
    return Domain.objects.get(name="Veilig thuis")  # from the default framework migration


# --- access -------------------------------------------------------------------------------------


def test_indicator_pages_anonymous_redirect_to_login(client, referrals):
    pk = referrals["total"].pk
    for url in (
        reverse("indicators:indicator_list"),
        reverse("indicators:indicator_detail", args=[pk]),
        reverse("indicators:indicator_edit", args=[pk]),
        reverse("indicators:derived_new"),
        reverse("indicators:alias_list"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("accounts:login") in response.url


@pytest.mark.parametrize("user", ["adviseur", "partner", "outsider"])
def test_indicator_read_pages_open_to_every_user_edit_pages_403(
    client_as, request, user, referrals
):
    client = client_as(request.getfixturevalue(user))
    pk = referrals["total"].pk
    assert client.get(reverse("indicators:indicator_list")).status_code == 200
    assert client.get(reverse("indicators:indicator_detail", args=[pk])).status_code == 200
    assert client.get(reverse("indicators:alias_list")).status_code == 200
    assert client.get(reverse("indicators:indicator_edit", args=[pk])).status_code == 403
    assert client.post(reverse("indicators:indicator_edit", args=[pk]), {}).status_code == 403
    assert client.get(reverse("indicators:derived_new")).status_code == 403
    assert client.post(reverse("indicators:derived_recompute", args=[pk])).status_code == 403


def test_indicator_of_another_organisation_is_hidden_from_outsider(
    client_as, outsider, municipality_org
):
    own = Indicator.objects.create(
        code="rdam_eigen", name="Eigen Rotterdams cijfer", organisation=municipality_org
    )
    client = client_as(outsider)
    assert (
        "Eigen Rotterdams cijfer"
        not in client.get(reverse("indicators:indicator_list")).content.decode()
    )
    assert client.get(reverse("indicators:indicator_detail", args=[own.pk])).status_code == 404


# --- list ---------------------------------------------------------------------------------------


def test_indicator_list_searches_and_filters(client_as, adviseur, referrals, domain):
    DomainIndicator.objects.create(domain=domain, indicator=referrals["wijkteam"])
    Indicator.objects.create(code="t_inw", name="Testinwoners", unit_kind="count")
    pct = Indicator.objects.create(
        code="t_pct", name="Testjongeren met jeugdzorg (%)", unit_kind="percentage"
    )
    client = client_as(adviseur)
    url = reverse("indicators:indicator_list")

    response = client.get(url, {"q": "wijkteamtoegang"})
    html = response.content.decode()
    assert "Testtrajecten via de wijkteamtoegang" in html
    assert "Testinwoners" not in html
    assert "1 indicator gevonden." in html
    assert_accessible(response)

    html = client.get(url, {"domain": domain.pk}).content.decode()
    assert "wijkteamtoegang" in html and "Testinwoners" not in html

    html = client.get(url, {"unit": "percentage", "q": "test"}).content.decode()
    assert pct.name in html and "Testinwoners" not in html

    html = client.get(url, {"dataset": "T85685NED"}).content.decode()
    assert "Testtrajecten in natura" in html and "Testinwoners" not in html
    assert "2 indicatoren gevonden." in html


def test_indicator_list_htmx_returns_only_the_results(client_as, adviseur, referrals):
    response = client_as(adviseur).get(
        reverse("indicators:indicator_list"), {"q": "testtrajecten"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="indicator-results"')
    assert "<html" not in html


# --- detail -------------------------------------------------------------------------------------


def test_indicator_detail_shows_definition_source_datasets_periods_and_domains(
    client_as, adviseur, referrals, domain
):
    ind = referrals["total"]
    ind.definition = "Aantal trajecten jeugdzorg in natura."
    ind.save()
    DomainIndicator.objects.create(domain=domain, indicator=ind)
    response = client_as(adviseur).get(reverse("indicators:indicator_detail", args=[ind.pk]))
    html = response.content.decode()
    assert "Aantal trajecten jeugdzorg in natura." in html
    assert "T85685NED" in html and "Jeugdzorg; wijken 2023 (test)" in html
    assert "Beschikbare perioden" in html and "2023" in html
    assert "Veilig thuis" in html and "Rotterdam Groeit" in html
    assert reverse("indicators:indicator_edit", args=[ind.pk]) not in html  # not a beheerder
    assert_accessible(response)


def test_indicator_detail_of_derived_shows_the_formula(client_as, beheerder, referrals):
    share = Indicator.objects.create(
        code="aandeel_wijkteam",
        name="Aandeel verwezen door wijkteam",
        unit_kind="percentage",
        numerator=referrals["wijkteam"],
        denominator=referrals["total"],
        multiplier=1000,
    )
    response = client_as(beheerder).get(reverse("indicators:indicator_detail", args=[share.pk]))
    html = response.content.decode()
    assert "Berekening" in html
    assert "Testtrajecten via de wijkteamtoegang</a>" in html
    assert "Testtrajecten in natura</a>" in html
    assert "× 1.000" in html
    assert "Opnieuw berekenen" in html


# --- edit ---------------------------------------------------------------------------------------


def test_indicator_edit_saves_fields_and_domains(client_as, beheerder, referrals, domain):
    ind = referrals["total"]
    client = client_as(beheerder)
    url = reverse("indicators:indicator_edit", args=[ind.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert_accessible(page)
    response = client.post(
        url,
        {
            "name": "Trajecten jeugdzorg",
            "definition": "Alle trajecten.",
            "direction": "lower_is_better",
            "unit_kind": "count",
            "unit_label": "trajecten",
            "decimals": "0",
            "rhythm": "half_yearly",
            "source": "CBS 85685NED",
            "flag_threshold_pct": "15",
            "flag_requires_significance": "",
            "domains": [str(domain.pk)],
            "version": ind.version,
        },
    )
    assert response.status_code == 302
    ind.refresh_from_db()
    assert (ind.name, ind.direction, ind.rhythm) == (
        "Trajecten jeugdzorg",
        "lower_is_better",
        "half_yearly",
    )
    assert ind.flag_threshold_pct == 15 and ind.flag_requires_significance is False
    assert list(ind.domains.all()) == [domain]


def test_indicator_edit_refuses_a_negative_threshold_in_dutch(client_as, beheerder, referrals):
    ind = referrals["total"]
    response = client_as(beheerder).post(
        reverse("indicators:indicator_edit", args=[ind.pk]),
        {
            "name": ind.name,
            "direction": "neutral",
            "unit_kind": "count",
            "decimals": "0",
            "rhythm": "yearly",
            "flag_threshold_pct": "-5",
        },
    )
    assert response.status_code == 400
    assert "Kies een drempel tussen 0 en 1000 procent." in response.content.decode()


# --- derived ------------------------------------------------------------------------------------


def test_derived_new_defines_and_computes_the_share(
    client_as, beheerder, referrals, rotterdam, django_capture_on_commit_callbacks
):
    client = client_as(beheerder)
    page = client.get(reverse("indicators:derived_new"), {"numerator": referrals["wijkteam"].pk})
    assert page.status_code == 200
    assert_accessible(page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("indicators:derived_new"),
            {
                "code": "aandeel_wijkteam",
                "name": "Aandeel trajecten via het wijkteam",
                "numerator": referrals["wijkteam"].pk,
                "denominator": referrals["total"].pk,
                "multiplier": "100",
                "direction": "neutral",
            },
        )
    share = Indicator.objects.get(code="aandeel_wijkteam")
    assert response.status_code == 302
    assert response.url == reverse("indicators:indicator_detail", args=[share.pk])
    assert share.is_derived and share.multiplier == 100 and share.unit_kind == "percentage"
    value = Observation.objects.get(indicator=share, area=rotterdam, is_current=True).value
    assert value == pytest.approx(3925 / 22395 * 100)


def test_derived_new_refuses_the_same_numerator_and_denominator(client_as, beheerder, referrals):
    response = client_as(beheerder).post(
        reverse("indicators:derived_new"),
        {
            "code": "onzin",
            "name": "Onzin",
            "numerator": referrals["total"].pk,
            "denominator": referrals["total"].pk,
            "multiplier": "100",
            "direction": "neutral",
        },
    )
    assert response.status_code == 400
    assert "Kies voor de noemer een ander cijfer dan de teller." in response.content.decode()
    assert not Indicator.objects.filter(code="onzin").exists()


# --- aliases ------------------------------------------------------------------------------------


def test_alias_list_explains_and_lists_aliases(client_as, partner):
    SeriesAlias.objects.create(
        kind="measure",
        alias="TestJongerenMetJeugdzorg",
        canonical="TestJongerenMetJeugdzorgInNatura",
        note="Hernoemd in 2017",
    )
    response = client_as(partner).get(reverse("indicators:alias_list"))
    html = response.content.decode()
    assert "Een alias zegt: dit is hetzelfde cijfer" in html
    assert "nooit samen in één tabel staan" in html  # the rule the import applies
    assert "TestJongerenMetJeugdzorg</code>" in html and "Hernoemd in 2017" in html
    assert "Alias toevoegen" not in html  # read only for a partner
    assert_accessible(response)


def test_alias_add_and_remove_by_beheerder_with_confirmation(client_as, beheerder):
    client = client_as(beheerder)
    response = client.post(
        reverse("indicators:alias_list"),
        {
            "kind": "category",
            "alias": "Totaal testjeugdzorg",
            "canonical": "Totaal alle testjeugdzorg",
        },
    )
    assert response.status_code == 302
    alias = SeriesAlias.objects.get(alias="Totaal testjeugdzorg")

    confirm = client.get(reverse("indicators:alias_delete", args=[alias.pk]))
    assert confirm.status_code == 200 and "Weet u zeker" in confirm.content.decode()
    assert SeriesAlias.objects.filter(pk=alias.pk).exists()
    assert_accessible(confirm)

    client.post(reverse("indicators:alias_delete", args=[alias.pk]))
    assert not SeriesAlias.objects.filter(pk=alias.pk).exists()


def test_alias_add_refuses_a_duplicate_in_dutch(client_as, beheerder):
    SeriesAlias.objects.create(kind="measure", alias="TestA", canonical="TestB")
    response = client_as(beheerder).post(
        reverse("indicators:alias_list"),
        {"kind": "measure", "alias": "TestA", "canonical": "TestC"},
    )
    assert response.status_code == 400
    assert "bestaat al" in response.content.decode()
    assert SeriesAlias.objects.filter(alias__startswith="Test").count() == 1


@pytest.mark.parametrize("user", ["adviseur", "outsider"])
def test_alias_changes_by_non_admin_get_403(client_as, request, user):
    alias = SeriesAlias.objects.create(kind="measure", alias="TestA", canonical="TestB")
    client = client_as(request.getfixturevalue(user))
    add = client.post(
        reverse("indicators:alias_list"),
        {"kind": "measure", "alias": "TestX", "canonical": "TestY"},
    )
    assert add.status_code == 403
    assert client.get(reverse("indicators:alias_delete", args=[alias.pk])).status_code == 403
    assert client.post(reverse("indicators:alias_delete", args=[alias.pk])).status_code == 403
    assert SeriesAlias.objects.filter(alias__startswith="Test").count() == 1


def test_derived_of_an_organisations_own_figure_belongs_to_that_organisation(
    client_as, beheerder, referrals, municipality_org
):
    own = Indicator.objects.create(
        code="t_eigen", name="Eigen teller", organisation=municipality_org
    )
    client_as(beheerder).post(
        reverse("indicators:derived_new"),
        {
            "code": "t_eigen_aandeel",
            "name": "Eigen aandeel",
            "numerator": own.pk,
            "denominator": referrals["total"].pk,
            "multiplier": "1000",
            "direction": "neutral",
        },
    )
    share = Indicator.objects.get(code="t_eigen_aandeel")
    assert share.organisation == municipality_org
    assert share.unit_kind == "rate_1000"
