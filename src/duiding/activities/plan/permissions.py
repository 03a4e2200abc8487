"""Who may write the plan van aanpak of a programme (see `plan/services.py` for the rules):
the programme's editors write everything; a member of a partner organisation writes the items of
its own organisation's activities and the steps its organisation owns. Quality agreements are
bilateral: `quality_organisation_ids` says whose agreements a user sees.

A quality agreement belongs to the partner it was made with (`QualityAgreement.organisation`),
not to whoever carries the activity now. When an activity is handed over to another partner,
the hand-over decides per open agreement: it stays with the old partner (closed: read only for
that partner, invisible to the new one) or it is transferred to the new partner
(`activities/plan/handover.py`). Only while the agreement's partner carries the activity does
that partner edit it; the programme's editors always do."""

from __future__ import annotations

from duiding.accounts.models import Membership
from duiding.accounts.permissions import WRITE_ROLES, is_authenticated
from duiding.activities.models import Activity, PlanStep, QualityAgreement
from duiding.programmes.permissions import can_edit_programme, municipality_programmes

PARTNER_WRITE_ROLES = {Membership.Role.PARTNER, *WRITE_ROLES}


def partner_organisation_ids(user, programme) -> set[int]:
    """The organisations for which the user writes in this programme as a partner: their own
    organisations (role partner or a writing role) that are partners of the programme."""
    if not is_authenticated(user):
        return set()
    partners = programme.partners.values("pk")
    return set(
        Membership.objects.filter(
            user=user, role__in=PARTNER_WRITE_ROLES, organisation_id__in=partners
        ).values_list("organisation_id", flat=True)
    )


def can_edit_item(user, programme, organisation_id: int | None) -> bool:
    """May the user write a plan item of `organisation_id` in `programme`?"""
    if can_edit_programme(user, programme):
        return True
    return organisation_id is not None and organisation_id in partner_organisation_ids(
        user, programme
    )


def can_edit_step(user, step: PlanStep) -> bool:
    if can_edit_item(user, step.programme, step.owner_organisation_id):
        return True
    return step.activity_id is not None and can_edit_item(
        user, step.programme, step.activity.organisation_id
    )


def can_edit_activity_plan(user, activity: Activity) -> bool:
    """Quality agreements and measurement plans of an activity."""
    return can_edit_item(user, activity.programme, activity.organisation_id)


def is_closed_agreement(agreement: QualityAgreement) -> bool:
    """Kept with a partner that no longer carries the activity (after a hand-over)."""
    return agreement.organisation_id != agreement.activity.organisation_id


def can_edit_quality(user, agreement: QualityAgreement) -> bool:
    """The programme's editors; the agreement's own partner only while it carries the activity."""
    programme = agreement.activity.programme
    if can_edit_programme(user, programme):
        return True
    return not is_closed_agreement(agreement) and can_edit_item(
        user, programme, agreement.organisation_id
    )


def can_see_quality(user, agreement: QualityAgreement) -> bool:
    orgs = quality_organisation_ids(user, agreement.activity.programme)
    return orgs is None or agreement.organisation_id in orgs


def quality_organisation_ids(user, programme) -> set[int] | None:
    """Quality agreements are bilateral (gebiedsadviseur and one partner): the organisations whose
    agreements the user sees in this programme, or None for all of them (the programme's editors,
    members of the owning organisation and the municipality's beheerders and accounthouders)."""
    if can_edit_programme(user, programme):
        return None
    if not is_authenticated(user):
        return set()
    if Membership.objects.filter(user=user, organisation_id=programme.organisation_id).exists():
        return None
    if municipality_programmes(user).filter(pk=programme.pk).exists():
        return None
    return set(
        Membership.objects.filter(user=user).values_list("organisation_id", flat=True).distinct()
    )
