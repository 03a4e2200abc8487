"""Reads of the outcome page, its exports and the API: a few queries for any number of activities
(questionnaires with their versions, responses, answers, entered figures with their counts,
measurement plans with their questionnaires), then plain Python (`aggregation`, `disclosure`).

`activity_outcomes(activities, user)` -> one `ActivityOutcome` per activity, each already
disclosed for that user: raw for members of the activity's organisation, suppressed otherwise
(`raw=False` forces the suppressed view, as the API does).

Which answers make a column: the answers of one questionnaire to one question key (any version;
the question as the latest version has it). Entered counts of a measure are added to the first
question of that measure in a questionnaire whose window overlaps the period of the figures;
otherwise they get a column of their own ("ingevoerde cijfers"). Reason codes (uitval) are shown
in the dropout block, not as a measure.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.outcomes import aggregation as agg
from duiding.outcomes import disclosure as dis
from duiding.outcomes.measures import MEASURE_SCALES
from duiding.outcomes.models import (
    Answer,
    EnteredFigures,
    MeasurementPlan,
    Moment,
    Questionnaire,
    QuestionnaireVersion,
    Response,
)
from duiding.outcomes.permissions import sees_raw_answers
from duiding.outcomes.standard import standard_questions
from duiding.outcomes.suppression import protect_count, shown

MOMENT_ORDER = [Moment.PRE, Moment.MID, Moment.POST, Moment.ONGOING]
ENTERED = "ingevoerd"


@dataclass
class Column:
    """One questionnaire's (or the entered figures') figures of one question."""

    title: str
    moment: str
    questionnaire: Questionnaire | None
    shown: dis.ShownSummary
    has_entered: bool = False


@dataclass
class MeasureBlock:
    key: str
    label: str
    measure: str
    kind: str
    columns: list[Column]


@dataclass
class PlanRow:
    plan: object
    questionnaires: list[dict]  # {"questionnaire", "responses", "status", "overdue"}
    entered: bool  # measured by entered figures
    overdue: bool
    reason: str  # why it is overdue (Dutch), "" otherwise


@dataclass
class ActivityOutcome:
    activity: object
    raw: bool
    questionnaires: list[Questionnaire]
    responses: int
    blocks: list[MeasureBlock] = field(default_factory=list)
    pairs: list[dis.ShownChange] = field(default_factory=list)
    group_changes: list[dis.ShownGroupChange] = field(default_factory=list)
    dropout: dis.ShownDropout | None = None
    reach: dis.ShownReach | None = None
    plans: list[PlanRow] = field(default_factory=list)

    @property
    def overdue(self) -> list[PlanRow]:
        return [p for p in self.plans if p.overdue]

    @property
    def empty(self) -> bool:
        return not self.questionnaires and not self.blocks and self.dropout is None


def _overlaps(q: Questionnaire, figures: EnteredFigures) -> bool:
    return q.opens_on <= figures.period_end and figures.period_start <= q.closes_on


@dataclass
class _Data:
    """What the activities' outcome needs, grouped by the database (GROUP BY), per activity."""

    questionnaires: dict = field(default_factory=lambda: defaultdict(list))
    response_counts: dict = field(default_factory=lambda: defaultdict(int))
    # (questionnaire id, question key) -> {answer value: count}
    counts: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    respondents: dict = field(default_factory=lambda: defaultdict(int))
    # (questionnaire id, question key) -> [(response id, open answer)]
    texts: dict = field(default_factory=lambda: defaultdict(list))
    by_response: dict = field(default_factory=lambda: defaultdict(list))  # response -> texts
    figures: dict = field(default_factory=lambda: defaultdict(list))
    plans: dict = field(default_factory=lambda: defaultdict(list))


def _value(number, choice: str) -> str:
    if number is not None:
        return agg._key(float(number))
    return choice


def _read(activity_ids: list[int]) -> _Data:
    data = _Data()
    latest = Prefetch(
        "versions", queryset=QuestionnaireVersion.objects.order_by("-number"), to_attr="ordered"
    )
    for q in (
        Questionnaire.objects.filter(activity_id__in=activity_ids)
        .prefetch_related(latest, "measurement_plans")
        .order_by("opens_on", "pk")
    ):
        q.questions = q.ordered[0].questions if q.ordered else []
        data.questionnaires[q.activity_id].append(q)
    ids = [q.pk for qs in data.questionnaires.values() for q in qs]
    if ids:
        _read_answers(data, ids)
    for figures in (
        EnteredFigures.objects.filter(activity_id__in=activity_ids)
        .prefetch_related("counts")
        .order_by("period_start", "pk")
    ):
        data.figures[figures.activity_id].append(figures)
    for plan in MeasurementPlan.objects.filter(activity_id__in=activity_ids).order_by("pk"):
        data.plans[plan.activity_id].append(plan)
    return data


