"""Reads of the plan van aanpak: the plan of one programme, the partner's overview across
programmes, and the overdue lists. Every query starts from the programmes the user may see
(`programmes.permissions.visible_programmes`) or from a programme the caller already checked.

Objects get a few attributes for the templates: steps `editable` and `overdue`, quality
agreements `rows` (the seed's questions with answers), `discussed` and `overdue`. The parts of
the plan that downstream apps own (the measurement plans of `outcomes`) are prefetched on the
activities as their sections ask (`activities.extensions.plan_prefetches`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from duiding.accounts.models import Membership
from duiding.accounts.permissions import organisations_for_user
from duiding.activities.extensions import plan_prefetches
from duiding.activities.models import (
    Activity,
    ActivityFactor,
    PlanStep,
    PurchaseAgreement,
    QualityAgreement,
    StepStatus,
)
from duiding.activities.plan.permissions import (
    is_closed_agreement,
    partner_organisation_ids,
    quality_organisation_ids,
)
from duiding.activities.plan.reference import QUALITY_QUESTIONS
from duiding.activities.plan.services import is_overdue, today
from duiding.programmes.permissions import (
    can_edit_programme,
    municipality_programmes,
    visible_programmes,
)


@dataclass
class ActivityPlan:
    activity: Activity
    steps: list[PlanStep]
    quality: list[QualityAgreement]
    purchases: list[PurchaseAgreement]
    can_edit: bool = False


@dataclass
class ProgrammePlan:
    programme: object
    activities: list[ActivityPlan]
    general_steps: list[PlanStep]  # steps not tied to one activity
    purchases: list[PurchaseAgreement]  # all purchase agreements of the programme
    can_edit_programme: bool = False
    can_add_step: bool = False
    today: datetime.date = field(default_factory=today)

    @property
    def steps(self) -> list[PlanStep]:
        """All steps of the plan by date, then activity (steps of the whole plan first on a day),
        then the order they were added."""
        steps = self.general_steps + [s for a in self.activities for s in a.steps]
        return sorted(steps, key=step_sort_key)

    @property
    def overdue(self) -> list[PlanStep]:
        return [s for s in self.steps if is_overdue(s, self.today)]


def step_sort_key(step: PlanStep) -> tuple:
    """Date, then activity name (none first), then pk: the order of "Alle stappen, op datum"."""
    activity = step.activity.name.casefold() if step.activity_id else ""
    return (step.due_date, step.activity_id is not None, activity, step.pk)


def _activities(queryset):
    return (
        queryset.select_related("organisation", "intervention", "programme")
        .prefetch_related(
            "results",
            "age_phases",
            "life_areas",
            Prefetch("factor_links", queryset=ActivityFactor.objects.select_related("factor")),
            Prefetch(
                "plan_steps",
                queryset=PlanStep.objects.select_related("owner_organisation", "owner_user"),
            ),
            Prefetch(
                "quality_agreements",
                queryset=QualityAgreement.objects.select_related("organisation"),
            ),
            Prefetch("purchase_agreements", queryset=PurchaseAgreement.objects.all()),
            *plan_prefetches(),
        )
        .order_by("organisation__name", "name", "pk")
    )


@dataclass
class ChecklistRow:
    key: str
    question: str
    answer: bool | None
    note: str

    @property
    def answer_label(self) -> str:
        """True and the older False (Ja/Nee) both mean: discussed."""
        return _("Nog niet besproken") if self.answer is None else _("Besproken")


def checklist_rows(agreement: QualityAgreement) -> list[ChecklistRow]:
    """The seed's quality questions in order, with the agreement's answers and notes."""
    checklist = agreement.checklist or {}
    rows = []
    for key, question in QUALITY_QUESTIONS:
        value = checklist.get(key) or {}
        rows.append(ChecklistRow(key, str(question), value.get("answer"), value.get("note", "")))
    return rows


def _quality(
    activity: Activity,
    on: datetime.date,
    orgs: set[int] | None = None,
    *,
    editor: bool = False,
    own: frozenset[int] | set[int] = frozenset(),
) -> list[QualityAgreement]:
    """The activity's quality agreements; with `orgs`, only those of these organisations
    (quality agreements are bilateral, see `plan.permissions.quality_organisation_ids`).
    `closed`: kept with a partner that no longer carries the activity; `editable` as
    `plan.permissions.can_edit_quality`."""
    agreements = [
        a for a in activity.quality_agreements.all() if orgs is None or a.organisation_id in orgs
    ]
    for agreement in agreements:
        agreement.activity = activity
        agreement.closed = is_closed_agreement(agreement)
        agreement.editable = editor or (not agreement.closed and agreement.organisation_id in own)
        agreement.overdue = is_overdue(agreement, on)
        agreement.rows = checklist_rows(agreement)
        agreement.discussed = sum(1 for r in agreement.rows if r.answer is not None)
    return agreements


def _mark_steps(steps, *, editor: bool, own: set[int], on: datetime.date) -> list[PlanStep]:
    """Set `editable` and `overdue` on each step (for the templates)."""
    for step in steps:
        step.editable = (
            editor
            or step.owner_organisation_id in own
            or (step.activity_id is not None and step.activity.organisation_id in own)
        )
        step.overdue = is_overdue(step, on)
    return steps


def _activity_plan(
    activity: Activity,
    *,
    editor: bool,
    own: set[int],
    on: datetime.date,
    quality_orgs: set[int] | None = None,
) -> ActivityPlan:
    steps = list(activity.plan_steps.all())
    for step in steps:
        step.activity = activity
    return ActivityPlan(
        activity=activity,
        steps=_mark_steps(steps, editor=editor, own=own, on=on),
        quality=_quality(activity, on, quality_orgs, editor=editor, own=own),
        purchases=list(activity.purchase_agreements.all()),
        can_edit=editor or activity.organisation_id in own,
    )


def programme_plan(programme, user, *, on: datetime.date | None = None) -> ProgrammePlan:
    """The whole plan van aanpak of a programme the user may see (the caller checked that)."""
    on = on or today()
    editor = can_edit_programme(user, programme)
    own = partner_organisation_ids(user, programme)
    quality_orgs = quality_organisation_ids(user, programme)
    activities = [
        _activity_plan(a, editor=editor, own=own, on=on, quality_orgs=quality_orgs)
        for a in _activities(Activity.objects.filter(programme=programme))
    ]
    general = PlanStep.objects.filter(programme=programme, activity__isnull=True).select_related(
        "owner_organisation", "owner_user", "programme"
    )
    purchases = list(
        PurchaseAgreement.objects.filter(programme=programme).select_related("activity")
    )
    return ProgrammePlan(
        programme=programme,
        activities=activities,
        general_steps=_mark_steps(list(general), editor=editor, own=own, on=on),
        purchases=purchases,
        can_edit_programme=editor,
        can_add_step=editor or bool(own),
        today=on,
    )


@dataclass
class PartnerProgramme:
    programme: object
    activities: list[ActivityPlan]
    general_steps: list[PlanStep]


def partner_overview(user, *, on: datetime.date | None = None) -> list[PartnerProgramme]:
    """Everything the user's organisations are part of, across programmes and municipalities:
    their activities (with steps, quality agreements and the downstream parts) and the steps their
    organisations own. Only programmes the user may see; nothing of other organisations."""
    on = on or today()
    orgs = organisations_for_user(user).values("pk")
    programmes = visible_programmes(user)
    activities = _activities(
        Activity.objects.filter(organisation_id__in=orgs, programme__in=programmes)
    ).select_related("programme__area")
    # Steps the organisations own outside their own activities: for the whole plan, or on
    # another organisation's activity.
    steps = (
        PlanStep.objects.filter(programme__in=programmes, owner_organisation_id__in=orgs)
        .exclude(activity__organisation_id__in=orgs)
        .select_related(
            "owner_organisation", "owner_user", "programme", "programme__area", "activity"
        )
    )
    grouped: dict[int, PartnerProgramme] = {}
    rights: dict[int, tuple[bool, set[int], set[int] | None]] = {}

    def group(programme) -> tuple[PartnerProgramme, bool, set[int], set[int] | None]:
        if programme.pk not in grouped:
            grouped[programme.pk] = PartnerProgramme(programme, [], [])
            rights[programme.pk] = (
                can_edit_programme(user, programme),
                partner_organisation_ids(user, programme),
                quality_organisation_ids(user, programme),
            )
        return grouped[programme.pk], *rights[programme.pk]

    for activity in activities:
        item, editor, own, quality_orgs = group(activity.programme)
        item.activities.append(
            _activity_plan(activity, editor=editor, own=own, on=on, quality_orgs=quality_orgs)
        )
    for step in steps:
        item, editor, own, _quality_orgs = group(step.programme)
        item.general_steps += _mark_steps([step], editor=editor, own=own, on=on)
    return sorted(grouped.values(), key=lambda g: (g.programme.name, g.programme.pk))


def overdue_steps(user, *, on: datetime.date | None = None) -> list[PlanStep]:
    """Open steps past their date in the programmes the user may see, oldest first (marked
    `editable` and `overdue` like the plan's steps)."""
    on = on or today()
    steps = list(
        PlanStep.objects.filter(programme__in=visible_programmes(user), due_date__lt=on)
        .exclude(status=StepStatus.DONE)
        .select_related(
            "programme", "programme__area", "activity", "owner_organisation", "owner_user"
        )
        .order_by("due_date", "programme__name", "pk")
    )
    rights: dict[int, tuple[bool, set[int]]] = {}
    for step in steps:
        if step.programme_id not in rights:
            rights[step.programme_id] = (
                can_edit_programme(user, step.programme),
                partner_organisation_ids(user, step.programme),
            )
        editor, own = rights[step.programme_id]
        _mark_steps([step], editor=editor, own=own, on=on)
    return steps


def overdue_quality(user, *, on: datetime.date | None = None):
    """Open quality agreements past their date: all of a programme for its own organisation and
    the municipality's beheerders/accounthouders, else only the user's organisations' own."""
    on = on or today()
    own = Membership.objects.filter(user=user).values("organisation_id")
    bilateral = (
        Q(activity__programme__organisation_id__in=own)
        | Q(activity__programme__in=municipality_programmes(user))
        | Q(organisation_id__in=own)
    )
    return (
        QualityAgreement.objects.filter(
            bilateral, activity__programme__in=visible_programmes(user), due_date__lt=on
        )
        .exclude(status=StepStatus.DONE)
        .select_related("activity", "activity__programme", "organisation")
        .order_by("due_date", "pk")
    )
