"""Lerend vermogen: how well a programme (and a municipality) closes the cycle, from plain facts.

Four measures, as pure functions of facts read elsewhere (`selectors` at the bottom):

- reflections held in the last 12 months, and whether the seed's norm is met: at least once a
  year a held reflection with partners (an invited organisation other than the owner);
- actions done on time: of the actions whose due date has passed or that are done, the share
  done on or before the due date;
- actions looked back on: of the actions of a reflection that a later held reflection followed,
  the share looked back on there ("Zien we al effect?");
- measurement plans carried out: of the plans, the share with answers or entered figures.

No ranking: the overview lists programmes in name order and never colours a best one. A count
of 1–4 that crosses an organisation boundary (the viewer is not a member of every organisation
whose items are counted, and does not steer the programme, whose pages show every action and
plan anyway) reads "minder dan 5", and its share is not shown (`outcomes.suppression.protect_count`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from duiding.areas.models import Level
from duiding.areas.selectors import area_ancestors
from duiding.core import formatting as fmt
from duiding.outcomes.models import (
    EnteredCount,
    MeasurementPlan,
    Questionnaire,
    QuestionnaireVersion,
)
from duiding.outcomes.suppression import THRESHOLD, Count, protect_count, shown
from duiding.programmes.permissions import can_edit_programme
from duiding.reflections.models import ImprovementAction, Reflection, Status

YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class ReflectionFacts:
    date: datetime.date
    held: bool  # status afgerond
    with_partners: bool
    organisation_id: int | None = None


@dataclass(frozen=True)
class ActionFacts:
    due_date: datetime.date
    done_at: datetime.date | None
    finished: bool  # klaar or vervallen
    dropped: bool
    looked_back: bool
    reflection_date: datetime.date | None
    organisation_id: int | None = None


@dataclass(frozen=True)
class PlanFacts:
    carried_out: bool
    organisation_id: int | None = None


@dataclass(frozen=True)
class Share:
    """`part` of `whole`, shown for a viewer inside or across the organisation boundary."""

    part: int
    whole: int
    crosses: bool = False

    @property
    def suppressed(self) -> bool:
        small = lambda n: 0 < n < THRESHOLD  # noqa: E731
        return self.crosses and (small(self.part) or small(self.whole - self.part))

    @property
    def part_count(self) -> Count:
        return protect_count(self.part) if self.crosses else shown(self.part)

    @property
    def whole_count(self) -> Count:
        return protect_count(self.whole) if self.crosses else shown(self.whole)

    @property
    def percent(self) -> float | None:
        if not self.whole or self.suppressed:
            return None
        return 100 * self.part / self.whole

    @property
    def text(self) -> str:
        """'3 van 4 (75 %)', 'minder dan 5 van 12', or 'nog niets te tellen'."""
        if not self.whole:
            return _("nog niets te tellen")
        part = self.part_count.text if not self.suppressed else _("minder dan 5")
        text = _("%(part)s van %(whole)s") % {"part": part, "whole": self.whole_count.text}
        if self.percent is not None:
            text += f" ({fmt.number(self.percent, 0)} %)"
        return text


@dataclass
class Health:
    label: str
    reflections_held: Count
    with_partners: int
    yearly_met: bool
    actions_on_time: Share
    actions_looked_back: Share
    plans_carried_out: Share
    programmes: list = field(default_factory=list)  # of a municipality: its programmes' Health
    programme: object | None = None  # the programme (per programme)


def held_last_year(reflections: Iterable[ReflectionFacts], today: datetime.date) -> list:
    return [r for r in reflections if r.held and today - YEAR <= r.date <= today]


def yearly_met(reflections: Iterable[ReflectionFacts], today: datetime.date) -> bool:
    """The seed's norm: at least once in the last 12 months a held reflection with partners."""
    return any(r.with_partners for r in held_last_year(reflections, today))


