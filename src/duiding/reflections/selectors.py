"""Reads of the reflection and its agenda: the facts the agenda builder works on, the lists and
pages of reflections, and the cold and warm data of an agenda item.

`agenda_facts(reflection)` reads the database into `agenda.AgendaFacts` (the builder itself is
pure): the benchmark of the programme's area (`indicators.selectors.area_benchmark`), the
progress of its societal results (`results.progress`), the outcome of its activities
(`outcomes.selectors.activity_outcomes`, disclosed as for a reader of another organisation, so the
stored snapshot never holds a small count), its overdue measurement plans and the open
improvement actions of earlier reflections of the same programme.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.activities.models import Activity
from duiding.indicators.selectors import area_benchmark
from duiding.outcomes.charts import distribution_spec
from duiding.outcomes.models import Response
from duiding.outcomes.selectors import activity_outcome, activity_outcomes
from duiding.programmes.models import Finding
from duiding.programmes.permissions import visible_programmes
from duiding.reflections import agenda
from duiding.reflections.models import AgendaItem, ImprovementAction, Reflection
from duiding.reflections.permissions import visible_reflections
from duiding.results.curve import result_curves as curves_of
from duiding.results.models import Verdict
from duiding.results.progress import evaluate_result, next_expected_text


def reflections_of(programme, user):

    return (
        visible_reflections(user)
        .filter(programme=programme)
        .select_related("facilitator")
        .order_by("-date", "-pk")
    )


def previous_reflection(programme, date: datetime.date, exclude_pk: int | None = None):
    """The latest reflection of the programme before `date`."""
    qs = Reflection.objects.filter(programme=programme, date__lt=date)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.order_by("-date", "-pk").first()


def agenda_items(reflection: Reflection):
    return reflection.items.select_related(
        "indicator", "result", "activity", "questionnaire", "measurement_plan", "action"
    ).order_by("order", "pk")


# --- the facts of the builder ------------------------------------------------------------------


def _figure_facts(reflection: Reflection, user) -> tuple[list[agenda.FigureFact], str]:

    bench = area_benchmark(user=user, area=reflection.programme.area, with_series=False)
    out = []
    label = ""
    for row in bench.rows:
        flag = row.flag
        comparison = next((c for c in row.comparisons if c.flag is flag), None)
        if comparison is None and row.comparisons:
            comparison = row.comparisons[0]
        ind = row.indicator
        prov = row.value.provenance
        source = ", ".join(part for part in (ind.source, prov.dataset_title) if part)
        if comparison is not None and not label:
            label = comparison.area.name
        out.append(
            agenda.FigureFact(
                indicator_id=ind.pk,
                code=ind.code,
                name=ind.name,
                unit_kind=ind.unit_kind,
                unit_label=ind.unit_label,
                decimals=ind.decimals,
                period_label=row.value.period.label,
                value=row.value.value if row.value.has_value else None,
                comparison_area=comparison.area.name if comparison else "",
                comparison_value=(
                    comparison.value.value
                    if comparison and comparison.value and comparison.value.has_value
                    else None
                ),
                flag_result=flag.result,
                flag_label=str(flag.label),
                flag_reason=str(flag.reason),
                source=source,
                domain_ids=tuple(ind.domain_ids),
            )
        )
    return out, label


def _result_facts(reflection: Reflection, previous_date) -> list[agenda.ResultFact]:

    out = []
    results = reflection.programme.results.select_related("programme", "programme__area")
    for result in results.prefetch_related("evaluations"):
        details = evaluate_result(result)
        new_since = False
        if previous_date is not None:
            evaluations = sorted(result.evaluations.all(), key=lambda e: (e.computed_at, e.pk))
            before = [e for e in evaluations if e.computed_at.date() <= previous_date]
            after = [e for e in evaluations if e.computed_at.date() > previous_date]
            if after:
                old = before[-1].details.get("periods") if before else None
                new_since = after[-1].details.get("periods") != old
        out.append(
            agenda.ResultFact(
                result_id=result.pk,
                text=result.text,
                verdict=details["verdict"],
                verdict_label=str(Verdict(details["verdict"]).label),
                periods=tuple(details.get("periods") or ()),
                new_figures_since=new_since,
                indicators=tuple(
                    {
                        "name": i["name"],
                        "baseline_period": i["baseline_period"],
                        "baseline": i["baseline"],
                        "period": i["period"],
                        "value": i["value"],
                        "required": i.get("required"),
                        "verdict": str(i["verdict"]),
                        "verdict_label": str(Verdict(i["verdict"]).label),
                    }
                    for i in details["indicators"]
                ),
            )
        )
    return out


def _outcome_facts(activities) -> tuple[list[agenda.OutcomeFact], list[agenda.PlanFact]]:

    outcomes, plans = [], []
    # raw=False: disclosed as for a reader across the organisation's boundary (small counts out).
    for o in activity_outcomes(activities, raw=False):
        sufficient = []
        for block in o.blocks:
            column = block.columns[-1] if block.columns else None
            if column is None or column.shown.sufficient_share is None:
                continue
            summary = column.shown.summary
            if summary.sufficient_share is None:
                continue
            sufficient.append((block.key, block.label, summary.sufficient_share, summary.n))
        dropout_share = dropout_total = None
        if o.dropout is not None and o.dropout.client_share is not None:
            dropout_share = o.dropout.dropout.client_share
            dropout_total = o.dropout.dropout.total
        reached = planned = reach_share = None
        if o.reach is not None and o.reach.share is not None:
            reached = o.reach.reach.reached
            planned = o.reach.reach.planned
            reach_share = o.reach.reach.share
        outcomes.append(
            agenda.OutcomeFact(
                activity_id=o.activity.pk,
                activity_name=o.activity.name,
                sufficient=tuple(sufficient),
                dropout_share=dropout_share,
                dropout_total=dropout_total,
                reached=reached,
                planned=planned,
                reach_share=reach_share,
                questionnaire_ids=tuple(q.pk for q in o.questionnaires),
            )
        )
        for row in o.overdue:
            plans.append(
                agenda.PlanFact(
                    plan_id=row.plan.pk,
                    activity_id=o.activity.pk,
                    activity_name=o.activity.name,
                    measure_label=str(row.plan.display),
                    reason=row.reason,
                )
            )
    return outcomes, plans


def earlier_actions(reflection: Reflection):
    """Improvement actions agreed in earlier reflections of the same programme (or for it)."""
    earlier = Reflection.objects.filter(
        programme=reflection.programme, date__lte=reflection.date
    ).exclude(pk=reflection.pk)
    return (
        ImprovementAction.objects.filter(
            Q(reflection__in=earlier) | Q(reflection__isnull=True, programme=reflection.programme)
        )
        .select_related("reflection", "owner_organisation", "owner_user", "result", "indicator")
        .order_by("due_date", "pk")
    )


def _since(action: ImprovementAction, figures: dict, results: dict) -> tuple[str, ...]:
    """What came in since the action was agreed: the figure now, the result's verdict now,
    responses to the activity's questionnaires since."""

    lines = []
    agreed = action.reflection.date if action.reflection_id else action.created_at.date()
    if action.indicator_id and action.indicator_id in figures:
        f = figures[action.indicator_id]
        lines.append(
            _("%(name)s is nu %(value)s (%(period)s)")
            % {"name": f.name, "value": agenda._value(f, f.value), "period": f.period_label}
        )
    if action.result_id and action.result_id in results:
        r = results[action.result_id]
        lines.append(_("resultaat: %(verdict)s") % {"verdict": r.verdict_label})
    if action.activity_id:
        n = Response.objects.filter(
            questionnaire__activity_id=action.activity_id, submitted_on__gt=agreed
        ).count()
        if n:
            lines.append(
                _("%(n)s nieuwe antwoorden op vragenlijsten sinds %(date)s")
                % {"n": n if n >= 5 else _("minder dan 5"), "date": date_format(agreed, "j F Y")}
            )
    return tuple(lines)


