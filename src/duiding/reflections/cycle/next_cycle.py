"""Volgende cyclus starten: the next programme of the same area, starting from this one.

In one transaction (`next_cycle_start`):
- a new programme (name, years; the same area, framework, owner, organisation and partners),
  linked to this one (`Programme.previous`);
- the analysis as a starting point: every section's texts (status back to concept), chosen
  factors, striking figures and the missing figures still open; each section's history starts
  with "Overgenomen uit …";
- the societal results with their indicators, sections and factors, and their history: every
  row of the old result's history is copied, then a row records where the result came from;
- the activities with their factors, results and measurement plans; an activity the group
  decided to stop (a 'stoppen' decision) comes along marked "Bestaand aanbod stoppen", one to
  adjust as "Bestaand aanbod aanpassen", the others as "Bestaand aanbod dat blijft"; each gets a
  line in the plan's history;
- the open improvement actions move to the new programme (their history says so).

Only for who may edit the programme (the view checks `programme_or_404(edit=True)`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from duiding.activities import history as plan_history
from duiding.activities.models import Activity, ActivityFactor, OfferKind, PlanChange
from duiding.outcomes.models import MeasurementPlan
from duiding.programmes.models import MissingFigure, Programme
from duiding.programmes.services import programme_create, section_version_record
from duiding.reflections.models import ActionChange, Decision, ImprovementAction
from duiding.results.models import ResultChange, ResultIndicator, SocietalResult

YEARS = re.compile(r"(19|20)\d{2}(\s*[–-]\s*(19|20)\d{2})?")


@dataclass(frozen=True)
class Proposal:
    name: str
    start_year: int
    end_year: int


def proposal(programme: Programme) -> Proposal:
    """The next cycle's name and years: as long as this one, right after it."""
    length = programme.end_year - programme.start_year
    start = programme.end_year + 1
    end = start + length
    label = str(start) if start == end else f"{start}–{end}"
    if YEARS.search(programme.name):
        name = YEARS.sub(label, programme.name, count=1)
    else:
        name = f"{programme.name} {label}"
    return Proposal(name=name[:200], start_year=start, end_year=end)


def stopped_activity_ids(programme: Programme) -> set[int]:
    return set(
        Decision.objects.filter(
            activity__programme=programme, choice=Decision.Choice.STOP
        ).values_list("activity_id", flat=True)
    )


def adjusted_activity_ids(programme: Programme) -> set[int]:
    return set(
        Decision.objects.filter(
            activity__programme=programme, choice=Decision.Choice.ADJUST
        ).values_list("activity_id", flat=True)
    )


def open_actions(programme: Programme):
    return ImprovementAction.objects.filter(programme=programme).exclude(
        status__in=[ImprovementAction.Status.DONE, ImprovementAction.Status.DROPPED]
    )


def validate(name: str, start_year, end_year) -> dict[str, str]:
    """Dutch messages per field; empty when all is well."""
    errors = {}
    if not (name or "").strip():
        errors["name"] = _("Geef de naam van het nieuwe programma.")
    try:
        start, end = int(start_year), int(end_year)
    except (TypeError, ValueError):
        errors["start_year"] = _("Geef het beginjaar en het eindjaar als jaartal.")
        return errors
    if not 2000 <= start <= 2100 or not 2000 <= end <= 2100:
        errors["start_year"] = _("Geef het beginjaar en het eindjaar als jaartal.")
    elif end < start:
        errors["end_year"] = _("Het eindjaar ligt voor het beginjaar.")
    return errors


@transaction.atomic
def next_cycle_start(
    programme: Programme, *, user, name: str, start_year: int, end_year: int
) -> Programme:
    errors = validate(name, start_year, end_year)
    if errors:
        raise ValidationError(errors)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.next_programmes.exists():
        raise ValidationError(
            _("Voor dit programma is de volgende cyclus al gestart; er is niets aangemaakt.")
        )
    origin = _("Overgenomen uit %(name)s") % {"name": programme.name}
    new = programme_create(
        user=user,
        partners=list(programme.partners.all()),
        name=name.strip(),
        area=programme.area,
        framework=programme.framework,
        organisation=programme.organisation,
        owner=programme.owner,
        start_year=int(start_year),
        end_year=int(end_year),
        figures_period="",
        previous=programme,
        updated_by=user,
    )
    sections = _copy_analysis(programme, new, user, origin)
    results = _copy_results(programme, new, user, origin, sections)
    _copy_activities(programme, new, user, origin, results)
    _move_actions(programme, new, user)
    return new


def _section_key(section):
    return (section.kind, section.pillar_id, section.domain_id)


def _copy_analysis(old: Programme, new: Programme, user, origin: str) -> dict[int, object]:
    """Old section id -> new section, with texts, factors, striking and open missing figures."""
    targets = {_section_key(s): s for s in new.sections.all()}
    mapping = {}
    for section in old.sections.prefetch_related(
        "chosen_factors", "striking_indicators", "missing_figures"
    ):
        target = targets.get(_section_key(section))
        if target is None:
            continue
        mapping[section.pk] = target
        if not (
            section.analysis
            or section.conclusion
            or section.chosen_factors.all()
            or section.striking_indicators.all()
        ):
            continue
        target.analysis = section.analysis
        target.conclusion = section.conclusion
        target.updated_by = user
        target.save(update_fields=["analysis", "conclusion", "updated_by"])
        for chosen in section.chosen_factors.all():
            target.chosen_factors.create(factor_id=chosen.factor_id, note=chosen.note)
        for striking in section.striking_indicators.all():
            target.striking_indicators.create(
                indicator_id=striking.indicator_id, note=striking.note
            )
        for missing in section.missing_figures.all():
            if missing.status in (MissingFigure.Status.OPEN, MissingFigure.Status.REQUESTED):
                target.missing_figures.create(
                    description=missing.description,
                    reason=missing.reason,
                    possible_source=missing.possible_source,
                    status=missing.status,
                    created_by=user,
                )
        section_version_record(target, user, origin)
    return mapping


