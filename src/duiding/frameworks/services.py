"""Writes for frameworks: the default domain links, and the page edits (pillars, domains,
ambitions, links chosen by a beheerder; keyword-only, validated, in transactions).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from duiding.core.versioning import lock_and_check
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


def pillar_create(*, framework: Framework, name: str, order: int) -> Pillar:
    pillar = Pillar(framework=framework, name=name.strip(), order=order)
    pillar.full_clean()
    pillar.save()
    return pillar


def domain_create(*, pillar: Pillar, name: str, order: int) -> Domain:
    domain = Domain(pillar=pillar, name=name.strip(), order=order)
    domain.full_clean()
    domain.save()
    return domain


def _name_order_mine(name: str, order: int) -> dict:
    return {"name": (_("Naam"), name.strip()), "order": (_("Volgorde"), str(order))}


@transaction.atomic
def pillar_update(*, pillar: Pillar, name: str, order: int, expected_version: int | None) -> Pillar:
    """Rename or reorder a pillar; raises StaleEdit (core.versioning) when `expected_version` is
    missing or somebody saved in between."""
    lock_and_check(pillar, expected_version, _name_order_mine(name, order))
    pillar.name, pillar.order = name.strip(), order
    pillar.full_clean()
    pillar.save(update_fields=["name", "order", "version"])
    return pillar


@transaction.atomic
def domain_update(*, domain: Domain, name: str, order: int, expected_version: int | None) -> Domain:
    """Rename or reorder a domain; raises StaleEdit (core.versioning) when `expected_version` is
    missing or somebody saved in between."""
    lock_and_check(domain, expected_version, _name_order_mine(name, order))
    domain.name, domain.order = name.strip(), order
    domain.full_clean()
    domain.save(update_fields=["name", "order", "version"])
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


@transaction.atomic
def ambition_update(
    *,
    ambition: Ambition,
    pillar: Pillar,
    text: str,
    order: int,
    domain: Domain | None = None,
    expected_version: int | None,
) -> Ambition:
    """Change an ambition; raises StaleEdit (core.versioning) when `expected_version` is missing
    or somebody saved in between."""
    mine = {
        "pillar": (_("Pijler"), str(pillar)),
        "domain": (_("Domein"), str(domain or "")),
        "text": (_("Ambitie"), text.strip()),
        "order": (_("Volgorde"), str(order)),
    }
    lock_and_check(ambition, expected_version, mine)
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


# --- new frameworks (another municipality) --------------------------------------------------------


class FrameworkError(Exception):
    """A framework could not be created; `field` names the form field, `message` is Dutch."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "raamwerk"
    slug, n = base, 2
    while Framework.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def framework_create(
    *,
    name: str,
    municipality=None,
    description: str = "",
    source: str = "",
    copy_of: Framework | None = None,
) -> Framework:
    """A new framework for `municipality` (None: shared). With `copy_of`, in the same
    transaction, a copy of its pillars, domains (with their indicators), ambitions and factors:
    the copy is independent, editing one never changes the other."""
    name = " ".join((name or "").split())
    if not name:
        raise FrameworkError("name", _("Vul een naam in voor het raamwerk."))
    if Framework.objects.filter(name__iexact=name).exists():
        raise FrameworkError(
            "name",
            _("Er is al een raamwerk met de naam %(name)s; kies een andere naam.") % {"name": name},
        )
    framework = Framework.objects.create(
        name=name,
        slug=_unique_slug(name),
        description=description.strip(),
        source=source.strip(),
        municipality=municipality,
    )
    if copy_of is not None:
        _copy_structure(copy_of, framework)
    return framework


def _copy_structure(source: Framework, target: Framework) -> None:
    pillars, domains = {}, {}
    for pillar in source.pillars.order_by("order", "pk"):
        pillars[pillar.pk] = Pillar.objects.create(
            framework=target, name=pillar.name, order=pillar.order
        )
    for domain in Domain.objects.filter(pillar__framework=source).order_by("pk"):
        domains[domain.pk] = Domain.objects.create(
            pillar=pillars[domain.pillar_id], name=domain.name, order=domain.order
        )
    DomainIndicator.objects.bulk_create(
        DomainIndicator(
            domain=domains[link.domain_id], indicator_id=link.indicator_id, order=link.order
        )
        for link in DomainIndicator.objects.filter(domain__pillar__framework=source)
    )
    Ambition.objects.bulk_create(
        Ambition(
            framework=target,
            pillar=pillars[a.pillar_id],
            domain=domains.get(a.domain_id),
            text=a.text,
            order=a.order,
        )
        for a in source.ambitions.all()
    )
    for factor in source.factors.prefetch_related(
        "life_areas", "age_phases", "domains", "indicators"
    ):
        copy = Factor.objects.create(
            framework=target,
            name=factor.name,
            kind=factor.kind,
            rank=factor.rank,
            explanation=factor.explanation,
            source=factor.source,
            is_default=factor.is_default,
            confirmed=False,
        )
        copy.life_areas.set(factor.life_areas.all())
        copy.age_phases.set(factor.age_phases.all())
        copy.domains.set([domains[d.pk] for d in factor.domains.all() if d.pk in domains])
        copy.indicators.set(factor.indicators.all())
    target.default_links_applied = list(source.default_links_applied or [])
    target.save(update_fields=["default_links_applied"])