def _action_facts(reflection: Reflection, figures, results) -> list[agenda.ActionFact]:
    by_indicator = {f.indicator_id: f for f in figures}
    by_result = {r.result_id: r for r in results}
    out = []
    for a in earlier_actions(reflection):
        owner = a.owner_organisation.name
        if a.owner_user_id:
            owner = f"{a.owner_user.display_name} ({owner})"
        out.append(
            agenda.ActionFact(
                action_id=a.pk,
                description=a.description,
                owner=owner,
                due_date=a.due_date,
                status=a.status,
                status_label=str(a.get_status_display()),
                finished=a.is_finished,
                from_reflection=a.reflection.title if a.reflection_id else _("het programma"),
                from_date=a.reflection.date if a.reflection_id else None,
                since=_since(a, by_indicator, by_result),
                indicator_id=a.indicator_id,
                result_id=a.result_id,
                activity_id=a.activity_id,
            )
        )
    return out


def agenda_facts(reflection: Reflection, user=None) -> agenda.AgendaFacts:
    """The facts of the builder for one reflection (a reflection without programme has none)."""
    if reflection.programme_id is None:
        return agenda.AgendaFacts(reflection_date=reflection.date)

    user = user or reflection.facilitator
    previous = reflection.previous or previous_reflection(
        reflection.programme, reflection.date, reflection.pk
    )
    previous_date = previous.date if previous else None
    figures, label = _figure_facts(reflection, user)
    results = _result_facts(reflection, previous_date)
    activities = Activity.objects.filter(programme=reflection.programme).order_by("name", "pk")
    outcomes, plans = _outcome_facts(activities)
    return agenda.AgendaFacts(
        reflection_date=reflection.date,
        previous_date=previous_date,
        comparison_label=label,
        figures=tuple(figures),
        results=tuple(results),
        outcomes=tuple(outcomes),
        plans=tuple(plans),
        actions=tuple(_action_facts(reflection, figures, results)),
    )


