"""Writes of the factor model from the pages (keyword-only, validated, in transactions)."""

from __future__ import annotations

from django.db import transaction

from duiding.frameworks.models import Factor, Framework

M2M = ("life_areas", "age_phases", "domains", "indicators")


@transaction.atomic
def factor_create(*, framework: Framework, **data) -> Factor:
    relations = {k: data.pop(k) for k in M2M if k in data}
    factor = Factor(framework=framework, **data)
    factor.name = factor.name.strip()
    factor.full_clean()
    factor.save()
    for key, values in relations.items():
        getattr(factor, key).set(values)
    return factor


@transaction.atomic
def factor_update(*, factor: Factor, **data) -> Factor:
    relations = {k: data.pop(k) for k in M2M if k in data}
    for key, value in data.items():
        setattr(factor, key, value)
    factor.name = factor.name.strip()
    factor.full_clean()
    factor.save()
    for key, values in relations.items():
        getattr(factor, key).set(values)
    return factor


def factor_confirm(*, factor: Factor) -> Factor:
    """The municipality confirms a (default) factor: it loses the 'te bevestigen' mark."""
    if not factor.confirmed:
        factor.confirmed = True
        factor.save(update_fields=["confirmed", "updated_at"])
    return factor


def factor_delete(*, factor: Factor) -> None:
    factor.delete()
