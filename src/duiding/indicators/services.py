"""Writes for indicators: the edits of the indicator and alias pages and creating a derived
indicator (keyword-only, in transactions). Computing derived values is in `derived.py`, the
background task in `tasks.py`.
"""

from __future__ import annotations

from django.db import transaction

from duiding.core.versioning import lock_and_check
from duiding.indicators.models import (
    Indicator,
    SeriesAlias,
    UnitKind,
)
from duiding.indicators.signals import indicator_domains_chosen
from duiding.indicators.tasks import derived_compute_task

# --- indicator and alias pages (edits) --------------------------------------------------------

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
def indicator_update(
    *, indicator: Indicator, data: dict, domains=None, expected_version: int | None, mine=None
) -> Indicator:
    """Update the editable fields and, when `domains` is given, the domain links (written by the
    frameworks app, which listens to `indicator_domains_chosen`, in the same transaction).
    Raises StaleEdit (core.versioning) when `expected_version` is missing or somebody saved in
    between (`mine`: the editor's values as text, for the comparison)."""
    lock_and_check(indicator, expected_version, mine)
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(indicator, field, data[field])
    indicator.full_clean()
    indicator.save()
    if domains is not None:
        indicator_domains_chosen.send(sender=Indicator, indicator=indicator, domains=domains)
    return indicator


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
    derived_compute_task.enqueue(indicator.pk)


def series_alias_create(*, kind: str, alias: str, canonical: str, note: str = "") -> SeriesAlias:
    row = SeriesAlias(kind=kind, alias=alias.strip(), canonical=canonical.strip(), note=note)
    row.full_clean()
    row.save()
    return row


def series_alias_delete(*, alias: SeriesAlias) -> None:
    alias.delete()
