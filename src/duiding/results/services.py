"""Writes of the results app: create, update (optimistic lock), status and delete of a societal
result. Every write is one transaction and records a ResultChange with a snapshot.

Callers check permissions first (programmes.permissions.can_edit_programme /
results.permissions.result_or_404).
Bad input raises django's ValidationError with Dutch messages keyed by field (see
validation.py: "indicators.<index>.<field>" for an indicator row); nothing is written then.
After a write the progress of the result is recomputed when the progress module offers
`recompute(result)`.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.core.versioning import StaleEdit
from duiding.results.calculation import Target
from duiding.results.models import ResultChange, ResultIndicator, Rule, SocietalResult, Status
from duiding.results.progress import recompute
from duiding.results.restore import delete_result as delete
from duiding.results.validation import (
    COMBINATION_CHOOSE,
    COMBINATION_MISSING,
    CleanIndicator,
    clean_result,
)

__all__ = [
    "COMBINATION_CHOOSE",
    "COMBINATION_MISSING",
    "ResultConflict",
    "result_content",
    "result_create",
    "result_delete",
    "result_status_set",
    "result_update",
]


class ResultConflict(StaleEdit):
    """Somebody saved the result after the editor opened it, or the form named no version
    (nothing was written); the house's StaleEdit (core.versioning).

    `current` is the result as stored now; the page shows who saved it and asks to reload."""

    def __init__(self, current: SocietalResult, *, missing: bool = False):
        super().__init__(current, missing=missing)


# --- snapshots --------------------------------------------------------------------------------


def result_content(result: SocietalResult) -> dict:
    """The result and its indicators as plain data (what a ResultChange stores)."""
    return ResultChange.snapshot_of(result)


def _record(result: SocietalResult, user, summary: str, status_from: str = "", status_to: str = ""):
    return ResultChange.record(
        result, user=user, summary=summary, status_from=status_from, status_to=status_to
    )


# --- writes -----------------------------------------------------------------------------------


def _write_rows(result: SocietalResult, rows: list[CleanIndicator]) -> None:
    """Store the rows: a row with the id of a stored row updates it in place (its id stays),
    other rows are created, stored rows that are no longer there are deleted."""
    stored = {ri.pk: ri for ri in result.result_indicators.all()}
    kept: set[int] = set()
    for i, row in enumerate(rows):
        values = {
            "indicator": row.indicator,
            "name": row.name,
            "baseline_period": row.baseline_period,
            "baseline_value": row.baseline_value,
            "baseline_source": row.baseline_source,
            "target_kind": row.target_kind,
            "target_value": row.target_value,
            "direction": row.direction,
            "order": i,
        }
        current = stored.get(row.id) if row.id else None
        if current is not None and current.pk not in kept:
            for name, value in values.items():
                setattr(current, name, value)
            current.save()
            kept.add(current.pk)
        else:
            ResultIndicator.objects.create(result=result, **values)
    result.result_indicators.filter(pk__in=set(stored) - kept).delete()


def _combined_fields(rule: str, combination_indicator, combined_target: Target | None) -> dict:
    uses_common = rule in (Rule.COMBINED, Rule.MEAN) and combined_target is not None
    return {
        "rule": rule,
        "combination_indicator": combination_indicator if rule == Rule.COMBINED else None,
        "combined_target_kind": combined_target.kind if uses_common else "",
        "combined_target_value": combined_target.value if uses_common else None,
    }


def result_create(
    *,
    programme,
    user,
    text: str,
    target_date,
    domain=None,
    ambition=None,
    sections=(),
    factors=(),
    rule: str = Rule.EACH,
    combination_indicator=None,
    combined_target: Target | None = None,
    indicators: list[dict],
) -> SocietalResult:
    """A new societal result (status concept) with its indicators. Each indicator dict has:
    indicator (Indicator or None), name (an own indicator), baseline_period, baseline_value
    (None: taken from the observations of the programme's area), baseline_source (required when
    the value is entered by hand), target_kind, target_value, direction (None: the indicator's)."""
    sections, factors = list(sections), list(factors)
    rows = clean_result(
        user=user,
        programme=programme,
        text=text,
        target_date=target_date,
        domain=domain,
        ambition=ambition,
        sections=sections,
        factors=factors,
        rule=rule,
        combination_indicator=combination_indicator,
        combined_target=combined_target,
        indicators=indicators,
    )
    with transaction.atomic():
        result = SocietalResult.objects.create(
            programme=programme,
            text=text.strip(),
            target_date=target_date,
            domain=domain,
            ambition=ambition,
            created_by=user,
            updated_by=user,
            **_combined_fields(rule, combination_indicator, combined_target),
        )
        result.sections.set(sections)
        result.factors.set(factors)
        _write_rows(result, rows)
        _record(result, user, _("Aangemaakt"), "", result.status)
    recompute(result)
    return result


def _changed_parts(before: dict, after: dict) -> str:
    changed = ResultChange.changed_labels(before, after)
    if not changed:
        return _("Opgeslagen zonder wijziging")
    text = _("Gewijzigd: %(parts)s") % {"parts": ", ".join(changed)}
    return text


def result_update(
    result: SocietalResult,
    *,
    user,
    expected_version: int | None,
    text: str,
    target_date,
    domain=None,
    ambition=None,
    sections=(),
    factors=(),
    rule: str = Rule.EACH,
    combination_indicator=None,
    combined_target: Target | None = None,
    indicators: list[dict],
    summary: str = "",
) -> SocietalResult:
    """Replace the result's content if nobody saved it since `expected_version`.

    The check and the write are one UPDATE ... WHERE version = expected_version; on a conflict
    ResultConflict is raised and nothing is written. The status is kept (see result_status_set)."""
    sections, factors = list(sections), list(factors)
    programme = result.programme
    adopted = result.status == Status.ADOPTED
    rows = clean_result(
        existing={ri.pk: ri for ri in result.result_indicators.all()},
        user=user,
        programme=programme,
        text=text,
        target_date=target_date,
        domain=domain,
        ambition=ambition,
        sections=sections,
        factors=factors,
        rule=rule,
        combination_indicator=combination_indicator,
        combined_target=combined_target,
        indicators=indicators,
    )
    with transaction.atomic():
        before = result_content(SocietalResult.objects.get(pk=result.pk))
        updated = SocietalResult.objects.filter(pk=result.pk, version=expected_version).update(
            text=text.strip(),
            target_date=target_date,
            domain=domain,
            ambition=ambition,
            version=F("version") + 1,
            updated_by=user,
            updated_at=timezone.now(),
            **_combined_fields(rule, combination_indicator, combined_target),
        )
        if not updated:
            raise ResultConflict(
                SocietalResult.objects.select_related("updated_by").get(pk=result.pk),
                missing=expected_version is None,
            )
        result.refresh_from_db()
        result.sections.set(sections)
        result.factors.set(factors)
        _write_rows(result, rows)
        summary = summary.strip() or _changed_parts(before, result_content(result))
        if adopted:
            summary = _("Vastgesteld resultaat gewijzigd. %(summary)s") % {"summary": summary}
        _record(result, user, summary)
    recompute(result)
    return result


def result_status_set(
    result: SocietalResult, user, status: str, *, expected_version: int | None = None
) -> SocietalResult:
    """Change the status (concept -> besproken met collega -> met partners -> vastgesteld, or
    back); records the change. With `expected_version`, a save in between is a ResultConflict."""
    from django.core.exceptions import ValidationError

    if status not in Status.values:
        raise ValidationError({"status": [_("Status: kies een van de vier statussen.")]})
    with transaction.atomic():
        current = SocietalResult.objects.select_for_update().get(pk=result.pk)
        if expected_version is not None and current.version != expected_version:
            raise ResultConflict(current)
        if current.status == status:
            result.refresh_from_db()
            return result
        old = current.status
        SocietalResult.objects.filter(pk=result.pk).update(
            status=status, version=F("version") + 1, updated_by=user, updated_at=timezone.now()
        )
        result.refresh_from_db()
        _record(
            result,
            user,
            _("Status: %(old)s → %(new)s")
            % {"old": Status(old).label, "new": Status(status).label},
            old,
            status,
        )
    return result


def result_delete(result: SocietalResult, user=None):
    """Delete the result with its indicators and progress verdicts; the history stays, with a
    "verwijderd" change holding the snapshot (see restore.py)."""
    return delete(result, user)
