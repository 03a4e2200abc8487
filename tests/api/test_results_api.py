# ruff: noqa: F811 - pytest fixtures imported from progress_fixtures are used as arguments
"""GET /api/v1/programmes/{id}/results and /api/v1/results/{id}: results with their progress."""

from __future__ import annotations

import pytest

from duiding.accounts.services import token_create
from tests.results.progress_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    make_result,
    programme,
    share_row,
)

pytestmark = pytest.mark.django_db


def _bearer(user) -> dict:
    _token, raw = token_create(user=user)
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def result(programme, adviseur, figures):
    return make_result(programme, adviseur, [share_row(figures)])


def test_result_has_progress_per_indicator(client, adviseur, result):
    data = client.get(f"/api/v1/results/{result.pk}", headers=_bearer(adviseur)).json()
    assert data["text"] == result.text
    assert data["rule"] == "each"
    assert data["target_date"] == "2026-12-31"
    assert data["status"] == "concept"
    progress = data["progress"]
    assert progress["verdict"] == "on_track"
    assert progress["periods"] == ["2021", "2023"]
    assert progress["combined"] is None
    item = progress["indicators"][0]
    assert item["code"] == "AandeelTrajectenGemeentelijkeToegang"
    assert item["direction"] == "higher_is_better"
    assert item["target_kind"] == "pp" and item["target_value"] == 5
    assert item["baseline"] == pytest.approx(290 * 100 / 1820, abs=1e-3)
    assert item["value"] == pytest.approx(465 * 100 / 2570)
    assert item["next_expected"] == {"period": "2024", "year": 2025}
    assert progress["last_stored"]


def test_programme_results_list(client, partner, programme, result):
    response = client.get(f"/api/v1/programmes/{programme.pk}/results", headers=_bearer(partner))
    assert response.status_code == 200
    assert [r["id"] for r in response.json()] == [result.pk]


def test_outsider_gets_404(client, outsider, programme, result):
    headers = _bearer(outsider)
    assert client.get(f"/api/v1/results/{result.pk}", headers=headers).status_code == 404
    url = f"/api/v1/programmes/{programme.pk}/results"
    assert client.get(url, headers=headers).status_code == 404


def test_unknown_and_anonymous(client, adviseur, result):
    assert client.get("/api/v1/results/999999", headers=_bearer(adviseur)).status_code == 404
    assert client.get(f"/api/v1/results/{result.pk}").status_code == 401
