"""XLSForm import (an upload page per activity) and export (a download per questionnaire).

Import: who may manage the activity's outcome (`can_manage_outcome`); an activity the user does
not see is a 404, one the user sees but may not manage a 403 (`outcome_activity_or_404`). A
refused file lists its problems (sheet, row, column) and stores nothing. Export: anyone who may
see the questionnaire (the questions hold no answers)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.text import slugify
from django.utils.translation import ngettext

from duiding.core.exports import XLSX_CONTENT_TYPE
from duiding.outcomes.permissions import outcome_activity_or_404, questionnaire_or_404
from duiding.outcomes.xlsform import XLSFormError, write_xlsform
from duiding.outcomes.xlsform_forms import XLSFormImportForm
from duiding.outcomes.xlsform_services import import_questionnaire


def _after_import(questionnaire) -> str:
    """The questionnaire's own page once it exists (built by another part of the app), else
    the activity's page."""
    try:
        return reverse("outcomes:questionnaire_detail", kwargs={"pk": questionnaire.pk})
    except NoReverseMatch:
        return reverse("activities:activity_detail", kwargs={"pk": questionnaire.activity_id})


@login_required
def xlsform_import(request, activity_id: int):
    activity = outcome_activity_or_404(request.user, activity_id, edit=True)
    form = XLSFormImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            questionnaire = import_questionnaire(
                activity=activity,
                file=form.cleaned_data["file"],
                user=request.user,
                moment=form.cleaned_data["moment"],
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
            )
        except XLSFormError as refused:
            problems = refused.messages
            form.add_error(
                "file",
                ngettext(
                    "Het bestand is niet ingelezen: er is %(n)s probleem (zie de lijst).",
                    "Het bestand is niet ingelezen: er zijn %(n)s problemen (zie de lijst).",
                    len(problems),
                )
                % {"n": len(problems)},
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                for message in field_errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            count = len(questionnaire.current.questions)
            messages.success(
                request,
                ngettext(
                    "De vragenlijst „%(title)s” is ingelezen met %(n)s vraag.",
                    "De vragenlijst „%(title)s” is ingelezen met %(n)s vragen.",
                    count,
                )
                % {"title": questionnaire.title, "n": count},
            )
            for note in questionnaire.import_notes:
                messages.info(request, note)
            return redirect(_after_import(questionnaire))
    return render(
        request,
        "outcomes/xlsform_import.html",
        {
            "activity": activity,
            "programme": activity.programme,
            "tab": "activities",
            "nav": "programmes",
            "form": form,
            "problems": problems,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def xlsform_export(request, pk: int):
    questionnaire = questionnaire_or_404(request.user, pk)
    response = HttpResponse(write_xlsform(questionnaire), content_type=XLSX_CONTENT_TYPE)
    name = slugify(questionnaire.title)[:60] or "vragenlijst"
    response["Content-Disposition"] = f'attachment; filename="{name}-xlsform.xlsx"'
    return response


urlpatterns = [
    path(
        "activiteit/<int:activity_id>/vragenlijsten/xlsform/",
        xlsform_import,
        name="xlsform_import",
    ),
    path("vragenlijst/<int:pk>/xlsform.xlsx", xlsform_export, name="xlsform_export"),
]
