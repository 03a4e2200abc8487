"""Outcome figures from answers and entered counts: plain functions on plain data, no HTTP and no
database (the selectors read the rows; README.md beside this file states every rule with a
worked example).

- `summarise(question, answers, ...)`: the distribution of one question of one questionnaire
  (every value of the scale, also zeros; entered counts of the same measure added and labelled),
  n, mean, median, the share "voldoende", the extremes with the open answers of those
  respondents; counts per option for a multiple choice; the open answers of a text question.
- `pair_changes(question, pairs)`: the change per participant between voormeting and
  eindmeting (answers linked by their card), in the five afname-problematiek categories.
- `group_change(pre, post)`: mean before against mean after, when there are no pairs.
- `dropout(...)`: counts per reason code 1–5; `reach(...)`: reached against the plan.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from duiding.outcomes.definition import choice_values, scale_values, text
from duiding.outcomes.standard import CHANGE_CATEGORIES

# The share "voldoende" per standard measure: the lowest value that counts (README.md).
SUFFICIENT_FROM = {"tevredenheid": 6, "doelrealisatie": 1, "verder_zonder_hulp": 3}
EXTREME_TEXTS = 10  # open answers shown per extreme at most
DROPOUT_CODES = ["1", "2", "3", "4", "5"]
CLIENT_ENDED = "3"  # "Voortijdig: eenzijdig door de cliënt" (the seed's dropout indicator)


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer as read from the database: Answer.number / choice / text of one response."""

    response: int
    number: float | None = None
    choice: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class ValueRow:
    value: str
    label: str
    answered: int
    entered: int = 0

    @property
    def count(self) -> int:
        return self.answered + self.entered


@dataclass(frozen=True, slots=True)
class Extreme:
    value: float
    count: int
    texts: list[str]


@dataclass
class QuestionSummary:
    key: str
    kind: str
    measure: str
    label: str
    rows: list[ValueRow] = field(default_factory=list)
    answered: int = 0  # respondents who answered the question
    entered: int = 0  # entered counts added (EnteredCount)
    mean: float | None = None
    median: float | None = None
    sufficient_from: float | None = None  # the lowest value that counts as voldoende
    lowest: Extreme | None = None
    highest: Extreme | None = None
    texts: list[str] = field(default_factory=list)  # open answers (text questions)

    @property
    def n(self) -> int:
        return self.answered + self.entered

    @property
    def additive(self) -> bool:
        """The cells add up to n (not so for a multiple choice: one person, several options)."""
        return self.kind != "multiple"

    @property
    def numeric(self) -> bool:
        return self.kind in ("scale", "number")

    @property
    def sufficient_rows(self) -> list[int]:
        if self.sufficient_from is None:
            return []
        return [i for i, r in enumerate(self.rows) if _num(r.value) >= self.sufficient_from]

    @property
    def sufficient(self) -> int | None:
        if self.sufficient_from is None:
            return None
        return sum(self.rows[i].count for i in self.sufficient_rows)

    @property
    def sufficient_share(self) -> float | None:
        if self.sufficient is None or not self.n:
            return None
        return 100 * self.sufficient / self.n


def _num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def sufficient_from(question: dict) -> float | None:
    """The lowest value that counts as voldoende: the seed's rule for the school mark (6), goal
    realisation 1 or 2 (deels of geheel behaald), zonder hulp verder 3 or 4 (mee eens); another
    scale: above its middle (a 1–5 scale: 4 and 5). None for other kinds of question."""
    if question.get("kind") != "scale":
        return None
    if question.get("measure") in SUFFICIENT_FROM:
        return SUFFICIENT_FROM[question["measure"]]
    low, high = int(question["min"]), int(question["max"])
    return math.floor((low + high) / 2) + 1


def _labels(question: dict, language: str) -> dict[str, str]:
    return {c["value"]: text(c["label"], language) for c in question.get("choices") or []}


def _rows(question: dict, counts: Counter, entered: dict[str, int], language: str):
    labels = _labels(question, language)
    kind = question["kind"]
    if kind == "scale":
        values = [str(v) for v in scale_values(question)]
    elif kind in ("single", "multiple"):
        values = choice_values(question)
    else:  # number: the values given
        values = sorted({*counts, *entered}, key=_num)
    extra = sorted({*counts, *entered} - set(values), key=str)  # e.g. a choice since removed
    return [
        ValueRow(v, labels.get(v) or _format_value(v), counts.get(v, 0), int(entered.get(v, 0)))
        for v in [*values, *extra]
    ]


