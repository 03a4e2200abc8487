"""Writes for frameworks: the default domain links, and the page edits (pillars, domains,
ambitions, links chosen by a beheerder; keyword-only, validated, in transactions).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models import Max

from duiding.frameworks.defaults import DEFAULT_DOMAIN_INDICATORS, DEFAULT_FRAMEWORK_SLUG
from duiding.frameworks.factor_defaults import factor_indicator_codes
from duiding.frameworks.models import Ambition, Domain, DomainIndicator, Factor, Framework, Pillar
from duiding.indicators.models import Indicator

logger = logging.getLogger(__name__)


def default_framework() -> Framework | None:
    """Rotterdam Groeit (created by migration 0002), or None when a beheerder removed it."""
    return Framework.objects.filter(slug=DEFAULT_FRAMEWORK_SLUG).first()


def default_links_apply(*, framework: Framework | None = None, mapping: dict | None = None) -> int:
    """Link indicators that have appeared to their default domains; returns the links created.

    Idempotent and applied once per indicator: an indicator whose code is recorded in
    `framework.default_links_applied` is skipped, so links a beheerder changed or removed stay
    as they are. Codes not (yet) in the database are left for a later call (e.g. after the next
    import). A domain a beheerder renamed or removed is skipped.
    """
    mapping = DEFAULT_DOMAIN_INDICATORS if mapping is None else mapping
    framework = framework or default_framework()
    if framework is None:
        return 0
    with transaction.atomic():
        framework = Framework.objects.select_for_update().get(pk=framework.pk)
        applied = set(framework.default_links_applied or [])
        wanted = {code for codes in mapping.values() for code in codes} - applied
        if not wanted:
            return 0
        indicators = dict(Indicator.objects.filter(code__in=wanted).values_list("code", "id"))
        if not indicators:
            return 0
        domains = {
            (d.pillar.name, d.name): d
            for d in Domain.objects.filter(pillar__framework=framework).select_related("pillar")
        }
        existing = set(
            DomainIndicator.objects.filter(domain__pillar__framework=framework).values_list(
                "domain_id", "indicator_id"
            )
        )
        to_create = []
        for key, codes in mapping.items():
            domain = domains.get(key)
            if domain is None:
                continue
            for position, code in enumerate(codes):
                indicator_id = indicators.get(code)
                if indicator_id is None or (domain.pk, indicator_id) in existing:
                    continue
                existing.add((domain.pk, indicator_id))
                to_create.append(
                    DomainIndicator(domain=domain, indicator_id=indicator_id, order=position)
                )
        DomainIndicator.objects.bulk_create(to_create)
        if mapping is DEFAULT_DOMAIN_INDICATORS:
            default_factor_links_apply(framework=framework, indicators=indicators)
        framework.default_links_applied = sorted(applied | indicators.keys())
        framework.save(update_fields=["default_links_applied"])
    return len(to_create)


def default_factor_links_apply(*, framework: Framework, indicators: dict[str, int]) -> int:
    """Link the framework's default factors to newly seen indicators (code -> pk), as
    `factor_defaults` lists them; returns the links created. Called once per indicator from
    `default_links_apply`, so a link a beheerder removed later is not made again."""
    wanted = {
        name: [indicators[c] for c in codes if c in indicators]
        for name, codes in factor_indicator_codes().items()
    }
    wanted = {name: ids for name, ids in wanted.items() if ids}
    if not wanted:
        return 0
    through = Factor.indicators.through
    factors = dict(
        Factor.objects.filter(framework=framework, is_default=True, name__in=wanted).values_list(
            "name", "pk"
        )
    )
    existing = set(
        through.objects.filter(factor_id__in=factors.values()).values_list(
            "factor_id", "indicator_id"
        )
    )
    rows = [
        through(factor_id=factors[name], indicator_id=indicator_id)
        for name, ids in wanted.items()
        if name in factors
        for indicator_id in ids
        if (factors[name], indicator_id) not in existing
    ]
    through.objects.bulk_create(rows)
    return len(rows)


def on_import_finished(sender, run=None, **kwargs) -> None:
    """Receiver of `indicators.signals.import_finished`: link what the import brought in.

    It must never fail the import that sent it: a database error is logged, not raised.
    """
    try:
        created = default_links_apply()
    except DatabaseError:
        logger.exception(
            "Default domain links after import run %s failed", getattr(run, "pk", None)
        )
        return
    if created:
        logger.info("Linked %s indicators to their default domains", created)


def on_indicator_domains_chosen(sender, indicator=None, domains=None, **kwargs) -> None:
    """Receiver of `indicators.signals.indicator_domains_chosen` (the indicator edit form)."""
    indicator_domains_set(indicator=indicator, domains=domains)


# --- page edits ---------------------------------------------------------------------------------


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


def indicator_domains_set(*, indicator: Indicator, domains) -> None:
    """The indicator's domains become `domains` (the indicator edit form): links to other
    domains go, new ones are added at the end of their domain."""
    wanted = {d.pk for d in domains}
    current = set(
        DomainIndicator.objects.filter(indicator=indicator).values_list("domain_id", flat=True)
    )
    DomainIndicator.objects.filter(indicator=indicator, domain_id__in=current - wanted).delete()
    for domain in Domain.objects.filter(pk__in=wanted - current):
        order = DomainIndicator.objects.filter(domain=domain).count()
        DomainIndicator.objects.create(domain=domain, indicator=indicator, order=order)
