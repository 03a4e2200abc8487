"""Programmes views: the wijkanalyse workspace (list, create, overview, edit, totaalbeeld).

The section pages live in `views/sections.py` and the history in `views/history.py`; this
module's `urlpatterns` holds all of the workspace's routes.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from duiding.areas.selectors import area_search
from duiding.core.versioning import StaleEdit, form_with_version
from duiding.frameworks.permissions import frameworks_for_area, frameworks_visible
from duiding.programmes import services
from duiding.programmes.forms import (
    PROGRAMME_LEVELS,
    ProgrammeCreateForm,
    ProgrammeEditForm,
    area_label,
    find_programme_area,
    initial_years,
    period_choices,
    suggested_name,
)
from duiding.programmes.permissions import (
    data_team_programmes,
    programme_or_404,
    programme_owner_organisations,
)
from duiding.programmes.selectors import (
    missing_figures_for,
    programme_analysis,
    programme_overview,
    programmes_for_list,
)
from duiding.programmes.views import history, sections
from duiding.programmes.views.shared import (
    optional_template,
    optional_url,
    programme_context,
    status_for,
)


@login_required
@require_GET
def programme_list(request):
    user = request.user
    owners = programme_owner_organisations(user)
    team_programmes = data_team_programmes(user)
    context = {
        "programmes": programmes_for_list(user),
        "can_create": owners.exists(),
        "nav": "programmes",
        "data_team_missing": missing_figures_for(team_programmes)
        if team_programmes.exists()
        else None,
        "feedback_inbox_url": optional_url("programmes:feedback_inbox"),
    }
    return render(request, "programmes/programme_list.html", context)


@login_required
def programme_create(request):
    user = request.user
    organisations = programme_owner_organisations(user).order_by("name")
    if not organisations.exists():
        raise PermissionDenied
    frameworks = frameworks_visible(user).order_by("-is_default", "name")
    initial = initial_years()
    if request.method != "POST" and request.GET.get("gebied"):
        area, _candidates = find_programme_area(request.GET["gebied"])
        if area is not None:
            initial["area"] = area_label(area)
            initial["name"] = suggested_name(area, initial["start_year"], initial["end_year"])
    form = ProgrammeCreateForm(
        request.POST or None,
        user=user,
        frameworks=frameworks,
        organisations=organisations,
        initial=initial,
    )
    if request.method != "POST" and "area" in initial:
        form.area, _candidates = find_programme_area(initial["area"])
        form.fields["figures_period"].choices = period_choices(form.area, user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        programme = services.programme_create(
            user=user,
            name=data["name"],
            area=data["area"],
            framework=data["framework"],
            organisation=data["organisation"],
            owner=user,
            start_year=data["start_year"],
            end_year=data["end_year"],
            figures_period=data["figures_period"],
            partners=data["partners"],
        )
        messages.success(
            request, _("Het programma %(name)s is aangemaakt.") % {"name": programme.name}
        )
        return redirect("programmes:detail", pk=programme.pk)
    return render(
        request,
        "programmes/programme_form.html",
        {"form": form, "nav": "programmes", "creating": True},
        status=status_for(request),
    )


@login_required
@require_GET
def area_options(request):
    """The area suggestions while typing (htmx fills a <datalist>): gemeenten, wijken, buurten."""

    q = request.GET.get("area", "").strip()
    areas = []
    if len(q) >= 2:
        areas = [a for a in area_search(q, limit=40) if a.level in PROGRAMME_LEVELS][:15]
    return render(request, "programmes/_area_options.html", {"areas": areas})


@login_required
@require_GET
def period_options(request):
    """The figures-period select for the area typed so far (htmx swaps it in)."""
    area, _candidates = find_programme_area(request.GET.get("area", ""))
    form = ProgrammeEditForm(user=request.user, area=area)
    form.fields["figures_period"].initial = ""
    return render(request, "programmes/_period_field.html", {"field": form["figures_period"]})


@login_required
@require_GET
def programme_detail(request, pk: int):
    programme = programme_or_404(request.user, pk)
    overview = programme_overview(programme)
    downloads = optional_template("programmes/_downloads.html")
    context = programme_context(
        request,
        programme,
        "overview",
        overview=overview,
        consultation_url=optional_url("programmes:consultation", programme.pk),
        conversations_url=optional_url("programmes:conversations", programme.pk),
        downloads_template=downloads,
        partners=list(programme.partners.order_by("name")),
        programme_changes=list(programme.changes.select_related("user")[:20]),
    )
    return render(request, "programmes/programme_detail.html", context)


@login_required
def programme_edit(request, pk: int):
    programme = programme_or_404(request.user, pk, edit=True)
    initial = {
        "name": programme.name,
        "start_year": programme.start_year,
        "end_year": programme.end_year,
        "figures_period": programme.figures_period,
        "partners": list(programme.partners.values_list("pk", flat=True)),
        "framework": programme.framework_id,
        "version": programme.version,
    }
    kwargs = {
        "user": request.user,
        "area": programme.area,
        "owner_id": programme.organisation_id,
        "frameworks": frameworks_for_area(request.user, programme.area),
        "programme": programme,
    }
    form = ProgrammeEditForm(request.POST or None, initial=initial, **kwargs)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.programme_update(
                programme, user=request.user, based_on_version=data.pop("version"), **data
            )
        except StaleEdit as error:
            stale = error
            form = form_with_version(ProgrammeEditForm, request, error.current.version, **kwargs)
        else:
            messages.success(request, _("Het programma is opgeslagen."))
            return redirect("programmes:detail", pk=programme.pk)
    return render(
        request,
        "programmes/programme_edit.html",
        programme_context(request, programme, "overview", form=form, stale=stale),
        status=409 if stale else status_for(request),
    )


@login_required
@require_GET
def analysis_start(request, pk: int):
    """The 'Analyse per domein' tab: the first domain of the framework."""
    programme = programme_or_404(request.user, pk)
    first = programme_overview(programme).first_domain
    if first is None:
        raise Http404
    return redirect("programmes:section", pk=programme.pk, section_id=first.pk)


@login_required
@require_GET
def downloads(request, pk: int):
    programme = programme_or_404(request.user, pk)
    context = programme_context(
        request,
        programme,
        "downloads",
        downloads_template=optional_template("programmes/_downloads.html"),
        workbook_url=optional_url("programmes:workbook", programme.pk),
    )
    return render(request, "programmes/downloads.html", context)


@login_required
@require_GET
def summary(request, pk: int):
    """Het totaalbeeld: conclusions per domain, factors in more domains on top, the overall
    conclusion and the missing-figures list of this programme."""
    programme = programme_or_404(request.user, pk)
    analysis = programme_analysis(programme, request.user)
    context = programme_context(
        request,
        programme,
        "summary",
        analysis=analysis,
        multi_factors=[c for c in analysis.cross_factors if c.domain_count > 1],
        missing_figures=missing_figures_for([programme]),
    )
    return render(request, "programmes/summary.html", context)


urlpatterns: list = [
    path("", programme_list, name="list"),
    path("nieuw/", programme_create, name="create"),
    path("nieuw/gebieden/", area_options, name="area_options"),
    path("nieuw/perioden/", period_options, name="period_options"),
    path("<int:pk>/", programme_detail, name="detail"),
    path("<int:pk>/bewerken/", programme_edit, name="edit"),
    path("<int:pk>/analyse/", analysis_start, name="analysis"),
    path("<int:pk>/totaalbeeld/", summary, name="summary"),
    path("<int:pk>/downloads/", downloads, name="downloads"),
    *sections.urlpatterns,
    *history.urlpatterns,
]
