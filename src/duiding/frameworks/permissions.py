"""Who may see or edit a framework and its parts (pillars, domains, ambitions).

Shared frameworks (no organisation) are open to every logged-in user, an organisation's own to
its members. A data beheerder edits shared frameworks; an organisation's own only its beheerder.
Not visible: Http404; visible but not editable (edit=True): PermissionDenied.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from duiding.accounts.models import Membership
from duiding.accounts.permissions import is_data_admin, organisations_for_user, role_in
from duiding.areas.models import Level
from duiding.frameworks.models import Ambition, Domain, Framework, Pillar


def frameworks_visible(user) -> QuerySet[Framework]:
    """Shared frameworks (no organisation) and those of the user's organisations."""
    return Framework.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__in=organisations_for_user(user))
    )


def frameworks_for_area(user, area) -> QuerySet[Framework]:
    """The frameworks a programme of `area` may use: the shared ones and those of the area's
    municipality (of those the user sees)."""
    municipality_id = area.pk if area.level == Level.MUNICIPALITY else area.municipality_id
    return (
        frameworks_visible(user)
        .filter(Q(municipality__isnull=True) | Q(municipality_id=municipality_id))
        .order_by("-is_default", "name")
    )


def can_edit_framework(user, framework: Framework) -> bool:
    """A data beheerder edits shared frameworks; an organisation's own only its beheerder."""
    if not is_data_admin(user):
        return False
    if framework.organisation_id is None or user.is_superuser:
        return True
    return role_in(user, framework.organisation) == Membership.Role.ADMIN


def can_create_framework(user) -> bool:
    """A data beheerder sets up a framework (for another municipality, or shared)."""
    return is_data_admin(user)


def framework_or_404(user, slug: str, *, edit: bool = False) -> Framework:
    framework = frameworks_visible(user).filter(slug=slug).first()
    if framework is None:
        raise Http404
    if edit and not can_edit_framework(user, framework):
        raise PermissionDenied
    return framework


def _framework_check(user, framework: Framework, edit: bool) -> None:
    if not frameworks_visible(user).filter(pk=framework.pk).exists():
        raise Http404
    if edit and not can_edit_framework(user, framework):
        raise PermissionDenied


def pillar_or_404(user, pk: int, *, edit: bool = False) -> Pillar:
    pillar = Pillar.objects.select_related("framework").filter(pk=pk).first()
    if pillar is None:
        raise Http404
    _framework_check(user, pillar.framework, edit)
    return pillar


def domain_or_404(user, pk: int, *, edit: bool = False) -> Domain:
    domain = Domain.objects.select_related("pillar__framework").filter(pk=pk).first()
    if domain is None:
        raise Http404
    _framework_check(user, domain.pillar.framework, edit)
    return domain


def ambition_or_404(user, pk: int, *, edit: bool = False) -> Ambition:
    ambition = (
        Ambition.objects.select_related("framework", "pillar", "domain").filter(pk=pk).first()
    )
    if ambition is None:
        raise Http404
    _framework_check(user, ambition.framework, edit)
    return ambition
