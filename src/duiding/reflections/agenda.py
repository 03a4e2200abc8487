"""The agenda builder: what the data put on the agenda of a duidingssessie.

A PURE function: `build_agenda(facts) -> list[ProposedItem]`, dataclasses in, dataclasses out, no
database. `reflections.selectors.agenda_facts(reflection)` reads the database into the facts;
`reflections.services.fill_agenda` stores the proposals whose `source_key` is not yet on the agenda.

What produces an item (nothing else does):
- a figure of the programme's area that the benchmark flags worse than the comparison area
  (the benchmark's own headline flag, `IndicatorBenchmark.flag`), or clearly different from it
  where the indicator has no good or bad direction (a referral share: "wijkt af");
- a societal result off course (verdict not on track / not reached) or with new figures since the
  previous reflection;
- outcome that disappoints: share voldoende under `SUFFICIENT_MIN_PCT`, dropout (one-sided ending by
  the client) above `DROPOUT_MAX_PCT`, reach under `REACH_MIN_PCT` of the plan;
- a measurement plan that is overdue (the outcome page's own verdict and reason);
- an improvement action of an earlier reflection that is not finished and falls due before, or
  within `ACTION_DUE_WINDOW_DAYS` after, this reflection's date ("Zien we al effect?");
- stories of the same area and domain: the vertelpunt does not exist yet (`stories` stays empty).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.core import formatting as fmt

# Thresholds of outcome that disappoints (percentages).
SUFFICIENT_MIN_PCT = 60.0  # share "voldoende" below this
DROPOUT_MAX_PCT = 20.0  # share ended one-sidedly by the client above this
REACH_MIN_PCT = 80.0  # reached against the plan below this
# An open improvement action resurfaces when due before, or this many days after, the reflection.
ACTION_DUE_WINDOW_DAYS = 30

WORSE = "worse"
# Clearly different where the indicator has no good or bad direction.
DIFFERENT = "different"
OFF_COURSE = ("not_on_track", "not_reached")

# Order of the kinds on the agenda: first what was promised, then the figures, then outcome.
KIND_ORDER = ("action", "result", "indicator", "outcome", "meetplan", "story")


@dataclass(frozen=True)
class FigureFact:
    """One figure of the area with the benchmark's headline comparison."""

    indicator_id: int
    code: str
    name: str
    unit_kind: str
    unit_label: str
    decimals: int
    period_label: str
    value: float | None
    comparison_area: str
    comparison_value: float | None
    flag_result: str  # better / similar / worse / different / none
    flag_label: str
    flag_reason: str
    source: str = ""
    domain_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ResultFact:
    result_id: int
    text: str
    verdict: str  # results.models.Verdict value
    verdict_label: str
    periods: tuple[str, ...] = ()
    # The latest figures came in after the previous reflection (None: no previous reflection).
    new_figures_since: bool = False
    indicators: tuple[dict, ...] = ()  # {"name", "baseline_period", "baseline", "period", "value"}


@dataclass(frozen=True)
class OutcomeFact:
    """The outcome of one activity (already disclosed: only numbers a reader may see)."""

    activity_id: int
    activity_name: str
    # Per question with a share voldoende: (question key, label, share %, n) of the latest column.
    sufficient: tuple[tuple[str, str, float, int], ...] = ()
    dropout_share: float | None = None  # % one-sided ending by the client
    dropout_total: int | None = None
    reached: int | None = None
    planned: int | None = None
    reach_share: float | None = None
    questionnaire_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlanFact:
    plan_id: int
    activity_id: int
    activity_name: str
    measure_label: str
    reason: str


@dataclass(frozen=True)
class ActionFact:
    action_id: int
    description: str
    owner: str
    due_date: datetime.date
    status: str
    status_label: str
    finished: bool
    from_reflection: str
    from_date: datetime.date | None
    # What came in since the action was agreed (Dutch lines: new figures, a verdict, responses).
    since: tuple[str, ...] = ()
    indicator_id: int | None = None
    result_id: int | None = None
    activity_id: int | None = None


