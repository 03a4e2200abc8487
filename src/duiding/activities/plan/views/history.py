"""Geschiedenis van het plan: who changed what in a programme's plan and when, with "Herstellen"
for deleted activities, steps, quality agreements, measurement plans and purchase agreements.

Everybody who sees the programme reads the history (`programme_or_404`, else 404) — partners see
only their own organisation's quality agreements; restoring needs the right to create the item
(`activities.history.can_restore`, else 403)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.activities import history
from duiding.activities.models import PlanChange
from duiding.activities.plan.permissions import quality_organisation_ids
from duiding.activities.plan.views.common import plan_context
from duiding.programmes.permissions import programme_or_404

PAGE_SIZE = 50


def visible_changes(user, programme):
    """The programme's history lines the user may read (quality agreements: bilateral)."""
    changes = PlanChange.objects.filter(programme=programme).select_related("user", "organisation")
    orgs = quality_organisation_ids(user, programme)
    if orgs is not None:
        changes = changes.exclude(Q(kind=PlanChange.Kind.QUALITY) & ~Q(organisation_id__in=orgs))
    return changes


@login_required
def plan_history(request, pk: int):
    programme = programme_or_404(request.user, pk)
    page = Paginator(visible_changes(request.user, programme), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    for change in page.object_list:
        change.restorable = (
            change.is_deletion()
            and change.restored_at is None
            and history.can_restore(request.user, change)
        )
    return render(
        request,
        "activities/plan_history.html",
        plan_context(request, programme, page=page),
    )


@require_POST
@login_required
def plan_restore(request, pk: int, change_id: int):
    programme = programme_or_404(request.user, pk)
    change = get_object_or_404(visible_changes(request.user, programme), pk=change_id)
    if not history.can_restore(request.user, change):
        raise PermissionDenied
    back = reverse("activities:plan_history", args=[programme.pk])
    try:
        history.restore(change=change, user=request.user)
    except history.RestoreError as error:
        messages.error(request, str(error))
        return redirect(f"{back}#wijziging-{change.pk}")
    messages.success(
        request,
        _("%(kind)s ‘%(name)s’ is hersteld.")
        % {"kind": change.get_kind_display(), "name": change.summary[:120]},
    )
    return redirect(f"{back}#wijziging-{change.pk}")


urlpatterns = [
    path("programma/<int:pk>/plan/geschiedenis/", plan_history, name="plan_history"),
    path(
        "programma/<int:pk>/plan/geschiedenis/<int:change_id>/herstellen/",
        plan_restore,
        name="plan_restore",
    ),
]
