"""The series alias table: review every harmonisation, add or remove one (beheerder)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from duiding.accounts.permissions import is_data_admin, require_data_admin
from duiding.indicators import services
from duiding.indicators.forms import SeriesAliasForm
from duiding.indicators.models import SeriesAlias


@login_required
def alias_list(request):
    can_edit = is_data_admin(request.user)
    form = SeriesAliasForm(request.POST or None) if can_edit else None
    if request.method == "POST":
        require_data_admin(request.user)
        if form.is_valid():
            data = form.cleaned_data
            services.series_alias_create(
                kind=data["kind"],
                alias=data["alias"],
                canonical=data["canonical"],
                note=data["note"],
            )
            messages.success(
                request, _("De alias is toegevoegd. Hij geldt vanaf de volgende import.")
            )
            return redirect("indicators:alias_list")
    return render(
        request,
        "indicators/alias_list.html",
        {
            "aliases": SeriesAlias.objects.all(),
            "form": form,
            "can_edit": can_edit,
            "nav": "indicators",
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def alias_delete(request, pk: int):
    require_data_admin(request.user)
    alias = get_object_or_404(SeriesAlias, pk=pk)
    if request.method == "POST":
        services.series_alias_delete(alias=alias)
        messages.success(request, _("De alias is verwijderd."))
        return redirect("indicators:alias_list")
    return render(request, "indicators/alias_delete.html", {"alias": alias, "nav": "indicators"})
