import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_are_dutch_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("accounts:login"), headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.content.decode()


def test_language_switch_chooses_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("accounts:login"))
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en"' in response.content.decode()
