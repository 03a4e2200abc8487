"""The places where downstream apps add their part of the plan (activities.extensions): what is
registered is used in registration order, a key registered again replaces its part, and an empty
list is left out of the delete confirmation. `outcomes` registers the measurement plans in its
AppConfig.ready (tests/outcomes/test_measurement_plan_views.py follows them through the pages)."""

from __future__ import annotations

import pytest

from duiding.activities import extensions
from duiding.activities.models import PlanChange


@pytest.fixture
def registries(monkeypatch):
    """Empty registries for the test; the real ones come back afterwards."""
    for name in ("PLAN_SECTIONS", "PLAN_SHEETS", "ACTIVITY_DELETE_ITEMS"):
        monkeypatch.setattr(extensions, name, {})


def test_outcomes_registers_the_measurement_plans_everywhere():
    # reflections registers step 6 (its improvement actions) after outcomes.
    assert list(extensions.PLAN_SECTIONS)[0] == "measurement_plans"
    assert extensions.PLAN_SECTIONS["measurement_plans"].prefetch == ("measurement_plans",)
    assert list(extensions.PLAN_SHEETS)[0] == "measurement_plans"
    kind = extensions.PLAN_HISTORY_KINDS[PlanChange.Kind.MEASUREMENT]
    assert kind.model._meta.label == "outcomes.MeasurementPlan"
    assert list(extensions.ACTIVITY_DELETE_ITEMS) == ["measurement_plans"]


def test_parts_come_in_registration_order_and_a_key_replaces(registries):
    for key in ("b", "a"):
        extensions.register_plan_section(
            extensions.PlanSection(
                key, f"{key}.html", lambda request, k=key: {"k": k}, prefetch=(key,)
            )
        )
        extensions.register_plan_sheet(
            extensions.PlanSheet(key, lambda plan, k=key: [(k, ["kop"], [[plan]])])
        )
    extensions.register_plan_section(extensions.PlanSection("b", "b2.html", lambda request: {}))
    assert [s["template"] for s in extensions.plan_sections(None)] == ["b2.html", "a.html"]
    assert extensions.plan_prefetches() == ["a"]
    assert extensions.plan_sheets("plan") == [
        ("b", ["kop"], [["plan"]]),
        ("a", ["kop"], [["plan"]]),
    ]


def test_the_delete_confirmation_leaves_out_empty_lists(registries):
    extensions.register_activity_delete_items(
        extensions.ActivityDeleteItems("leeg", "Niets", lambda activity: [])
    )
    extensions.register_activity_delete_items(
        extensions.ActivityDeleteItems("twee", "Meetplan", lambda activity: ["Bereik", "Uitval"])
    )
    assert extensions.activity_delete_items(object()) == [
        {"key": "twee", "label": "Meetplan", "items": ["Bereik", "Uitval"]}
    ]
