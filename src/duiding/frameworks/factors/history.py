"""History of the factor model: a `FactorChange` per create, edit, confirm, Excel import (per
factor changed) and delete, with a readable snapshot and the fields that changed.

The mechanism is the house's one history (`duiding.core.history`); the snapshot of a factor and
the labels of its fields are hooks on `FactorChange`."""

from __future__ import annotations

from duiding.frameworks.models import Factor, FactorChange


def factor_snapshot(factor: Factor) -> dict:
    """The factor as plain data (names, not ids), readable after it is deleted."""
    return FactorChange.snapshot_of(factor)


def record(factor: Factor, *, user, action: str, before: dict | None = None) -> FactorChange | None:
    """Keep a FactorChange for `factor` (call inside the write's transaction, after the change;
    for a delete, before it). An edit that changed nothing keeps nothing."""
    if action == FactorChange.Action.DELETED:
        return FactorChange.record(factor, user=user, action=action, changes=[])
    return FactorChange.record_diff(factor, user=user, before=before, action=action)


def factor_history(factor: Factor):
    return factor.changes.select_related("user")


def deleted_factors(framework):
    """The framework's deleted factors, newest first, each with its last snapshot."""
    return framework.factor_changes.filter(action=FactorChange.Action.DELETED).select_related(
        "user"
    )