def actions_on_time(actions: Iterable[ActionFacts], today: datetime.date, crosses=False) -> Share:
    """Of the actions that are due or done (dropped ones left out), the share done on time."""
    counted = [
        a for a in actions if not a.dropped and ((a.finished and a.done_at) or a.due_date < today)
    ]
    on_time = [a for a in counted if a.finished and a.done_at and a.done_at <= a.due_date]
    return Share(len(on_time), len(counted), crosses)


def actions_looked_back(
    actions: Iterable[ActionFacts], reflections: Iterable[ReflectionFacts], crosses=False
) -> Share:
    """Of the actions a later held reflection followed, the share looked back on."""
    held_dates = sorted(r.date for r in reflections if r.held)
    followed = [
        a
        for a in actions
        if a.looked_back
        or (a.reflection_date is not None and any(d > a.reflection_date for d in held_dates))
    ]
    return Share(sum(1 for a in followed if a.looked_back), len(followed), crosses)


def plans_carried_out(plans: Iterable[PlanFacts], crosses=False) -> Share:
    plans = list(plans)
    return Share(sum(1 for p in plans if p.carried_out), len(plans), crosses)


def crosses_boundary(organisation_ids: Iterable[int | None], own: set[int], raw=False) -> bool:
    """Whether counting these organisations' items crosses the viewer's boundary."""
    if raw:
        return False
    return bool({o for o in organisation_ids if o is not None} - own)


def health(
    label: str,
    reflections: list[ReflectionFacts],
    actions: list[ActionFacts],
    plans: list[PlanFacts],
    today: datetime.date,
    own: set[int],
    raw: bool = False,
) -> Health:
    """The four measures of one programme (or of several together)."""
    held = held_last_year(reflections, today)
    orgs = [
        *(r.organisation_id for r in reflections),
        *(a.organisation_id for a in actions),
    ]
    crosses = crosses_boundary(orgs, own, raw)
    plan_crosses = crosses_boundary([p.organisation_id for p in plans], own, raw)
    return Health(
        label=label,
        reflections_held=shown(len(held)),
        with_partners=sum(1 for r in held if r.with_partners),
        yearly_met=yearly_met(reflections, today),
        actions_on_time=actions_on_time(actions, today, crosses),
        actions_looked_back=actions_looked_back(actions, reflections, crosses),
        plans_carried_out=plans_carried_out(plans, plan_crosses),
    )


def combine(label: str, parts: list[Health], crosses: bool) -> Health:
    """The measures of several programmes together (a municipality): counts added up per
    programme, so a reflection of one programme never counts as the look back of another."""

    def total(name: str) -> Share:
        shares = [getattr(h, name) for h in parts]
        return Share(sum(s.part for s in shares), sum(s.whole for s in shares), crosses)

    return Health(
        label=label,
        reflections_held=shown(sum(h.reflections_held.value or 0 for h in parts)),
        with_partners=sum(h.with_partners for h in parts),
        yearly_met=bool(parts) and all(h.yearly_met for h in parts),
        actions_on_time=total("actions_on_time"),
        actions_looked_back=total("actions_looked_back"),
        plans_carried_out=total("plans_carried_out"),
        programmes=parts,
    )


def programmes_meeting_norm(parts: list[Health]) -> Share:
    """How many programmes held a reflection with partners in the last 12 months (no ranking:
    a count, not a list of who did best)."""
    return Share(sum(1 for h in parts if h.yearly_met), len(parts))


# --- Reading the facts (a few queries per list of programmes) ---------------------------------


