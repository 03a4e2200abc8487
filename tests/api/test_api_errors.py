"""Every error under /api/ is JSON with a Dutch `detail` (issue 10, item 16): unknown URLs,
wrong methods, no or a bad token, CSRF, validation and server errors; nothing is changed."""

from __future__ import annotations

import pytest
from django.test import Client

from duiding.accounts.models import ApiToken
from duiding.accounts.services import token_create
from duiding.api import areas as areas_api

pytestmark = pytest.mark.django_db


def _bearer(user) -> dict:
    _token, raw = token_create(user=user)
    return {"Authorization": f"Bearer {raw}"}


def _json_detail(response) -> str:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    return detail


@pytest.mark.parametrize(
    "url",
    ["/api/v1/results/null,null", "/api/v1/bestaat-niet", "/api/v1/programmes/-1/results", "/api/"],
)
def test_unknown_api_url_is_a_json_404_in_dutch(client, adviseur, url):
    response = client.get(url, headers=_bearer(adviseur))
    assert response.status_code == 404
    assert _json_detail(response) == "Niet gevonden."


def test_a_page_outside_the_api_keeps_the_html_404(client, adviseur):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_wrong_method_is_a_json_405_with_allow(client, adviseur, rotterdam):
    tokens = ApiToken.objects.count()
    response = client.delete("/api/v1/areas", headers=_bearer(adviseur))
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert _json_detail(response) == "De methode DELETE is hier niet toegestaan (wel: GET)."
    assert ApiToken.objects.count() == tokens + 1  # only the token of this test


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer dui_onzin"}])
def test_no_or_a_bad_token_is_a_json_401_in_dutch(client, rotterdam, headers):
    response = client.get("/api/v1/areas", headers=headers)
    assert response.status_code == 401
    assert _json_detail(response).startswith("Niet aangemeld")


def test_a_session_write_without_csrf_is_a_json_403_in_dutch(adviseur):
    client = Client(enforce_csrf_checks=True)
    client.force_login(adviseur)
    response = client.post("/api/v1/results/evaluate", data={}, content_type="application/json")
    assert response.status_code == 403
    assert _json_detail(response).startswith("De CSRF-controle is mislukt")


def test_a_bad_parameter_is_a_json_422_naming_it(client, adviseur, rotterdam):
    response = client.get(
        "/api/v1/areas/GM0599/benchmark?period=gisteren", headers=_bearer(adviseur)
    )
    assert response.status_code == 422
    assert _json_detail(response) == (
        "Ongeldige invoer: ‘period’ (parameter) heeft niet de verwachte vorm "
        "(gebruik bijvoorbeeld 2023, 2023H1 of 2015Q1)."
    )


def test_a_server_error_is_a_json_500_without_the_traceback(adviseur, rotterdam, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("geheime details")

    monkeypatch.setattr(areas_api, "area_search", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/areas?q=Rot", headers=_bearer(adviseur))
    assert response.status_code == 500
    detail = _json_detail(response)
    assert detail == "Er ging iets mis op de server; probeer het later opnieuw."
    assert "geheime" not in response.content.decode()


def test_errors_follow_the_chosen_language(client, adviseur):
    client.cookies["django_language"] = "en"
    response = client.get("/api/v1/bestaat-niet", headers=_bearer(adviseur))
    assert response.status_code == 404
    assert _json_detail(response) == "Not found."
