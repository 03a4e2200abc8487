"""Error pages: styled, Dutch, with the site's header (403, 404, 413, CSRF) or static (500);
JSON under /api/. Item 5 of issue 10: a partner on the results overview got a bare English
"403 Forbidden", an unknown URL Django's page (the demo ran with DEBUG on)."""

from __future__ import annotations

import copy

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from tests.markup import a11y_problems

STYLESHEET = "/static/duiding/duiding.css"


def _assert_styled(response, status: int, *, title: str):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert STYLESHEET in html and 'class="site-header"' in html
    assert title in html
    assert "Forbidden" not in html and "Not Found" not in html and "Traceback" not in html
    assert a11y_problems(html) == []
    return html


@pytest.mark.django_db
def test_partner_on_the_results_overview_gets_a_dutch_403_with_the_menu(client_as, partner):
    response = client_as(partner).get(reverse("results:overview"))
    html = _assert_styled(response, 403, title="Geen toegang")
    assert 'aria-label="Hoofdmenu"' in html  # the menu of a logged-in user
    assert partner.display_name in html
    assert 'href="/"' in html  # the way back


@pytest.mark.django_db
def test_unknown_url_gives_a_dutch_404_without_the_list_of_urls(client):
    response = client.get("/bestaat-niet/")
    html = _assert_styled(response, 404, title="Pagina niet gevonden")
    assert "URLconf" not in html and "beheer/" not in html
    assert f"{reverse('accounts:login')}?next=/bestaat-niet/" in html


@pytest.mark.django_db
def test_404_of_a_logged_in_user_has_the_menu(client_as, partner):
    html = _assert_styled(client_as(partner).get("/wijk/XX000000/"), 404, title="niet gevonden")
    assert 'aria-label="Hoofdmenu"' in html


@pytest.mark.django_db
def test_english_chosen_gives_the_english_error_page(client):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_csrf_failure_gives_a_dutch_403(partner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(partner)
    response = client.post(reverse("accounts:logout"))
    html = _assert_styled(response, 403, title="Geen toegang")
    assert "Het formulier is verlopen" in html
    assert "CSRF cookie" not in html and "CSRF verification" not in html


@pytest.mark.django_db
def test_unknown_api_url_answers_json_not_html(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


@pytest.mark.urls("tests.core.error_urls")
def test_500_is_static_and_renders_without_database_or_context_processors(settings):
    """No `db` fixture: any query fails, and every context processor raises."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append("tests.core.error_urls.broken_processor")
    settings.TEMPLATES = templates
    client = Client(raise_request_exception=False)
    for url in ("/test-kapot/", "/test-kapot-db/"):
        response = client.get(url)
        assert response.status_code == 500
        html = response.content.decode()
        assert "Er ging iets mis" in html and STYLESHEET in html
        assert "kapot" not in html and "Traceback" not in html
        assert a11y_problems(html) == []
