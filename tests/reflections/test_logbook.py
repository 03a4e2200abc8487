# ruff: noqa: F811 - pytest fixtures imported from cycle_fixtures are used as arguments
"""Leerlogboek: one timeline per programme, newest first: reflections, decisions, actions
(created, done, looked back on) and the figures that came in after a reflection."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from duiding.indicators.models import Observation
from duiding.reflections.cycle.logbook import programme_logbook
from duiding.results.models import ResultIndicator
from tests.areaprofile.factories import period
from tests.reflections.cycle_fixtures import demo, held, upcoming, users  # noqa: F401

pytestmark = pytest.mark.django_db


def test_timeline_newest_first_with_every_kind(held, upcoming, users):
    entries = programme_logbook(held.programme, users["adviseur"])
    kinds = [e.kind for e in entries]
    assert {"reflection", "decision", "action_created", "action_done"} <= set(kinds)
    dates = [e.date for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert entries[0].reflection == upcoming  # planned, in six weeks
    assert sum(1 for k in kinds if k == "decision") == 2
    assert sum(1 for k in kinds if k == "action_created") == 4
    assert sum(1 for k in kinds if k == "reflection") == 2


def test_look_back_and_figures_after_the_reflection(held, upcoming, users):
    action = held.actions.order_by("pk").first()
    action.looked_back_in = upcoming
    action.effect_note = "Eerste cijfers laten een kleine daling zien."
    action.save()
    ri = ResultIndicator.objects.filter(
        result__programme=held.programme, indicator__isnull=False
    ).first()
    Observation.objects.filter(indicator=ri.indicator, area=held.programme.area).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    Observation.objects.create(
        indicator=ri.indicator, area=held.programme.area, period=period("2030"), value=12.5
    )
    entries = programme_logbook(held.programme, users["adviseur"])
    look = [e for e in entries if e.kind == "look_back"]
    assert len(look) == 1 and look[0].text == "Eerste cijfers laten een kleine daling zien."
    figures = [e for e in entries if e.kind == "figure"]
    assert len(figures) == 1
    assert figures[0].reflection == held
    assert any("2030" in line and "12,5" in line for line in figures[0].lines)


def test_figures_from_before_the_reflection_are_left_out(held, users):
    Observation.objects.filter(area=held.programme.area).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    entries = programme_logbook(held.programme, users["adviseur"])
    assert not [e for e in entries if e.kind == "figure"]


def test_page_for_partner_and_phone(client, held, users):
    client.force_login(users["partner"])
    response = client.get(reverse("reflections:logbook", args=[held.programme_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leerlogboek" in html and held.title in html
    assert "Stoppen" in html


def test_outsider_gets_404(client, held, users):
    client.force_login(users["buitenstaander"])
    response = client.get(reverse("reflections:logbook", args=[held.programme_id]))
    assert response.status_code == 404


def test_anonymous_goes_to_login(client, held):
    response = client.get(reverse("reflections:logbook", args=[held.programme_id]))
    assert response.status_code == 302 and "inloggen" in response["Location"]
