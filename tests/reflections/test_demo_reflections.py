"""Demo step "reflections": a held duidingssessie of Feijenoord (agenda, twelve live participants,
two decisions, four actions of which one is overdue) and the next one in preparation where the
actions resurface; dates relative to today; a second run changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from duiding.demo.reflections import HELD_TITLE, NEXT_TITLE, demo_reflections_ensure
from duiding.demo.services import demo_load
from duiding.demo.steps import DemoContext
from duiding.reflections.models import (
    AgendaItem,
    Decision,
    ImprovementAction,
    LiveAnswer,
    LiveQuestion,
    Participant,
    Reflection,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Reflection,
    AgendaItem,
    LiveQuestion,
    Participant,
    LiveAnswer,
    Decision,
    ImprovementAction,
]


@pytest.fixture
def demo():
    report = demo_load(log=lambda line: None)
    assert report.changes["reflections"] == 2, report.errors
    return report


def test_held_reflection(demo):
    held = Reflection.objects.get(title=HELD_TITLE)
    today = timezone.localdate()
    assert held.status == "afgerond"
    assert 35 <= (today - held.date).days <= 50
    assert held.facilitator.username == "adviseur"
    assert held.programme.area.code == "WK059910"
    assert {o.slug for o in held.invited_organisations.all()} == {
        "welzijn-rotterdam-zuid",
        "wijkteam-feijenoord",
    }
    items = list(held.items.all())
    assert len(items) == 5
    assert len({i.kind for i in items}) == 5
    for item in items:
        assert item.reason and item.snapshot, item.title
        assert item.recognise and item.explain and item.judge and item.change, item.title
    indicator = next(i for i in items if i.kind == "indicator")
    assert indicator.indicator is not None and indicator.snapshot["value"] is not None


def test_live_answers_of_twelve_participants(demo):
    held = Reflection.objects.get(title=HELD_TITLE)
    participants = held.participants_joined.all()
    assert participants.count() == 12
    assert sorted(p.name for p in participants if p.name) == ["Fatima", "Joost"]
    kinds = {q.kind: q for q in held.questions.all()}
    assert set(kinds) == {"herkennen", "schaal", "open"}
    for question in kinds.values():
        assert question.answers.count() == 12
    assert "zorgelijk" in kinds["schaal"].text
    assert {a.choice for a in kinds["herkennen"].answers.all()} == {"ja", "deels", "nee"}
    assert all(1 <= a.number <= 5 for a in kinds["schaal"].answers.all())
    assert kinds["open"].answers.filter(promoted=True).exists()


def test_decisions_and_actions(demo):
    held = Reflection.objects.get(title=HELD_TITLE)
    assert sorted(d.choice for d in held.decisions.all()) == ["bijstellen", "stoppen"]
    assert all(d.activity_id and d.reason for d in held.decisions.all())
    actions = list(held.actions.all())
    assert len(actions) == 4
    assert len({a.owner_organisation_id for a in actions}) == 3
    today = timezone.localdate()
    overdue = [a for a in actions if not a.is_finished and a.due_date < today]
    assert len(overdue) == 1
    assert all(a.programme_id == held.programme_id for a in actions)


def test_next_reflection_resurfaces_the_actions(demo):
    held = Reflection.objects.get(title=HELD_TITLE)
    nxt = Reflection.objects.get(title=NEXT_TITLE)
    assert nxt.status == "voorbereid" and nxt.previous == held
    assert 35 <= (nxt.date - timezone.localdate()).days <= 50
    # the four actions resurface first; the rest of the agenda the data filled
    items = [i for i in nxt.items.order_by("order", "pk") if i.kind == "action"]
    assert [i.kind for i in nxt.items.order_by("order", "pk")][: len(items)] == ["action"] * 4
    assert {"result", "outcome"} <= {i.kind for i in nxt.items.all()}
    assert {i.action_id for i in items} == set(held.actions.values_list("pk", flat=True))
    assert all("Zien we al effect?" in i.reason for i in items)
    # the figures that came in since, for the action about the flagged figure
    assert any(i.snapshot["figures_since"] for i in items)


def test_second_run_changes_nothing(demo):
    counts = {m.__name__: m.objects.count() for m in MODELS}
    assert demo_reflections_ensure(DemoContext(log=lambda line: None)) == 0
    assert {m.__name__: m.objects.count() for m in MODELS} == counts


def test_dates_follow_today(demo, monkeypatch):
    """Loaded on another day, the held session is still about six weeks back."""
    Reflection.objects.all().delete()
    later = timezone.localdate() + datetime.timedelta(days=100)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: later)
    assert demo_reflections_ensure(DemoContext(log=lambda line: None)) == 2
    held = Reflection.objects.get(title=HELD_TITLE)
    assert (later - held.date).days == 42


def test_skipped_without_programme(db):
    ctx = DemoContext(log=lambda line: None)
    assert demo_reflections_ensure(ctx) == 0
    assert ctx.errors and not Reflection.objects.exists()
