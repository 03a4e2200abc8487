"""Writes of the factor model from the pages (keyword-only, validated, in transactions)."""

from __future__ import annotations

from django.db import transaction

from duiding.frameworks.factors import history
from duiding.frameworks.models import Factor, FactorChange, Framework

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
def factor_update(*, factor: Factor, user=None, **data) -> Factor:
    # From the database: a bound ModelForm has already changed the instance's fields.
    before = history.factor_snapshot(Factor.objects.get(pk=factor.pk))
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


def factor_uses(factor: Factor, user=None) -> list:
    """The analysis sections that chose the factor (what a delete takes away), programme first.

    With `user`, only sections of programmes the user may see (the confirm page names them);
    `factor_uses_hidden` counts the rest."""
    from duiding.programmes.models import SectionFactor

    choices = SectionFactor.objects.filter(factor=factor).select_related(
        "section__programme", "section__domain", "section__pillar"
    )
    if user is not None:
        from duiding.programmes.permissions import visible_programmes

        choices = choices.filter(section__programme__in=visible_programmes(user))
    return [c.section for c in choices.order_by("section__programme__name", "section__pk")]


def factor_uses_hidden(factor: Factor, user) -> int:
    from duiding.programmes.models import SectionFactor
    from duiding.programmes.permissions import visible_programmes

    return (
        SectionFactor.objects.filter(factor=factor)
        .exclude(section__programme__in=visible_programmes(user))
        .count()
    )


@transaction.atomic
def factor_delete(*, factor: Factor, user=None) -> int:
    """Delete the factor. The analyses that chose it lose that choice in the same transaction,
    and each affected section keeps a version saying so (nothing disappears silently).
    Returns the number of sections that lost the choice."""
    from django.utils.translation import gettext as _

    from duiding.programmes.models import SectionFactor
    from duiding.programmes.services import section_touch

    choices = list(
        SectionFactor.objects.select_for_update()
        .filter(factor=factor)
        .select_related("section")
        .order_by("pk")
    )
    summary = _("Factor '%(name)s' verwijderd uit het factorenmodel") % {"name": factor.name}
    for choice in choices:
        section = choice.section
        choice.delete()
        section_touch(section, user, summary)
    history.record(factor, user=user, action=FactorChange.Action.DELETED)
    factor.delete()
    return len(choices)
