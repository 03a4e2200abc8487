"""GET /api/v1/programmes/{id}/reflections, GET /api/v1/reflections/{id} and
GET /api/v1/actions?owner=me: duidingssessies with their agenda, the group's answers to the four
key questions, the aggregated live answers, decisions and improvement actions.

Who sees what (`reflections.permissions`): a reflection the user may not see is a 404, whether
it exists or not. The texts said in the room (the four answers, open answers promoted to the
minutes) only when the reflection's sharing level allows (`cycle.minutes.may_read_answers`);
live counts under 5 are "minder dan 5" (`null` with `suppressed`) for a reader outside the
reflection's organisation."""

from __future__ import annotations

from datetime import date
from typing import Literal

import orjson
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from duiding.accounts.permissions import is_authenticated
from duiding.api.schemas import ErrorOut, NamedOut
from duiding.programmes.permissions import visible_programmes
from duiding.reflections.cycle.minutes import minutes
from duiding.reflections.permissions import visible_actions, visible_reflections

router = Router()


class ReflectionSummaryOut(Schema):
    id: int
    title: str
    date: date
    status: str
    place: str
    programme: NamedOut | None
    organisation: NamedOut
    facilitator: str
    previous: int | None
    items: int
    actions: int


class ReflectionCountOut(Schema):
    value: int | None  # null when suppressed
    text: str  # as shown ("minder dan 5")
    suppressed: bool


class ReflectionBarOut(Schema):
    label: str
    count: ReflectionCountOut


class ReflectionLiveOut(Schema):
    id: int
    kind: str  # herkennen / schaal / keuze / open
    text: str
    answers: ReflectionCountOut
    bars: list[ReflectionBarOut]
    mean: str | None
    open_answers: list[str]  # promoted to the minutes, only when shared


class ReflectionDecisionOut(Schema):
    id: int
    choice: str  # doorgaan / bijstellen / stoppen / doel_houden / doel_bijstellen
    activity: NamedOut | None
    result: NamedOut | None
    reason: str


class ReflectionActionOut(Schema):
    id: int
    description: str
    owner_organisation: NamedOut
    owner_user: str | None
    due_date: date
    status: str  # open / bezig / klaar / vervallen
    done_at: date | None
    overdue: bool
    reflection: int | None
    programme: int | None
    looked_back_in: int | None


class ReflectionAnswersOut(Schema):
    recognise: str  # Herkennen we dit?
    explain: str  # Hoe verklaren we het?
    judge: str  # Wat vinden we ervan?
    change: str  # Wat gaan we anders doen?


class ReflectionItemOut(Schema):
    id: int
    order: int
    kind: str
    title: str
    reason: str
    snapshot: dict  # the cold data as they were when the agenda was prepared
    answers: ReflectionAnswersOut | None  # null when the sharing level does not allow
    live: list[ReflectionLiveOut]
    decisions: list[ReflectionDecisionOut]
    actions: list[ReflectionActionOut]


class ReflectionDetailOut(ReflectionSummaryOut):
    sharing: str
    answers_shared: bool
    invited_organisations: list[NamedOut]
    agenda: list[ReflectionItemOut]
    decisions: list[ReflectionDecisionOut]  # not linked to an agenda item
    actions: list[ReflectionActionOut]  # not linked to an agenda item


def _json(payload) -> HttpResponse:
    return HttpResponse(orjson.dumps(payload), content_type="application/json; charset=utf-8")


def _named(obj, name: str | None = None) -> dict | None:
    return {"id": obj.pk, "name": name or str(obj)} if obj is not None else None


def _summary(r) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "date": r.date.isoformat(),
        "status": r.status,
        "place": r.place,
        "programme": _named(r.programme, r.programme.name) if r.programme_id else None,
        "organisation": _named(r.organisation, r.organisation.name),
        "facilitator": r.facilitator.get_full_name() or r.facilitator.get_username(),
        "previous": r.previous_id,
        "items": r.items.filter(included=True).count(),
        "actions": r.actions.count(),
    }


def _count(count) -> dict:
    return {
        "value": count.value if count.shown else None,
        "text": count.text,
        "suppressed": not count.shown,
    }


