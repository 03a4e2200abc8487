"""History of a programme's plan (data safety): every service that creates, changes or deletes an
activity, plan step, purchase agreement, quality agreement or an item of the plan that a downstream
app owns (`extensions.PlanHistoryKind`: outcomes' measurement plans) writes a `PlanChange` with a
JSON snapshot of the object. A deleted item can be restored from its last
snapshot, under its old number, with its links to results, factors, age phases and life areas
that still exist.

`record` is called by the services inside their transaction; `restore` is a service itself (one
transaction, `RestoreError` with a Dutch message and nothing changed). Both run on the house's one
history mechanism (`duiding.core.history`): this module adds what only the plan knows, the
snapshot of each kind of item and how a deleted one is built again."""

from __future__ import annotations

import json

from django.core import serializers
from django.db import models
from django.utils.translation import gettext as _

from duiding.accounts.models import Organisation
from duiding.activities.extensions import PLAN_HISTORY_KINDS
from duiding.activities.models import (
    Activity,
    ActivityFactor,
    PlanChange,
    PlanStep,
    PurchaseAgreement,
    QualityAgreement,
)
from duiding.activities.permissions import activity_organisations
from duiding.activities.plan.permissions import can_edit_item
from duiding.core.history import RestoreError
from duiding.frameworks.models import AgePhase, Factor, LifeArea
from duiding.programmes.permissions import can_edit_programme
from duiding.results.models import SocietalResult

Kind = PlanChange.Kind
Action = PlanChange.Action

# The plan's own kinds; the items that downstream apps own come from PLAN_HISTORY_KINDS.
MODELS: dict[str, type[models.Model]] = {
    Kind.ACTIVITY: Activity,
    Kind.STEP: PlanStep,
    Kind.PURCHASE: PurchaseAgreement,
    Kind.QUALITY: QualityAgreement,
}
# Snapshot keys that are not model fields.
EXTRA_KEYS = ("factor_links", "purchase_agreement_ids", "activity_name")


def model_of(kind: str) -> type[models.Model]:
    if kind in MODELS:
        return MODELS[kind]
    return PLAN_HISTORY_KINDS[kind].model


def _registered(obj):
    """The registered kind of a downstream item, or None for the plan's own items."""
    return next((k for k in PLAN_HISTORY_KINDS.values() if isinstance(obj, k.model)), None)


def _kind(obj) -> str:
    for kind, model in MODELS.items():
        if type(obj) is model:
            return kind
    return _registered(obj).kind


def _label(obj) -> str:
    if isinstance(obj, Activity):
        return obj.name
    if isinstance(obj, PlanStep):
        return obj.description
    if isinstance(obj, PurchaseAgreement):
        return obj.reference
    if isinstance(obj, QualityAgreement):
        return obj.next_step
    return _registered(obj).label(obj)


def _programme_id(obj) -> int:
    if isinstance(obj, Activity | PlanStep | PurchaseAgreement):
        return obj.programme_id
    return obj.activity.programme_id  # quality agreements and the downstream items


def _organisation_id(obj) -> int | None:
    if isinstance(obj, Activity | QualityAgreement):
        return obj.organisation_id
    if isinstance(obj, PlanStep):
        return obj.owner_organisation_id
    if isinstance(obj, PurchaseAgreement):
        return None  # the programme's editors
    return obj.activity.organisation_id  # the downstream items: their activity's partner


def snapshot(obj) -> dict:
    """The object's fields as JSON (foreign keys as ids, plain many-to-many as id lists)."""
    content = json.loads(serializers.serialize("json", [obj]))[0]["fields"]
    if isinstance(obj, Activity):
        content["factor_links"] = [
            [link.factor_id, link.effect] for link in obj.factor_links.order_by("pk")
        ]
        content["purchase_agreement_ids"] = list(
            obj.purchase_agreements.values_list("pk", flat=True)
        )
    elif getattr(obj, "activity_id", None):
        content["activity_name"] = obj.activity.name
    return content


def record(obj, *, user, action: str, summary: str = "") -> PlanChange:
    """Write one line of the history (call it after a create/update, before a delete);
    `summary` replaces the item's own label (e.g. what a hand-over did with it)."""
    return PlanChange.record(
        user=user,
        summary=summary or _label(obj),
        snapshot=snapshot(obj),
        programme_id=_programme_id(obj),
        kind=_kind(obj),
        object_id=obj.pk,
        organisation_id=_organisation_id(obj),
        action=action,
    )


