"""Generic permission helpers (organisations, memberships, roles); each app's own objects are
checked in its `permissions.py`, built on these.

Rules:
- Open data (CBS figures, areas, indicators, frameworks) is readable by every logged-in, active user.
- Organisation data is visible to members of that organisation; writes need a role that allows them.
- A superuser or a `beheerder` of any organisation may manage reference data (imports, frameworks).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from duiding.accounts.models import Membership, Organisation

WRITE_ROLES = {Membership.Role.ADMIN, Membership.Role.ADVISER}


def is_authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_read_open_data(user) -> bool:
    return is_authenticated(user)


def is_data_admin(user) -> bool:
    """May load data and edit reference data (imports, frameworks, aliases)."""
    if not is_authenticated(user):
        return False
    return user.is_superuser or user.memberships.filter(role=Membership.Role.ADMIN).exists()


def require_data_admin(user) -> None:
    if not is_data_admin(user):
        raise PermissionDenied


def organisations_for_user(user) -> QuerySet[Organisation]:
    if not is_authenticated(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user).distinct()


def role_in(user, organisation: Organisation) -> str | None:
    if not is_authenticated(user):
        return None
    membership = user.memberships.filter(organisation=organisation).first()
    return membership.role if membership else None
