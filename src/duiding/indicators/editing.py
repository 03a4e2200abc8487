"""Writes from the indicator and alias pages (services: keyword-only, in transactions).

The computation of derived indicators lives in `duiding.indicators.services.derived_compute`; this
module only records the definition and starts the computation in the background.
"""

from __future__ import annotations

from django.db import transaction

from duiding.frameworks.models import Domain, DomainIndicator
from duiding.indicators.models import Indicator, SeriesAlias, UnitKind

EDITABLE_FIELDS = (
    "name",
    "definition",
    "direction",
    "unit_kind",
    "unit_label",
    "decimals",
    "rhythm",
    "source",
    "flag_threshold_pct",
    "flag_requires_significance",
)


@transaction.atomic
def indicator_update(*, indicator: Indicator, data: dict, domains=None) -> Indicator:
    """Update the editable fields and, when `domains` is given, the domain links."""
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(indicator, field, data[field])
    indicator.full_clean()
    indicator.save()
    if domains is not None:
        indicator_domains_set(indicator=indicator, domains=domains)
    return indicator


def indicator_domains_set(*, indicator: Indicator, domains) -> None:
    wanted = {d.pk for d in domains}
    current = set(
        DomainIndicator.objects.filter(indicator=indicator).values_list("domain_id", flat=True)
    )
    DomainIndicator.objects.filter(indicator=indicator, domain_id__in=current - wanted).delete()
    for domain in Domain.objects.filter(pk__in=wanted - current):
        order = DomainIndicator.objects.filter(domain=domain).count()
        DomainIndicator.objects.create(domain=domain, indicator=indicator, order=order)


@transaction.atomic
def derived_indicator_create(
    *,
    code: str,
    name: str,
    numerator: Indicator,
    denominator: Indicator,
    multiplier: int,
    direction: str,
    definition: str = "",
    organisation=None,
    compute_in_background: bool = True,
) -> Indicator:
    """Define a derived indicator (numerator / denominator × multiplier); compute it after commit
    in the background unless the caller computes it itself (compute_in_background=False)."""
    unit_kind = UnitKind.PERCENTAGE if multiplier == 100 else UnitKind.RATE_1000
    indicator = Indicator(
        code=code,
        name=name,
        definition=definition
        or f"{numerator.name} / {denominator.name} × {multiplier:,}".replace(",", "."),
        unit_kind=unit_kind,
        unit_label="%" if multiplier == 100 else "per 1.000",
        decimals=1,
        direction=direction,
        source="Berekend door Duiding uit "
        + ", ".join(
            sorted({numerator.source or numerator.code, denominator.source or denominator.code})
        ),
        rhythm=numerator.rhythm,
        numerator=numerator,
        denominator=denominator,
        multiplier=multiplier,
        organisation=organisation,
    )
    indicator.full_clean()
    indicator.save()
    if compute_in_background:
        transaction.on_commit(lambda: derived_compute_start(indicator=indicator))
    return indicator


def derived_compute_start(*, indicator: Indicator) -> None:
    from duiding.indicators.tasks import derived_compute_task

    derived_compute_task.enqueue(indicator.pk)


def series_alias_create(*, kind: str, alias: str, canonical: str, note: str = "") -> SeriesAlias:
    row = SeriesAlias(kind=kind, alias=alias.strip(), canonical=canonical.strip(), note=note)
    row.full_clean()
    row.save()
    return row


def series_alias_delete(*, alias: SeriesAlias) -> None:
    alias.delete()
