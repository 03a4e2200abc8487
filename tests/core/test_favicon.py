"""The browser's /favicon.ico finds the icon (it was a 404 in every server log)."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("duiding/favicon.svg")


def test_the_icon_is_a_static_svg():
    path = finders.find("duiding/favicon.svg")
    assert path, "static file duiding/favicon.svg is missing"
    assert ET.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"  # noqa: S314 (our own file)


def test_every_page_names_the_icon(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert 'rel="icon"' in html and "duiding/favicon.svg" in html
