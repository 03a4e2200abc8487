"""Activities of a programme ("We zetten X in, zodat Y"), with the sentence builder, and the
reference list of interventions. Everybody who sees the programme reads; the programme's editors
and the carrying partner edit (activities.permissions.can_edit_activity); anybody else gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from duiding.accounts.permissions import is_data_admin
from duiding.activities import selectors, services
from duiding.activities.extensions import activity_delete_items, activity_sections
from duiding.activities.forms import (
    ActivityFilterForm,
    ActivityForm,
    InterventionForm,
    apply_errors,
)
from duiding.activities.models import Databank, Intervention
from duiding.activities.permissions import activity_or_404, can_add_activity, can_edit_activity
from duiding.activities.sentence import activity_sentence, compose, sentence_templates
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.programmes.permissions import can_edit_programme, programme_or_404

TAB = "activities"


def _context(request, programme, **extra) -> dict:
    return {
        "programme": programme,
        "tab": TAB,
        "nav": "programmes",
        "can_edit": can_edit_programme(request.user, programme),
        "can_add": can_add_activity(request.user, programme),
        **extra,
    }


def _status(request, form) -> int:
    return 400 if request.method == "POST" and form.errors else 200


@login_required
def programme_activities(request, pk: int):
    programme = programme_or_404(request.user, pk)
    filters = ActivityFilterForm(request.GET or None, programme=programme)
    activities = selectors.filter_activities(
        selectors.activities_for(programme), filters.params() if request.GET else {}
    ).order_by("name", "pk")
    rows = [
        {
            "activity": a,
            "sentence": activity_sentence(a),
            "can_edit": can_edit_activity(request.user, a),
        }
        for a in activities
    ]
    return render(
        request,
        "activities/activity_list.html",
        _context(
            request,
            programme,
            rows=rows,
            filters=filters,
            filtered=bool(request.GET),
            total=programme.activities.count(),
        ),
    )


def _form_page(request, programme, form, *, activity=None, stale=None):
    parts = form.sentence_parts()
    return render(
        request,
        "activities/activity_form.html",
        _context(
            request,
            programme,
            form=form,
            activity=activity,
            sentence=compose(**parts),
            sentence_templates=sentence_templates(),
            stale=stale,
        ),
        status=409 if stale else _status(request, form),
    )


@login_required
def activity_create(request, pk: int):
    programme = programme_or_404(request.user, pk)
    if not can_add_activity(request.user, programme):
        raise PermissionDenied
    if request.method != "POST":
        return _form_page(request, programme, ActivityForm(programme=programme, user=request.user))
    form = ActivityForm(request.POST, programme=programme, user=request.user)
    if form.is_valid():
        try:
            activity = services.activity_create(
                programme=programme, user=request.user, **form.service_data()
            )
        except ValidationError as error:
            apply_errors(form, error, ActivityForm.ERROR_ALIASES)
        else:
            messages.success(
                request,
                _("De activiteit is toegevoegd: %(s)s") % {"s": activity_sentence(activity)},
            )
            return redirect("activities:activity_detail", pk=activity.pk)
    return _form_page(request, programme, form)


@login_required
def activity_detail(request, pk: int):
    activity = activity_or_404(request.user, pk)
    activity = selectors.activities_for(activity.programme).get(pk=activity.pk)
    programme = activity.programme
    return render(
        request,
        "activities/activity_detail.html",
        _context(
            request,
            programme,
            activity=activity,
            sentence=activity_sentence(activity),
            can_edit_activity=can_edit_activity(request.user, activity),
            sections=activity_sections(request, activity),
        ),
    )


@login_required
def activity_edit(request, pk: int):
    activity = activity_or_404(request.user, pk, edit=True)
    programme = activity.programme
    if request.method != "POST":
        form = ActivityForm(
            programme=programme, user=request.user, initial=ActivityForm.initial_for(activity)
        )
        return _form_page(request, programme, form, activity=activity)
    form = ActivityForm(request.POST, programme=programme, user=request.user)
    if form.is_valid():
        try:
            services.activity_update(
                activity=activity,
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
                **form.service_data(),
            )
        except ValidationError as error:
            apply_errors(form, error, ActivityForm.ERROR_ALIASES)
        except StaleEdit as error:
            version_moved_on(form, error)
            return _form_page(request, programme, form, activity=activity, stale=error)
        else:
            messages.success(request, _("De activiteit is opgeslagen."))
            return redirect("activities:activity_detail", pk=activity.pk)
    return _form_page(request, programme, form, activity=activity)


@login_required
def activity_delete(request, pk: int):
    """Asks for confirmation first (GET); deletes on POST."""
    activity = activity_or_404(request.user, pk, edit=True)
    programme = activity.programme
    if request.method == "POST":
        services.activity_delete(activity=activity, user=request.user)
        messages.success(
            request, _("De activiteit „%(name)s” is verwijderd.") % {"name": activity.name}
        )
        return redirect("activities:programme_activities", pk=programme.pk)
    return render(
        request,
        "activities/activity_confirm_delete.html",
        _context(
            request,
            programme,
            activity=activity,
            steps=list(activity.plan_steps.all()),
            quality_agreements=list(activity.quality_agreements.all()),
            downstream=activity_delete_items(activity),
        ),
    )


# --- Interventions (reference list) ----------------------------------------------------------


@login_required
def interventions(request):
    """The reference list: every logged-in user reads it; beheerders add and edit."""
    return render(
        request,
        "activities/intervention_list.html",
        {
            "interventions": Intervention.objects.select_related("databank"),
            "databanks": Databank.objects.all(),
            "can_manage": is_data_admin(request.user),
            "nav": "frameworks",
        },
    )


def _intervention_page(request, form, intervention=None, stale=None):
    return render(
        request,
        "activities/intervention_form.html",
        {"form": form, "intervention": intervention, "stale": stale, "nav": "frameworks"},
        status=409 if stale is not None else _status(request, form),
    )


@login_required
def intervention_edit(request, pk: int | None = None):
    if not is_data_admin(request.user):
        raise PermissionDenied
    intervention = get_object_or_404(Intervention, pk=pk) if pk else None
    if request.method != "POST":
        initial = {}
        if intervention:
            initial = {
                "name": intervention.name,
                "databank": intervention.databank_id,
                "recognition_level": intervention.recognition_level,
                "description": intervention.description,
                "url": intervention.url,
                "version": intervention.version,
            }
        return _intervention_page(request, InterventionForm(initial=initial), intervention)
    form = InterventionForm(request.POST)
    if form.is_valid():
        fields = dict(form.cleaned_data)
        version = fields.pop("version")
        try:
            services.intervention_save(
                user=request.user, intervention=intervention, expected_version=version, **fields
            )
        except ValidationError as error:
            apply_errors(form, error)
        except StaleEdit as error:
            version_moved_on(form, error)
            return _intervention_page(request, form, intervention, error)
        else:
            messages.success(request, _("De interventie is opgeslagen."))
            return redirect("activities:interventions")
    return _intervention_page(request, form, intervention)


urlpatterns = [
    path("programma/<int:pk>/", programme_activities, name="programme_activities"),
    path("programma/<int:pk>/nieuw/", activity_create, name="activity_create"),
    path("activiteit/<int:pk>/", activity_detail, name="activity_detail"),
    path("activiteit/<int:pk>/bewerken/", activity_edit, name="activity_edit"),
    path("activiteit/<int:pk>/verwijderen/", activity_delete, name="activity_delete"),
    path("interventies/", interventions, name="interventions"),
    path("interventies/nieuw/", intervention_edit, name="intervention_create"),
    path("interventies/<int:pk>/bewerken/", intervention_edit, name="intervention_edit"),
]
