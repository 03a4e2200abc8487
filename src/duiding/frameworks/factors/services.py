"""Writes of the factor model from the pages (keyword-only, validated, in transactions)."""

from __future__ import annotations

from django.db import transaction

from duiding.core.versioning import lock_and_check
from duiding.frameworks.factors import history
from duiding.frameworks.models import Factor, FactorChange, Framework
from duiding.frameworks.signals import FactorUses, factor_deleting, factor_uses_requested

M2M = ("life_areas", "age_phases", "domains", "indicators")


@transaction.atomic
def factor_create(*, framework: Framework, user=None, **data) -> Factor:
    relations = {k: data.pop(k) for k in M2M if k in data}
    factor = Factor(framework=framework, **data)
    factor.name = factor.name.strip()
    factor.full_clean()
    factor.save()
    for key, values in relations.items():
        getattr(factor, key).set(values)
    history.record(factor, user=user, action=FactorChange.Action.CREATED)
    return factor


@transaction.atomic
def factor_update(
    *, factor: Factor, user=None, expected_version: int | None, mine=None, **data
) -> Factor:
    """Change a factor; raises StaleEdit (core.versioning) when `expected_version` is missing or
    somebody saved in between (`mine`: the editor's values as text, for the comparison)."""
    # From the database: a bound ModelForm has already changed the instance's fields.
    stored = lock_and_check(factor, expected_version, mine)
    before = history.factor_snapshot(stored)
    relations = {k: data.pop(k) for k in M2M if k in data}
    for key, value in data.items():
        setattr(factor, key, value)
    factor.name = factor.name.strip()
    factor.full_clean()
    factor.save()
    for key, values in relations.items():
        getattr(factor, key).set(values)
    history.record(factor, user=user, action=FactorChange.Action.UPDATED, before=before)
    return factor


@transaction.atomic
def factor_confirm(*, factor: Factor, user=None) -> Factor:
    """The municipality confirms a (default) factor: it loses the 'te bevestigen' mark."""
    if not factor.confirmed:
        before = history.factor_snapshot(factor)
        factor.confirmed = True
        factor.save(update_fields=["confirmed", "updated_at"])
        history.record(factor, user=user, action=FactorChange.Action.CONFIRMED, before=before)
    return factor


def factor_uses(factor: Factor, user=None) -> FactorUses:
    """Where the factor is used (what a delete takes away), as the apps that use factors answer
    `factor_uses_requested`. With `user`, `shown` holds only what the user may see (the confirm
    page names those) and `hidden` counts the rest."""
    uses = FactorUses()
    for _receiver, found in factor_uses_requested.send(sender=Factor, factor=factor, user=user):
        if found is not None:
            uses.shown.extend(found.shown)
            uses.hidden += found.hidden
    return uses


@transaction.atomic
def factor_delete(*, factor: Factor, user=None) -> int:
    """Delete the factor. The apps that use it hear of it through `factor_deleting` in the same
    transaction (the analyses lose the choice, and each affected section keeps a version saying
    so: nothing disappears silently). Returns the number of objects that lost the factor."""
    responses = factor_deleting.send(sender=Factor, factor=factor, user=user)
    history.record(factor, user=user, action=FactorChange.Action.DELETED)
    factor.delete()
    return sum(count or 0 for _receiver, count in responses)
