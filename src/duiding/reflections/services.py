"""Writes of the reflection and its agenda. One transaction per call, each with a line in the
reflection's history (`ReflectionChange`); bad input raises a ValidationError with Dutch messages
per field and leaves the database unchanged; a stale version raises `StaleEdit`."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from duiding.core.versioning import lock_and_check
from duiding.reflections import agenda, selectors
from duiding.reflections.models import (
    KEY_QUESTIONS,
    AgendaItem,
    Reflection,
    ReflectionChange,
    SharingLevel,
)

JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
JOIN_LENGTH = 6

REFLECTION_FIELDS = ("title", "date", "start_time", "place", "participants", "sharing")
ITEM_FIELDS = ("title", "reason", "included", *KEY_QUESTIONS)


def new_join_code() -> str:
    """A short code phones type: 6 characters without look-alikes, not used by any reflection."""
    while True:
        code = "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))
        if not Reflection.objects.filter(join_code=code).exists():
            return code


def reflection_snapshot(reflection: Reflection) -> dict:
    return {
        "title": reflection.title,
        "date": reflection.date.isoformat() if reflection.date else None,
        "start_time": reflection.start_time.isoformat() if reflection.start_time else None,
        "place": reflection.place,
        "facilitator": reflection.facilitator_id,
        "invited_organisations": sorted(o.pk for o in reflection.invited_organisations.all()),
        "participants": reflection.participants,
        "sharing": reflection.sharing,
        "status": reflection.status,
    }


def item_snapshot(item: AgendaItem) -> dict:
    return {
        "item": item.pk,
        "kind": item.kind,
        "order": item.order,
        "title": item.title,
        "reason": item.reason,
        "included": item.included,
        "source_key": item.source_key,
        **{q: getattr(item, q) for q in KEY_QUESTIONS},
    }


def _check(data: dict) -> None:
    errors: dict[str, list[str]] = {}
    if not (data.get("title") or "").strip():
        errors["title"] = [_("Vul een titel in.")]
    if not data.get("date"):
        errors["date"] = [_("Vul de datum van de duidingssessie in.")]
    if data.get("facilitator") is None:
        errors["facilitator"] = [_("Kies wie het gesprek leidt.")]
    if data.get("sharing") and data["sharing"] not in SharingLevel.values:
        errors["sharing"] = [_("Kies een van de mogelijkheden.")]
    if errors:
        raise ValidationError(errors)


def _apply(reflection: Reflection, data: dict) -> None:
    for name in REFLECTION_FIELDS:
        if name in data:
            value = data[name]
            if isinstance(value, str):
                value = value.strip()
            setattr(reflection, name, value if value is not None else "")
    if reflection.start_time == "":
        reflection.start_time = None
    reflection.facilitator = data["facilitator"]


@transaction.atomic
def create_reflection(user, programme, data: dict) -> Reflection:
    """A reflection of the programme: owned by its organisation, looking back on the latest
    earlier reflection of the same programme, with a fresh join code."""
    _check(data)
    reflection = Reflection(
        programme=programme,
        organisation=programme.organisation,
        join_code=new_join_code(),
        created_by=user,
        updated_by=user,
    )
    _apply(reflection, data)
    reflection.previous = selectors.previous_reflection(programme, reflection.date)
    reflection.save()
    reflection.invited_organisations.set(data.get("invited_organisations") or [])
    ReflectionChange.record(
        reflection,
        user=user,
        summary=_("Duidingssessie aangemaakt"),
        snapshot=reflection_snapshot(reflection),
    )
    return reflection


@transaction.atomic
def update_reflection(user, reflection: Reflection, data: dict, version: int | None) -> Reflection:
    _check(data)
    lock_and_check(reflection, version)
    _apply(reflection, data)
    reflection.updated_by = user
    if reflection.programme_id:
        reflection.previous = selectors.previous_reflection(
            reflection.programme, reflection.date, reflection.pk
        )
    reflection.save()
    if "invited_organisations" in data:
        reflection.invited_organisations.set(data["invited_organisations"] or [])
    ReflectionChange.record(
        reflection,
        user=user,
        summary=_("Gegevens van de duidingssessie gewijzigd"),
        snapshot=reflection_snapshot(reflection),
    )
    return reflection


def _next_order(reflection: Reflection) -> int:
    last = reflection.items.aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def fill_agenda(user, reflection: Reflection) -> list[AgendaItem]:
    """Run the builder and add the proposals whose source is not yet on the agenda. A rebuild adds
    nothing twice and never changes or deletes what is there (also not an item set aside)."""
    Reflection.objects.select_for_update().filter(pk=reflection.pk).first()
    proposals = agenda.build_agenda(selectors.agenda_facts(reflection, user))
    present = set(reflection.items.exclude(source_key="").values_list("source_key", flat=True))
    order = _next_order(reflection)
    added = []
    for p in proposals:
        if p.source_key in present:
            continue
        present.add(p.source_key)
        added.append(
            AgendaItem.objects.create(
                reflection=reflection,
                kind=p.kind,
                order=order,
                title=p.title[:300],
                reason=p.reason[:500],
                source_key=p.source_key[:60],
                snapshot=p.snapshot,
                indicator_id=p.indicator_id,
                result_id=p.result_id,
                activity_id=p.activity_id,
                questionnaire_id=p.questionnaire_id,
                measurement_plan_id=p.measurement_plan_id,
                action_id=p.action_id,
                updated_by=user,
            )
        )
        order += 1
    ReflectionChange.record(
        reflection,
        user=user,
        summary=_("Agenda gevuld uit de cijfers: %(n)s punten toegevoegd") % {"n": len(added)},
        snapshot={"added": [item_snapshot(i) for i in added]},
    )
    return added


def _check_item(data: dict) -> None:
    if "title" in data and not (data.get("title") or "").strip():
        raise ValidationError({"title": [_("Vul het onderwerp in.")]})


@transaction.atomic
def update_item(user, item: AgendaItem, data: dict, version: int | None) -> AgendaItem:
    """The facilitator's edit of an item (title, reason, included, order) or the group's answers
    to the four key questions."""
    _check_item(data)
    lock_and_check(item, version)
    for name in ITEM_FIELDS:
        if name in data:
            value = data[name]
            setattr(item, name, value.strip() if isinstance(value, str) else value)
    if data.get("order") is not None:
        item.order = data["order"]
    item.updated_by = user
    item.save()
    ReflectionChange.record(
        item.reflection,
        user=user,
        summary=_("Agendapunt „%(title)s” gewijzigd") % {"title": item.title[:200]},
        snapshot=item_snapshot(item),
    )
    return item


@transaction.atomic
def add_item(user, reflection: Reflection, data: dict) -> AgendaItem:
    """An item of the facilitator's own (kind OTHER)."""
    if not (data.get("title") or "").strip():
        raise ValidationError({"title": [_("Vul het onderwerp in.")]})
    item = AgendaItem.objects.create(
        reflection=reflection,
        kind=AgendaItem.Kind.OTHER,
        order=_next_order(reflection),
        title=data["title"].strip()[:300],
        reason=(data.get("reason") or "").strip()[:500],
        updated_by=user,
    )
    ReflectionChange.record(
        reflection,
        user=user,
        summary=_("Agendapunt „%(title)s” toegevoegd") % {"title": item.title[:200]},
        snapshot=item_snapshot(item),
    )
    return item


@transaction.atomic
def move_item(user, item: AgendaItem, direction: str) -> AgendaItem:
    """Swap the item with its neighbour above ("up") or below ("down"); at the edge: nothing."""
    if direction not in ("up", "down"):
        raise ValidationError(
            {"direction": [_("Kies omhoog of omlaag om een agendapunt te verplaatsen.")]}
        )
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(reflection_id=item.reflection_id)
        .order_by("order", "pk")
    )
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return item
    items[index], items[other] = items[other], items[index]
    for position, it in enumerate(items):
        if it.order != position:
            AgendaItem.objects.filter(pk=it.pk).update(order=position)
    item.refresh_from_db()
    ReflectionChange.record(
        item.reflection,
        user=user,
        summary=_("Agendapunt „%(title)s” verplaatst") % {"title": item.title[:200]},
        snapshot={"order": [it.pk for it in items]},
    )
    return item