def _decision(d) -> dict:
    return {
        "id": d.pk,
        "choice": d.choice,
        "activity": _named(d.activity, d.activity.name) if d.activity_id else None,
        "result": _named(d.result, d.result.text[:200]) if d.result_id else None,
        "reason": d.reason,
    }


def action_payload(a) -> dict:
    return {
        "id": a.pk,
        "description": a.description,
        "owner_organisation": _named(a.owner_organisation, a.owner_organisation.name),
        "owner_user": a.owner_user.get_username() if a.owner_user_id else None,
        "due_date": a.due_date.isoformat(),
        "status": a.status,
        "done_at": a.done_at.isoformat() if a.done_at else None,
        "overdue": not a.is_finished and a.due_date < timezone.localdate(),
        "reflection": a.reflection_id,
        "programme": a.programme_id,
        "looked_back_in": a.looked_back_in_id,
    }


def _live(result) -> dict:
    q = result.question
    return {
        "id": q.pk,
        "kind": q.kind,
        "text": q.text,
        "answers": _count(result.answers),
        "bars": [{"label": b.label, "count": _count(b.count)} for b in result.bars],
        "mean": result.mean or None,
        "open_answers": result.texts,
    }


def reflection_payload(reflection, user) -> dict:
    m = minutes(reflection, user)
    agenda = []
    for im in m.items:
        item = im.item
        agenda.append(
            {
                "id": item.pk,
                "order": item.order,
                "kind": item.kind,
                "title": item.title,
                "reason": item.reason,
                "snapshot": item.snapshot or {},
                "answers": (
                    {
                        "recognise": item.recognise,
                        "explain": item.explain,
                        "judge": item.judge,
                        "change": item.change,
                    }
                    if m.reads_answers
                    else None
                ),
                "live": [_live(r) for r in im.live],
                "decisions": [_decision(d) for d in im.decisions],
                "actions": [action_payload(a) for a in im.actions],
            }
        )
    return {
        **_summary(reflection),
        "sharing": reflection.sharing,
        "answers_shared": m.reads_answers,
        "invited_organisations": [
            _named(o, o.name) for o in reflection.invited_organisations.order_by("name")
        ],
        "agenda": agenda,
        "decisions": [_decision(d) for d in m.decisions],
        "actions": [action_payload(a) for a in m.actions],
    }


def _reflections(user):
    return visible_reflections(user).select_related("programme", "organisation", "facilitator")


@router.get(
    "/programmes/{int:programme_id}/reflections",
    response={200: list[ReflectionSummaryOut], 404: ErrorOut},
    tags=["reflections"],
)
def programme_reflections_get(request, programme_id: int):
    """The duidingssessies of a programme, newest first."""
    programme = visible_programmes(request.auth).filter(pk=programme_id).first()
    if programme is None:
        raise HttpError(404, "Onbekend programma")
    rows = _reflections(request.auth).filter(programme=programme).order_by("-date", "-pk")
    return _json([_summary(r) for r in rows])


@router.get(
    "/reflections/{int:reflection_id}",
    response={200: ReflectionDetailOut, 404: ErrorOut},
    tags=["reflections"],
)
def reflection_get(request, reflection_id: int):
    """One duidingssessie: the agenda with the cold data (snapshot), the group's answers to the
    four key questions, the aggregated live answers, decisions and improvement actions."""
    reflection = _reflections(request.auth).filter(pk=reflection_id).first()
    if reflection is None:
        raise HttpError(404, "Onbekende duidingssessie")
    return _json(reflection_payload(reflection, request.auth))


@router.get(
    "/actions",
    response={200: list[ReflectionActionOut], 422: ErrorOut},
    tags=["reflections"],
)
def actions_get(
    request,
    owner: Literal["me"] | None = Query(
        None, description="'me': the actions of you and of your organisations"
    ),
):
    """Improvement actions the user may see, by due date; `owner=me`: only those the user or
    one of the user's organisations owns."""
    user = request.auth
    actions = visible_actions(user).select_related("owner_organisation", "owner_user")
    if owner == "me" and is_authenticated(user):
        own = user.memberships.values_list("organisation_id", flat=True)
        actions = actions.filter(Q(owner_user=user) | Q(owner_organisation_id__in=own))
    return _json([action_payload(a) for a in actions.order_by("due_date", "pk")])
