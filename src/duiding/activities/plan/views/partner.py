"""The partner's page (everything its organisations are part of, across programmes and
municipalities) and the overdue list (open steps and quality agreements past their date in the
programmes the user may see)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path

from duiding.accounts.permissions import organisations_for_user
from duiding.activities.extensions import plan_sections
from duiding.activities.plan import selectors, services


@login_required
def partner(request):
    return render(
        request,
        "activities/partner.html",
        {
            "nav": "partner",
            "organisations": list(organisations_for_user(request.user)),
            "groups": selectors.partner_overview(request.user),
            "sections": plan_sections(request),
            "next": request.path,
            "today": services.today(),
        },
    )


@login_required
def overdue(request):
    on = services.today()
    return render(
        request,
        "activities/overdue.html",
        {
            "nav": "overdue",
            "today": on,
            "steps": list(selectors.overdue_steps(request.user, on=on)),
            "quality": list(selectors.overdue_quality(request.user, on=on)),
        },
    )


urlpatterns = [
    path("partner/", partner, name="partner"),
    path("achterstallig/", overdue, name="overdue"),
]
