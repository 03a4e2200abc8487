"""GET /api/v1/activities/{id}/outcome: the outcome of an activity as aggregates.

The API crosses an organisation's boundary, so the answer is ALWAYS the suppressed view
(`outcomes.selectors.activity_outcome(..., raw=False)`), for every caller, also a member of the
activity's own organisation: counts 1–4 as "minder dan 5", complementary suppression against
subtraction, no single answers, no extremes, open answers only of a questionnaire marked
shareable (and then only with 5 or more). Only activities of programmes the caller may see; any
other id is a 404.
"""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema
from ninja.errors import HttpError

from duiding.activities.models import Activity
from duiding.api.schemas import ErrorOut
from duiding.outcomes.selectors import activity_outcome
from duiding.programmes.permissions import visible_programmes

router = Router()


class OutcomeCountOut(Schema):
    value: int | None  # None when not shown
    shown: bool
    text: str  # "12", "minder dan 5" or "niet getoond"


class OutcomeValueOut(Schema):
    value: str
    label: str
    count: OutcomeCountOut


class OutcomeMomentOut(Schema):
    questionnaire_id: int | None  # None: entered figures without a questionnaire
    title: str
    moment: str
    n: OutcomeCountOut
    mean: float | None  # one decimal; None when not shown
    median: float | None
    sufficient: OutcomeCountOut | None  # None: no "voldoende" for this kind of question
    sufficient_share: float | None  # percentage, whole number
    distribution: list[OutcomeValueOut]
    open_answers: list[str]
    notes: list[str]  # why a figure is not shown (Dutch)


class OutcomeMeasureOut(Schema):
    key: str
    label: str
    measure: str
    kind: str
    moments: list[OutcomeMomentOut]


class OutcomeCategoryOut(Schema):
    category: str
    label: str
    count: OutcomeCountOut


class OutcomePairsOut(Schema):
    question: str
    strong_from: int  # scale points from which a change counts as strong
    categories: list[OutcomeCategoryOut]
    pairs: OutcomeCountOut


class OutcomeGroupChangeOut(Schema):
    question: str
    pre_mean: float | None
    post_mean: float | None


class OutcomeDropoutOut(Schema):
    reasons: list[OutcomeValueOut]
    total: OutcomeCountOut
    client_share: float | None


class OutcomePeriodOut(Schema):
    start: date
    end: date
    reached: OutcomeCountOut | None
    target: int | None
    no_shows: OutcomeCountOut | None


class OutcomeReachOut(Schema):
    planned: int | None
    planned_source: str
    reached: OutcomeCountOut | None
    share: float | None
    periods: list[OutcomePeriodOut]


class OutcomePlanQuestionnaireOut(Schema):
    id: int
    title: str
    moment: str
    status: str
    responses: OutcomeCountOut
    target_responses: int | None


class OutcomePlanOut(Schema):
    id: int
    measure: str
    label: str
    how: str
    how_often: str
    from_whom: str
    questionnaires: list[OutcomePlanQuestionnaireOut]
    entered: bool
    overdue: bool
    reason: str


class ActivityOutcomeOut(Schema):
    activity_id: int
    activity: str
    organisation: str
    suppressed: bool  # always true: the API shows aggregates with small counts suppressed
    measures: list[OutcomeMeasureOut]
    pairs: list[OutcomePairsOut]
    group_changes: list[OutcomeGroupChangeOut]
    dropout: OutcomeDropoutOut | None
    reach: OutcomeReachOut | None
    plans: list[OutcomePlanOut]


def _count(count) -> dict | None:
    if count is None:
        return None
    return {"value": count.value if count.shown else None, "shown": count.shown, "text": count.text}


def _rounded(value, shown_text, digits: int) -> float | None:
    return None if shown_text is None or value is None else round(float(value), digits)