def _facts(programmes):

    ids = [p.pk for p in programmes]
    reflections: dict[int, list[ReflectionFacts]] = {pk: [] for pk in ids}
    owners = {p.pk: p.organisation_id for p in programmes}
    for r in Reflection.objects.filter(programme_id__in=ids).prefetch_related(
        "invited_organisations"
    ):
        invited = {o.pk for o in r.invited_organisations.all()} - {r.organisation_id}
        reflections[r.programme_id].append(
            ReflectionFacts(r.date, r.status == Status.DONE, bool(invited), r.organisation_id)
        )
    actions: dict[int, list[ActionFacts]] = {pk: [] for pk in ids}
    for a in ImprovementAction.objects.filter(programme_id__in=ids).select_related("reflection"):
        actions[a.programme_id].append(
            ActionFacts(
                due_date=a.due_date,
                done_at=a.done_at,
                finished=a.is_finished,
                dropped=a.status == ImprovementAction.Status.DROPPED,
                looked_back=a.looked_back_in_id is not None,
                reflection_date=a.reflection.date if a.reflection_id else None,
                organisation_id=a.owner_organisation_id,
            )
        )
    plans: dict[int, list[PlanFacts]] = {pk: [] for pk in ids}
    plan_rows = list(
        MeasurementPlan.objects.filter(activity__programme_id__in=ids).select_related("activity")
    )
    activity_ids = {p.activity_id for p in plan_rows}
    answered = {
        (q.activity_id, q.pk)
        for q in Questionnaire.objects.filter(
            activity_id__in=activity_ids, responses__isnull=False
        ).distinct()
    }
    answered_ids = {pk for _a, pk in answered}
    linked = set(
        Questionnaire.measurement_plans.through.objects.filter(
            questionnaire_id__in=answered_ids
        ).values_list("measurementplan_id", flat=True)
    )
    measured = set()  # (activity, measure) with answers or entered figures
    for activity_id, questions in QuestionnaireVersion.objects.filter(
        questionnaire_id__in=answered_ids
    ).values_list("questionnaire__activity_id", "questions"):
        for question in questions or []:
            if question.get("measure"):
                measured.add((activity_id, question["measure"]))
    for activity_id, measure in EnteredCount.objects.filter(
        figures__activity_id__in=activity_ids
    ).values_list("figures__activity_id", "measure"):
        measured.add((activity_id, measure))
    for plan in plan_rows:
        done = plan.pk in linked or (plan.activity_id, plan.measure) in measured
        plans[plan.activity.programme_id].append(PlanFacts(done, plan.activity.organisation_id))
    return reflections, actions, plans, owners


def programme_health(programme, user, today: datetime.date) -> Health:
    return programmes_health([programme], user, today)[0]


def _own(user) -> tuple[set[int], bool]:
    if getattr(user, "is_superuser", False):
        return set(), True
    return set(user.memberships.values_list("organisation_id", flat=True)), False


def programmes_health(programmes, user, today: datetime.date) -> list[Health]:
    programmes = list(programmes)
    reflections, actions, plans, _owners = _facts(programmes)
    own, raw = _own(user)
    out = []
    for p in programmes:
        # Who steers the programme sees each of its actions and plans on its pages already:
        # for them the counts cross no boundary.
        plain = raw or can_edit_programme(user, p)
        item = health(p.name, reflections[p.pk], actions[p.pk], plans[p.pk], today, own, plain)
        item.programme = p
        out.append(item)
    return out


def municipality_health(programmes, user, today: datetime.date) -> list[Health]:
    """Per municipality (of the programmes' areas, in name order) its programmes' measures and
    their total."""
    programmes = sorted(programmes, key=lambda p: p.name)
    per_programme = dict(
        zip([p.pk for p in programmes], programmes_health(programmes, user, today), strict=True)
    )
    groups: dict[str, list] = {}
    for p in programmes:
        chain = [p.area, *area_ancestors(p.area)]
        municipality = next((a for a in chain if a.level == Level.MUNICIPALITY), None)
        name = municipality.name if municipality else _("Zonder gemeente")
        groups.setdefault(name, []).append(p)
    out = []
    for name in sorted(groups):
        parts = [per_programme[p.pk] for p in groups[name]]
        crosses = any(h.actions_on_time.crosses or h.plans_carried_out.crosses for h in parts)
        out.append(combine(name, parts, crosses))
    return out
