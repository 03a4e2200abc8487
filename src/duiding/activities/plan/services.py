"""Plan van aanpak (seed 003, Deel 2 steps 3–4 and appendix 6): the steps the gebiedsadviseur and
each partner take, the agreements with the accounthouder about buying interventions and the
quality agreements per partner and activity (step 4). The measurement plans of step 5 are written
by `outcomes` (outcomes/measurement_plans/services.py), with the same rules and `PlanError`.

Who may write (checked in `plan/permissions.py` with `can_edit_item`, called by the views):
- the programme's editors (`can_edit_programme`: the gebiedsadviseur) write everything;
- a member of a partner organisation of the programme (role partner, or a writing role) writes
  the steps and quality agreements (and measurement plans) of its OWN organisation's activities, and
  the steps its organisation owns;
- purchase agreements only the programme's editors.
Anyone who sees the programme reads its plan; anyone else gets a 404.

Services are keyword-only and each runs in one transaction; a refused write raises `PlanError`
with a Dutch message (and the form field it concerns) and changes nothing.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.accounts.models import Membership
from duiding.activities import history
from duiding.activities.models import (
    Activity,
    EvidenceLevel,
    PlanStep,
    PurchaseAgreement,
    QualityAgreement,
    StepStatus,
)
from duiding.activities.plan.reference import QUALITY_KEYS
from duiding.core.versioning import lock_and_check


class PlanError(ValueError):
    """A write refused for a reason the user can fix; Dutch message, optional form field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def today() -> datetime.date:
    return timezone.localdate()


def is_overdue(item, on: datetime.date) -> bool:
    return item.status != StepStatus.DONE and item.due_date < on


# --- Validation helpers ------------------------------------------------------------------------


