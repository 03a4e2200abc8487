"""Who may see or change an activity.

Everybody who sees the programme reads its activities. The programme's editors edit every
activity; members of a partner organisation of the programme (role partner, or a writing role
in that organisation) create and edit the activities their own organisation carries out.
The plan's own rules are in `activities/plan/permissions.py`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from duiding.accounts.models import Membership, Organisation
from duiding.accounts.permissions import WRITE_ROLES, is_authenticated
from duiding.activities.models import Activity
from duiding.programmes.permissions import can_edit_programme, visible_programmes

ACTIVITY_PARTNER_ROLES = {Membership.Role.PARTNER, *WRITE_ROLES}


def activity_organisations(user, programme):
    """Organisations the user may add activities for in this programme: for an editor the owning
    organisation and every partner; for a partner member only their own partner organisations."""
    if not is_authenticated(user):
        return Organisation.objects.none()
    partners = programme.partners.all()
    if can_edit_programme(user, programme):
        return Organisation.objects.filter(
            pk__in=[programme.organisation_id, *partners.values_list("pk", flat=True)]
        )
    return partners.filter(
        memberships__user=user, memberships__role__in=ACTIVITY_PARTNER_ROLES
    ).distinct()


def can_add_activity(user, programme) -> bool:
    return activity_organisations(user, programme).exists()


def can_edit_activity(user, activity) -> bool:
    """The programme's editors, or a member of the carrying partner organisation (while that
    organisation is a partner of the programme)."""
    if can_edit_programme(user, activity.programme):
        return True
    return (
        activity_organisations(user, activity.programme)
        .filter(pk=activity.organisation_id)
        .exists()
    )


def activity_or_404(user, pk, *, edit: bool = False):
    """An activity if the user may see its programme (and edit it, with edit=True).

    Not visible: Http404; visible but not editable: PermissionDenied (as programme_or_404)."""
    activity = get_object_or_404(
        Activity.objects.filter(programme__in=visible_programmes(user)).select_related(
            "programme", "programme__area", "programme__framework", "organisation", "intervention"
        ),
        pk=pk,
    )
    if edit and not can_edit_activity(user, activity):
        raise PermissionDenied
    return activity
