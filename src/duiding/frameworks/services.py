"""Writes for frameworks that are not page edits: the default domain links.

Page edits (pillars, domains, ambitions, links chosen by a beheerder) live in `editing.py`.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction

from duiding.frameworks.defaults import DEFAULT_DOMAIN_INDICATORS, DEFAULT_FRAMEWORK_SLUG
from duiding.frameworks.models import Domain, DomainIndicator, Framework

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
    from duiding.indicators.models import Indicator

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
    from duiding.frameworks.factor_defaults import factor_indicator_codes
    from duiding.frameworks.models import Factor

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
