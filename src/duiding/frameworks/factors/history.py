"""History of the factor model: a `FactorChange` per create, edit, confirm, Excel import (per
factor changed) and delete, with a readable snapshot and the fields that changed."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from duiding.frameworks.models import Factor, FactorChange

LABELS = {
    "name": _("naam"),
    "kind": _("soort"),
    "rank": _("ranking"),
    "explanation": _("toelichting"),
    "source": _("bron"),
    "confirmed": _("bevestigd door de gemeente"),
    "life_areas": _("leefgebieden"),
    "age_phases": _("leeftijdsfasen"),
    "domains": _("domeinen"),
    "indicators": _("indicatoren"),
}


def factor_snapshot(factor: Factor) -> dict:
    """The factor as plain data (names, not ids), readable after it is deleted."""
    return {
        "name": factor.name,
        "kind": str(factor.get_kind_display()),
        "rank": factor.rank,
        "explanation": factor.explanation,
        "source": factor.source,
        "is_default": factor.is_default,
        "confirmed": factor.confirmed,
        "life_areas": sorted(a.name for a in factor.life_areas.all()),
        "age_phases": sorted(p.name for p in factor.age_phases.all()),
        "domains": sorted(f"{d.pillar.name} · {d.name}" for d in factor.domains.all()),
        "indicators": sorted(i.code for i in factor.indicators.all()),
    }


def _text(value) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_("ja") if value else _("nee"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def snapshot_diff(before: dict | None, after: dict) -> list[list[str]]:
    """[[label, before, after], ...] for the fields that differ (all filled ones when new)."""
    rows = []
    for key, label in LABELS.items():
        old = (before or {}).get(key)
        new = after.get(key)
        if before is None and new in (None, "", [], False):
            continue
        if old != new:
            rows.append([str(label), _text(old) if before is not None else "", _text(new)])
    return rows


def record(factor: Factor, *, user, action: str, before: dict | None = None) -> FactorChange | None:
    """Keep a FactorChange for `factor` (call inside the write's transaction, after the change;
    for a delete, before it). An edit that changed nothing keeps nothing."""
    after = factor_snapshot(factor)
    if action == FactorChange.Action.DELETED:
        changes = []
    else:
        changes = snapshot_diff(before, after)
        if before is not None and not changes:
            return None
    return FactorChange.objects.create(
        framework=factor.framework,
        factor=factor,
        factor_name=factor.name,
        action=action,
        changed_by=user if getattr(user, "is_authenticated", False) else None,
        snapshot=after,
        changes=changes,
    )


def factor_history(factor: Factor):
    return factor.changes.select_related("changed_by")


def deleted_factors(framework):
    """The framework's deleted factors, newest first, each with its last snapshot."""
    return framework.factor_changes.filter(action=FactorChange.Action.DELETED).select_related(
        "changed_by"
    )
