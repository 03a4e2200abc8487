"""Reads for the framework pages; who may see or edit them is in `permissions.py`."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from duiding.frameworks.models import Domain, DomainIndicator, Framework, Pillar


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


def domains_with_counts() -> QuerySet[Domain]:
    return Domain.objects.select_related("pillar__framework").annotate(n=Count("indicators"))
