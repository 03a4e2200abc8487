"""Who writes measurement plans: the same rule as the rest of an activity's plan van aanpak
(`activities.plan.permissions.can_edit_activity_plan`): the programme's editors (the
gebiedsadviseur) and the members of the activity's own partner organisation. Everybody who sees
the programme reads them on the plan page. Not visible: 404; visible but not writable: 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from duiding.activities.models import Activity
from duiding.activities.plan.permissions import can_edit_activity_plan
from duiding.outcomes.models import MeasurementPlan
from duiding.programmes.permissions import programme_or_404


def plan_activity_or_404(user, pk: int, activity_id: int):
    """(programme, activity) when the user may write the activity's plan; else 404 / 403."""
    programme = programme_or_404(user, pk)
    activity = get_object_or_404(
        Activity.objects.select_related("organisation", "programme", "intervention"),
        pk=activity_id,
        programme=programme,
    )
    if not can_edit_activity_plan(user, activity):
        raise PermissionDenied
    return programme, activity


def measurement_plan_or_404(user, pk: int, plan_id: int):
    """(programme, plan) for a measurement plan of an activity of the programme, when the user
    may write that activity's plan (not visible: 404; visible, not writable: 403)."""
    programme = programme_or_404(user, pk)
    plan = get_object_or_404(
        MeasurementPlan.objects.select_related("activity", "activity__organisation"),
        pk=plan_id,
        activity__programme=programme,
    )
    plan.activity.programme = programme
    if not can_edit_activity_plan(user, plan.activity):
        raise PermissionDenied
    return programme, plan
