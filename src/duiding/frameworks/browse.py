"""Reads for the framework pages (selectors) and the one permission lookup per object kind."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from duiding.accounts.models import Membership
from duiding.accounts.permissions import is_data_admin, organisations_for_user, role_in
from duiding.frameworks.models import Ambition, Domain, DomainIndicator, Framework, Pillar


def frameworks_visible(user) -> QuerySet[Framework]:
    """Shared frameworks (no organisation) and those of the user's organisations."""
    return Framework.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__in=organisations_for_user(user))
    )


def can_edit_framework(user, framework: Framework) -> bool:
    """A data beheerder edits shared frameworks; an organisation's own only its beheerder."""
    if not is_data_admin(user):
        return False
    if framework.organisation_id is None or user.is_superuser:
        return True
    return role_in(user, framework.organisation) == Membership.Role.ADMIN


def framework_get_for_user(user, slug: str, *, write: bool = False) -> Framework:
    framework = frameworks_visible(user).filter(slug=slug).first()
    if framework is None:
        raise Http404
    if write and not can_edit_framework(user, framework):
        raise PermissionDenied
    return framework


def _framework_check(user, framework: Framework, write: bool) -> None:
    if not frameworks_visible(user).filter(pk=framework.pk).exists():
        raise Http404
    if write and not can_edit_framework(user, framework):
        raise PermissionDenied


def pillar_get_for_user(user, pk: int, *, write: bool = False) -> Pillar:
    pillar = Pillar.objects.select_related("framework").filter(pk=pk).first()
    if pillar is None:
        raise Http404
    _framework_check(user, pillar.framework, write)
    return pillar


def domain_get_for_user(user, pk: int, *, write: bool = False) -> Domain:
    domain = Domain.objects.select_related("pillar__framework").filter(pk=pk).first()
    if domain is None:
        raise Http404
    _framework_check(user, domain.pillar.framework, write)
    return domain


def ambition_get_for_user(user, pk: int, *, write: bool = False) -> Ambition:
    ambition = (
        Ambition.objects.select_related("framework", "pillar", "domain").filter(pk=pk).first()
    )
    if ambition is None:
        raise Http404
    _framework_check(user, ambition.framework, write)
    return ambition


def _links() -> Prefetch:
    return Prefetch(
        "domainindicator_set",
        queryset=DomainIndicator.objects.select_related("indicator").order_by(
            "order", "indicator__name"
        ),
        to_attr="links",
    )


def framework_structure(framework: Framework) -> list[Pillar]:
    """Pillars in order, each with `.domain_list` (with `.links` and `.ambition_list`) and
    `.pillar_ambitions` (ambitions not tied to one domain)."""
    ambitions = list(framework.ambitions.order_by("order", "pk"))
    pillars = list(
        framework.pillars.order_by("order", "name").prefetch_related(
            Prefetch(
                "domains",
                queryset=Domain.objects.order_by("order", "name").prefetch_related(_links()),
                to_attr="domain_list",
            )
        )
    )
    for pillar in pillars:
        pillar.pillar_ambitions = [
            a for a in ambitions if a.pillar_id == pillar.pk and a.domain_id is None
        ]
        for domain in pillar.domain_list:
            domain.ambition_list = [a for a in ambitions if a.domain_id == domain.pk]
    return pillars


def domain_links(domain: Domain) -> list[DomainIndicator]:
    return list(
        DomainIndicator.objects.filter(domain=domain)
        .select_related("indicator")
        .order_by("order", "indicator__name")
    )
