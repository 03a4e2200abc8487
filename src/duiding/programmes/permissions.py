"""Who may see or change a programme.

Visible to: members of the owning organisation, members of its partner organisations (read
only) and colleagues asked for feedback (read and comment). Editable by the owning
organisation's beheerders and gebiedsadviseurs; a membership limited to areas (a gebiedsadviseur
per gebied) edits only the programmes of those areas and the areas inside them, and reads the
others. Anybody else gets a 404, never a 403.
Built on the generic helpers of `accounts.permissions`.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from duiding.accounts.models import Membership, Organisation
from duiding.accounts.permissions import WRITE_ROLES, is_authenticated
from duiding.areas.selectors import area_ancestors
from duiding.programmes.models import FeedbackRequest, Programme


def visible_programmes(user):
    """Programmes the user may see (a queryset without duplicates): those of the user's own
    organisations, those their organisation is partner in, those they were asked to give feedback
    on, and for a beheerder or accounthouder all programmes of their municipality (read only)."""
    if not is_authenticated(user):
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    own = Membership.objects.filter(user=user).values("organisation_id")
    reviewed = FeedbackRequest.objects.filter(reviewer=user).values("programme_id")
    partnered = Programme.partners.through.objects.filter(organisation_id__in=own).values(
        "programme_id"
    )
    municipal = municipality_programmes(user).values("pk")
    return Programme.objects.filter(
        Q(organisation_id__in=own) | Q(pk__in=partnered) | Q(pk__in=reviewed) | Q(pk__in=municipal)
    )


def can_write_in(user, organisation_id, area) -> bool:
    """A writing role (beheerder, gebiedsadviseur) in the organisation that holds for `area`:
    a membership without areas holds everywhere, one limited to areas holds for those areas
    and the areas inside them (via the area hierarchy)."""
    if not is_authenticated(user):
        return False
    if user.is_superuser:
        return True
    memberships = list(
        user.memberships.filter(
            organisation_id=organisation_id, role__in=WRITE_ROLES
        ).prefetch_related("areas")
    )
    if any(not m.areas.all() for m in memberships):
        return True
    limited = {a.pk for m in memberships for a in m.areas.all()}
    if not limited or area is None:
        return False
    return bool(limited & {area.pk, *(a.pk for a in area_ancestors(area))})


def can_edit_programme(user, programme) -> bool:
    """Members of the owning organisation with a writing role (beheerder, gebiedsadviseur)
    that holds for the programme's area (see `can_write_in`)."""
    return can_write_in(user, programme.organisation_id, programme.area)


def can_comment_programme(user, programme) -> bool:
    """Editors, and colleagues with a feedback request on this programme that is still open."""
    if can_edit_programme(user, programme):
        return True
    return programme.feedback_requests.filter(reviewer=user, closed_at__isnull=True).exists()


def programme_or_404(user, pk, *, edit: bool = False):
    """The programme if the user may see it (and edit it, with edit=True), else Http404.

    Seeing but not editing gives PermissionDenied: the user knows the programme exists.
    """
    programme = get_object_or_404(
        visible_programmes(user).select_related("area", "framework"), pk=pk
    )
    if edit and not can_edit_programme(user, programme):
        raise PermissionDenied
    return programme


def feedback_candidates(programme):
    """Users who may be asked for feedback: active members of organisations in the same
    municipality as the owning organisation (or of the owning organisation itself)."""
    org = programme.organisation
    orgs = Q(memberships__organisation=org)
    if org.municipality_id:
        orgs |= Q(memberships__organisation__municipality_id=org.municipality_id)
    return get_user_model().objects.filter(orgs, is_active=True).distinct().order_by("username")


def programme_owner_organisations(user):
    """Organisations for which the user may start (own) a programme: those where they have a
    writing role (beheerder, gebiedsadviseur); a superuser: all."""
    if not is_authenticated(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=WRITE_ROLES
    ).distinct()


def data_team_programmes(user):
    """Programmes whose missing-figures list a beheerder works through: those owned by the
    organisations where the user is beheerder (a superuser: all)."""
    if not is_authenticated(user):
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    admin_of = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
        "organisation_id"
    )
    return Programme.objects.filter(organisation_id__in=admin_of)


def municipality_programmes(user):
    """Programmes of a whole municipality, for its beheerders and accounthouders: every programme
    owned by an organisation of a municipality where the user has one of those roles in an
    organisation of that municipality (a superuser: all). Used by the cross-programme overviews
    (results, prevention matrix)."""
    if not is_authenticated(user):
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    roles = {Membership.Role.ADMIN, Membership.Role.ACCOUNT_HOLDER}
    municipalities = Membership.objects.filter(
        user=user, role__in=roles, organisation__municipality__isnull=False
    ).values("organisation__municipality_id")
    return Programme.objects.filter(organisation__municipality_id__in=municipalities)


def can_see_municipality_overview(user) -> bool:
    return is_authenticated(user) and (
        user.is_superuser
        or user.memberships.filter(
            role__in=[Membership.Role.ADMIN, Membership.Role.ACCOUNT_HOLDER],
            organisation__municipality__isnull=False,
        ).exists()
    )
