"""Deleting a result keeps its history, and a deleted result can be restored.

`delete_result` records a ResultChange of kind "deleted" with the full snapshot
(ResultChange.snapshot_of) before the result goes; the history rows stay (their result becomes
NULL, the programme stays). `restore_result` recreates the result from that snapshot: text,
fields, rule, indicators, and the links to sections and factors that still exist. Links from
activities are lost (the confirm page says so). Callers check permissions (can_edit_programme).
Recording and the restore itself run on the house's one history mechanism
(`duiding.core.history`); this module adds the rebuild.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from duiding.frameworks.models import Ambition, Domain, Factor
from duiding.indicators.models import Indicator
from duiding.results.models import ResultChange, ResultIndicator, SocietalResult, Status
from duiding.results.progress import recompute


def linked_activities(result: SocietalResult) -> list[str]:
    """Names of the activities linked to the result (if the activities app links them)."""
    if not hasattr(result, "activities"):
        return []
    return [str(activity) for activity in result.activities.all()]


@transaction.atomic
def delete_result(result: SocietalResult, user=None) -> ResultChange:
    """Delete the result with its indicators and progress verdicts; its history stays, with a
    "verwijderd" change holding the full snapshot."""
    content = ResultChange.snapshot_of(result)
    content["id"] = result.pk
    content["activities"] = linked_activities(result)
    content["change_ids"] = list(result.changes.values_list("pk", flat=True))
    change = ResultChange.record(
        result,
        user=user,
        kind=ResultChange.Kind.DELETED,
        summary=_("Verwijderd"),
        status_from=result.status,
        snapshot=content,
    )
    result.delete()  # the changes' result becomes NULL (SET_NULL); they keep the programme
    change.refresh_from_db()
    return change


def deleted_results(programme):
    """The programme's deleted results that were not restored, newest first."""
    return (
        ResultChange.deletions()
        .filter(programme=programme)
        .select_related("user")
        .order_by("-at", "-pk")
    )


def _id(pair):
    return pair[0] if isinstance(pair, list | tuple) and pair else pair


def _decimal(value):
    return None if value is None else Decimal(str(value))


@transaction.atomic
def restore_result(change: ResultChange, user) -> SocietalResult:
    """Recreate the result of a "verwijderd" change (status concept unless it was stored
    otherwise); links to sections and factors that no longer exist are left out. A change that
    is no deletion or was restored already raises RestoreError (a ValueError)."""
    result = change.restore(user=user, rebuild=_rebuild, after=_after_restore)
    recompute(result)
    return result


def _rebuild(change: ResultChange, user) -> SocietalResult:
    programme = change.programme
    data = change.snapshot
    framework = programme.framework_id
    ambition = Ambition.objects.filter(pk=_id(data.get("ambition")), framework_id=framework).first()
    domain = Domain.objects.filter(
        pk=_id(data.get("domain")), pillar__framework_id=framework
    ).first()
    combined = data.get("combined_target") or {}
    combination = Indicator.objects.filter(pk=_id(data.get("combination_indicator"))).first()
    result = SocietalResult.objects.create(
        programme=programme,
        text=data["text"],
        target_date=datetime.date.fromisoformat(data["target_date"]),
        status=data.get("status") if data.get("status") in Status.values else Status.CONCEPT,
        ambition=ambition,
        domain=domain,
        rule=data.get("rule") or "each",
        combination_indicator=combination,
        combined_target_kind=combined.get("kind") or "",
        combined_target_value=_decimal(combined.get("value")),
        created_by=user,
        updated_by=user,
    )
    result.sections.set(programme.sections.filter(pk__in=data.get("sections") or []))
    factor_ids = [_id(f) for f in data.get("factors") or []]
    result.factors.set(Factor.objects.filter(pk__in=factor_ids, framework_id=framework))
    indicators = {
        i.pk: i
        for i in Indicator.objects.filter(
            pk__in=[row.get("indicator") for row in data.get("indicators") or []]
        )
    }
    ResultIndicator.objects.bulk_create(
        [
            ResultIndicator(
                result=result,
                indicator=indicators.get(row.get("indicator")),
                name="" if indicators.get(row.get("indicator")) else row.get("name", ""),
                baseline_period=row["baseline_period"],
                baseline_value=_decimal(row.get("baseline_value")),
                baseline_source=row.get("baseline_source") or "",
                target_kind=row["target_kind"],
                target_value=_decimal(row["target_value"]),
                direction=row["direction"],
                order=i,
            )
            for i, row in enumerate(data.get("indicators") or [])
        ]
    )
    return result


def _after_restore(change: ResultChange, result: SocietalResult, user) -> None:
    # The history of the deleted result belongs to the restored one again.
    ResultChange.objects.filter(
        programme=change.programme,
        result__isnull=True,
        pk__in=[*change.snapshot.get("change_ids", []), change.pk],
    ).update(result=result)
    ResultChange.record(
        result,
        user=user,
        kind=ResultChange.Kind.RESTORED,
        summary=_("Hersteld na verwijderen"),
        status_to=result.status,
    )
