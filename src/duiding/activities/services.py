"""Writes of the activities app: activities (with their results, factors and effects) and the
reference list of interventions. One transaction per call; bad input raises a ValidationError
with Dutch messages per field (None = the whole form) and leaves the database unchanged."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from duiding.activities import history
from duiding.activities.models import (
    Activity,
    ActivityFactor,
    Continuity,
    Effect,
    EvidenceLevel,
    Form,
    Intervention,
    OfferKind,
    PreventionLevel,
    RecognitionLevel,
    StepStatus,
)
from duiding.activities.permissions import activity_organisations
from duiding.core.versioning import lock_and_check
from duiding.frameworks.models import AgePhase, Factor, LifeArea
from duiding.results.models import SocietalResult

# Fields of an activity the services take as they are (after the checks below).
PLAIN_FIELDS = (
    "name",
    "description",
    "target_group",
    "target_group_size",
    "prevention_level",
    "form",
    "continuity",
    "frequency",
    "volume",
    "reach",
    "evidence_level",
    "offer_kind",
)
CHOICES = {
    "prevention_level": PreventionLevel,
    "form": Form,
    "continuity": Continuity,
    "offer_kind": OfferKind,
}


class _Errors:
    def __init__(self):
        self.by_field: dict[str | None, list[str]] = defaultdict(list)

    def add(self, field: str | None, message: str) -> None:
        self.by_field[field or "__all__"].append(message)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(dict(self.by_field))


def _pk(value):
    return value.pk if hasattr(value, "pk") else value


def _intervention(value, errors: _Errors):
    if value in (None, ""):
        return None
    pk = _pk(value)
    found = Intervention.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        errors.add(
            "intervention",
            _("Onbekende interventie (%(id)s): kies een interventie uit de lijst.")
            % {"id": _pk(value)},
        )
    return found


def _results(programme, values, errors: _Errors) -> list[SocietalResult]:
    ids = [_pk(v) for v in values or []]
    if not ids:
        errors.add(
            "results",
            _("Kies minstens één maatschappelijk resultaat waar de activiteit aan bijdraagt."),
        )
        return []
    found = {r.pk: r for r in SocietalResult.objects.filter(pk__in=ids)}
    for pk in ids:
        result = found.get(pk)
        if result is None:
            errors.add("results", _("Onbekend maatschappelijk resultaat (%(id)s).") % {"id": pk})
        elif result.programme_id != programme.pk:
            errors.add(
                "results",
                _("Het resultaat „%(result)s” hoort bij een ander programma.")
                % {"result": str(result)},
            )
    return [found[pk] for pk in ids if pk in found and found[pk].programme_id == programme.pk]


def _factors(programme, values, errors: _Errors) -> list[tuple[Factor, str]]:
    pairs = [(_pk(f), effect) for f, effect in values or []]
    if not pairs:
        errors.add(
            "factors",
            _(
                "Kies minstens één factor die de activiteit versterkt of vermindert: via die "
                "factor draagt de activiteit bij aan het resultaat."
            ),
        )
        return []
    found = {f.pk: f for f in Factor.objects.filter(pk__in=[pk for pk, _e in pairs])}
    chosen: dict[int, tuple[Factor, str]] = {}
    for pk, effect in pairs:
        factor = found.get(pk)
        if factor is None:
            errors.add("factors", _("Onbekende factor (%(id)s).") % {"id": pk})
        elif factor.framework_id != programme.framework_id:
            errors.add(
                "factors",
                _("De factor „%(factor)s” hoort niet bij het raamwerk van dit programma.")
                % {"factor": factor.name},
            )
        elif effect not in Effect.values:
            errors.add(
                "factors",
                _("Kies bij de factor „%(factor)s” of de activiteit die versterkt of vermindert.")
                % {"factor": factor.name},
            )
        elif pk in chosen and chosen[pk][1] != effect:
            errors.add(
                "factors",
                _(
                    "De factor „%(factor)s” staat zowel bij versterken als bij verminderen; "
                    "kies één van beide."
                )
                % {"factor": factor.name},
            )
        else:
            chosen[pk] = (factor, effect)
    return list(chosen.values())


def _check_fields(fields: dict, errors: _Errors) -> None:
    for name in ("name", "target_group"):
        fields[name] = (fields.get(name) or "").strip()
    if not fields["name"]:
        errors.add("name", _("Geef de activiteit een naam."))
    if not fields["target_group"]:
        errors.add("target_group", _("Beschrijf voor welke doelgroep de activiteit is."))
    for name, choices in CHOICES.items():
        if fields.get(name) not in choices.values:
            errors.add(name, _("Kies een van de mogelijkheden."))
    if fields.get("evidence_level") not in EvidenceLevel.values:
        errors.add("evidence_level", _("Kies een trede van 0 tot en met 4."))
    for name in ("target_group_size", "volume", "reach"):
        value = fields.get(name)
        if value is not None and (not isinstance(value, int) or value < 0):
            errors.add(name, _("Vul een heel getal van 0 of meer in."))
    reach, size = fields.get("reach"), fields.get("target_group_size")
    if isinstance(reach, int) and isinstance(size, int) and reach > size:
        errors.add(
            "reach",
            _(
                "Het bereik (%(reach)s) is groter dan de doelgroep (%(size)s): een activiteit "
                "bereikt niet meer mensen dan er in de doelgroep zitten."
            )
            % {"reach": reach, "size": size},
        )


def _prepare(*, programme, user, organisation, data: dict) -> dict:
    errors = _Errors()
    fields = {name: data.get(name) for name in PLAIN_FIELDS}
    defaults = {
        "description": "",
        "frequency": "",
        "form": Form.GROUP,
        "continuity": Continuity.STRUCTURAL,
        "evidence_level": EvidenceLevel.IMPLICIT,
        "offer_kind": OfferKind.DESIRED_NEW,
    }
    for name, default in defaults.items():
        if fields[name] is None:
            fields[name] = default
    _check_fields(fields, errors)
    if (
        organisation is None
        or not activity_organisations(user, programme).filter(pk=_pk(organisation)).exists()
    ):
        errors.add(
            "organisation",
            _(
                "Kies de partner die de activiteit uitvoert; u kunt alleen kiezen uit de partners "
                "van dit programma waarvoor u activiteiten mag vastleggen."
            ),
        )
    fields["intervention"] = _intervention(data.get("intervention"), errors)
    results = _results(programme, data.get("results"), errors)
    factors = _factors(programme, data.get("factors"), errors)
    age_phases = list(
        AgePhase.objects.filter(pk__in=[_pk(a) for a in data.get("age_phases") or []])
    )
    life_areas = list(
        LifeArea.objects.filter(pk__in=[_pk(a) for a in data.get("life_areas") or []])
    )
    errors.raise_if_any()
    return {
        "fields": fields,
        "results": results,
        "factors": factors,
        "age_phases": age_phases,
        "life_areas": life_areas,
    }


def activity_problems(*, programme, user, organisation=None, **data) -> dict[str, list[str]]:
    """The messages activity_create would give for this input, per field, without writing: the
    form shows them together with its own errors (all errors at once)."""
    try:
        _prepare(programme=programme, user=user, organisation=organisation, data=data)
    except ValidationError as error:
        return error.message_dict
    return {}


def _save_links(activity: Activity, prepared: dict) -> None:
    activity.results.set(prepared["results"])
    activity.age_phases.set(prepared["age_phases"])
    activity.life_areas.set(prepared["life_areas"])
    activity.factor_links.all().delete()
    ActivityFactor.objects.bulk_create(
        ActivityFactor(activity=activity, factor=factor, effect=effect)
        for factor, effect in prepared["factors"]
    )


@transaction.atomic
def activity_create(*, programme, user, organisation, **data) -> Activity:
    """A new activity of `programme`, carried out by `organisation`.

    data: the PLAIN_FIELDS, intervention (object, id or None), results (objects or ids, ≥1),
    factors ([(factor or id, "versterkt"/"vermindert")], ≥1), age_phases, life_areas."""
    prepared = _prepare(programme=programme, user=user, organisation=organisation, data=data)
    activity = Activity(
        programme=programme,
        organisation_id=_pk(organisation),
        created_by=user,
        updated_by=user,
        **prepared["fields"],
    )
    activity.full_clean(exclude=["created_by", "updated_by"])
    activity.save()
    _save_links(activity, prepared)
    history.record(activity, user=user, action=history.Action.CREATED)
    return activity


def _refuse_hand_over_with_open_agreements(activity: Activity, organisation_id) -> None:
    """Another partner while quality agreements with the current one are open: that is a
    hand-over, which asks per agreement what happens (activities/plan/handover.py)."""
    if organisation_id == activity.organisation_id:
        return
    open_agreements = activity.quality_agreements.filter(
        organisation_id=activity.organisation_id
    ).exclude(status=StepStatus.DONE)
    if open_agreements.exists():
        raise ValidationError(
            {
                "organisation": _(
                    "Deze activiteit heeft open kwaliteitsafspraken met %(old)s. Gebruik "
                    "‘Overdragen aan een andere partner’ op de pagina van de activiteit: daar "
                    "kiest u per afspraak of die bij %(old)s blijft of meegaat."
                )
                % {"old": activity.organisation.name}
            }
        )


@transaction.atomic
def activity_update(
    *, activity: Activity, user, organisation, expected_version: int | None, **data
) -> Activity:
    """Save an edit; raises StaleEdit (core.versioning) when `expected_version` is missing or
    somebody else saved in between."""
    locked = Activity.objects.get(pk=activity.pk)
    lock_and_check(locked, expected_version)
    prepared = _prepare(
        programme=activity.programme, user=user, organisation=organisation, data=data
    )
    _refuse_hand_over_with_open_agreements(locked, _pk(organisation))
    for name, value in prepared["fields"].items():
        setattr(locked, name, value)
    locked.organisation_id = _pk(organisation)
    locked.updated_by = user
    locked.full_clean(exclude=["created_by", "updated_by"])
    locked.save()
    _save_links(locked, prepared)
    history.record(locked, user=user, action=history.Action.UPDATED)
    return locked


@transaction.atomic
def activity_delete(*, activity: Activity, user) -> None:
    """Delete with its steps, quality agreements and measurement plans (`outcomes`, via the
    registered plan history kinds); all of them stay in the plan's history and can be restored
    from there."""
    history.record_activity_delete(activity, user=user)
    activity.delete()


# --- Interventions (reference list, beheerders) --------------------------------------------


@transaction.atomic
def intervention_save(
    *,
    user,
    name: str,
    databank=None,
    recognition_level: str = "",
    description: str = "",
    url: str = "",
    intervention: Intervention | None = None,
    expected_version: int | None = None,
) -> Intervention:
    """Create (intervention=None) or update an intervention of the reference list. An update
    raises StaleEdit (core.versioning) when `expected_version` is missing or old."""
    name = (name or "").strip()
    if intervention is not None:
        mine = {
            "name": (_("Naam"), name),
            "databank": (_("Databank"), str(databank or "")),
            "description": (_("Toelichting"), description),
            "url": (_("Website"), url),
        }
        lock_and_check(intervention, expected_version, mine)
    errors = _Errors()
    if not name:
        errors.add("name", _("Geef de interventie een naam."))
    duplicate = Intervention.objects.filter(name__iexact=name)
    if intervention is not None:
        duplicate = duplicate.exclude(pk=intervention.pk)
    if name and duplicate.exists():
        errors.add("name", _("Er is al een interventie met de naam „%(name)s”.") % {"name": name})
    if recognition_level not in RecognitionLevel.values:
        errors.add("recognition_level", _("Kies een van de mogelijkheden."))
    errors.raise_if_any()
    target = intervention or Intervention(created_by=user)
    target.name = name
    target.databank = databank
    target.recognition_level = recognition_level
    target.description = description
    target.url = url
    target.updated_by = user
    target.full_clean(exclude=["created_by", "updated_by", "databank"])
    target.save()
    return target
