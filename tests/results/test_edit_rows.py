# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""Editing a result updates its indicator rows in place (stable ids), keeps the stored baseline
unless the indicator or period changed (a CBS revision is shown and taken over only on request),
and warns when the result is adopted ("vastgesteld")."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.indicators.models import Observation
from duiding.results.services import result_status_set
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    programme,
    result,
)
from tests.results.test_result_views import form_data

pytestmark = pytest.mark.django_db


def _post(client, result, figures, **row):
    values = {"indicator": figures.share.pk, "baseline_period": "2021", "target_value": "6"}
    values.update(row)
    data = form_data(figures, rows=[values], version=str(result.version))
    return client.post(reverse("results:edit", args=[result.pk]), data)


def _revise(figures, value):
    Observation.objects.filter(
        indicator=figures.share, area=figures.feijenoord, period__code="2021", category=""
    ).update(value=value)


def test_edit_form_carries_the_row_id(client_as, adviseur, result):
    row = result.result_indicators.get()
    html = client_as(adviseur).get(reverse("results:edit", args=[result.pk])).content.decode()
    assert f'name="ind-0-id" value="{row.pk}"' in html


def test_edit_updates_the_row_in_place(client_as, adviseur, result, figures):
    row = result.result_indicators.get()
    assert _post(client_as(adviseur), result, figures, id=row.pk).status_code == 302
    stored = result.result_indicators.get()
    assert stored.pk == row.pk and float(stored.target_value) == 6


def test_stored_baseline_is_kept_after_a_revision_and_the_notice_shows(
    client_as, adviseur, result, figures
):
    row = result.result_indicators.get()
    old = float(row.baseline_value)  # 290 / 1820 = 15.93 %
    _revise(figures, 20.0)
    client = client_as(adviseur)
    html = client.get(reverse("results:edit", args=[result.pk])).content.decode()
    assert "De basiswaarde is herzien door CBS: 15,9 → 20,0." in html
    assert 'name="ind-0-take_revised"' in html
    assert _post(client, result, figures, id=row.pk).status_code == 302
    assert float(result.result_indicators.get().baseline_value) == pytest.approx(old)


def test_revised_baseline_is_taken_over_on_request(client_as, adviseur, result, figures):
    row = result.result_indicators.get()
    _revise(figures, 20.0)
    response = _post(client_as(adviseur), result, figures, id=row.pk, take_revised="on")
    assert response.status_code == 302
    assert float(result.result_indicators.get().baseline_value) == 20.0


def test_changed_period_reads_the_baseline_again(client_as, adviseur, result, figures):
    row = result.result_indicators.get()
    response = _post(client_as(adviseur), result, figures, id=row.pk, baseline_period="2022")
    assert response.status_code == 302
    stored = result.result_indicators.get()
    assert stored.pk == row.pk
    assert float(stored.baseline_value) == pytest.approx(100 * 325 / 2320, abs=1e-3)


def test_row_id_of_another_result_is_ignored(client_as, adviseur, result, figures):
    response = _post(client_as(adviseur), result, figures, id=999999)
    assert response.status_code == 302
    assert result.result_indicators.count() == 1


def test_adopted_result_warns_and_the_save_records_it(client_as, adviseur, result, figures):
    result_status_set(result, adviseur, "vastgesteld")
    result.refresh_from_db()
    client = client_as(adviseur)
    html = client.get(reverse("results:edit", args=[result.pk])).content.decode()
    assert "Dit resultaat is vastgesteld." in html
    row = result.result_indicators.get()
    assert _post(client, result, figures, id=row.pk).status_code == 302
    assert result.changes.first().summary.startswith("Vastgesteld resultaat gewijzigd.")
