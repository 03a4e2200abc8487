# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""Enter in a field of the result form submits with the form's default button (the first
submit button in DOM order): that must save the result, not run "Tekst controleren"."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from duiding.results.models import SocietalResult
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    programme,
    result,
)
from tests.results.test_result_views import form_data

pytestmark = pytest.mark.django_db


class FirstSubmit(HTMLParser):
    """The name and value of the first submit button inside the first POST form."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.found: tuple[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_form = True
        elif self.in_form and self.found is None:
            is_submit = (tag == "button" and attrs.get("type", "submit") == "submit") or (
                tag == "input" and attrs.get("type") == "submit"
            )
            if is_submit:
                self.found = (attrs.get("name") or "", attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def default_button(html: str) -> tuple[str, str]:
    parser = FirstSubmit()
    parser.feed(html)
    assert parser.found is not None
    return parser.found


def test_enter_on_the_create_form_saves(client_as, adviseur, programme, figures):
    client = client_as(adviseur)
    url = reverse("results:create", args=[programme.pk])
    name, value = default_button(client.get(url).content.decode())
    data = form_data(figures)
    if name:
        data[name] = value
    response = client.post(url, data)
    assert response.status_code == 302
    assert SocietalResult.objects.count() == 1


def test_enter_on_the_edit_form_saves(client_as, adviseur, result, figures):
    client = client_as(adviseur)
    url = reverse("results:edit", args=[result.pk])
    name, value = default_button(client.get(url).content.decode())
    data = form_data(
        figures,
        rows=[{"indicator": figures.share.pk, "baseline_period": "2021", "target_value": "6"}],
        version="1",
    )
    if name:
        data[name] = value
    assert client.post(url, data).status_code == 302
    result.refresh_from_db()
    assert result.version == 2
