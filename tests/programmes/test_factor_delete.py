"""Deleting a factor that analyses chose: the confirm page names them, the delete removes the
choices in the same transaction and every affected section's history says so."""

import pytest
from django.urls import reverse

from duiding.frameworks.factors import services as factor_services
from duiding.frameworks.models import Factor
from duiding.programmes.models import SectionFactor
from duiding.programmes.services import factor_add, programme_create
from tests.programmes.conftest import domain_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def factor(framework):
    return Factor.objects.get(framework=framework, name="Taalachterstand")


@pytest.fixture
def chosen(programme, factor, adviseur):
    """The factor chosen in two domain sections of the programme."""
    sections = [
        domain_section(programme, "Veilig thuis"),
        domain_section(programme, "Schoolprestaties"),
    ]
    for section in sections:
        factor_add(section, user=adviseur, factor=factor, note="zie cijfers")
    return sections


def _delete_url(factor):
    return reverse("frameworks:factor_delete", args=[factor.framework.slug, factor.pk])


def test_confirm_page_names_the_sections_that_chose_the_factor(
    client_as, beheerder, chosen, factor
):
    response = client_as(beheerder).get(_delete_url(factor))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Analyses die deze factor kozen" in html
    for section in chosen:
        assert reverse("programmes:section", args=[section.programme_id, section.pk]) in html
    assert "Wijkprogramma Feijenoord 2025–2026" in html


def test_confirm_page_counts_but_does_not_name_hidden_programmes(
    client_as, beheerder, factor, feijenoord, framework, other_org, outsider
):
    hidden = programme_create(
        user=outsider,
        name="Geheim programma",
        area=feijenoord,
        framework=framework,
        organisation=other_org,
        owner=outsider,
        start_year=2025,
        end_year=2026,
    )
    factor_add(domain_section(hidden, "Schoolprestaties"), user=outsider, factor=factor)
    html = client_as(beheerder).get(_delete_url(factor)).content.decode()
    assert "Geheim programma" not in html
    assert "1 analysedeel in een programma dat u niet kunt zien" in html


def test_delete_removes_the_choices_and_records_them_in_the_history(
    client_as, beheerder, chosen, factor
):
    before = {s.pk: s.versions.count() for s in chosen}
    response = client_as(beheerder).post(_delete_url(factor))
    assert response.status_code == 302
    assert not Factor.objects.filter(pk=factor.pk).exists()
    assert not SectionFactor.objects.filter(section__in=chosen).exists()
    for section in chosen:
        section.refresh_from_db()
        latest = section.versions.order_by("-number").first()
        assert section.versions.count() == before[section.pk] + 1
        assert latest.summary == "Factor 'Taalachterstand' verwijderd uit het factorenmodel"
        assert latest.edited_by == beheerder
        assert latest.content["factors"] == []


def test_delete_is_one_transaction(monkeypatch, beheerder, chosen, factor):
    """When the factor cannot be deleted, the choices stay and no version is kept."""
    versions = {s.pk: s.versions.count() for s in chosen}

    def refuse(self, *args, **kwargs):
        raise RuntimeError("database refused")

    monkeypatch.setattr(Factor, "delete", refuse)
    with pytest.raises(RuntimeError):
        factor_services.factor_delete(factor=factor, user=beheerder)
    assert SectionFactor.objects.filter(factor=factor).count() == 2
    for section in chosen:
        assert section.versions.count() == versions[section.pk]
