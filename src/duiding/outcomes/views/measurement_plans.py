"""Measurement plans (seed 003 step 5) of one activity: add, edit, delete a row. They are read on
the plan van aanpak (activities' plan page and partner page, `measurement_plans/plan.py`), where
these pages lead back to.

Who: `measurement_plans.permissions` — the programme's editors and the members of the
activity's own partner organisation write (403 for other readers of the programme, 404 outside)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from duiding.activities.plan.views.common import apply_error, form_status, plan_context, safe_next
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.outcomes.measurement_plans import services
from duiding.outcomes.measurement_plans.forms import MeasurementForm
from duiding.outcomes.measurement_plans.permissions import (
    measurement_plan_or_404,
    plan_activity_or_404,
)
from duiding.outcomes.measures import MEASURE_SCALES


def _back(request, programme, anchor: str) -> str:
    url = reverse("activities:plan", args=[programme.pk])
    return safe_next(request, f"{url}#{anchor}")


def _page(request, programme, activity, form, plan=None, stale=None):
    return render(
        request,
        "outcomes/measurement_plans/form.html",
        plan_context(
            request,
            programme,
            activity=activity,
            form=form,
            measurement=plan,
            scales=list(MEASURE_SCALES.values()),
            next_url=safe_next(request, ""),
            stale=stale,
        ),
        status=409 if stale else form_status(request, form),
    )


@login_required
def measurement_create(request, pk: int, activity_id: int):
    programme, activity = plan_activity_or_404(request.user, pk, activity_id)
    initial = {}
    if request.GET.get("maat") in MEASURE_SCALES:
        initial["measure"] = request.GET["maat"]
    form = MeasurementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.measurement_save(
                activity=activity, user=request.user, **form.service_fields()
            )
        except services.PlanError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("De outcome is toegevoegd aan het meetplan."))
            return redirect(_back(request, programme, f"meetplan-{plan.pk}"))
    return _page(request, programme, activity, form)


@login_required
def measurement_edit(request, pk: int, plan_id: int):
    programme, plan = measurement_plan_or_404(request.user, pk, plan_id)
    form = MeasurementForm(request.POST or None, initial=MeasurementForm.initial_for(plan))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_save(
                activity=plan.activity,
                user=request.user,
                plan=plan,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except services.PlanError as error:
            apply_error(form, error)
        except StaleEdit as error:
            stale = error
            version_moved_on(form, error)
        else:
            messages.success(request, _("Het meetplan is opgeslagen."))
            return redirect(_back(request, programme, f"meetplan-{plan.pk}"))
    return _page(request, programme, plan.activity, form, plan, stale)


@login_required
def measurement_delete(request, pk: int, plan_id: int):
    programme, plan = measurement_plan_or_404(request.user, pk, plan_id)
    if request.method == "POST":
        services.measurement_delete(plan=plan, user=request.user)
        messages.success(request, _("De outcome is uit het meetplan verwijderd."))
        return redirect(_back(request, programme, f"activiteit-{plan.activity_id}"))
    return render(
        request,
        "activities/plan_confirm_delete.html",
        plan_context(
            request,
            programme,
            title=_("Outcome uit het meetplan verwijderen"),
            question=_("Weet u zeker dat u ‘%(measure)s’ uit het meetplan wilt verwijderen?")
            % {"measure": services.measure_label(plan)},
            cancel_url=_back(request, programme, f"meetplan-{plan.pk}"),
        ),
    )


# Under /outcome/ (outcomes.urls), with the programme in the path like the rest of the plan.
P = "programma/<int:pk>/"
urlpatterns = [
    path(
        f"{P}activiteit/<int:activity_id>/meetplan/nieuw/",
        measurement_create,
        name="measurement_create",
    ),
    path(f"{P}meetplan/<int:plan_id>/bewerken/", measurement_edit, name="measurement_edit"),
    path(f"{P}meetplan/<int:plan_id>/verwijderen/", measurement_delete, name="measurement_delete"),
]