def record_activity_delete(activity: Activity, *, user) -> None:
    """Before an activity is deleted: its steps, quality agreements and the downstream items of
    its plan (measurement plans) go with it (each restorable on its own), its purchase agreements
    lose the link."""
    downstream = [k.model.objects.filter(activity=activity) for k in PLAN_HISTORY_KINDS.values()]
    for child in (
        *activity.plan_steps.all(),
        *activity.quality_agreements.all(),
        *(item for items in downstream for item in items),
    ):
        child.activity = activity
        record(child, user=user, action=Action.DELETED)
    record(activity, user=user, action=Action.DELETED)


# --- Restore -----------------------------------------------------------------------------------


def can_restore(user, change: PlanChange) -> bool:
    """Who may restore: whoever may create such an item for its organisation."""
    programme = change.programme
    if change.kind == Kind.PURCHASE:
        return can_edit_programme(user, programme)
    if change.kind == Kind.ACTIVITY:
        return activity_organisations(user, programme).filter(pk=change.organisation_id).exists()
    if can_edit_item(user, programme, change.organisation_id):
        return True
    activity = Activity.objects.filter(pk=change.snapshot.get("activity")).first()
    return activity is not None and can_edit_item(user, programme, activity.organisation_id)


def _existing(model, ids) -> list[int]:
    return list(model.objects.filter(pk__in=ids or []).values_list("pk", flat=True))


def _build(change: PlanChange, model, user):
    content = change.snapshot
    obj = model(pk=change.object_id)
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name not in content:
            continue
        value = content[field.name]
        if field.is_relation:
            if value is not None and not field.related_model.objects.filter(pk=value).exists():
                if not field.null or (field.name == "activity" and model is not PurchaseAgreement):
                    raise _missing(field, change)
                value = None
            setattr(obj, field.attname, value)
        else:
            setattr(obj, field.attname, field.to_python(value))
    obj.updated_by = user
    if hasattr(obj, "version"):
        obj.version = (obj.version or 0) + 1
    return obj


def _missing(field, change) -> RestoreError:
    if field.name == "activity":
        return RestoreError(
            _("Herstel eerst de activiteit ‘%(name)s’; daar hoort dit onderdeel bij.")
            % {"name": change.snapshot.get("activity_name", "")}
        )
    if field.related_model is Organisation:
        return RestoreError(_("De organisatie van dit onderdeel bestaat niet meer."))
    return RestoreError(_("Dit onderdeel kan niet worden hersteld: een koppeling ontbreekt."))


def restore(*, change: PlanChange, user):
    """Bring back the deleted item of `change` and note that in the history."""
    return change.restore(user=user, rebuild=_rebuild, after=_after_restore)


def _rebuild(change: PlanChange, user):
    model = model_of(change.kind)
    if model.objects.filter(pk=change.object_id).exists():
        raise RestoreError(_("Dit onderdeel bestaat al weer."))
    obj = _build(change, model, user)
    registered = PLAN_HISTORY_KINDS.get(change.kind)
    if registered is not None and registered.check_restore is not None:
        registered.check_restore(obj)
    obj.save(force_insert=True)
    if isinstance(obj, Activity):
        _restore_links(obj, change.snapshot)
    return obj


def _after_restore(change: PlanChange, obj, user) -> None:
    record(obj, user=user, action=Action.RESTORED)


def _restore_links(activity: Activity, content: dict) -> None:

    activity.results.set(
        SocietalResult.objects.filter(
            pk__in=content.get("results") or [], programme_id=activity.programme_id
        )
    )
    activity.age_phases.set(_existing(AgePhase, content.get("age_phases")))
    activity.life_areas.set(_existing(LifeArea, content.get("life_areas")))
    factors = set(_existing(Factor, [f for f, _e in content.get("factor_links") or []]))
    ActivityFactor.objects.bulk_create(
        ActivityFactor(activity=activity, factor_id=f, effect=e)
        for f, e in content.get("factor_links") or []
        if f in factors
    )
    PurchaseAgreement.objects.filter(
        pk__in=content.get("purchase_agreement_ids") or [],
        programme_id=activity.programme_id,
        activity__isnull=True,
    ).update(activity=activity)
