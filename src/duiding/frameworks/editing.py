"""Writes from the framework pages (services: keyword-only, validated, in transactions)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from duiding.frameworks.models import Ambition, Domain, DomainIndicator, Framework, Pillar


def pillar_update(*, pillar: Pillar, name: str, order: int) -> Pillar:
    pillar.name, pillar.order = name.strip(), order
    pillar.full_clean()
    pillar.save(update_fields=["name", "order"])
    return pillar


def domain_update(*, domain: Domain, name: str, order: int) -> Domain:
    domain.name, domain.order = name.strip(), order
    domain.full_clean()
    domain.save(update_fields=["name", "order"])
    return domain


@transaction.atomic
def domain_indicator_add(*, domain: Domain, indicator) -> DomainIndicator:
    """Link an indicator to a domain (at the end); linking twice changes nothing."""
    link = DomainIndicator.objects.filter(domain=domain, indicator=indicator).first()
    if link is not None:
        return link
    last = DomainIndicator.objects.filter(domain=domain).aggregate(m=Max("order"))["m"]
    return DomainIndicator.objects.create(
        domain=domain, indicator=indicator, order=0 if last is None else last + 1
    )


def domain_indicator_remove(*, domain: Domain, indicator) -> bool:
    deleted, _ = DomainIndicator.objects.filter(domain=domain, indicator=indicator).delete()
    return bool(deleted)


def ambition_create(
    *, framework: Framework, pillar: Pillar, text: str, order: int = 0, domain: Domain | None = None
) -> Ambition:
    ambition = Ambition(
        framework=framework, pillar=pillar, domain=domain, text=text.strip(), order=order
    )
    ambition.full_clean()
    ambition.save()
    return ambition


def ambition_update(
    *, ambition: Ambition, pillar: Pillar, text: str, order: int, domain: Domain | None = None
) -> Ambition:
    ambition.pillar, ambition.domain = pillar, domain
    ambition.text, ambition.order = text.strip(), order
    ambition.full_clean()
    ambition.save()
    return ambition


def ambition_delete(*, ambition: Ambition) -> None:
    ambition.delete()
