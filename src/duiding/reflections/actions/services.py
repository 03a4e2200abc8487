"""Writes of improvement actions: create (from an agenda item), update (status, note, due date;
optimistic lock) and the look back in a later reflection ("Zien we al effect?"). Every write is
one transaction and records an `ActionChange` with a snapshot.

Callers check permissions first (`can_steer` to create, `can_update_action` to update). Bad input
raises ValidationError with Dutch messages keyed by field; nothing is written then.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.accounts.models import Membership
from duiding.core.versioning import lock_and_check
from duiding.reflections.models import (
    ActionChange,
    AgendaItem,
    ImprovementAction,
    Reflection,
    ReflectionChange,
)

Status = ImprovementAction.Status


def snapshot(action: ImprovementAction) -> dict:
    return {
        "description": action.description,
        "owner_organisation": action.owner_organisation_id,
        "owner_user": action.owner_user_id,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "status": action.status,
        "done_at": action.done_at.isoformat() if action.done_at else None,
        "effect_note": action.effect_note,
        "looked_back_in": action.looked_back_in_id,
        "version": action.version,
    }


def _record(action: ImprovementAction, user, summary: str) -> ActionChange:
    return ActionChange.record(action, user=user, summary=summary, snapshot=snapshot(action))


def _check_owner(organisation, owner_user, errors: dict) -> None:
    if organisation is None:
        errors["owner_organisation"] = [_("Wie (organisatie): kies de organisatie die het doet.")]
    elif (
        owner_user is not None
        and not Membership.objects.filter(user=owner_user, organisation=organisation).exists()
    ):
        errors["owner_user"] = [
            _("Wie (persoon): %(name)s is geen lid van %(org)s.")
            % {"name": owner_user.display_name, "org": organisation.name}
        ]


def action_create(
    *,
    reflection: Reflection,
    item: AgendaItem | None,
    user,
    description: str,
    owner_organisation,
    owner_user=None,
    due_date: datetime.date | None,
    today: datetime.date | None = None,
) -> ImprovementAction:
    """A new action of the reflection, about the item's subject (copied from the item)."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not (description or "").strip():
        errors["description"] = [_("Wat: beschrijf wat er gaat gebeuren.")]
    _check_owner(owner_organisation, owner_user, errors)
    if due_date is None:
        errors["due_date"] = [_("Wanneer klaar: vul een datum in.")]
    elif due_date < today:
        errors["due_date"] = [_("Wanneer klaar: de datum ligt in het verleden.")]
    if errors:
        raise ValidationError(errors)
    subject = {}
    if item is not None:
        subject = {
            "indicator_id": item.indicator_id,
            "result_id": item.result_id,
            "activity_id": item.activity_id,
            "questionnaire_id": item.questionnaire_id,
        }
        if item.action_id and not any(subject.values()):
            earlier = item.action
            subject = {
                "indicator_id": earlier.indicator_id,
                "result_id": earlier.result_id,
                "activity_id": earlier.activity_id,
                "questionnaire_id": earlier.questionnaire_id,
            }
    with transaction.atomic():
        action = ImprovementAction.objects.create(
            reflection=reflection,
            item=item,
            programme_id=reflection.programme_id,
            description=description.strip(),
            owner_organisation=owner_organisation,
            owner_user=owner_user,
            due_date=due_date,
            created_by=user,
            updated_by=user,
            **subject,
        )
        _record(action, user, _("Aangemaakt"))
        ReflectionChange.record(
            reflection,
            user=user,
            summary=_("Verbeteractie: %(what)s") % {"what": action.description[:200]},
            snapshot={"action": action.pk, **snapshot(action)},
        )
    return action


def action_update(
    action: ImprovementAction,
    *,
    user,
    expected_version: int | None,
    status: str,
    due_date: datetime.date | None,
    note: str = "",
    today: datetime.date | None = None,
) -> ImprovementAction:
    """Change status and due date (a StaleEdit when somebody saved in between). Klaar sets
    done_at (today), another status clears it. A due date may move to the past only when it does
    not change (an overdue action keeps its date)."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if status not in Status.values:
        errors["status"] = [_("Status: kies open, bezig, klaar of vervallen.")]
    if due_date is None:
        errors["due_date"] = [_("Wanneer klaar: vul een datum in.")]
    elif due_date != action.due_date and due_date < today:
        errors["due_date"] = [_("Wanneer klaar: de nieuwe datum ligt in het verleden.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        lock_and_check(action, expected_version)
        old_status, old_due = action.status, action.due_date
        action.status = status
        action.due_date = due_date
        if status == Status.DONE:
            action.done_at = action.done_at if old_status == Status.DONE else today
        else:
            action.done_at = None
        action.updated_by = user
        action.save()
        parts = []
        if old_status != status:
            parts.append(
                _("Status: %(old)s → %(new)s")
                % {"old": Status(old_status).label, "new": Status(status).label}
            )
        if old_due != due_date:
            parts.append(
                _("Datum: %(old)s → %(new)s")
                % {"old": old_due.strftime("%d-%m-%Y"), "new": due_date.strftime("%d-%m-%Y")}
            )
        if note.strip():
            parts.append(note.strip())
        _record(action, user, "; ".join(parts) or _("Opgeslagen zonder wijziging"))
    return action


def action_look_back(
    action: ImprovementAction, *, reflection: Reflection, user, note: str
) -> ImprovementAction:
    """ "Zien we al effect?": the note of the later reflection in which the action came back."""
    if not (note or "").strip():
        raise ValidationError({"effect_note": [_("Zien we al effect?: schrijf op wat u ziet.")]})
    with transaction.atomic():
        locked = ImprovementAction.objects.select_for_update().get(pk=action.pk)
        locked.effect_note = note.strip()
        locked.looked_back_in = reflection
        locked.updated_by = user
        locked.version += 1
        locked.save()
        _record(
            locked,
            user,
            _("Teruggeblikt in ‘%(title)s’: %(note)s")
            % {"title": reflection.title, "note": locked.effect_note[:200]},
        )
    action.refresh_from_db()
    return action
