"""The outcome page per activity and per programme, and its CSV/Excel exports.

Who sees what (outcomes/permissions.py): everybody who may see the programme opens the pages
(else 404; anonymous: the login page); members of the activity's own organisation see the raw
figures (extremes, open answers), everybody else the suppressed aggregates.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from duiding.core import exports as core_exports
from duiding.outcomes import exports
from duiding.outcomes.charts import distribution_spec
from duiding.outcomes.models import Response
from duiding.outcomes.permissions import outcome_activity_or_404, sees_raw_answers
from duiding.outcomes.selectors import activity_outcome, activity_outcomes
from duiding.outcomes.suppression import protect_count, shown
from duiding.programmes.permissions import programme_or_404

TAB = "activities"


def _charts(outcome) -> None:
    """A chart spec (and its element id) on every column that has a distribution."""
    for b, block in enumerate(outcome.blocks):
        for c, column in enumerate(block.columns):
            column.chart_id = f"verdeling-{outcome.activity.pk}-{b}-{c}"
            column.spec_id = f"{column.chart_id}-spec"
            column.spec = None
            if column.shown.rows:
                column.spec = distribution_spec(
                    column.shown.rows,
                    description=_("Verdeling van de antwoorden: %(q)s, %(m)s")
                    % {"q": block.label, "m": column.title},
                )


@login_required
@require_GET
def activity_outcome_page(request, activity_id: int):
    activity = outcome_activity_or_404(request.user, activity_id)
    outcome = activity_outcome(activity, request.user, language=get_language() or "nl")
    _charts(outcome)
    return render(
        request,
        "outcomes/activity_outcome.html",
        {
            "programme": activity.programme,
            "activity": activity,
            "outcome": outcome,
            "tab": TAB,
            "nav": "programmes",
        },
    )


@login_required
@require_GET
def programme_outcome_page(request, programme_id: int):
    programme = programme_or_404(request.user, programme_id)
    activities = programme.activities.select_related("organisation").order_by("name", "pk")
    outcomes = activity_outcomes(activities, request.user, language=get_language() or "nl")
    return render(
        request,
        "outcomes/programme_outcome.html",
        {
            "programme": programme,
            "outcomes": outcomes,
            "rows": [_key_figures(o) for o in outcomes],
            "tab": "outcome",
            "nav": "programmes",
        },
    )


def _key_figures(outcome) -> dict:
    """The figures of one activity's block on the programme page."""
    satisfaction = next(
        (b for b in outcome.blocks if b.measure == "tevredenheid" and b.columns), None
    )
    latest = satisfaction.columns[-1] if satisfaction else None
    responses = shown(outcome.responses) if outcome.raw else protect_count(outcome.responses)
    return {
        "outcome": outcome,
        "responses": responses,
        "satisfaction": latest,
        "reach": outcome.reach,
        "dropout": outcome.dropout,
        "overdue": outcome.overdue,
    }


def _export(outcomes, fmt: str, stem: str, title: str, raw: bool):
    rows = exports.outcome_rows(outcomes)
    if fmt == "csv":
        response = StreamingHttpResponse(
            core_exports.csv_lines(exports.header(), rows, exports.credit(raw)),
            content_type=core_exports.CSV_CONTENT_TYPE,
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            core_exports.xlsx_bytes(
                sheet_title=_("Outcome"),
                title=title,
                subtitle=_("Verdeling per vragenlijst, vraag en moment, met de kerncijfers"),
                header=exports.header(),
                rows=rows,
                credit=exports.credit(raw),
                column_width=lambda index, name: 40 if index in (4, 8) else 18,
                frozen_columns=4,
            ),
            content_type=core_exports.XLSX_CONTENT_TYPE,
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(stem, fmt)}"'
    return response


@login_required
@require_GET
def activity_outcome_export(request, activity_id: int, fmt: str):
    activity = outcome_activity_or_404(request.user, activity_id)
    outcome = activity_outcome(activity, request.user, language=get_language() or "nl")
    title = _("Outcome van %(name)s") % {"name": activity.name}
    return _export([outcome], fmt, activity.name, title, outcome.raw)


@login_required
@require_GET
def programme_outcome_export(request, programme_id: int, fmt: str):
    programme = programme_or_404(request.user, programme_id)
    activities = programme.activities.select_related("organisation").order_by("name", "pk")
    outcomes = activity_outcomes(activities, request.user, language=get_language() or "nl")
    title = _("Outcome van %(name)s") % {"name": programme.name}
    return _export(outcomes, fmt, programme.name, title, all(o.raw for o in outcomes))


urlpatterns = [
    path("activiteit/<int:activity_id>/", activity_outcome_page, name="activity_outcome"),
    path(
        "activiteit/<int:activity_id>/export.<str:fmt>",
        activity_outcome_export,
        name="activity_outcome_export",
    ),
    path("programma/<int:programme_id>/", programme_outcome_page, name="programme_outcome"),
    path(
        "programma/<int:programme_id>/export.<str:fmt>",
        programme_outcome_export,
        name="programme_outcome_export",
    ),
]


def outcome_section(request, activity) -> dict:
    """The link to the outcome page on the activity page, with how much was measured (the
    number of filled-in questionnaires, "minder dan 5" across the boundary)."""
    count = Response.objects.filter(questionnaire__activity=activity).count()
    raw = sees_raw_answers(request.user, activity)
    return {
        "activity": activity,
        "responses": shown(count) if raw else protect_count(count),
        "questionnaires": activity.questionnaires.count(),
    }