def _format_value(value: str) -> str:
    number = _num(value)
    if math.isnan(number):
        return value
    if number == int(number):
        return str(int(number))
    return str(number).replace(".", ",")


def _key(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def summarise(
    question: dict,
    answers: list[AnswerRow],
    *,
    entered: dict[str, int] | None = None,
    texts: dict[int, list[str]] | None = None,
    language: str = "nl",
) -> QuestionSummary:
    """The figures of one question of one questionnaire from its answers (see the module
    docstring). `entered`: counts per answer value from entered figures of the same measure;
    `texts`: per response the open answers in it (for the extremes)."""
    kind = question["kind"]
    if kind == "text":
        found = [a for a in answers if a.text.strip()]
        return summarise_counts(
            question,
            {},
            respondents=len({a.response for a in found}),
            texts=[a.text for a in found],
            language=language,
        )
    if kind in ("scale", "number"):
        by_response = {a.response: a.number for a in answers if a.number is not None}
        counts = Counter(_key(float(v)) for v in by_response.values())
        lowest = highest = None
        if by_response:
            low, high = min(by_response.values()), max(by_response.values())
            lowest = _extreme(low, by_response, texts or {})
            highest = _extreme(high, by_response, texts or {}) if high != low else None
        return summarise_counts(
            question,
            counts,
            respondents=len(by_response),
            entered=entered,
            extremes=(lowest, highest),
            language=language,
        )
    chosen: dict[int, set[str]] = defaultdict(set)
    for a in answers:
        if a.choice:
            chosen[a.response].add(a.choice)
    counts = Counter(c for values in chosen.values() for c in values)
    return summarise_counts(
        question, counts, respondents=len(chosen), entered=entered, language=language
    )


def summarise_counts(
    question: dict,
    counts: dict[str, int],
    *,
    respondents: int,
    entered: dict[str, int] | None = None,
    extremes: tuple[Extreme | None, Extreme | None] = (None, None),
    texts: list[str] | None = None,
    language: str = "nl",
) -> QuestionSummary:
    """The same figures from counts per answer value (as the database groups them):
    `respondents` who answered, the extremes found by the caller, the open answers of a text
    question."""
    entered = {str(k): int(v) for k, v in (entered or {}).items() if int(v)}
    kind = question["kind"]
    summary = QuestionSummary(
        key=question["key"],
        kind=kind,
        measure=question.get("measure") or "",
        label=text(question.get("label"), language),
        answered=respondents,
    )
    if kind == "text":
        summary.texts = list(texts or [])
        return summary
    summary.rows = _rows(question, Counter(counts), entered, language)
    summary.entered = sum(entered.values()) if kind != "multiple" else 0
    if summary.numeric:
        summary.mean, summary.median = _mean_median(summary.rows)
        summary.lowest, summary.highest = extremes
    summary.sufficient_from = sufficient_from(question)
    return summary


def _mean_median(rows: list[ValueRow]) -> tuple[float | None, float | None]:
    """Mean and median of the values weighted by their counts (answers and entered)."""
    pairs = sorted(
        (_num(r.value), r.count) for r in rows if r.count and not math.isnan(_num(r.value))
    )
    n = sum(c for _v, c in pairs)
    if not n:
        return None, None
    mean = sum(v * c for v, c in pairs) / n

    def nth(k: int) -> float:  # the k-th value in order, from 0
        seen = 0
        for v, c in pairs:
            seen += c
            if k < seen:
                return v
        return pairs[-1][0]

    median = nth(n // 2) if n % 2 else (nth(n // 2 - 1) + nth(n // 2)) / 2
    return mean, float(median)


def _extreme(value, by_response: dict[int, float], texts: dict[int, list[str]]) -> Extreme:
    """The respondents who gave `value`, with their open answers (at most EXTREME_TEXTS)."""
    who = sorted(r for r, v in by_response.items() if v == value)
    return extreme(value, who, texts)


def extreme(value, who: list[int], texts: dict[int, list[str]]) -> Extreme:
    found = [t for r in sorted(who) for t in texts.get(r, []) if t.strip()]
    return Extreme(float(value), len(who), found[:EXTREME_TEXTS])


# --- Change between voormeting and eindmeting ------------------------------------------------


def strong_change(question: dict) -> int:
    """Scale points from which a change counts as strong: 2, or 20 % of the range when that is
    more (rounded up): 1–10 -> 2, 1–4 -> 2, 0–20 -> 4."""
    span = int(question["max"]) - int(question["min"])
    return max(2, math.ceil(0.2 * span))


def classify(change: float, strong: int) -> str:
    """One of the five afname-problematiek categories (higher on the scale is better)."""
    if change >= strong:
        return "sterke_verbetering"
    if change > 0:
        return "matige_verbetering"
    if change == 0:
        return "stabilisatie"
    if change > -strong:
        return "matige_verslechtering"
    return "sterke_verslechtering"


@dataclass
class PairChange:
    key: str
    label: str
    strong: int
    counts: list[tuple[str, str, int]]  # (category, label, count), best first
    mean_change: float | None

    @property
    def n(self) -> int:
        return sum(c for _k, _l, c in self.counts)


def pair_changes(question: dict, pairs: list[tuple[float, float]], *, language: str = "nl"):
    """Per participant (one card: a voormeting and an eindmeting answer) the change post − pre,
    counted in the five categories."""
    strong = strong_change(question)
    found = Counter(classify(post - pre, strong) for pre, post in pairs)
    counts = [(key, str(label), found.get(key, 0)) for key, label in CHANGE_CATEGORIES]
    mean = statistics.fmean(post - pre for pre, post in pairs) if pairs else None
    return PairChange(question["key"], text(question.get("label"), language), strong, counts, mean)


@dataclass
class GroupChange:
    key: str
    label: str
    pre_mean: float | None
    post_mean: float | None
    pre_n: int
    post_n: int

    @property
    def difference(self) -> float | None:
        if self.pre_mean is None or self.post_mean is None:
            return None
        return self.post_mean - self.pre_mean


def group_change(pre: QuestionSummary, post: QuestionSummary) -> GroupChange:
    """Mean of the voormeting against the mean of the eindmeting (different people possibly)."""
    return GroupChange(pre.key, post.label, pre.mean, post.mean, pre.n, post.n)


# --- Dropout and reach -----------------------------------------------------------------------


@dataclass
class Dropout:
    rows: list[ValueRow]  # reason codes 1–5 with their labels

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)

    @property
    def client_ended(self) -> int:
        return next(r.count for r in self.rows if r.value == CLIENT_ENDED)

    @property
    def client_share(self) -> float | None:
        return 100 * self.client_ended / self.total if self.total else None

    @property
    def client_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if r.value == CLIENT_ENDED]


