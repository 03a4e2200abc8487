"""Decisions of a duidingssessie (seed 002: evaluate — doorgaan, aanpassen of stoppen).

- About an activity: doorgaan / bijstellen / stoppen with a reason. The decision is written in
  the plan's history of the activity (`activities.history`, a "gewijzigd" line naming the
  session); stoppen marks the activity stopped (`Activity.stopped_on`).
- About a societal result: keep or adjust the target. Adjusting goes through the results app's
  own `result_update` (optimistic lock, validation, a `ResultChange` line), so the new target
  appears in the result's history with the session's name and the reason; keeping it writes a
  line in that history too.

Callers check `permissions.can_steer` first. Bad input raises ValidationError with Dutch
messages keyed by field; nothing is written then.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.activities import history as plan_history
from duiding.activities.models import Activity
from duiding.reflections.models import AgendaItem, Decision, Reflection, ReflectionChange
from duiding.results import services as result_services
from duiding.results.calculation import Target
from duiding.results.models import ResultChange, ResultIndicator, SocietalResult


def _as_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace(",", ".").strip())
    except InvalidOperation:
        return None


def _check(choice: str, reason: str, activity, result) -> None:
    errors: dict[str, list[str]] = {}
    if activity is None and result is None:
        errors["choice"] = [
            _("Besluit: dit agendapunt gaat niet over een activiteit of resultaat.")
        ]
    elif activity is not None and choice not in Decision.ACTIVITY_CHOICES:
        errors["choice"] = [_("Besluit: kies doorgaan, bijstellen of stoppen.")]
    elif result is not None and activity is None and choice not in Decision.RESULT_CHOICES:
        errors["choice"] = [_("Besluit: kies doel houden of doel bijstellen.")]
    if not (reason or "").strip():
        errors["reason"] = [_("Reden: geef aan waarom de groep dit besluit.")]
    if errors:
        raise ValidationError(errors)


def subject_of(item: AgendaItem) -> tuple[Activity | None, SocietalResult | None]:
    """What a decision on this item is about: its activity, else its result."""
    if item.activity_id:
        return item.activity, None
    if item.result_id:
        return None, item.result
    return None, None


def _service_row(row: ResultIndicator, target_value) -> dict:
    """A stored indicator row as `result_update` reads it; the stored baseline is kept (a
    baseline from the observations is passed empty so the results app keeps it)."""
    return {
        "id": row.pk,
        "indicator": row.indicator,
        "name": row.name,
        "baseline_period": row.baseline_period,
        "baseline_value": row.baseline_value if row.baseline_source else None,
        "baseline_source": row.baseline_source,
        "target_kind": row.target_kind,
        "target_value": target_value,
        "direction": row.direction,
    }


def _adjust_target(result: SocietalResult, *, user, row_id, new_target, summary: str) -> None:
    """Change one target of the result through the results app (its history gets `summary`)."""
    value = _as_decimal(new_target)
    if value is None:
        raise ValidationError({"new_target": [_("Nieuw doel: vul een getal in.")]})
    rows = list(result.result_indicators.select_related("indicator").order_by("order", "pk"))
    uses_combined = bool(result.combined_target_kind) and row_id in (None, "", "combined")
    if not uses_combined:
        if not rows:
            raise ValidationError(
                {"result_indicator": [_("Indicator: dit resultaat heeft nog geen indicator.")]}
            )
        wanted = int(row_id) if str(row_id or "").isdigit() else rows[0].pk
        if wanted not in {r.pk for r in rows}:
            raise ValidationError(
                {"result_indicator": [_("Indicator: kies een indicator van dit resultaat.")]}
            )
    combined = None
    if result.combined_target_kind:
        combined = Target(
            result.combined_target_kind,
            value if uses_combined else result.combined_target_value,
        )
    indicators = [
        _service_row(r, value if (not uses_combined and r.pk == wanted) else r.target_value)
        for r in rows
    ]
    result_services.result_update(
        result,
        user=user,
        expected_version=result.version,
        text=result.text,
        target_date=result.target_date,
        domain=result.domain,
        ambition=result.ambition,
        sections=list(result.sections.all()),
        factors=list(result.factors.all()),
        rule=result.rule,
        combination_indicator=result.combination_indicator,
        combined_target=combined,
        indicators=indicators,
        summary=summary,
    )


def decision_record(
    *,
    reflection: Reflection,
    item: AgendaItem | None,
    user,
    choice: str,
    reason: str,
    activity: Activity | None = None,
    result: SocietalResult | None = None,
    result_indicator=None,
    new_target=None,
) -> Decision:
    """Record a decision (one transaction): the Decision, a line in the reflection's history and
    one in the history of the activity or the result (with the new target when adjusted)."""
    if item is not None and activity is None and result is None:
        activity, result = subject_of(item)
    _check(choice, reason, activity, result)
    reason = reason.strip()
    label = Decision.Choice(choice).label
    summary = _("Duidingssessie ‘%(title)s’: %(choice)s. Reden: %(reason)s") % {
        "title": reflection.title,
        "choice": str(label).lower(),
        "reason": reason,
    }
    with transaction.atomic():
        decision = Decision.objects.create(
            reflection=reflection,
            item=item,
            activity=activity if activity is not None else None,
            result=result if activity is None else None,
            choice=choice,
            reason=reason,
            created_by=user,
        )
        if activity is not None:
            locked = Activity.objects.select_for_update().get(pk=activity.pk)
            if choice == Decision.Choice.STOP and locked.stopped_on is None:
                locked.stopped_on = timezone.localdate()
                locked.updated_by = user
                locked.version += 1
                locked.save(update_fields=["stopped_on", "updated_by", "updated_at", "version"])
                activity.stopped_on = locked.stopped_on
            plan_history.record(
                locked, user=user, action=plan_history.Action.UPDATED, summary=summary
            )
        elif choice == Decision.Choice.ADJUST_TARGET:
            result.refresh_from_db()
            _adjust_target(
                result,
                user=user,
                row_id=result_indicator,
                new_target=new_target,
                summary=summary,
            )
        else:
            ResultChange.record(result, user=user, summary=summary)
        ReflectionChange.record(
            reflection,
            user=user,
            summary=_("Besluit: %(choice)s — %(subject)s")
            % {"choice": label, "subject": activity.name if activity else result.text[:120]},
            snapshot={
                "decision": decision.pk,
                "choice": choice,
                "reason": reason,
                "activity": activity.pk if activity else None,
                "result": result.pk if result and not activity else None,
                "new_target": str(new_target) if choice == Decision.Choice.ADJUST_TARGET else None,
            },
        )
    return decision