def _copy_results(old, new, user, origin, sections) -> dict[int, SocietalResult]:
    mapping = {}
    for result in old.results.prefetch_related("sections", "factors", "result_indicators"):
        copy = SocietalResult.objects.create(
            programme=new,
            text=result.text,
            ambition_id=result.ambition_id,
            domain_id=result.domain_id,
            target_date=result.target_date,
            status=result.status,
            rule=result.rule,
            combination_indicator_id=result.combination_indicator_id,
            combined_target_kind=result.combined_target_kind,
            combined_target_value=result.combined_target_value,
            created_by=user,
            updated_by=user,
        )
        copy.sections.set([sections[s.pk] for s in result.sections.all() if s.pk in sections])
        copy.factors.set(result.factors.all())
        ResultIndicator.objects.bulk_create(
            [
                ResultIndicator(
                    result=copy,
                    indicator_id=ri.indicator_id,
                    name=ri.name,
                    baseline_period=ri.baseline_period,
                    baseline_value=ri.baseline_value,
                    baseline_source=ri.baseline_source,
                    target_kind=ri.target_kind,
                    target_value=ri.target_value,
                    direction=ri.direction,
                    order=ri.order,
                )
                for ri in result.result_indicators.all()
            ]
        )
        history = [
            ResultChange(
                programme=new,
                result=copy,
                kind=change.kind,
                status_from=change.status_from,
                status_to=change.status_to,
                snapshot=change.snapshot,
                user_id=change.user_id,
                at=change.at,
                summary=change.summary,
            )
            for change in ResultChange.objects.filter(result=result).order_by("at", "pk")
        ]
        ResultChange.objects.bulk_create(history)
        ResultChange.record(
            copy,
            user=user,
            summary=_("%(origin)s (resultaat %(pk)s)") % {"origin": origin, "pk": result.pk},
        )
        mapping[result.pk] = copy
    return mapping


ACTIVITY_FIELDS = [
    "organisation_id",
    "name",
    "description",
    "intervention_id",
    "target_group",
    "target_group_size",
    "prevention_level",
    "form",
    "continuity",
    "frequency",
    "volume",
    "reach",
    "evidence_level",
]


def _copy_activities(old, new, user, origin, results) -> None:
    stopped = stopped_activity_ids(old)
    adjusted = adjusted_activity_ids(old)
    for activity in old.activities.prefetch_related(
        "results", "factor_links", "age_phases", "life_areas", "measurement_plans"
    ):
        if activity.pk in stopped:
            kind, note = OfferKind.EXISTING_STOP, _("gestopt na de duidingssessie")
        elif activity.pk in adjusted:
            kind, note = OfferKind.EXISTING_ADAPT, _("bijgesteld na de duidingssessie")
        elif activity.offer_kind == OfferKind.EXISTING_STOP:
            kind, note = OfferKind.EXISTING_STOP, ""
        else:
            kind, note = OfferKind.EXISTING_STAYS, ""
        copy = Activity.objects.create(
            programme=new,
            offer_kind=kind,
            created_by=user,
            updated_by=user,
            **{name: getattr(activity, name) for name in ACTIVITY_FIELDS},
        )
        copy.results.set([results[r.pk] for r in activity.results.all() if r.pk in results])
        ActivityFactor.objects.bulk_create(
            [
                ActivityFactor(activity=copy, factor_id=link.factor_id, effect=link.effect)
                for link in activity.factor_links.all()
            ]
        )
        copy.age_phases.set(activity.age_phases.all())
        copy.life_areas.set(activity.life_areas.all())
        if kind != OfferKind.EXISTING_STOP:
            for plan in activity.measurement_plans.all():
                MeasurementPlan.objects.create(
                    activity=copy,
                    measure=plan.measure,
                    custom_name=plan.custom_name,
                    years=plan.years,
                    how=plan.how,
                    how_often=plan.how_often,
                    from_whom=plan.from_whom,
                    attention_points=plan.attention_points,
                    created_by=user,
                    updated_by=user,
                )
        summary = f"{origin}: {copy.name}" + (f" ({note})" if note else "")
        plan_history.record(copy, user=user, action=PlanChange.Action.CREATED, summary=summary)


def _move_actions(old, new, user) -> None:
    for action in open_actions(old):
        action.programme = new
        action.updated_by = user
        action.version += 1
        action.save(update_fields=["programme", "updated_by", "version", "updated_at"])
        ActionChange.record(
            action,
            user=user,
            summary=_("Meegenomen naar %(name)s") % {"name": new.name},
            snapshot={"programme": new.pk, "from_programme": old.pk, "status": action.status},
        )