def _text(value: str, field_name: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise PlanError(message, field_name)
    return value


def _future(due_date, field_name: str = "due_date", *, on: datetime.date | None = None) -> None:
    if due_date is None:
        raise PlanError(_("Vul een datum in."), field_name)
    on = on or today()
    if due_date < on:
        raise PlanError(
            _("De datum ligt in het verleden (%(date)s); kies vandaag of later.")
            % {"date": date_format(due_date)},
            field_name,
        )


def check_due_date(due_date, previous=None, *, on: datetime.date | None = None) -> None:
    """The rule for a new or changed date (an unchanged date may lie in the past); the forms
    use it too, so a refused form shows this error together with all other errors."""
    if previous is None or due_date != previous:
        _future(due_date, on=on)


def check_target_level(activity: Activity, target_level: int | None) -> None:
    _target_level(activity, target_level)


def _owner_user(owner_user, organisation):
    """The person who takes the step must belong to the organisation that takes it."""
    if owner_user is None:
        return None
    if not Membership.objects.filter(user=owner_user, organisation=organisation).exists():
        raise PlanError(
            _("%(user)s hoort niet bij %(org)s; kies iemand van die organisatie.")
            % {"user": owner_user.display_name, "org": organisation.name},
            "owner_user",
        )
    return owner_user


def _status(value: str) -> str:
    if value not in StepStatus.values:
        raise PlanError(_("Kies een status: open, bezig of klaar."), "status")
    return value


def _programme_organisation(programme, organisation) -> None:
    allowed = organisation.pk == programme.organisation_id or (
        programme.partners.filter(pk=organisation.pk).exists()
    )
    if not allowed:
        raise PlanError(
            _("%(org)s is geen partner in dit programma.") % {"org": organisation.name},
            "owner_organisation",
        )


# --- Plan steps --------------------------------------------------------------------------------


@transaction.atomic
def step_create(
    *,
    programme,
    user,
    description: str,
    owner_organisation,
    due_date: datetime.date,
    activity: Activity | None = None,
    owner_user=None,
    status: str = StepStatus.OPEN,
    on: datetime.date | None = None,
) -> PlanStep:
    """A new step. Its date may not lie in the past."""
    description = _text(description, "description", _("Beschrijf de stap."))
    if activity is not None and activity.programme_id != programme.pk:
        raise PlanError(_("Kies een activiteit van dit programma."), "activity")
    _programme_organisation(programme, owner_organisation)
    _future(due_date, on=on)
    step = PlanStep(
        programme=programme,
        activity=activity,
        description=description,
        owner_organisation=owner_organisation,
        owner_user=_owner_user(owner_user, owner_organisation),
        due_date=due_date,
        status=_status(status),
        created_by=user,
        updated_by=user,
    )
    step.full_clean()
    step.save()
    history.record(step, user=user, action=history.Action.CREATED)
    return step


@transaction.atomic
def step_update(
    *,
    step: PlanStep,
    user,
    description: str,
    owner_organisation,
    due_date: datetime.date,
    activity: Activity | None = None,
    owner_user=None,
    status: str = StepStatus.OPEN,
    on: datetime.date | None = None,
    expected_version: int | None,
) -> PlanStep:
    """Change a step. A step keeps a past date it already had; a new date must not be past.
    Raises StaleEdit (core.versioning) when `expected_version` is missing or old."""
    lock_and_check(step, expected_version)
    description = _text(description, "description", _("Beschrijf de stap."))
    if activity is not None and activity.programme_id != step.programme_id:
        raise PlanError(_("Kies een activiteit van dit programma."), "activity")
    _programme_organisation(step.programme, owner_organisation)
    if due_date != step.due_date:
        _future(due_date, on=on)
    step.description = description
    step.activity = activity
    step.owner_organisation = owner_organisation
    step.owner_user = _owner_user(owner_user, owner_organisation)
    step.due_date = due_date
    step.status = _status(status)
    step.updated_by = user
    step.full_clean()
    step.save()
    history.record(step, user=user, action=history.Action.UPDATED)
    return step


@transaction.atomic
def step_mark_done(*, step: PlanStep, user, expected_version: int | None) -> PlanStep:
    """Only the status becomes 'klaar'. Raises StaleEdit (core.versioning) when
    `expected_version` is missing or somebody saved the step after the page was opened."""
    lock_and_check(step, expected_version)
    step.status = StepStatus.DONE
    step.updated_by = user
    step.save(update_fields=["status", "updated_by", "updated_at", "version"])
    history.record(step, user=user, action=history.Action.UPDATED)
    return step


@transaction.atomic
def step_delete(*, step: PlanStep, user) -> None:
    history.record(step, user=user, action=history.Action.DELETED)
    step.delete()


# --- Purchase agreements -----------------------------------------------------------------------


@transaction.atomic
def purchase_save(
    *,
    programme,
    user,
    reference: str,
    date: datetime.date,
    activity: Activity | None = None,
    note: str = "",
    agreement: PurchaseAgreement | None = None,
    expected_version: int | None = None,
) -> PurchaseAgreement:
    """Create (agreement=None) or change an agreement with the accounthouder about buying.
    A change raises StaleEdit (core.versioning) when `expected_version` is missing or old."""
    if agreement is not None:
        lock_and_check(agreement, expected_version)
    reference = _text(
        reference, "reference", _("Vul het kenmerk in (bijvoorbeeld van de beschikking).")
    )
    if date is None:
        raise PlanError(_("Vul de datum van de afspraak in."), "date")
    if activity is not None and activity.programme_id != programme.pk:
        raise PlanError(_("Kies een activiteit van dit programma."), "activity")
    action = history.Action.CREATED if agreement is None else history.Action.UPDATED
    if agreement is None:
        agreement = PurchaseAgreement(programme=programme, created_by=user)
    agreement.reference = reference
    agreement.date = date
    agreement.activity = activity
    agreement.note = (note or "").strip()
    agreement.updated_by = user
    agreement.full_clean()
    agreement.save()
    history.record(agreement, user=user, action=action)
    return agreement


@transaction.atomic
def purchase_delete(*, agreement: PurchaseAgreement, user) -> None:
    history.record(agreement, user=user, action=history.Action.DELETED)
    agreement.delete()


# --- Quality agreements ------------------------------------------------------------------------


def checklist_clean(checklist: dict | None) -> dict:
    """{key: {"answer": True/False/None, "note": str}} for the seed's questions only."""
    clean: dict = {}
    for key, value in (checklist or {}).items():
        if key not in QUALITY_KEYS:
            raise PlanError(_("Onbekende kwaliteitsvraag: %(key)s.") % {"key": key}, None)
        value = value or {}
        answer = value.get("answer")
        if answer not in (True, False, None):
            raise PlanError(_("Kies besproken of nog niet besproken."), f"q_{key}")
        note = (value.get("note") or "").strip()
        if answer is not None or note:
            clean[key] = {"answer": answer, "note": note}
    return clean


def _target_level(activity: Activity, target_level: int | None) -> int | None:
    if target_level is None:
        return None
    if target_level not in EvidenceLevel.values:
        raise PlanError(_("Kies een trede van 0 tot en met 4."), "target_level")
    if target_level < activity.evidence_level:
        raise PlanError(
            _("De activiteit staat al op trede %(current)s; kies als doel die trede of een hogere.")
            % {"current": activity.evidence_level},
            "target_level",
        )
    return target_level


@transaction.atomic
def quality_save(
    *,
    activity: Activity,
    user,
    next_step: str,
    due_date: datetime.date,
    target_level: int | None = None,
    status: str = StepStatus.OPEN,
    checklist: dict | None = None,
    agreement: QualityAgreement | None = None,
    on: datetime.date | None = None,
    expected_version: int | None = None,
) -> QualityAgreement:
    """Create (agreement=None, with the activity's partner) or change a quality agreement.
    A change raises StaleEdit (core.versioning) when `expected_version` is missing or old."""
    if agreement is not None:
        lock_and_check(agreement, expected_version)
    next_step = _text(
        next_step,
        "next_step",
        _("Beschrijf de eerstvolgende stap, bijvoorbeeld ‘beschrijf de interventie’."),
    )
    target_level = _target_level(activity, target_level)
    if agreement is None or due_date != agreement.due_date:
        _future(due_date, on=on)
    checklist = checklist_clean(checklist)
    action = history.Action.CREATED if agreement is None else history.Action.UPDATED
    if agreement is None:
        agreement = QualityAgreement(activity=activity, created_by=user)
    if agreement.organisation_id is None:
        # A new agreement is made with the partner carrying the activity; an existing one stays
        # with the partner it was made with (a hand-over moves it, see plan/handover.py).
        agreement.organisation_id = activity.organisation_id
    agreement.next_step = next_step
    agreement.target_level = target_level
    agreement.due_date = due_date
    agreement.status = _status(status)
    agreement.checklist = checklist
    agreement.updated_by = user
    agreement.full_clean()
    agreement.save()
    history.record(agreement, user=user, action=action)
    return agreement


@transaction.atomic
def quality_delete(*, agreement: QualityAgreement, user) -> None:
    history.record(agreement, user=user, action=history.Action.DELETED)
    agreement.delete()
