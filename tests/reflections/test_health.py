# ruff: noqa: F811 - pytest fixtures imported from cycle_fixtures are used as arguments
"""Lerend vermogen as pure functions: reflections in the last 12 months (the yearly norm with
partners), actions on time, actions looked back on, measurement plans carried out; small counts
across an organisation boundary suppressed; no ranking on the page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from duiding.reflections.cycle import health as h
from duiding.reflections.cycle.health import ActionFacts, PlanFacts, ReflectionFacts, Share
from tests.reflections.cycle_fixtures import demo, held, upcoming, users  # noqa: F401

TODAY = datetime.date(2026, 12, 4)
DAY = datetime.timedelta(days=1)


def action(due_days: int, done_days: int | None = None, **kw) -> ActionFacts:
    values = {
        "due_date": TODAY + due_days * DAY,
        "done_at": TODAY + done_days * DAY if done_days is not None else None,
        "finished": done_days is not None,
        "dropped": False,
        "looked_back": False,
        "reflection_date": TODAY - 60 * DAY,
        "organisation_id": 1,
    }
    values.update(kw)
    return ActionFacts(**values)


def test_reflections_held_in_the_last_12_months_and_the_norm():
    reflections = [
        ReflectionFacts(TODAY - 400 * DAY, True, True),  # too long ago
        ReflectionFacts(TODAY - 40 * DAY, True, False),  # without partners
        ReflectionFacts(TODAY + 40 * DAY, False, True),  # planned
    ]
    assert len(h.held_last_year(reflections, TODAY)) == 1
    assert h.yearly_met(reflections, TODAY) is False
    reflections.append(ReflectionFacts(TODAY - 200 * DAY, True, True))
    assert h.yearly_met(reflections, TODAY) is True


def test_actions_on_time_counts_due_and_done_ones_only():
    actions = [
        action(-10, -12),  # done on time
        action(-10, -5),  # done late
        action(-3),  # overdue
        action(20),  # not due yet: not counted
        action(-5, dropped=True, finished=True, done_days=-6),  # dropped: not counted
        action(30, 1),  # done early, before the due date
    ]
    share = h.actions_on_time(actions, TODAY)
    assert (share.part, share.whole) == (2, 4)
    assert share.text == "2 van 4 (50 %)"


def test_actions_looked_back_on_need_a_later_held_reflection():
    reflections = [ReflectionFacts(TODAY - 60 * DAY, True, True)]
    actions = [action(10), action(20)]
    assert h.actions_looked_back(actions, reflections).whole == 0
    assert h.actions_looked_back(actions, reflections).text == "nog niets te tellen"
    reflections.append(ReflectionFacts(TODAY - 5 * DAY, True, True))
    actions[0] = action(10, looked_back=True)
    share = h.actions_looked_back(actions, reflections)
    assert (share.part, share.whole) == (1, 2)


def test_plans_carried_out():
    share = h.plans_carried_out([PlanFacts(True), PlanFacts(False), PlanFacts(True)])
    assert (share.part, share.whole) == (2, 3)


def test_small_counts_across_the_boundary_are_suppressed():
    inside = Share(3, 12)
    across = Share(3, 12, crosses=True)
    assert inside.text == "3 van 12 (25 %)"
    assert across.suppressed and across.percent is None
    assert across.text == "minder dan 5 van 12"
    assert Share(6, 12, crosses=True).text == "6 van 12 (50 %)"
    # the complement would give it away: 10 of 12 means 2 not
    assert Share(10, 12, crosses=True).suppressed
    assert Share(2, 3, crosses=True).text == "minder dan 5 van minder dan 5"


def test_crossing_is_about_the_viewer_organisations():
    assert h.crosses_boundary([1, 2], {1}) is True
    assert h.crosses_boundary([1, 1, None], {1}) is False
    assert h.crosses_boundary([1, 2], set(), raw=True) is False


def test_health_of_a_programme_and_combined():
    reflections = [ReflectionFacts(TODAY - 30 * DAY, True, True, 1)]
    acts = [action(-10, -12), action(-2)]
    one = h.health("A", reflections, acts, [PlanFacts(True, 1)], TODAY, own={1})
    assert one.reflections_held.value == 1 and one.yearly_met
    assert one.actions_on_time.text == "1 van 2 (50 %)"
    two = h.health("B", [], [], [PlanFacts(False, 1)], TODAY, own={1})
    total = h.combine("Rotterdam", [one, two], crosses=False)
    assert total.plans_carried_out.text == "1 van 2 (50 %)"
    assert total.yearly_met is False
    assert h.programmes_meeting_norm([one, two]).text == "1 van 2 (50 %)"


@pytest.mark.django_db
def test_demo_programme_health(held, users):
    [result] = h.programmes_health([held.programme], users["adviseur"], held.date + 42 * DAY)
    assert result.reflections_held.value == 1 and result.yearly_met
    # the adviseur steers the programme and sees every action on its pages: plain counts
    assert not result.actions_on_time.crosses
    assert result.actions_on_time.text == "1 van 2 (50 %)"
    assert result.plans_carried_out.whole >= 1
    # a partner counts the actions of the municipality and the other partners too: across the
    # boundary, so the small counts read "minder dan 5"
    [seen] = h.programmes_health([held.programme], users["partner"], held.date + 42 * DAY)
    assert seen.actions_on_time.crosses
    assert "minder dan 5" in seen.actions_on_time.text


@pytest.mark.django_db
def test_page_lists_municipality_without_ranking(client, held, users):
    client.force_login(users["adviseur"])
    response = client.get(reverse("reflections:learning_health"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rotterdam" in html and held.programme.name in html
    assert "geen ranglijst" in html


@pytest.mark.django_db
def test_outsider_sees_no_rotterdam_programme(client, held, users):
    client.force_login(users["buitenstaander"])
    html = client.get(reverse("reflections:learning_health")).content.decode()
    assert held.programme.name not in html
