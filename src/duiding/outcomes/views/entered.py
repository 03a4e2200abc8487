"""Entered figures of an activity: the list of periods with totals, the form of one period, delete
(with confirmation) and restore, and the Excel template and upload.

Who: those who may manage the activity's outcome (its partner, the programme's gebiedsadviseur);
anybody else gets a 404 (the figures are the partner's own registration), anonymous the login."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from duiding.core.exports import XLSX_CONTENT_TYPE
from duiding.core.history import RestoreError
from duiding.core.versioning import save_or_stale
from duiding.outcomes import entered_excel
from duiding.outcomes import entered_services as services
from duiding.outcomes.entered_forms import EnteredFiguresForm, UploadForm, count_field_name
from duiding.outcomes.models import EnteredFiguresChange
from duiding.outcomes.permissions import (
    can_manage_outcome,
    entered_figures_or_404,
    outcome_activity_or_404,
)
from duiding.programmes.permissions import can_edit_programme

TAB = "activities"


def _activity(request, activity_id: int):
    activity = outcome_activity_or_404(request.user, activity_id)
    if not can_manage_outcome(request.user, activity):
        raise Http404
    return activity


def _figures(request, pk: int):
    figures = entered_figures_or_404(request.user, pk)
    if not can_manage_outcome(request.user, figures.activity):
        raise Http404
    return figures


def _context(request, activity, **extra) -> dict:
    return {
        "programme": activity.programme,
        "activity": activity,
        "tab": TAB,
        "nav": "programmes",
        "can_edit": can_edit_programme(request.user, activity.programme),
        **extra,
    }


def _list_url(activity) -> str:
    return reverse("outcomes:entered_list", args=[activity.pk])


def _periods(activity) -> list[dict]:
    rows = []
    for figures in activity.entered_figures.prefetch_related("counts"):
        data = services.Figures.of(figures)
        measured = [
            m.label
            for m in services.counted_measures()
            if m.key != services.DROPOUT and data.counts.get(m.key)
        ]
        rows.append(
            {
                "figures": figures,
                "dropout": data.dropout_total() if data.counts.get(services.DROPOUT) else None,
                "measured": measured,
                "warnings": services.warnings(data),
            }
        )
    return rows


@login_required
def entered_list(request, activity_id: int):
    activity = _activity(request, activity_id)
    deleted = EnteredFiguresChange.deletions().filter(activity=activity).select_related("user")
    return render(
        request,
        "outcomes/entered_list.html",
        _context(
            request,
            activity,
            periods=_periods(activity),
            totals=services.totals(activity),
            deleted=deleted,
        ),
    )


def _plan_measures(activity) -> set[str]:
    return set(activity.measurement_plans.values_list("measure", flat=True))


def _measure_tables(form, activity, data: services.Figures | None) -> tuple[list, list]:
    """(measures of the activity's measurement plans, the other measures), each with its rows;
    a measure with entered counts or an error is shown with the first."""
    planned = _plan_measures(activity)
    first, rest = [], []
    for measure in form.measures:
        rows = form.count_rows(measure)
        table = {"measure": measure, "rows": rows}
        has_counts = bool(data and data.counts.get(measure.key))
        has_errors = any(row["field"].errors for row in rows)
        (first if measure.key in planned or has_counts or has_errors else rest).append(table)
    return first, rest


def _apply_error(form, error: services.EnteredError) -> None:
    measures = {m.key: m for m in form.measures}
    for field, message in error.errors:
        name = field
        if field and ":" in field:
            key, value = field.split(":", 1)
            values = [v for v, _m in measures[key].values] if key in measures else []
            name = count_field_name(key, values.index(value)) if value in values else None
        form.add_error(name if name in form.fields else None, message)


def _form_page(request, activity, form, *, figures=None, stale=None, data=None):
    planned, others = _measure_tables(form, activity, data)
    status = 409 if stale else (400 if request.method == "POST" else 200)
    return render(
        request,
        "outcomes/entered_form.html",
        _context(
            request,
            activity,
            form=form,
            figures=figures,
            stale=stale,
            planned_tables=planned,
            other_tables=others,
            default_target=services.default_target(activity),
        ),
        status=status,
    )


def _saved(request, activity, data: services.Figures, text: str):
    messages.success(request, text)
    for warning in services.warnings(data):
        messages.warning(request, warning)
    return redirect(_list_url(activity))


@login_required
def entered_create(request, activity_id: int):
    activity = _activity(request, activity_id)
    initial = {"target": services.default_target(activity)}
    form = EnteredFiguresForm(request.POST or None, initial=initial)
    data = None
    if request.method == "POST" and form.is_valid():
        data = form.figures()
        try:
            services.entered_figures_create(activity=activity, user=request.user, data=data)
        except services.EnteredError as error:
            _apply_error(form, error)
        else:
            return _saved(request, activity, data, _("De cijfers van de periode zijn opgeslagen."))
    return _form_page(request, activity, form, data=data)


@login_required
def entered_edit(request, pk: int):
    figures = _figures(request, pk)
    activity = figures.activity
    stored = services.Figures.of(figures)
    initial = EnteredFiguresForm.initial_for(stored, figures.version)
    form = EnteredFiguresForm(request.POST or None, initial=initial)
    stale, data = None, stored
    if request.method == "POST" and form.is_valid():
        data = form.figures()
        try:
            stale = save_or_stale(
                form,
                lambda: services.entered_figures_update(
                    figures=figures,
                    user=request.user,
                    data=data,
                    expected_version=form.cleaned_data.get("version"),
                ),
            )
        except services.EnteredError as error:
            _apply_error(form, error)
        else:
            if stale is None:
                return _saved(request, activity, data, _("De wijzigingen zijn opgeslagen."))
    return _form_page(request, activity, form, figures=figures, stale=stale, data=data)


@login_required
def entered_delete(request, pk: int):
    figures = _figures(request, pk)
    activity = figures.activity
    if request.method == "POST":
        services.entered_figures_delete(figures=figures, user=request.user)
        messages.success(
            request,
            _("De periode is verwijderd. U kunt haar hieronder terugzetten."),
        )
        return redirect(_list_url(activity))
    return render(
        request,
        "outcomes/entered_confirm_delete.html",
        _context(
            request,
            activity,
            figures=figures,
            period=services.period_text(figures.period_start, figures.period_end),
        ),
    )


@require_POST
@login_required
def entered_restore(request, activity_id: int, change_id: int):
    activity = _activity(request, activity_id)
    change = get_object_or_404(EnteredFiguresChange, pk=change_id, activity=activity)
    try:
        services.entered_figures_restore(change=change, user=request.user)
    except RestoreError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De periode is teruggezet."))
    return redirect(_list_url(activity))


@login_required
def entered_template(request, activity_id: int):
    activity = _activity(request, activity_id)
    response = HttpResponse(
        entered_excel.template_workbook(activity), content_type=XLSX_CONTENT_TYPE
    )
    name = slugify(activity.name)[:60] or "activiteit"
    response["Content-Disposition"] = f'attachment; filename="cijfers-{name}.xlsx"'
    return response


@login_required
def entered_upload(request, activity_id: int):
    activity = _activity(request, activity_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    refused: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = entered_excel.parse_upload(activity, form.cleaned_data["file"].read())
            result = services.entered_figures_import(
                activity=activity, user=request.user, rows=rows
            )
        except entered_excel.UploadError as error:
            refused = error.messages
        except services.EnteredError as error:
            refused = [message for _f, message in error.errors]
        else:
            messages.success(request, _upload_message(result))
            return redirect(_list_url(activity))
    return render(
        request,
        "outcomes/entered_upload.html",
        _context(request, activity, form=form, refused=refused),
        status=400 if request.method == "POST" else 200,
    )


def _upload_message(result) -> str:
    added = ngettext(
        "%(count)s periode toegevoegd", "%(count)s perioden toegevoegd", result.added
    ) % {"count": result.added}
    changed = ngettext(
        "%(count)s periode gewijzigd", "%(count)s perioden gewijzigd", result.changed
    ) % {"count": result.changed}
    return _("Het bestand is verwerkt: %(added)s, %(changed)s.") % {
        "added": added,
        "changed": changed,
    }


urlpatterns = [
    path("activiteit/<int:activity_id>/cijfers/", entered_list, name="entered_list"),
    path("activiteit/<int:activity_id>/cijfers/nieuw/", entered_create, name="entered_create"),
    path(
        "activiteit/<int:activity_id>/cijfers/sjabloon.xlsx",
        entered_template,
        name="entered_template",
    ),
    path("activiteit/<int:activity_id>/cijfers/uploaden/", entered_upload, name="entered_upload"),
    path(
        "activiteit/<int:activity_id>/cijfers/herstellen/<int:change_id>/",
        entered_restore,
        name="entered_restore",
    ),
    path("cijfers/<int:pk>/", entered_edit, name="entered_edit"),
    path("cijfers/<int:pk>/verwijderen/", entered_delete, name="entered_delete"),
]


def entered_section(request, activity) -> dict | None:
    """The part of the activity page that leads to the entered figures (managers only)."""
    if not can_manage_outcome(request.user, activity):
        return None
    return {"activity": activity, "totals": services.totals(activity)}