@dataclass(frozen=True)
class AgendaFacts:
    reflection_date: datetime.date
    previous_date: datetime.date | None = None
    comparison_label: str = ""
    figures: tuple[FigureFact, ...] = ()
    results: tuple[ResultFact, ...] = ()
    outcomes: tuple[OutcomeFact, ...] = ()
    plans: tuple[PlanFact, ...] = ()
    actions: tuple[ActionFact, ...] = ()
    stories: tuple = ()  # hook for the vertelpunt (stories app): not built yet


@dataclass
class ProposedItem:
    kind: str  # AgendaItem.Kind value
    title: str
    reason: str
    source_key: str
    snapshot: dict = field(default_factory=dict)
    indicator_id: int | None = None
    result_id: int | None = None
    activity_id: int | None = None
    questionnaire_id: int | None = None
    measurement_plan_id: int | None = None
    action_id: int | None = None


def _pct(value: float) -> str:
    return fmt.number(value, 1) + " %"


def _value(fact: FigureFact, value: float | None) -> str:
    if value is None:
        return _("geen cijfer")
    return fmt.with_unit(value, fact.unit_kind, fact.decimals, fact.unit_label)


def figure_items(facts: AgendaFacts) -> list[ProposedItem]:
    out = []
    for f in facts.figures:
        if f.flag_result not in (WORSE, DIFFERENT) or f.value is None:
            continue
        text = (
            _("Slechter dan %(area)s: %(value)s tegen %(comparison)s (%(period)s).")
            if f.flag_result == WORSE
            else _("Wijkt af van %(area)s: %(value)s tegen %(comparison)s (%(period)s).")
        )
        reason = text % {
            "area": f.comparison_area,
            "value": _value(f, f.value),
            "comparison": _value(f, f.comparison_value),
            "period": f.period_label,
        }
        out.append(
            ProposedItem(
                kind="indicator",
                title=f.name,
                reason=reason,
                source_key=f"indicator:{f.indicator_id}",
                snapshot={
                    "code": f.code,
                    "name": f.name,
                    "period": f.period_label,
                    "value": f.value,
                    "value_text": _value(f, f.value),
                    "comparison_area": f.comparison_area,
                    "comparison_value": f.comparison_value,
                    "comparison_text": _value(f, f.comparison_value),
                    "flag": f.flag_result,
                    "flag_label": f.flag_label,
                    "flag_reason": f.flag_reason,
                    "source": f.source,
                },
                indicator_id=f.indicator_id,
            )
        )
    return out


def result_items(facts: AgendaFacts) -> list[ProposedItem]:
    out = []
    for r in facts.results:
        off = r.verdict in OFF_COURSE
        if not off and not r.new_figures_since:
            continue
        if off:
            reason = _("Niet op koers: het oordeel is nu „%(verdict)s”.") % {
                "verdict": r.verdict_label
            }
            if r.new_figures_since:
                reason += " " + _("Er zijn nieuwe cijfers sinds de vorige duidingssessie.")
        else:
            reason = _(
                "Nieuwe cijfers sinds de vorige duidingssessie; het oordeel is nu „%(verdict)s”."
            ) % {"verdict": r.verdict_label}
        out.append(
            ProposedItem(
                kind="result",
                title=r.text,
                reason=reason,
                source_key=f"result:{r.result_id}",
                snapshot={
                    "verdict": r.verdict,
                    "verdict_label": r.verdict_label,
                    "periods": list(r.periods),
                    "indicators": [dict(i) for i in r.indicators],
                },
                result_id=r.result_id,
            )
        )
    return out