# --- cold and warm data of an item -------------------------------------------------------------


@dataclass
class WarmData:
    open_answers: list[dict] = field(default_factory=list)  # {"questionnaire", "label", "texts"}
    findings: list = field(default_factory=list)  # programmes.Finding
    stories: list = field(default_factory=list)  # hook for the vertelpunt


def _item_activity_id(item: AgendaItem) -> int | None:
    if item.activity_id:
        return item.activity_id
    if item.measurement_plan_id:
        return item.measurement_plan.activity_id
    if item.action_id and item.action.activity_id:
        return item.action.activity_id
    return None


def cold_outcome(item: AgendaItem, user):
    """The outcome of the item's activity as the user may see it (None without activity)."""
    activity_id = _item_activity_id(item)
    if activity_id is None:
        return None

    activity = Activity.objects.filter(pk=activity_id).select_related("organisation").first()
    if activity is None:
        return None
    return activity_outcome(activity, user)


def warm_data(item: AgendaItem, user, outcome=None) -> WarmData:
    """Open answers of the activity's questionnaires (disclosed for this user: only shareable
    ones across the organisation's boundary) and the partner findings of the programme's
    wijkanalyse (only for who sees the programme)."""
    warm = WarmData()
    if outcome is not None:
        for block in outcome.blocks:
            for column in block.columns:
                if column.shown.texts:
                    warm.open_answers.append(
                        {
                            "questionnaire": column.title,
                            "label": block.label,
                            "texts": column.shown.texts[:20],
                        }
                    )
    programme = item.reflection.programme
    if programme is None:
        return warm

    if not sees_programme(user, programme):
        return warm
    findings = Finding.objects.filter(conversation__programme=programme).select_related(
        "conversation", "section", "section__domain"
    )
    domain_ids: set[int] = set()
    if item.indicator_id:
        domain_ids |= set(item.indicator.domains.values_list("pk", flat=True))
    if item.result_id and item.result.domain_id:
        domain_ids.add(item.result.domain_id)
    if domain_ids:
        related = findings.filter(section__domain_id__in=domain_ids)
        if related.exists():
            findings = related
    warm.findings = list(findings.order_by("-conversation__date", "pk")[:12])
    return warm


def outcome_blocks(item: AgendaItem, outcome) -> list:
    """The measures of the outcome to show with the item, each column with its chart spec: the
    one measure the item is about (source "outcome:<activity>:<measure>"), else all."""

    if outcome is None:
        return []
    blocks = outcome.blocks
    parts = item.source_key.split(":")
    if item.kind == AgendaItem.Kind.OUTCOME and len(parts) == 3:
        wanted = [b for b in blocks if b.key == parts[2]]
        if wanted or parts[2] in ("uitval", "bereik"):
            blocks = wanted
    for b, block in enumerate(blocks):
        for c, column in enumerate(block.columns):
            column.chart_id = f"verdeling-{item.pk}-{b}-{c}"
            column.spec_id = f"{column.chart_id}-spec"
            column.spec = None
            if column.shown.rows:
                column.spec = distribution_spec(
                    column.shown.rows,
                    description=_("Verdeling van de antwoorden: %(q)s, %(m)s")
                    % {"q": block.label, "m": column.title},
                )
    return blocks


def sees_programme(user, programme) -> bool:

    return programme is not None and visible_programmes(user).filter(pk=programme.pk).exists()


def result_curves(item: AgendaItem, user) -> list[dict]:
    """The progress curves of the item's result (the result page's own charts), for who sees the
    programme; [] otherwise (the snapshot is shown then)."""
    if not item.result_id or not sees_programme(user, item.reflection.programme):
        return []

    result = item.result
    curves = curves_of(result, evaluate_result(result))
    for curve in curves:
        curve["next_text"] = next_expected_text(curve["item"].get("next_expected"))
    return curves
