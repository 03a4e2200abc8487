"""Handing an activity over to another partner, and what happens to its open quality agreements.

A quality agreement belongs to the partner it was made with (see `plan/permissions.py`). When the
activity moves to another partner, the person handing over chooses per open agreement (status
not `klaar`) of the old partner:
- keep (`houden`): it stays with the old partner, closed: that partner reads it, the new one does
  not see it (bilateral), only the programme's editors still change it;
- transfer (`overdragen`): it becomes the new partner's agreement.
Agreements that are done stay with the old partner. Every decision is recorded in the plan's
history; the whole hand-over is one transaction and a refused one changes nothing."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from duiding.accounts.models import Organisation
from duiding.activities import history
from duiding.activities.models import Activity, QualityAgreement, StepStatus
from duiding.activities.permissions import activity_organisations
from duiding.activities.plan.services import PlanError
from duiding.core.versioning import lock_and_check

KEEP, TRANSFER = "houden", "overdragen"


def open_agreements(activity: Activity):
    """The open quality agreements made with the partner that carries the activity now."""
    return (
        QualityAgreement.objects.filter(activity=activity, organisation_id=activity.organisation_id)
        .exclude(status=StepStatus.DONE)
        .order_by("due_date", "pk")
    )


def hand_over_organisations(user, activity: Activity):
    """The partners the user may hand the activity over to (not the one carrying it now)."""
    return activity_organisations(user, activity.programme).exclude(pk=activity.organisation_id)


@transaction.atomic
def activity_hand_over(
    *,
    activity: Activity,
    user,
    organisation: Organisation,
    decisions: dict[int, str],
    expected_version: int | None,
) -> Activity:
    """Move the activity to `organisation`; `decisions` maps each open agreement's pk to KEEP or
    TRANSFER. Raises PlanError (Dutch, with the field), or StaleEdit (core.versioning) when
    `expected_version` is missing or old, and changes nothing when refused."""
    locked = Activity.objects.select_related("organisation").get(pk=activity.pk)
    lock_and_check(locked, expected_version)
    old = locked.organisation
    if (
        organisation is None
        or not hand_over_organisations(user, activity).filter(pk=organisation.pk).exists()
    ):
        raise PlanError(
            _("Kies een andere partner van dit programma dan %(old)s.") % {"old": old.name},
            "organisation",
        )
    agreements = list(open_agreements(locked).select_for_update())
    for agreement in agreements:
        if decisions.get(agreement.pk) not in (KEEP, TRANSFER):
            raise PlanError(
                _(
                    "Kies bij de kwaliteitsafspraak ‘%(step)s’ of die bij %(old)s blijft of "
                    "meegaat naar %(new)s."
                )
                % {"step": agreement.next_step[:80], "old": old.name, "new": organisation.name},
                f"agreement_{agreement.pk}",
            )
    locked.organisation = organisation
    locked.updated_by = user
    locked.save(update_fields=["organisation", "updated_by", "version", "updated_at"])
    history.record(
        locked,
        user=user,
        action=history.Action.UPDATED,
        summary=_("%(name)s: overgedragen van %(old)s aan %(new)s")
        % {"name": locked.name, "old": old.name, "new": organisation.name},
    )
    for agreement in agreements:
        agreement.activity = locked
        if decisions[agreement.pk] == TRANSFER:
            agreement.organisation = organisation
            agreement.updated_by = user
            agreement.version += 1
            agreement.save(update_fields=["organisation", "updated_by", "version", "updated_at"])
            summary = _("Meegegaan naar %(new)s bij de overdracht: %(step)s")
        else:
            summary = _("Gesloten, bleef bij %(old)s bij de overdracht: %(step)s")
        history.record(
            agreement,
            user=user,
            action=history.Action.UPDATED,
            summary=summary
            % {"new": organisation.name, "old": old.name, "step": agreement.next_step[:120]},
        )
    return locked