def outcome_items(facts: AgendaFacts) -> list[ProposedItem]:
    out = []
    for o in facts.outcomes:
        base = {"activity": o.activity_name}
        qid = o.questionnaire_ids[-1] if o.questionnaire_ids else None
        for key, label, share, n in o.sufficient:
            if share >= SUFFICIENT_MIN_PCT:
                continue
            out.append(
                ProposedItem(
                    kind="outcome",
                    title=_("%(activity)s: %(label)s")
                    % {"activity": o.activity_name, "label": label},
                    reason=_(
                        "%(share)s voldoende (van %(n)s antwoorden), onder de grens van %(limit)s."
                    )
                    % {"share": _pct(share), "n": fmt.number(n), "limit": _pct(SUFFICIENT_MIN_PCT)},
                    source_key=f"outcome:{o.activity_id}:{key}",
                    snapshot={**base, "measure": label, "sufficient_share": share, "n": n},
                    activity_id=o.activity_id,
                    questionnaire_id=qid,
                )
            )
        if o.dropout_share is not None and o.dropout_share > DROPOUT_MAX_PCT:
            out.append(
                ProposedItem(
                    kind="outcome",
                    title=_("%(activity)s: uitval") % {"activity": o.activity_name},
                    reason=_(
                        "%(share)s van de beëindigingen eenzijdig door de cliënt, boven de grens "
                        "van %(limit)s."
                    )
                    % {"share": _pct(o.dropout_share), "limit": _pct(DROPOUT_MAX_PCT)},
                    source_key=f"outcome:{o.activity_id}:uitval",
                    snapshot={**base, "dropout_share": o.dropout_share, "total": o.dropout_total},
                    activity_id=o.activity_id,
                )
            )
        if o.reach_share is not None and o.reach_share < REACH_MIN_PCT:
            out.append(
                ProposedItem(
                    kind="outcome",
                    title=_("%(activity)s: bereik") % {"activity": o.activity_name},
                    reason=_(
                        "%(reached)s bereikt van %(planned)s gepland (%(share)s), onder "
                        "%(limit)s van het plan."
                    )
                    % {
                        "reached": fmt.number(o.reached or 0),
                        "planned": fmt.number(o.planned or 0),
                        "share": _pct(o.reach_share),
                        "limit": _pct(REACH_MIN_PCT),
                    },
                    source_key=f"outcome:{o.activity_id}:bereik",
                    snapshot={
                        **base,
                        "reached": o.reached,
                        "planned": o.planned,
                        "reach_share": o.reach_share,
                    },
                    activity_id=o.activity_id,
                )
            )
    return out


def plan_items(facts: AgendaFacts) -> list[ProposedItem]:
    return [
        ProposedItem(
            kind="meetplan",
            title=_("Meetplan over tijd: %(measure)s bij %(activity)s")
            % {"measure": p.measure_label, "activity": p.activity_name},
            reason=p.reason,
            source_key=f"meetplan:{p.plan_id}",
            snapshot={"activity": p.activity_name, "measure": p.measure_label, "reason": p.reason},
            activity_id=p.activity_id,
            measurement_plan_id=p.plan_id,
        )
        for p in facts.plans
    ]


def action_items(facts: AgendaFacts) -> list[ProposedItem]:
    limit = facts.reflection_date + datetime.timedelta(days=ACTION_DUE_WINDOW_DAYS)
    out = []
    for a in facts.actions:
        if a.finished or a.due_date > limit:
            continue
        due = date_format(a.due_date, "j F Y")
        if a.due_date < facts.reflection_date:
            when = _("had klaar moeten zijn op %(date)s") % {"date": due}
        else:
            when = _("klaar uiterlijk %(date)s") % {"date": due}
        reason = _("Afgesproken in %(reflection)s, %(owner)s, %(when)s (%(status)s).") % {
            "reflection": a.from_reflection,
            "owner": a.owner,
            "when": when,
            "status": a.status_label,
        }
        if a.since:
            reason += " " + _("Sindsdien: %(since)s") % {"since": "; ".join(a.since)}
        out.append(
            ProposedItem(
                kind="action",
                title=_("Zien we al effect? %(action)s") % {"action": a.description[:200]},
                reason=reason[:500],
                source_key=f"action:{a.action_id}",
                snapshot={
                    "description": a.description,
                    "owner": a.owner,
                    "due_date": a.due_date.isoformat(),
                    "status": a.status,
                    "status_label": a.status_label,
                    "from_reflection": a.from_reflection,
                    "since": list(a.since),
                },
                action_id=a.action_id,
                indicator_id=a.indicator_id,
                result_id=a.result_id,
                activity_id=a.activity_id,
            )
        )
    return out


def story_items(facts: AgendaFacts) -> list[ProposedItem]:
    """Hook for the vertelpunt: stories of the same area and domain, once that app exists."""
    return []


def build_agenda(facts: AgendaFacts) -> list[ProposedItem]:
    """Every proposal of the data, actions first, then results, figures, outcome, plans."""
    return [
        *action_items(facts),
        *result_items(facts),
        *figure_items(facts),
        *outcome_items(facts),
        *plan_items(facts),
        *story_items(facts),
    ]
