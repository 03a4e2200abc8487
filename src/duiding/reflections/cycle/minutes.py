"""The minutes (verslag) of a reflection: what the printable page, the CSV/Excel exports and the
API read.

- `minutes(reflection, user)`: details, the included agenda items in order, each with its cold
  data (the snapshot as label/value rows), its warm data (the open answers promoted to the
  minutes, not hidden), the group's answers to the four key questions, the aggregated live
  answers of its questions, its decisions and actions; plus the decisions and actions of the
  reflection that belong to no item.
- Who reads the open answers: `may_read_answers` (the sharing level of the reflection).
- Counts under 5 are shown as "minder dan 5" to a reader outside the reflection's organisation
  (`outcomes.suppression.protect_count`): the room mixes organisations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from duiding.core import formatting as fmt
from duiding.outcomes.suppression import Count, protect_count, protect_table, shown
from duiding.reflections.models import (
    KEY_QUESTIONS,
    RECOGNISE_CHOICES,
    AgendaItem,
    ImprovementAction,
    LiveQuestion,
    Reflection,
    SharingLevel,
)
from duiding.reflections.permissions import can_steer
from duiding.results.models import Verdict

# Snapshot keys the agenda builder and the demo write, with a Dutch label.
SNAPSHOT_LABELS = {
    "indicator": _lazy("Indicator"),
    "area": _lazy("Gebied"),
    "period": _lazy("Periode"),
    "value": _lazy("Waarde"),
    "comparison_area": _lazy("Vergelijkingsgebied"),
    "comparison": _lazy("Waarde vergelijkingsgebied"),
    "source": _lazy("Bron"),
    "series": _lazy("Reeks"),
    "verdict": _lazy("Oordeel"),
    "periods": _lazy("Perioden"),
    "share_sufficient": _lazy("Aandeel voldoende (%)"),
    "threshold": _lazy("Drempel (%)"),
    "responses": _lazy("Aantal antwoorden"),
    "moment": _lazy("Moment"),
    "reach": _lazy("Bereik"),
    "planned_reach": _lazy("Beoogd bereik"),
    "target_group_size": _lazy("Omvang doelgroep"),
    "how_often": _lazy("Hoe vaak"),
    "measured": _lazy("Gemeten"),
    "status": _lazy("Status"),
    "due_date": _lazy("Wanneer klaar"),
    "done_at": _lazy("Klaar op"),
    "owner": _lazy("Wie"),
    "question": _lazy("Vraag"),
    "figures_since": _lazy("Cijfers sinds de vorige sessie"),
}


@dataclass
class Bar:
    label: str
    count: Count
    percent: float | None = None


@dataclass
class LiveResult:
    question: LiveQuestion
    answers: Count
    bars: list[Bar] = field(default_factory=list)
    mean: str = ""
    texts: list[str] = field(default_factory=list)  # promoted open answers


@dataclass
class ItemMinutes:
    item: AgendaItem
    cold: list[tuple[str, object]]
    answers: list[tuple[str, str]]
    live: list[LiveResult]
    warm: list[str]
    decisions: list
    actions: list


@dataclass
class Minutes:
    reflection: Reflection
    items: list[ItemMinutes]
    decisions: list  # not linked to an included item
    actions: list
    raw: bool
    reads_answers: bool


def may_read_answers(user, reflection: Reflection) -> bool:
    """Open answers (and the group's texts) by the sharing level: steerers and members of the
    reflection's organisation always; partners (invited organisations, programme partners) from
    "partners" up; anyone who sees the reflection from "associatie" up."""
    if can_steer(user, reflection):
        return True
    own = set(user.memberships.values_list("organisation_id", flat=True))
    if reflection.organisation_id in own:
        return True
    if reflection.sharing == SharingLevel.OWN:
        return False
    if reflection.sharing in (SharingLevel.ASSOCIATION, SharingLevel.PUBLIC):
        return True
    partners = set(reflection.invited_organisations.values_list("pk", flat=True))
    if reflection.programme_id:
        partners |= set(reflection.programme.partners.values_list("pk", flat=True))
        partners.add(reflection.programme.organisation_id)
    return bool(partners & own)


def sees_raw_counts(user, reflection: Reflection) -> bool:
    if can_steer(user, reflection):
        return True
    return user.memberships.filter(organisation_id=reflection.organisation_id).exists()


def snapshot_value(value) -> object:
    """A snapshot value as shown: numbers the Dutch way, lists joined, booleans ja/nee."""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, int):
        return fmt.number(value, 0)
    if isinstance(value, float):
        return fmt.number(value, 0 if value.is_integer() else 1)
    if isinstance(value, list):
        parts = []
        for v in value:
            if isinstance(v, (list, tuple)) and len(v) == 2:
                parts.append(f"{v[0]}: {snapshot_value(v[1])}")
            elif isinstance(v, (list, tuple)) and len(v) == 3:
                parts.append(f"{v[0]} {v[1]}: {snapshot_value(v[2])}")
            else:
                parts.append(str(snapshot_value(v)))
        return "; ".join(parts)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {snapshot_value(v)}" for k, v in value.items())
    if value is None:
        return "–"
    return str(value)


def cold_rows(snapshot: dict) -> list[tuple[str, object]]:
    """(label, raw value) per snapshot key, known keys first in their order."""
    keys = [k for k in SNAPSHOT_LABELS if k in snapshot]
    keys += [k for k in snapshot if k not in SNAPSHOT_LABELS]
    rows = []
    for k in keys:
        value = snapshot[k]
        if k == "verdict" and value in Verdict.values:
            value = str(Verdict(value).label)
        elif k == "status" and value in ImprovementAction.Status.values:
            value = str(ImprovementAction.Status(value).label)
        rows.append((str(SNAPSHOT_LABELS.get(k, k)), value))
    return rows


def _count(n: int, raw: bool) -> Count:
    return shown(n) if raw else protect_count(n)


def live_result(question: LiveQuestion, answers: list, raw: bool, reads: bool) -> LiveResult:
    visible = [a for a in answers if not a.hidden]
    total = len(visible)
    result = LiveResult(question=question, answers=_count(total, raw))
    if question.kind == LiveQuestion.Kind.OPEN:
        if reads:
            result.texts = [a.text for a in visible if a.promoted and a.text]
        return result
    if question.kind == LiveQuestion.Kind.RECOGNISE:
        options = [(value, str(label)) for value, label in RECOGNISE_CHOICES]
        values = [a.choice for a in visible]
    elif question.kind == LiveQuestion.Kind.SCALE:
        options = [(n, str(n)) for n in range(question.scale_min, question.scale_max + 1)]
        values = [a.number for a in visible]
    else:
        options = [(c, c) for c in question.choices]
        values = [a.choice for a in visible]
    numbers = [sum(1 for v in values if v == value) for value, _label in options]
    if raw:
        counts = [shown(n) for n in numbers]
    else:  # complementary suppression: no small count follows from the total and the others
        table = protect_table(numbers)
        counts, result.answers = table.cells, table.total
    for (_value, label), n, count in zip(options, numbers, counts, strict=True):
        percent = 100 * n / total if total and count.shown and (raw or total >= 5) else None
        result.bars.append(Bar(label, count, percent))
    if question.kind == LiveQuestion.Kind.SCALE and total and (raw or total >= 5):
        given = [v for v in values if v is not None]
        if given and (raw or all(b.count.shown for b in result.bars)):
            result.mean = fmt.number(sum(given) / len(given), 1)
    return result


def minutes(reflection: Reflection, user) -> Minutes:
    raw = sees_raw_counts(user, reflection)
    reads = may_read_answers(user, reflection)
    items = list(
        reflection.items.filter(included=True).select_related(
            "indicator", "result", "activity", "questionnaire", "measurement_plan", "action"
        )
    )
    questions = list(reflection.questions.prefetch_related("answers").order_by("order", "pk"))
    decisions = list(
        reflection.decisions.select_related("activity", "result", "item").order_by("pk")
    )
    actions = list(
        reflection.actions.select_related("owner_organisation", "owner_user", "item").order_by(
            "due_date", "pk"
        )
    )
    item_ids = {i.pk for i in items}
    out = []
    for item in items:
        live = [
            live_result(q, list(q.answers.all()), raw, reads)
            for q in questions
            if q.item_id == item.pk
        ]
        out.append(
            ItemMinutes(
                item=item,
                cold=cold_rows(item.snapshot or {}),
                answers=[
                    (
                        str(AgendaItem._meta.get_field(k).verbose_name),
                        getattr(item, k) if reads else "",
                    )
                    for k in KEY_QUESTIONS
                ],
                live=live,
                warm=[t for r in live for t in r.texts],
                decisions=[d for d in decisions if d.item_id == item.pk],
                actions=[a for a in actions if a.item_id == item.pk],
            )
        )
    return Minutes(
        reflection=reflection,
        items=out,
        decisions=[d for d in decisions if d.item_id not in item_ids],
        actions=[a for a in actions if a.item_id not in item_ids],
        raw=raw,
        reads_answers=reads,
    )
