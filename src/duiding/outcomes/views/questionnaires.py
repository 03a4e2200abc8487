"""Questionnaires of an activity: the list, create (with the seed's standard questions), the
detail page with a read-only preview of the questions as a participant sees them, edit the
details, delete. Everybody who sees the activity reads; the activity's partner and the
programme's gebiedsadviseur (`permissions.can_manage_outcome`) create and edit; anybody else 404.
The question editor is `views/questions.py`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from duiding.activities.forms import apply_errors
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.outcomes import services
from duiding.outcomes.permissions import (
    can_manage_outcome,
    outcome_activity_or_404,
    questionnaire_or_404,
    sees_raw_answers,
)
from duiding.outcomes.questionnaire_forms import QuestionnaireCreateForm, QuestionnaireForm
from duiding.outcomes.sections import (
    count_text,
    preview,
    questionnaire_rows,
    version_counts,
    window_state,
    window_state_label,
)

# A service's "questions" problems are shown on the standard measures of the create form.
CREATE_ALIASES = {"questions": "measures"}


def context(request, activity, **extra) -> dict:
    """The frame of every questionnaire page (the programme's pages, the activities tab)."""
    return {
        "programme": activity.programme,
        "activity": activity,
        "tab": "activities",
        "nav": "programmes",
        "can_manage": can_manage_outcome(request.user, activity),
        **extra,
    }


def _status(request, form) -> int:
    return 400 if request.method == "POST" and form.errors else 200


@login_required
def questionnaire_list(request, activity_id: int):
    activity = outcome_activity_or_404(request.user, activity_id)
    return render(
        request,
        "outcomes/questionnaire_list.html",
        context(request, activity, rows=questionnaire_rows(activity, request.user)),
    )


def _create_page(request, activity, form):
    return render(
        request,
        "outcomes/questionnaire_form.html",
        context(
            request,
            activity,
            form=form,
            creating=True,
            plan_measures={str(p.pk): p.measure for p in activity.measurement_plans.all()},
        ),
        status=_status(request, form),
    )


@login_required
def questionnaire_create(request, activity_id: int):
    activity = outcome_activity_or_404(request.user, activity_id, edit=True)
    if request.method != "POST":
        initial = QuestionnaireCreateForm.initial_for_activity(activity)
        return _create_page(
            request, activity, QuestionnaireCreateForm(activity=activity, initial=initial)
        )
    form = QuestionnaireCreateForm(request.POST, activity=activity)
    if form.is_valid():
        try:
            questionnaire = services.questionnaire_create(
                activity=activity, user=request.user, questions=form.questions(), **form.details()
            )
        except ValidationError as error:
            apply_errors(form, error, CREATE_ALIASES)
        else:
            messages.success(
                request,
                _(
                    "De vragenlijst „%(title)s” is gemaakt. Bekijk hieronder hoe de deelnemer haar ziet."
                )
                % {"title": questionnaire.title},
            )
            return redirect("outcomes:questionnaire_detail", pk=questionnaire.pk)
    return _create_page(request, activity, form)


@login_required
def questionnaire_detail(request, pk: int):
    questionnaire = questionnaire_or_404(request.user, pk)
    activity = questionnaire.activity
    versions = list(
        questionnaire.versions.annotate(n_responses=Count("responses")).select_related("created_by")
    )
    current = versions[-1] if versions else None
    state = window_state(questionnaire)
    raw = sees_raw_answers(request.user, activity)
    shown, hidden = version_counts([v.n_responses for v in versions], raw)
    for version, count in zip(versions, shown, strict=True):
        version.shown_responses = count
    return render(
        request,
        "outcomes/questionnaire_detail.html",
        context(
            request,
            activity,
            questionnaire=questionnaire,
            current=current,
            versions=versions,
            items=preview(current.questions if current else [], get_language() or "nl"),
            state=state,
            state_label=window_state_label(state),
            responses=count_text(sum(v.n_responses for v in versions), raw),
            counts_hidden=hidden,
            plans=list(questionnaire.measurement_plans.all()),
        ),
    )


def _edit_page(request, questionnaire, form, stale=None):
    return render(
        request,
        "outcomes/questionnaire_form.html",
        context(
            request, questionnaire.activity, form=form, questionnaire=questionnaire, stale=stale
        ),
        status=409 if stale else _status(request, form),
    )


@login_required
def questionnaire_edit(request, pk: int):
    questionnaire = questionnaire_or_404(request.user, pk, edit=True)
    activity = questionnaire.activity
    if request.method != "POST":
        form = QuestionnaireForm(
            activity=activity, initial=QuestionnaireForm.initial_for(questionnaire)
        )
        return _edit_page(request, questionnaire, form)
    form = QuestionnaireForm(request.POST, activity=activity)
    if form.is_valid():
        try:
            services.questionnaire_update(
                questionnaire,
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
                **form.details(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        except StaleEdit as error:
            version_moved_on(form, error)
            return _edit_page(request, questionnaire, form, stale=error)
        else:
            messages.success(request, _("De gegevens van de vragenlijst zijn opgeslagen."))
            return redirect("outcomes:questionnaire_detail", pk=questionnaire.pk)
    return _edit_page(request, questionnaire, form)


@login_required
def questionnaire_delete(request, pk: int):
    """Asks for confirmation first (GET); deletes on POST (refused when there are answers)."""
    questionnaire = questionnaire_or_404(request.user, pk, edit=True)
    activity = questionnaire.activity
    error = None
    if request.method == "POST":
        try:
            services.questionnaire_delete(questionnaire, user=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request,
                _("De vragenlijst „%(title)s” is verwijderd.") % {"title": questionnaire.title},
            )
            return redirect("outcomes:questionnaire_list", activity_id=activity.pk)
    return render(
        request,
        "outcomes/questionnaire_confirm_delete.html",
        context(
            request,
            activity,
            questionnaire=questionnaire,
            responses=questionnaire.responses.count(),
            error=error,
        ),
        status=400 if error else 200,
    )


urlpatterns = [
    path(
        "activiteit/<int:activity_id>/vragenlijsten/", questionnaire_list, name="questionnaire_list"
    ),
    path(
        "activiteit/<int:activity_id>/vragenlijsten/nieuw/",
        questionnaire_create,
        name="questionnaire_create",
    ),
    path("vragenlijst/<int:pk>/", questionnaire_detail, name="questionnaire_detail"),
    path("vragenlijst/<int:pk>/bewerken/", questionnaire_edit, name="questionnaire_edit"),
    path("vragenlijst/<int:pk>/verwijderen/", questionnaire_delete, name="questionnaire_delete"),
]
