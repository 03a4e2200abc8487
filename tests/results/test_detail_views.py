# ruff: noqa: F811 - pytest fixtures imported from progress_fixtures are used as arguments
"""The detail page of a result (progress, curves, history) and recomputing: who may see what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.results.models import ProgressEvaluation
from tests.results.progress_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    make_result,
    programme,
    share_row,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def result(programme, adviseur, figures):
    return make_result(programme, adviseur, [share_row(figures)])


def test_detail_shows_progress_curve_and_history(client_as, adviseur, result):
    response = client_as(adviseur).get(reverse("results:detail", args=[result.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert result.text in html
    assert "Op koers" in html
    assert "verwacht: 2025 (cijfers over 2024)" in html
    assert f'data-vega-map="curve-{result.result_indicators.get().pk}-spec"' in html
    # Feijenoord's share (20, 38, 16 % up to 2021) is too noisy for a trend: words, no band.
    assert "schommelen te sterk voor een verwachte trend" in html
    assert "Zet de oude trend door, dan komt" not in html
    # The sentence opens with the verdict badge ("Op koers"), never "niet omgebogen".
    assert "Op koers: " in html and "omgebogen" not in html
    assert "curve-legend__item--history" in html and "curve-legend__item--band" not in html
    assert "Ieder afzonderlijk" in html
    assert "Opnieuw berekenen" in html
    assert "Geschiedenis van de oordelen" in html


def test_partner_reads_without_recompute_button(client_as, partner, result):
    response = client_as(partner).get(reverse("results:detail", args=[result.pk]))
    assert response.status_code == 200
    assert "Opnieuw berekenen" not in response.content.decode()


def test_outsider_gets_404(client_as, outsider, result):
    assert client_as(outsider).get(reverse("results:detail", args=[result.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, result):
    response = client.get(reverse("results:detail", args=[result.pk]))
    assert response.status_code == 302


def test_recompute_by_editor_stores_a_change(client_as, adviseur, result):
    ProgressEvaluation.objects.filter(result=result).delete()
    response = client_as(adviseur).post(reverse("results:recompute", args=[result.pk]))
    assert response.status_code == 302
    assert result.evaluations.count() == 1


def test_recompute_refused_for_partner_and_outsider(client_as, partner, outsider, result):
    url = reverse("results:recompute", args=[result.pk])
    assert client_as(partner).post(url).status_code == 403
    assert client_as(outsider).post(url).status_code == 404
