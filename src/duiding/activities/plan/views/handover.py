"""Hand an activity over to another partner (`activities.plan.handover`): the programme's editors
(the gebiedsadviseur) choose the new partner and, per open quality agreement, whether it stays
with the old partner or goes along. 404 outside the programme, 403 for everybody else."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from duiding.activities.permissions import activity_or_404
from duiding.activities.plan import handover
from duiding.activities.plan.forms import HandOverForm
from duiding.activities.plan.services import PlanError
from duiding.activities.plan.views.common import apply_error, form_status, plan_context
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.programmes.permissions import can_edit_programme


@login_required
def activity_hand_over(request, pk: int):
    activity = activity_or_404(request.user, pk, edit=True)
    programme = activity.programme
    if not can_edit_programme(request.user, programme):
        raise PermissionDenied
    form = HandOverForm(
        request.POST or None,
        organisations=handover.hand_over_organisations(request.user, activity),
        agreements=handover.open_agreements(activity),
        old_name=activity.organisation.name,
        initial={"version": activity.version},
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            handover.activity_hand_over(
                activity=activity,
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                decisions=form.decisions(),
                expected_version=form.cleaned_data.get("version"),
            )
        except PlanError as error:
            apply_error(form, error)
        except StaleEdit as error:
            stale = error
            version_moved_on(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is overgedragen aan %(new)s.")
                % {"name": activity.name, "new": form.cleaned_data["organisation"].name},
            )
            return redirect("activities:activity_detail", pk=activity.pk)
    return render(
        request,
        "activities/hand_over.html",
        plan_context(request, programme, activity=activity, form=form, stale=stale),
        status=409 if stale else form_status(request, form),
    )


urlpatterns = [
    path("activiteit/<int:pk>/overdragen/", activity_hand_over, name="activity_hand_over"),
]