def dropout(answered: dict[str, int], entered: dict[str, int], labels: dict[str, str]) -> Dropout:
    """Reason codes 1–5 (every code shown, also zeros): answers plus entered counts."""
    return Dropout(
        [
            ValueRow(code, labels.get(code, code), answered.get(code, 0), entered.get(code, 0))
            for code in DROPOUT_CODES
        ]
    )


@dataclass
class ReachPeriod:
    start: object
    end: object
    reached: int | None
    target: int | None
    no_shows: int | None

    @property
    def share(self) -> float | None:
        if self.reached is None or not self.target:
            return None
        return 100 * self.reached / self.target


@dataclass
class Reach:
    planned: int | None
    planned_source: str  # what the plan figure is (Dutch)
    periods: list[ReachPeriod]

    @property
    def reached(self) -> int | None:
        """The latest period with a reached figure (periods are not added: they may overlap)."""
        found = [p for p in self.periods if p.reached is not None]
        return found[-1].reached if found else None

    @property
    def share(self) -> float | None:
        if self.reached is None or not self.planned:
            return None
        return 100 * self.reached / self.planned


def reach(activity_reach, target_group_size, periods: list[ReachPeriod]) -> Reach:
    """Reached against the plan: the target of the latest entered period, else the activity's
    planned reach, else the size of its target group."""
    targets = [p.target for p in periods if p.target]
    if targets:
        return Reach(targets[-1], _("beoogd bereik uit de ingevoerde cijfers"), periods)
    if activity_reach:
        return Reach(activity_reach, _("bereik uit het plan van de activiteit"), periods)
    if target_group_size:
        return Reach(target_group_size, _("omvang van de doelgroep"), periods)
    return Reach(None, "", periods)
