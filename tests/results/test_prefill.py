# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""A new result opened from the wijkanalyse: ?section= and ?domain= prefill the finding and the
domain; a section of another programme or a domain of another framework is ignored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.frameworks.models import Domain, Framework, Pillar
from duiding.programmes.services import programme_create
from tests.programmes.conftest import domain_section
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    programme,
)

pytestmark = pytest.mark.django_db


def _form(client, programme, **params):
    response = client.get(reverse("results:create", args=[programme.pk]), params)
    assert response.status_code == 200
    return response.context["form"]


def test_section_prefills_the_finding_and_its_domain(client_as, adviseur, programme):
    section = domain_section(programme, "Sociaal-emotionele gezondheid")
    form = _form(client_as(adviseur), programme, section=section.pk)
    assert form.initial["sections"] == [section.pk]
    assert form.initial["domain"] == section.domain_id
    html = form["sections"].as_widget()
    assert f'value="{section.pk}"' in html and "checked" in html


def test_domain_parameter_prefills_the_domain(client_as, adviseur, programme):
    domain = Domain.objects.filter(pillar__framework=programme.framework).last()
    form = _form(client_as(adviseur), programme, domain=domain.pk)
    assert form.initial["domain"] == domain.pk


def test_section_of_another_programme_is_ignored(
    client_as, adviseur, programme, feijenoord, framework, municipality_org
):
    other = programme_create(
        user=adviseur,
        name="Ander programma",
        area=feijenoord,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
    )
    foreign = other.sections.exclude(domain=None).first()
    form = _form(client_as(adviseur), programme, section=foreign.pk)
    assert "sections" not in form.initial and "domain" not in form.initial


def test_domain_of_another_framework_is_ignored(client_as, adviseur, programme):
    framework = Framework.objects.create(name="Ander raamwerk")
    pillar = Pillar.objects.create(framework=framework, name="P")
    domain = Domain.objects.create(pillar=pillar, name="D")
    form = _form(client_as(adviseur), programme, domain=domain.pk, section="abc")
    assert form.initial == {}
