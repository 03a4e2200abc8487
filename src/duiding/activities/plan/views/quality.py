"""Quality agreements (seed 003 step 4) of one activity (the measurement plans of step 5:
outcomes/views/measurement_plans.py).

Readers of the programme see them on the plan page; the programme's editors and the members of
the activity's own partner organisation write them (403 for other readers, 404 outside)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from duiding.activities.models import Activity, QualityAgreement
from duiding.activities.plan import permissions, services
from duiding.activities.plan.forms import QualityForm
from duiding.activities.plan.views.common import apply_error, form_status, plan_context, safe_next
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.programmes.permissions import programme_or_404


def _back(request, programme, anchor: str) -> str:
    url = reverse("activities:plan", args=[programme.pk])
    return safe_next(request, f"{url}#{anchor}")


def _activity(request, pk: int, activity_id: int):
    """(programme, activity) when the user may write the activity's plan; else 404 / 403."""
    programme = programme_or_404(request.user, pk)
    activity = get_object_or_404(
        Activity.objects.select_related("organisation", "programme", "intervention"),
        pk=activity_id,
        programme=programme,
    )
    if not permissions.can_edit_activity_plan(request.user, activity):
        raise PermissionDenied
    return programme, activity


# --- Quality agreements -----------------------------------------------------------------------


def _quality_page(request, programme, activity, form, agreement=None, stale=None):
    return render(
        request,
        "activities/quality_form.html",
        plan_context(
            request,
            programme,
            activity=activity,
            form=form,
            agreement=agreement,
            next_url=safe_next(request, ""),
            stale=stale,
        ),
        status=409 if stale else form_status(request, form),
    )


def _quality_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "next_step": data["next_step"],
        "target_level": data.get("target_level"),
        "due_date": data["due_date"],
        "status": data["status"],
        "checklist": form.checklist(),
    }


@login_required
def quality_create(request, pk: int, activity_id: int):
    programme, activity = _activity(request, pk, activity_id)
    initial = {"status": "open"}
    if activity.evidence_level < 4:
        initial["target_level"] = activity.evidence_level + 1
    form = QualityForm(request.POST or None, initial=initial, activity=activity)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.quality_save(
                activity=activity, user=request.user, **_quality_fields(form)
            )
        except services.PlanError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("De kwaliteitsafspraak is vastgelegd."))
            return redirect(_back(request, programme, f"kwaliteit-{agreement.pk}"))
    return _quality_page(request, programme, activity, form)


def _agreement(request, pk: int, agreement_id: int):
    """A quality agreement the user may edit: bilateral, so another partner's is a 404; one the
    user sees but may not edit (kept with a previous partner, or a reader) a 403."""
    programme = programme_or_404(request.user, pk)
    agreement = get_object_or_404(
        QualityAgreement.objects.select_related("activity", "activity__organisation"),
        pk=agreement_id,
        activity__programme=programme,
    )
    agreement.activity.programme = programme
    if not permissions.can_see_quality(request.user, agreement):
        raise Http404
    if not permissions.can_edit_quality(request.user, agreement):
        raise PermissionDenied
    return programme, agreement


@login_required
def quality_edit(request, pk: int, agreement_id: int):
    programme, agreement = _agreement(request, pk, agreement_id)
    form = QualityForm(
        request.POST or None,
        initial=QualityForm.initial_for(agreement),
        activity=agreement.activity,
        previous_due_date=agreement.due_date,
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.quality_save(
                activity=agreement.activity,
                user=request.user,
                agreement=agreement,
                expected_version=form.cleaned_data.get("version"),
                **_quality_fields(form),
            )
        except services.PlanError as error:
            apply_error(form, error)
        except StaleEdit as error:
            stale = error
            version_moved_on(form, error)
        else:
            messages.success(request, _("De kwaliteitsafspraak is opgeslagen."))
            return redirect(_back(request, programme, f"kwaliteit-{agreement.pk}"))
    return _quality_page(request, programme, agreement.activity, form, agreement, stale)


@login_required
def quality_delete(request, pk: int, agreement_id: int):
    programme, agreement = _agreement(request, pk, agreement_id)
    if request.method == "POST":
        services.quality_delete(agreement=agreement, user=request.user)
        messages.success(request, _("De kwaliteitsafspraak is verwijderd."))
        return redirect(_back(request, programme, f"activiteit-{agreement.activity_id}"))
    return render(
        request,
        "activities/plan_confirm_delete.html",
        plan_context(
            request,
            programme,
            title=_("Kwaliteitsafspraak verwijderen"),
            question=_("Weet u zeker dat u de kwaliteitsafspraak ‘%(step)s’ wilt verwijderen?")
            % {"step": agreement.next_step[:120]},
            cancel_url=_back(request, programme, f"kwaliteit-{agreement.pk}"),
        ),
    )


P = "programma/<int:pk>/plan/"
urlpatterns = [
    path(
        f"{P}activiteit/<int:activity_id>/kwaliteit/nieuw/",
        quality_create,
        name="quality_create",
    ),
    path(f"{P}kwaliteit/<int:agreement_id>/bewerken/", quality_edit, name="quality_edit"),
    path(f"{P}kwaliteit/<int:agreement_id>/verwijderen/", quality_delete, name="quality_delete"),
]
