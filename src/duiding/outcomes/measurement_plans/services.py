"""Writes of the measurement plans: keyword-only, each in one transaction, recorded in the plan's
history (`activities.history`, kind "meetplan"). A refused write raises the plan's `PlanError`
(Dutch message, the form field it concerns) and changes nothing; a stale edit raises StaleEdit
(core.versioning)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from duiding.activities import history
from duiding.activities.models import Activity
from duiding.activities.plan.services import PlanError
from duiding.core.versioning import lock_and_check
from duiding.outcomes.measures import FromWhom, Measure
from duiding.outcomes.models import MeasurementPlan

__all__ = ["PlanError", "measure_label", "measurement_delete", "measurement_save"]


def _text(value: str, field_name: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise PlanError(message, field_name)
    return value


def _custom_name(measure: str, custom_name: str) -> str:
    if measure != Measure.CUSTOM:
        return ""
    return _text(custom_name, "custom_name", _("Geef de eigen maat een naam."))


def _years(measure: str, years: int | None) -> int | None:
    if measure != Measure.NO_NEW_START:
        return None
    if not years or years < 1:
        raise PlanError(
            _("Vul in binnen hoeveel jaar er geen nieuwe start van hulp mag zijn (1 of meer)."),
            "years",
        )
    return years


def same_measure(plan: MeasurementPlan):
    """Other rows of the activity's plan with the same measure (a custom one: the same name)."""
    same = MeasurementPlan.objects.filter(activity_id=plan.activity_id, measure=plan.measure)
    if plan.measure == Measure.CUSTOM:
        same = same.filter(custom_name__iexact=plan.custom_name)
    if plan.pk is not None:
        same = same.exclude(pk=plan.pk)
    return same


@transaction.atomic
def measurement_save(
    *,
    activity: Activity,
    user,
    measure: str,
    how: str = "",
    how_often: str = "",
    from_whom: str = FromWhom.ALL,
    attention_points: str = "",
    custom_name: str = "",
    years: int | None = None,
    plan: MeasurementPlan | None = None,
    expected_version: int | None = None,
) -> MeasurementPlan:
    """Create (plan=None) or change one row of the activity's measurement plan. A change
    raises StaleEdit (core.versioning) when `expected_version` is missing or old."""
    if plan is not None:
        lock_and_check(plan, expected_version)
    if measure not in Measure.values:
        raise PlanError(_("Kies een outcome uit de lijst of een eigen maat."), "measure")
    custom_name = _custom_name(measure, (custom_name or "").strip())
    years = _years(measure, years)
    if from_whom not in FromWhom.values:
        raise PlanError(_("Kies bij wie u meet: een steekproef of alle deelnemers."), "from_whom")
    how = _text(how, "how", _("Beschrijf hoe u meet."))
    how_often = _text(how_often, "how_often", _("Vul in hoe vaak u meet."))
    candidate = MeasurementPlan(
        pk=plan.pk if plan is not None else None,
        activity=activity,
        measure=measure,
        custom_name=custom_name,
    )
    if same_measure(candidate).exists():
        raise PlanError(_("Deze outcome staat al in het meetplan van deze activiteit."), "measure")
    action = history.Action.CREATED if plan is None else history.Action.UPDATED
    if plan is None:
        plan = MeasurementPlan(activity=activity, created_by=user)
    plan.measure = measure
    plan.custom_name = custom_name
    plan.years = years
    plan.how = how
    plan.how_often = how_often
    plan.from_whom = from_whom
    plan.attention_points = (attention_points or "").strip()
    plan.updated_by = user
    plan.full_clean()
    plan.save()
    history.record(plan, user=user, action=action)
    return plan


@transaction.atomic
def measurement_delete(*, plan: MeasurementPlan, user) -> None:
    history.record(plan, user=user, action=history.Action.DELETED)
    plan.delete()


def measure_label(plan: MeasurementPlan) -> str:
    """The measure as the plan shows it: "Geen nieuwe start hulp binnen 2 jaar", a custom name."""
    return plan.display
