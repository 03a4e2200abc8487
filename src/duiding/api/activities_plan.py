"""GET /api/v1/programmes/{id}/plan: the plan van aanpak of a programme as JSON.

The same reads as the plan page and the Excel export (`activities.plan.selectors.programme_plan`):
per activity who carries it out, for which target group and with what reach, its steps, quality
agreements (with the seed's quality questions answered), measurement plans and purchase
agreements; plus the steps and purchase agreements that belong to the whole plan. Only programmes
the user may see (`programmes.permissions.visible_programmes`); any other id is a 404.
"""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema
from ninja.errors import HttpError

from duiding.activities.plan.selectors import checklist_rows, programme_plan
from duiding.api.schemas import ErrorOut
from duiding.outcomes.measurement_plans.services import measure_label
from duiding.programmes.permissions import visible_programmes

router = Router()


class StepOut(Schema):
    id: int
    activity_id: int | None
    description: str
    owner_organisation: str
    owner_user: str | None
    due_date: date
    status: str
    overdue: bool


class PurchaseOut(Schema):
    id: int
    activity_id: int | None
    reference: str
    date: date
    note: str


class QuestionOut(Schema):
    key: str
    question: str
    answer: bool | None  # None: not discussed yet
    note: str


class QualityOut(Schema):
    id: int
    organisation: str
    next_step: str
    current_level: int
    target_level: int | None
    due_date: date
    status: str
    overdue: bool
    checklist: list[QuestionOut]


class MeasurementOut(Schema):
    id: int
    measure: str  # bereik, uitval, tevredenheid, doelrealisatie, verder_zonder_hulp, ...
    label: str
    custom_name: str
    years: int | None
    how: str
    how_often: str
    from_whom: str  # steekproef / alle
    attention_points: str


class ActivityPlanOut(Schema):
    id: int
    name: str
    organisation: str  # who carries it out
    target_group: str
    target_group_size: int | None
    reach: int | None
    prevention_level: str
    evidence_level: int
    steps: list[StepOut]
    quality_agreements: list[QualityOut]
    measurement_plans: list[MeasurementOut]
    purchase_agreements: list[PurchaseOut]


class PlanOut(Schema):
    programme_id: int
    programme: str
    activities: list[ActivityPlanOut]
    steps: list[StepOut]  # steps of the whole plan (not tied to one activity)
    all_steps: list[StepOut]  # every step, by date, then activity
    purchase_agreements: list[PurchaseOut]  # without an activity


def _step(step) -> dict:
    return {
        "id": step.pk,
        "activity_id": step.activity_id,
        "description": step.description,
        "owner_organisation": step.owner_organisation.name,
        "owner_user": step.owner_user.get_username() if step.owner_user_id else None,
        "due_date": step.due_date,
        "status": step.status,
        "overdue": step.overdue,
    }


def _purchase(agreement) -> dict:
    return {
        "id": agreement.pk,
        "activity_id": agreement.activity_id,
        "reference": agreement.reference,
        "date": agreement.date,
        "note": agreement.note,
    }


def _quality(agreement, activity) -> dict:
    return {
        "id": agreement.pk,
        "organisation": agreement.organisation.name,
        "next_step": agreement.next_step,
        "current_level": activity.evidence_level,
        "target_level": agreement.target_level,
        "due_date": agreement.due_date,
        "status": agreement.status,
        "overdue": agreement.overdue,
        "checklist": [
            {"key": r.key, "question": r.question, "answer": r.answer, "note": r.note}
            for r in checklist_rows(agreement)
        ],
    }


def _measurement(plan) -> dict:
    return {
        "id": plan.pk,
        "measure": plan.measure,
        "label": measure_label(plan),
        "custom_name": plan.custom_name,
        "years": plan.years,
        "how": plan.how,
        "how_often": plan.how_often,
        "from_whom": plan.from_whom,
        "attention_points": plan.attention_points,
    }


def plan_payload(plan) -> dict:
    programme = plan.programme
    return {
        "programme_id": programme.pk,
        "programme": programme.name,
        "activities": [
            {
                "id": a.activity.pk,
                "name": a.activity.name,
                "organisation": a.activity.organisation.name,
                "target_group": a.activity.target_group,
                "target_group_size": a.activity.target_group_size,
                "reach": a.activity.reach,
                "prevention_level": a.activity.prevention_level,
                "evidence_level": a.activity.evidence_level,
                "steps": [_step(s) for s in a.steps],
                "quality_agreements": [_quality(q, a.activity) for q in a.quality],
                "measurement_plans": [_measurement(m) for m in a.activity.measurement_plans.all()],
                "purchase_agreements": [_purchase(p) for p in a.purchases],
            }
            for a in plan.activities
        ],
        "steps": [_step(s) for s in plan.general_steps],
        "all_steps": [_step(s) for s in plan.steps],
        "purchase_agreements": [_purchase(p) for p in plan.purchases if not p.activity_id],
    }


@router.get(
    "/programmes/{int:programme_id}/plan",
    response={200: PlanOut, 404: ErrorOut},
    tags=["activities"],
)
def programme_plan_get(request, programme_id: int):
    """The plan van aanpak (seed 003 appendix 6): activities with their steps, quality
    agreements, measurement plans and purchase agreements."""
    programme = visible_programmes(request.auth).filter(pk=programme_id).first()
    if programme is None:
        raise HttpError(404, "Onbekend programma")
    return plan_payload(programme_plan(programme, request.auth))