def _read_answers(data: _Data, ids: list[int]) -> None:
    """Counts per questionnaire, question and value, respondents per question, the open answers:
    four grouped queries whatever the number of answers."""
    for q_id, n in (
        Response.objects.filter(questionnaire_id__in=ids)
        .values_list("questionnaire_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        data.response_counts[q_id] = n
    answers = Answer.objects.filter(response__questionnaire_id__in=ids)
    for q_id, key, number, choice, n in (
        answers.filter(text="")
        .values_list("response__questionnaire_id", "question", "number", "choice")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        data.counts[(q_id, key)][_value(number, choice)] += n
    for q_id, key, n in (
        answers.values_list("response__questionnaire_id", "question")
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
    ):
        data.respondents[(q_id, key)] = n
    for response, q_id, key, answer in (
        answers.exclude(text="")
        .values_list("response_id", "response__questionnaire_id", "question", "text")
        .order_by("response_id", "pk")
    ):
        data.texts[(q_id, key)].append((response, answer))
        data.by_response[response].append(answer)


def _extremes(data: _Data, wanted: list[tuple[int, str, float]]) -> dict:
    """(questionnaire, key, value) -> Extreme: who gave the lowest and highest score, with their
    open answers. One query for all of them (raw readers only)."""
    if not wanted:
        return {}
    condition = Q()
    for q_id, key, value in wanted:
        condition |= Q(response__questionnaire_id=q_id, question=key, number=value)
    who = defaultdict(list)
    for response, q_id, key, number in Answer.objects.filter(condition).values_list(
        "response_id", "response__questionnaire_id", "question", "number"
    ):
        who[(q_id, key, float(number))].append(response)
    return {
        (q_id, key, value): agg.extreme(
            value, who.get((q_id, key, float(value)), []), data.by_response
        )
        for q_id, key, value in wanted
    }


def _pairs(pre, post, key: str) -> list[tuple[float, float]]:
    """(voormeting, eindmeting) per card that answered `key` in both questionnaires: one query
    (a join of the answers of the two questionnaires on the card)."""
    before = Answer.objects.filter(
        response__questionnaire=pre,
        question=key,
        number__isnull=False,
        response__card_id=OuterRef("response__card_id"),
    ).values("number")[:1]
    rows = (
        Answer.objects.filter(
            response__questionnaire=post,
            question=key,
            number__isnull=False,
            response__card__isnull=False,
        )
        .annotate(before=Subquery(before))
        .filter(before__isnull=False)
        .values_list("before", "number")
        .annotate(n=Count("pk"))
        .order_by()
    )
    pairs = []
    for b, a, n in rows:
        pairs += [(float(b), float(a))] * n
    return pairs


# --- Assembly --------------------------------------------------------------------------------

ANSWERED_KINDS = ("scale", "single", "multiple", "number", "text")
# How often a plan says it measures (its how_often text) -> days between measurements.
PERIOD_WORDS = [
    (re.compile(r"week", re.I), 7),
    (re.compile(r"maand", re.I), 31),
    (re.compile(r"kwarta", re.I), 92),
    (re.compile(r"half\s*jaar|halfjaar", re.I), 183),
    (re.compile(r"jaar|jaarlijks", re.I), 366),
]


def moment_rank(q: Questionnaire) -> tuple:
    return (MOMENT_ORDER.index(q.moment) if q.moment in MOMENT_ORDER else 9, q.opens_on, q.pk)


def _entered(activity, data: _Data):
    """(entered counts per (questionnaire, question key), counts per measure without a
    questionnaire to add them to, entered dropout counts per reason code)."""
    questionnaires = data.questionnaires[activity.pk]
    into: dict = defaultdict(lambda: defaultdict(int))
    leftover: dict = defaultdict(lambda: defaultdict(int))
    dropout: dict = defaultdict(int)
    for figures in data.figures[activity.pk]:
        for count in figures.counts.all():
            if count.measure == "uitval":
                dropout[count.value] += count.count
                continue
            target = next(
                (
                    (q.pk, question["key"])
                    for q in questionnaires
                    if _overlaps(q, figures)
                    for question in q.questions
                    if question.get("measure") == count.measure
                    and question["kind"] in ("scale", "single")
                ),
                None,
            )
            (into[target] if target else leftover[count.measure])[count.value] += count.count
    return into, leftover, dropout


def _answered(activity, data: _Data):
    """(the questions with a column: [(questionnaire, question)], dropout counts answered)."""
    items, dropout = [], defaultdict(int)
    for q in sorted(data.questionnaires[activity.pk], key=moment_rank):
        for question in q.questions:
            if question.get("kind") not in ANSWERED_KINDS:
                continue
            if question.get("measure") == "uitval":
                for value, n in data.counts.get((q.pk, question["key"]), {}).items():
                    dropout[value] += n
                dropout.setdefault("1", 0)
                continue
            items.append((q, question))
    return items, dropout


def _low_high(counts: dict) -> tuple[float, float] | None:
    values = [float(v) for v, n in counts.items() if n]
    return (min(values), max(values)) if values else None


def _found_extremes(data: _Data, items, raw: bool) -> dict:
    if not raw:
        return {}
    wanted = []
    for q, question in items:
        if question["kind"] in ("scale", "number"):
            span = _low_high(data.counts.get((q.pk, question["key"]), {}))
            if span:
                wanted += [(q.pk, question["key"], v) for v in sorted(set(span))]
    return _extremes(data, wanted)


def _summary(q, question, data: _Data, entered, found: dict, language: str):
    key = (q.pk, question["key"])
    counts = data.counts.get(key, {})
    extremes = (None, None)
    span = _low_high(counts) if question["kind"] in ("scale", "number") else None
    if span and found:
        low, high = span
        extremes = (found[(*key, low)], found[(*key, high)] if high != low else None)
    texts = [t for _r, t in data.texts.get(key, [])] if question["kind"] == "text" else None
    return agg.summarise_counts(
        question,
        counts,
        respondents=data.respondents.get(key, 0),
        entered=entered,
        extremes=extremes,
        texts=texts,
        language=language,
    )


def _blocks(activity, data: _Data, raw: bool, language: str):
    into, leftover, dropout_entered = _entered(activity, data)
    items, dropout_answered = _answered(activity, data)
    found = _found_extremes(data, items, raw)
    blocks: dict[str, MeasureBlock] = {}
    summaries: dict = defaultdict(list)  # key -> [(questionnaire, question, summary, shown)]
    for q, question in items:
        entered = into.get((q.pk, question["key"]))
        summary = _summary(q, question, data, entered, found, language)
        shown = dis.disclose(summary, raw=raw, texts_shareable=q.open_answers_shareable)
        block = blocks.setdefault(
            question["key"],
            MeasureBlock(question["key"], summary.label, summary.measure, summary.kind, []),
        )
        block.columns.append(
            Column(q.title, q.get_moment_display(), q, shown, has_entered=bool(entered))
        )
        summaries[question["key"]].append((q, question, summary, shown))
    for measure, counts in leftover.items():
        question = _standard_question(measure, activity)
        if question is None:
            continue
        summary = agg.summarise_counts(
            question, {}, respondents=0, entered=counts, language=language
        )
        shown = dis.disclose(summary, raw=raw, texts_shareable=False)
        block = blocks.setdefault(
            question["key"],
            MeasureBlock(question["key"], summary.label, measure, summary.kind, []),
        )
        block.columns.append(
            Column(_("Ingevoerde cijfers"), _("Ingevoerd"), None, shown, has_entered=True)
        )
    dropout = None
    if dropout_entered or dropout_answered:
        labels = {v: str(label) for v, label in MEASURE_SCALES["uitval"].points}
        dropout = dis.disclose_dropout(
            agg.dropout(dict(dropout_answered), dict(dropout_entered), labels), raw=raw
        )
    return list(blocks.values()), summaries, dropout


def _standard_question(measure: str, activity) -> dict | None:
    try:
        questions = standard_questions(measure, name=activity.name)
    except KeyError:
        return None
    return next((q for q in questions if q["kind"] in ("scale", "single")), None)


def _changes(data: _Data, summaries: dict, raw: bool, language: str):
    """Per scale question in a voormeting and an eindmeting: the change per card, or the group
    change when no card answered both."""
    pairs_out, groups_out = [], []
    for _key, items in summaries.items():
        pre = [i for i in items if i[0].moment == Moment.PRE and i[2].numeric]
        post = [i for i in items if i[0].moment == Moment.POST and i[2].numeric]
        if not pre or not post or pre[0][1].get("kind") != "scale":
            continue
        pairs = _pairs(pre[0][0], post[-1][0], post[-1][1]["key"])
        if pairs:
            change = agg.pair_changes(post[-1][1], pairs, language=language)
            pairs_out.append(dis.disclose_pairs(change, raw=raw))
        else:
            change = agg.group_change(pre[0][2], post[-1][2])
            groups_out.append(dis.disclose_group(change, pre[0][3], post[-1][3]))
    return pairs_out, groups_out


def _reach(activity, data: _Data, raw: bool):
    periods = [
        agg.ReachPeriod(f.period_start, f.period_end, f.reached, f.target, f.no_shows)
        for f in data.figures[activity.pk]
    ]
    return dis.disclose_reach(
        agg.reach(activity.reach, activity.target_group_size, periods), raw=raw
    )


def _plan_rows(activity, data: _Data, raw: bool, today: datetime.date) -> list[PlanRow]:
    rows = []
    measured = {c.measure for f in data.figures[activity.pk] for c in f.counts.all()}
    if any(f.reached is not None for f in data.figures[activity.pk]):
        measured.add("bereik")
    for plan in data.plans[activity.pk]:
        linked = [
            q
            for q in data.questionnaires[activity.pk]
            if plan in q.measurement_plans.all()
            or any(question.get("measure") == plan.measure for question in q.questions)
        ]
        items, reasons = [], []
        for q in linked:
            count = data.response_counts.get(q.pk, 0)
            status = (
                _("gepland")
                if today < q.opens_on
                else _("open")
                if today <= q.closes_on
                else _("gesloten")
            )
            short = bool(q.closes_on < today and q.target_responses and count < q.target_responses)
            shown_count = shown(count) if raw else protect_count(count)
            items.append({"questionnaire": q, "responses": shown_count, "status": status})
            if short:
                reasons.append(
                    _("%(title)s: venster gesloten met %(n)s van de %(target)s gewenste antwoorden")
                    % {"title": q.title, "n": shown_count.text, "target": q.target_responses}
                )
        entered = plan.measure in measured
        if not linked and not entered:
            days = next((d for word, d in PERIOD_WORDS if word.search(plan.how_often or "")), None)
            if days and plan.created_at.date() + datetime.timedelta(days=days) < today:
                reasons.append(
                    _("nog niet gemeten, terwijl ‘hoe vaak’ (%(often)s) een meting verwacht")
                    % {"often": plan.how_often}
                )
        rows.append(PlanRow(plan, items, entered, bool(reasons), "; ".join(reasons)))
    return rows


def activity_outcomes(activities, user=None, *, raw: bool | None = None, language: str = "nl"):
    """One ActivityOutcome per activity (in the given order), disclosed for `user` (or with
    `raw` forced)."""
    activities = list(activities)
    data = _read([a.pk for a in activities])
    today = timezone.localdate()
    out = []
    for activity in activities:
        sees_raw = sees_raw_answers(user, activity) if raw is None else raw
        blocks, summaries, dropout = _blocks(activity, data, sees_raw, language)
        pairs, groups = _changes(data, summaries, sees_raw, language)
        questionnaires = sorted(data.questionnaires[activity.pk], key=moment_rank)
        out.append(
            ActivityOutcome(
                activity=activity,
                raw=sees_raw,
                questionnaires=questionnaires,
                responses=sum(data.response_counts.get(q.pk, 0) for q in questionnaires),
                blocks=blocks,
                pairs=pairs,
                group_changes=groups,
                dropout=dropout,
                reach=_reach(activity, data, sees_raw),
                plans=_plan_rows(activity, data, sees_raw, today),
            )
        )
    return out


def activity_outcome(activity, user=None, *, raw: bool | None = None, language: str = "nl"):
    return activity_outcomes([activity], user, raw=raw, language=language)[0]
