"""Entered figures pages: the partner and the gebiedsadviseur create through the form (no
JavaScript: plain POSTs), edit with the version, delete after confirmation and restore; another
partner gets a 404 and changes nothing; anonymous goes to the login."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from duiding.outcomes import entered_services as services
from duiding.outcomes.entered_forms import count_field_name
from duiding.outcomes.models import EnteredCount, EnteredFigures, EnteredFiguresChange
from tests.outcomes.entered_fixtures import quarter

pytestmark = pytest.mark.django_db


def _post(reached="24", **extra) -> dict:
    data = {
        "period_start": "01-01-2026",
        "period_end": "31-03-2026",
        "reached": reached,
        "target": "",
        "no_shows": "3",
        "note": "",
        count_field_name("uitval", 0): "15",
        count_field_name("uitval", 2): "4",
        count_field_name("tevredenheid", 6): "9",  # mark 7
    }
    data.update(extra)
    return data


def _stored():
    return (
        EnteredFigures.objects.count(),
        EnteredCount.objects.count(),
        EnteredFiguresChange.objects.count(),
        list(EnteredFigures.objects.values_list("reached", "version")),
    )


@pytest.mark.parametrize("who", ["partner", "adviseur"])
def test_partner_and_adviser_create_a_period_through_the_form(client_as, home_start, who, request):
    client = client_as(request.getfixturevalue(who))
    url = reverse("outcomes:entered_create", args=[home_start.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Andere maten" in html and "Voortijdig: eenzijdig door de cliënt" in html
    # uitval is in the measurement plan: shown before the fold; tevredenheid is folded
    assert (
        html.index("<caption>Uitval")
        < html.index("<summary>Andere maten")
        < html.index("<caption>Tevredenheid")
    )
    response = client.post(url, _post())
    assert response.status_code == 302
    made = EnteredFigures.objects.get()
    assert (made.reached, made.target, made.no_shows) == (24, 30, 3)
    assert services.Figures.of(made).counts == {
        "uitval": {"1": 15, "3": 4},
        "tevredenheid": {"7": 9},
    }
    listing = client.get(reverse("outcomes:entered_list", args=[home_start.pk]))
    assert "1 januari 2026 – 31 maart 2026" in listing.content.decode()


def test_form_errors_are_dutch_and_nothing_is_stored(client_as, partner, home_start):
    client = client_as(partner)
    url = reverse("outcomes:entered_create", args=[home_start.pk])
    response = client.post(url, _post(reached="veel", **{count_field_name("uitval", 2): "-3"}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een heel getal in" in html and "Een aantal is 0 of meer" in html
    assert not EnteredFigures.objects.exists()
    response = client.post(url, _post(reached="10"))  # dropout 19 > 10
    assert response.status_code == 400
    assert "groter dan Bereikt (10)" in response.content.decode()
    response = client.post(url, _post(period_end="01-12-2025"))
    assert response.status_code == 400
    assert "vóór ze begint" in response.content.decode()
    assert not EnteredFigures.objects.exists()


def test_reached_above_target_warns_after_saving(client_as, partner, home_start):
    client = client_as(partner)
    url = reverse("outcomes:entered_create", args=[home_start.pk])
    response = client.post(url, _post(reached="40"), follow=True)
    assert EnteredFigures.objects.get().reached == 40
    assert "meer dan het beoogde bereik (30)" in response.content.decode()


def test_edit_with_version_and_stale_edit(client_as, partner, home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    client = client_as(partner)
    url = reverse("outcomes:entered_edit", args=[made.pk])
    page = client.get(url)
    assert 'name="version" value="1"' in page.content.decode()
    assert client.post(url, _post(reached="25", version="1")).status_code == 302
    made.refresh_from_db()
    assert (made.reached, made.version) == (25, 2)
    response = client.post(url, _post(reached="26", version="1"))
    assert response.status_code == 409
    made.refresh_from_db()
    assert made.reached == 25


def test_delete_asks_first_and_restore_brings_it_back(client_as, partner, home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    client = client_as(partner)
    url = reverse("outcomes:entered_delete", args=[made.pk])
    page = client.get(url)
    assert "Weet u zeker" in page.content.decode()
    assert EnteredFigures.objects.exists()
    client.post(url)
    assert not EnteredFigures.objects.exists()
    listing = client.get(reverse("outcomes:entered_list", args=[home_start.pk]))
    assert "Verwijderde perioden" in listing.content.decode()
    change = EnteredFiguresChange.deletions().get()
    client.post(reverse("outcomes:entered_restore", args=[home_start.pk, change.pk]))
    assert EnteredFigures.objects.get().pk == made.pk


def test_another_partner_gets_404_everywhere_and_changes_nothing(
    client_as, other_partner, home_start
):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    change = services.entered_figures_delete(
        figures=services.entered_figures_create(
            activity=home_start,
            user=None,
            data=quarter(
                period_start=quarter().period_end.replace(month=4, day=1),
                period_end=quarter().period_end.replace(month=6, day=30),
            ),
        ),
        user=None,
    )
    before = _stored()
    client = client_as(other_partner)
    a = home_start.pk
    gets = [
        reverse("outcomes:entered_list", args=[a]),
        reverse("outcomes:entered_create", args=[a]),
        reverse("outcomes:entered_template", args=[a]),
        reverse("outcomes:entered_upload", args=[a]),
        reverse("outcomes:entered_edit", args=[made.pk]),
        reverse("outcomes:entered_delete", args=[made.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = [
        (
            reverse("outcomes:entered_create", args=[a]),
            _post(period_start="01-07-2026", period_end="30-09-2026"),
        ),
        (reverse("outcomes:entered_edit", args=[made.pk]), _post(reached="1", version="1")),
        (reverse("outcomes:entered_delete", args=[made.pk]), {}),
        (reverse("outcomes:entered_restore", args=[a, change.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    assert _stored() == before


def test_outsider_gets_404(client_as, outsider, home_start):
    response = client_as(outsider).get(reverse("outcomes:entered_list", args=[home_start.pk]))
    assert response.status_code == 404


def test_anonymous_goes_to_the_login(client, home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    before = _stored()
    for url in [
        reverse("outcomes:entered_list", args=[home_start.pk]),
        reverse("outcomes:entered_create", args=[home_start.pk]),
        reverse("outcomes:entered_template", args=[home_start.pk]),
        reverse("outcomes:entered_upload", args=[home_start.pk]),
        reverse("outcomes:entered_edit", args=[made.pk]),
        reverse("outcomes:entered_delete", args=[made.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse(settings.LOGIN_URL)
        ), url
    client.post(reverse("outcomes:entered_delete", args=[made.pk]))
    assert _stored() == before


def test_activity_page_links_to_the_entered_figures(client_as, partner, home_start):
    html = (
        client_as(partner)
        .get(reverse("activities:activity_detail", args=[home_start.pk]))
        .content.decode()
    )
    assert reverse("outcomes:entered_list", args=[home_start.pk]) in html