def _moment(column) -> dict:
    s = column.shown
    return {
        "questionnaire_id": column.questionnaire.pk if column.questionnaire else None,
        "title": column.title,
        "moment": column.moment,
        "n": _count(s.n),
        "mean": _rounded(s.summary.mean, s.mean, 1),
        "median": _rounded(s.summary.median, s.median, 1),
        "sufficient": _count(s.sufficient),
        "sufficient_share": _rounded(s.summary.sufficient_share, s.sufficient_share, 0),
        "distribution": [
            {"value": r.value, "label": r.label, "count": _count(r.count)} for r in s.rows
        ],
        "open_answers": list(s.texts),
        "notes": list(s.notes),
    }


def _reach(reach) -> dict:
    return {
        "planned": reach.reach.planned,
        "planned_source": reach.reach.planned_source,
        "reached": _count(reach.reached),
        "share": _rounded(reach.reach.share, reach.share, 0),
        "periods": [
            {
                "start": p.start,
                "end": p.end,
                "reached": _count(p.reached),
                "target": p.target,
                "no_shows": _count(p.no_shows),
            }
            for p in reach.periods
        ],
    }


def _plan(row) -> dict:
    plan = row.plan
    return {
        "id": plan.pk,
        "measure": plan.measure,
        "label": plan.label,
        "how": plan.how,
        "how_often": plan.how_often,
        "from_whom": plan.from_whom,
        "questionnaires": [
            {
                "id": i["questionnaire"].pk,
                "title": i["questionnaire"].title,
                "moment": i["questionnaire"].moment,
                "status": i["status"],
                "responses": _count(i["responses"]),
                "target_responses": i["questionnaire"].target_responses,
            }
            for i in row.questionnaires
        ],
        "entered": row.entered,
        "overdue": row.overdue,
        "reason": row.reason,
    }


def outcome_payload(outcome) -> dict:
    activity = outcome.activity
    dropout = outcome.dropout
    return {
        "activity_id": activity.pk,
        "activity": activity.name,
        "organisation": activity.organisation.name,
        "suppressed": not outcome.raw,
        "measures": [
            {
                "key": b.key,
                "label": b.label,
                "measure": b.measure,
                "kind": b.kind,
                "moments": [_moment(c) for c in b.columns],
            }
            for b in outcome.blocks
        ],
        "pairs": [
            {
                "question": p.change.label,
                "strong_from": p.change.strong,
                "categories": [
                    {"category": k, "label": label, "count": _count(c)} for k, label, c in p.counts
                ],
                "pairs": _count(p.n),
            }
            for p in outcome.pairs
        ],
        "group_changes": [
            {
                "question": g.change.label,
                "pre_mean": _rounded(g.change.pre_mean, g.pre_mean, 1),
                "post_mean": _rounded(g.change.post_mean, g.post_mean, 1),
            }
            for g in outcome.group_changes
        ],
        "dropout": None
        if dropout is None
        else {
            "reasons": [
                {"value": r.value, "label": r.label, "count": _count(r.count)} for r in dropout.rows
            ],
            "total": _count(dropout.total),
            "client_share": _rounded(dropout.dropout.client_share, dropout.client_share, 0),
        },
        "reach": _reach(outcome.reach) if outcome.reach else None,
        "plans": [_plan(row) for row in outcome.plans],
    }


@router.get(
    "/activities/{int:activity_id}/outcome",
    response={200: ActivityOutcomeOut, 404: ErrorOut},
    tags=["outcomes"],
)
def activity_outcome_get(request, activity_id: int):
    """The outcome of an activity (seed 003 step 5) as aggregates: per measure and moment the
    distribution, n, mean, median and share voldoende; the change per pair of measurements;
    dropout per reason code; reach against the plan; the measurement plan with what was
    measured. Always suppressed: counts under 5 read "minder dan 5"."""
    activity = (
        Activity.objects.filter(programme__in=visible_programmes(request.auth))
        .select_related("organisation", "programme")
        .filter(pk=activity_id)
        .first()
    )
    if activity is None:
        raise HttpError(404, "Onbekende activiteit")
    return outcome_payload(activity_outcome(activity, raw=False))
