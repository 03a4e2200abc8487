"""The start page."""

import pytest
from django.urls import reverse

from duiding.jobs.models import ImportRun

pytestmark = pytest.mark.django_db


def test_home_requires_login(client):
    response = client.get(reverse("home:home"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_main_navigation_and_home_link_to_the_programmes(client_as, adviseur):
    html = client_as(adviseur).get(reverse("home:home")).content.decode()
    assert html.count(f'href="{reverse("programmes:list")}"') == 2


def test_home_shows_the_users_recent_runs_only(client_as, adviseur, beheerder):
    own = ImportRun.objects.create(kind="cbs", file_name="eigen.csv", started_by=adviseur)
    ImportRun.objects.create(kind="cbs", file_name="ander.csv", started_by=beheerder)
    response = client_as(adviseur).get(reverse("home:home"))
    assert response.status_code == 200
    assert list(response.context["recent_runs"]) == [own]
    assert not response.context["is_data_admin"]
