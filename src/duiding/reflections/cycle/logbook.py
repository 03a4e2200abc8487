"""Leerlogboek: per programme one timeline, newest first, of what the cycle learned.

Entries: each reflection (held or planned), its decisions, its improvement actions (created,
done, looked back on in a later reflection) and the figures that followed: observations of the
programme's area for the indicators of its societal results, loaded after a reflection (each
figure once, under the reflection it followed). Only reflections and actions the user may see
(`permissions.visible_reflections` / `visible_actions`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.core import formatting as fmt
from duiding.indicators.models import Observation
from duiding.reflections.models import Decision, ImprovementAction, Reflection
from duiding.reflections.permissions import visible_actions, visible_reflections
from duiding.results.models import ResultIndicator

FIGURES_LIMIT = 500


@dataclass
class Entry:
    date: datetime.date
    kind: str  # reflection / decision / action_created / action_done / look_back / figure
    title: str
    text: str = ""
    reflection: Reflection | None = None
    action: ImprovementAction | None = None
    badge: str = ""
    lines: list[str] = field(default_factory=list)

    @property
    def sort_key(self):
        order = {
            "figure": 0,
            "action_done": 1,
            "look_back": 2,
            "action_created": 3,
            "decision": 4,
            "reflection": 5,
        }
        return (self.date, order.get(self.kind, 0))


def _local_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _figures(programme, after: datetime.date) -> list[Observation]:
    indicator_ids = set(
        ResultIndicator.objects.filter(
            result__programme=programme, indicator__isnull=False
        ).values_list("indicator_id", flat=True)
    )
    if not indicator_ids:
        return []
    start = timezone.make_aware(datetime.datetime.combine(after, datetime.time.max))
    return list(
        Observation.objects.filter(
            indicator_id__in=indicator_ids,
            area=programme.area,
            is_current=True,
            category="",
            created_at__gt=start,
        )
        .select_related("indicator", "period")
        .order_by("-created_at", "indicator__name", "period__code")[:FIGURES_LIMIT]
    )


def figure_text(observation: Observation) -> str:
    indicator = observation.indicator
    value = fmt.value_text(
        observation.value,
        observation.status,
        indicator.unit_kind,
        indicator.decimals,
        indicator.unit_label,
    )
    return f"{indicator.name} {observation.period.code}: {value.text}"


def programme_logbook(programme, user) -> list[Entry]:
    reflections = list(
        visible_reflections(user)
        .filter(programme=programme)
        .select_related("facilitator")
        .order_by("date", "pk")
    )
    entries: list[Entry] = []
    for r in reflections:
        entries.append(
            Entry(
                date=r.date,
                kind="reflection",
                title=r.title,
                text=r.place,
                reflection=r,
                badge=r.get_status_display(),
            )
        )
    ids = [r.pk for r in reflections]
    by_pk = {r.pk: r for r in reflections}
    for d in (
        Decision.objects.filter(reflection_id__in=ids)
        .select_related("activity", "result")
        .order_by("pk")
    ):
        subject = d.activity.name if d.activity_id else str(d.result)
        reflection = by_pk[d.reflection_id]
        entries.append(
            Entry(
                date=reflection.date,
                kind="decision",
                title=f"{d.get_choice_display()}: {subject}",
                text=d.reason,
                reflection=reflection,
                badge=d.get_choice_display(),
            )
        )
    actions = (
        visible_actions(user)
        .filter(programme=programme)
        .select_related("owner_organisation", "reflection", "looked_back_in")
        .order_by("pk")
    )
    for a in actions:
        entries.append(
            Entry(
                date=_local_date(a.created_at),
                kind="action_created",
                title=a.description,
                text=_("%(org)s, klaar op %(date)s")
                % {"org": a.owner_organisation.name, "date": f"{a.due_date:%d-%m-%Y}"},
                reflection=a.reflection,
                action=a,
                badge=a.get_status_display(),
            )
        )
        if a.done_at and a.status == ImprovementAction.Status.DONE:
            late = a.done_at > a.due_date
            entries.append(
                Entry(
                    date=a.done_at,
                    kind="action_done",
                    title=a.description,
                    text=_("Klaar, later dan afgesproken") if late else _("Klaar op tijd"),
                    action=a,
                    badge=_("Klaar"),
                )
            )
        if a.looked_back_in_id:
            entries.append(
                Entry(
                    date=a.looked_back_in.date,
                    kind="look_back",
                    title=a.description,
                    text=a.effect_note or _("Teruggekeken: zien we al effect?"),
                    reflection=a.looked_back_in,
                    action=a,
                    badge=_("Teruggekeken"),
                )
            )
    if reflections:
        entries += _figure_entries(programme, reflections)
    entries.sort(key=lambda e: e.sort_key, reverse=True)
    return entries


def _figure_entries(programme, reflections: list[Reflection]) -> list[Entry]:
    """New figures loaded after a reflection, grouped per day they came in: per indicator the
    newest period that came in that day."""
    observations = _figures(programme, reflections[0].date)
    per_day: dict[datetime.date, list[Observation]] = {}
    for o in observations:
        per_day.setdefault(_local_date(o.created_at), []).append(o)
    out = []
    for day, rows in per_day.items():
        latest: dict[int, Observation] = {}  # per indicator its newest period
        for o in rows:
            known = latest.get(o.indicator_id)
            if known is None or o.period.code > known.period.code:
                latest[o.indicator_id] = o
        rows = sorted(latest.values(), key=lambda o: o.indicator.name)
        before = [r for r in reflections if r.date < day]
        after = before[-1] if before else None
        title = (
            _("Nieuwe cijfers sinds %(title)s") % {"title": after.title}
            if after
            else _("Nieuwe cijfers")
        )
        out.append(
            Entry(
                date=day,
                kind="figure",
                title=title,
                reflection=after,
                badge=_("Cijfers"),
                lines=[figure_text(o) for o in rows],
            )
        )
    return out
