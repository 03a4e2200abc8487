"""Reads of decisions and improvement actions: a reflection's decisions and actions, "Mijn
verbeteracties" (overdue first), the due list of the home page, the plan van aanpak's actions of a
programme and the figures that came in since an action was agreed (the look back)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from duiding.accounts.models import Membership
from duiding.indicators.models import Observation
from duiding.indicators.permissions import visible_observation_filter
from duiding.reflections.models import Decision, ImprovementAction
from duiding.reflections.permissions import can_update_action, visible_actions

Status = ImprovementAction.Status
OPEN_STATUSES = (Status.OPEN, Status.BUSY)


def is_overdue(action: ImprovementAction, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return action.status in OPEN_STATUSES and action.due_date < today


def _related(qs):
    return qs.select_related(
        "owner_organisation",
        "owner_user",
        "reflection",
        "programme",
        "indicator",
        "result",
        "activity",
        "questionnaire",
    )


def reflection_decisions(reflection):
    return reflection.decisions.select_related("activity", "result", "item", "created_by")


def item_decisions(item):
    return item.decisions.select_related("activity", "result", "created_by")


def reflection_actions(reflection, user):
    return _related(visible_actions(user).filter(reflection=reflection)).order_by("due_date", "pk")


def item_actions(item, user):
    return _related(visible_actions(user).filter(item=item)).order_by("due_date", "pk")


def mine(user):
    """Actions of the user's organisations and of the user."""
    own = Membership.objects.filter(user=user).values("organisation_id")
    return visible_actions(user).filter(Q(owner_organisation_id__in=own) | Q(owner_user=user))


def my_actions(user, status: str = "", today: datetime.date | None = None) -> list:
    """Mijn verbeteracties: overdue first, then open by date, then finished ones."""
    today = today or timezone.localdate()
    qs = _related(mine(user))
    if status in Status.values:
        qs = qs.filter(status=status)
    actions = list(qs)
    for action in actions:
        action.overdue = is_overdue(action, today)
        action.can_update = can_update_action(user, action)

    def key(a):
        return (not a.overdue, a.status not in OPEN_STATUSES, a.due_date, a.pk)

    return sorted(actions, key=key)


def due_for_home(user, today: datetime.date | None = None, within_days: int = 14) -> list:
    """The home page: open actions of mine that are overdue or due within `within_days`."""
    today = today or timezone.localdate()
    qs = _related(
        mine(user).filter(
            status__in=OPEN_STATUSES, due_date__lte=today + datetime.timedelta(days=within_days)
        )
    ).order_by("due_date", "pk")
    actions = list(qs[:10])
    for action in actions:
        action.overdue = is_overdue(action, today)
    return actions


def programme_actions(programme, user):
    """The actions of a programme (step 6 of the plan van aanpak) the user may see."""
    return _related(visible_actions(user).filter(programme=programme)).order_by("due_date", "pk")


def subject_label(action: ImprovementAction) -> str:
    for name in ("indicator", "result", "activity", "questionnaire"):
        obj = getattr(action, name)
        if obj is not None:
            return str(obj)
    return ""


@dataclass
class Figure:
    indicator: object
    period: str
    value: float | None
    loaded_at: datetime.datetime


def figures_since(action: ImprovementAction, user=None, limit: int = 12) -> list[Figure]:
    """The figures of the programme's area that came in after the action was agreed: for an
    action about an indicator its observations; about a result those of its indicators. With
    `user`, only the observations that user may read (organisations' own data stays theirs)."""
    programme = action.programme
    if programme is None or not programme.area_id:
        return []
    indicator_ids = []
    if action.indicator_id:
        indicator_ids.append(action.indicator_id)
    if action.result_id:
        indicator_ids += [
            pk
            for pk in action.result.result_indicators.values_list("indicator_id", flat=True)
            if pk
        ]
    if not indicator_ids:
        return []
    observations = Observation.objects.all()
    if user is not None:
        observations = observations.filter(visible_observation_filter(user))
    rows = (
        observations.filter(
            indicator_id__in=indicator_ids,
            area_id=programme.area_id,
            is_current=True,
            category="",
            created_at__gt=action.created_at,
        )
        .select_related("indicator", "period")
        .order_by("-period__end", "indicator__name")[:limit]
    )
    return [Figure(o.indicator, o.period.label, o.value, o.created_at) for o in rows]


def decisions_of_activity(activity):
    return Decision.objects.filter(activity=activity).select_related("reflection")
