"""Prevention matrix with the package checks, per programme and across the programmes of a
municipality (beheerders and accounthouders)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from duiding.activities.matrix import prevention_matrix
from duiding.activities.permissions import can_add_activity
from duiding.programmes.permissions import (
    can_edit_programme,
    can_see_municipality_overview,
    municipality_programmes,
    programme_or_404,
)

OFFER_CHOICES = [
    ("", _("Alle aanbod")),
    ("gewenst", _("Gewenst aanbod")),
    ("huidig", _("Huidig aanbod")),
]


def _offer(request) -> str:
    offer = request.GET.get("aanbod", "")
    return offer if offer in dict(OFFER_CHOICES) else ""


@login_required
def matrix(request, pk: int):
    programme = programme_or_404(request.user, pk)
    offer = _offer(request)
    return render(
        request,
        "activities/matrix.html",
        {
            "programme": programme,
            "tab": "matrix",
            "nav": "programmes",
            "can_edit": can_edit_programme(request.user, programme),
            "can_add": can_add_activity(request.user, programme),
            "offer": offer,
            "offer_choices": OFFER_CHOICES,
            **prevention_matrix(programme, offer=offer),
        },
    )


@login_required
def matrix_municipality(request):
    if not can_see_municipality_overview(request.user):
        raise Http404
    programmes = list(municipality_programmes(request.user).select_related("area").order_by("name"))
    offer = _offer(request)
    return render(
        request,
        "activities/matrix_municipality.html",
        {
            "nav": "matrix_overview",
            "programmes": programmes,
            "offer": offer,
            "offer_choices": OFFER_CHOICES,
            "show_programme": True,
            **prevention_matrix(programmes, offer=offer),
        },
    )


urlpatterns = [
    path("programma/<int:pk>/preventiematrix/", matrix, name="matrix"),
    path("preventiematrix/", matrix_municipality, name="matrix_municipality"),
]
