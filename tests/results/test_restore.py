# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""Deleting a result keeps its history with a "verwijderd" snapshot; the programme's results page
lists deleted results, and an editor restores one (text, fields, indicators, links that still
exist). Partners and outsiders cannot restore."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.programmes.models import AnalysisSection
from duiding.results.calculation import Target
from duiding.results.models import ResultChange, SocietalResult
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    make_result,
    own_row,
    programme,
    share_row,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_result(programme, adviseur, figures):
    section, other = programme.sections.filter(kind="domain").order_by("pk")[:2]
    factor = programme.framework.factors.first()
    return make_result(
        programme,
        adviseur,
        figures,
        rule="mean",
        combined_target=Target("pp", 5),
        domain=section.domain,
        sections=[section, other],
        factors=[factor],
        indicators=[share_row(figures, target_value=None), own_row(target_value=None)],
    )


def _delete(client, result):
    return client.post(reverse("results:delete", args=[result.pk]))


def test_delete_records_a_snapshot_and_lists_the_result(
    client_as, adviseur, programme, rich_result
):
    client = client_as(adviseur)
    text = rich_result.text
    _delete(client, rich_result)
    change = ResultChange.objects.get(kind="deleted")
    assert change.programme == programme and change.result is None
    assert change.content["text"] == text
    assert len(change.content["indicators"]) == 2
    html = client.get(reverse("results:programme_results", args=[programme.pk])).content.decode()
    assert "Verwijderde resultaten" in html and text in html
    assert reverse("results:restore", args=[change.pk]) in html


def test_restore_recreates_the_result_with_links_that_still_exist(
    client_as, adviseur, programme, rich_result
):
    client = client_as(adviseur)
    sections = list(rich_result.sections.order_by("pk"))
    factor = rich_result.factors.get()
    indicators_before = [
        (str(r), r.baseline_period, float(r.baseline_value), float(r.target_value))
        for r in rich_result.result_indicators.order_by("order")
    ]
    _delete(client, rich_result)
    AnalysisSection.objects.filter(pk=sections[1].pk).delete()  # gone in the meantime
    change = ResultChange.objects.get(kind="deleted")
    response = client.post(reverse("results:restore", args=[change.pk]))
    assert response.status_code == 302
    restored = SocietalResult.objects.get()
    assert restored.rule == "mean" and float(restored.combined_target_value) == 5
    assert list(restored.sections.all()) == [sections[0]]
    assert list(restored.factors.all()) == [factor]
    assert restored.domain == sections[0].domain
    assert [
        (str(r), r.baseline_period, float(r.baseline_value), float(r.target_value))
        for r in restored.result_indicators.order_by("order")
    ] == indicators_before
    # The old history belongs to the restored result again, plus "hersteld".
    assert [c.kind for c in restored.changes.order_by("at", "pk")] == ["", "deleted", "restored"]
    change.refresh_from_db()
    assert change.restored_at is not None
    html = client.get(reverse("results:programme_results", args=[programme.pk])).content.decode()
    assert 'id="h-deleted"' not in html
    # A second restore of the same deletion makes nothing.
    client.post(reverse("results:restore", args=[change.pk]))
    assert SocietalResult.objects.count() == 1


def test_partner_and_outsider_cannot_restore(client_as, adviseur, partner, outsider, rich_result):
    _delete(client_as(adviseur), rich_result)
    change = ResultChange.objects.get(kind="deleted")
    url = reverse("results:restore", args=[change.pk])
    assert client_as(partner).post(url).status_code in (403, 404)
    assert client_as(outsider).post(url).status_code == 404
    assert SocietalResult.objects.count() == 0


def test_confirm_page_says_the_history_stays(client_as, adviseur, rich_result):
    html = client_as(adviseur).get(reverse("results:delete", args=[rich_result.pk]))
    assert "de geschiedenis blijft bewaard" in html.content.decode()


def test_confirm_page_lists_linked_activities_that_a_restore_loses(
    client_as, adviseur, programme, partner_org, rich_result
):
    from tests.activities.plan_fixtures import make_activity

    make_activity(
        programme, partner_org, "Huiswerkbegeleiding in de buurthuizen", result=rich_result
    )
    html = client_as(adviseur).get(reverse("results:delete", args=[rich_result.pk])).content
    html = html.decode()
    assert "Huiswerkbegeleiding in de buurthuizen" in html
    assert "Die koppeling gaat verloren, ook als u het resultaat later herstelt" in html
    _delete(client_as(adviseur), rich_result)
    change = ResultChange.objects.get(kind="deleted")
    assert change.content["activities"] == ["Huiswerkbegeleiding in de buurthuizen"]
