"""What a reader may see of the outcome figures (`aggregation`): everything for a member of the
activity's own organisation (raw), the suppressed aggregates for everybody else
(`suppression`). Plain functions, no database; README.md states the rules.

Every figure becomes text the templates, exports and the API show as is: a `Count` (a number,
"minder dan 5" or "niet getoond") or a formatted number, or None with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from duiding.core import formatting as fmt
from duiding.outcomes.aggregation import (
    Dropout,
    Extreme,
    GroupChange,
    PairChange,
    QuestionSummary,
    Reach,
)
from duiding.outcomes.suppression import (
    THRESHOLD,
    Count,
    open_table,
    protect_count,
    protect_table,
    shown,
)

MEAN_DECIMALS = 1
SHARE_DECIMALS = 0


def number_text(value: float | None, decimals: int = MEAN_DECIMALS) -> str | None:
    return None if value is None else fmt.number(value, decimals)


def share_text(value: float | None) -> str | None:
    return None if value is None else f"{fmt.number(value, SHARE_DECIMALS)}%"


@dataclass
class ShownRow:
    value: str
    label: str
    count: Count
    answered: Count | None  # raw viewers only: the part from answers
    entered: Count | None  # raw viewers only: the part from entered figures


@dataclass
class ShownSummary:
    summary: QuestionSummary
    rows: list[ShownRow]
    n: Count
    mean: str | None
    median: str | None
    sufficient: Count | None
    sufficient_share: str | None
    lowest: Extreme | None = None
    highest: Extreme | None = None
    texts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # why a figure is not shown

    @property
    def suppressed(self) -> bool:
        return any(not r.count.shown for r in self.rows) or not self.n.shown


def _summary_figures(summary: QuestionSummary, table, *, raw: bool) -> dict:
    if summary.additive and summary.kind != "text":
        n = table.total
    else:
        n = shown(summary.n) if raw else protect_count(summary.n)
    notes: list[str] = []
    mean = median = None
    if summary.mean is not None:
        if raw:
            mean, median = number_text(summary.mean), number_text(summary.median)
        elif summary.n < THRESHOLD or not n.shown:
            notes.append(_("Gemiddelde en mediaan staan er niet: minder dan 5 antwoorden."))
        elif _mean_safe(summary, table):
            mean, median = number_text(summary.mean), number_text(summary.median)
        else:
            notes.append(
                _(
                    "Gemiddelde en mediaan staan er niet: samen met de getoonde aantallen zou "
                    "een klein aantal uit te rekenen zijn."
                )
            )
    sufficient = share = None
    if summary.sufficient is not None:
        sufficient = table.subtotals["voldoende"]
        if sufficient.shown and n.shown and (raw or summary.n >= THRESHOLD):
            share = share_text(summary.sufficient_share)
    return {
        "n": n,
        "mean": mean,
        "median": median,
        "sufficient": sufficient,
        "sufficient_share": share,
        "notes": notes,
    }


def _mean_safe(summary: QuestionSummary, table) -> bool:
    """The mean (rounded to one decimal) with the shown counts gives no small count away."""
    weights = [float(r.value) for r in summary.rows]
    if not table.any_suppressed:
        return True
    half = 0.5 * 10**-MEAN_DECIMALS
    low, high = summary.n * (summary.mean - half), summary.n * (summary.mean + half)
    return table.safe_with(weights, low, high)


def disclose(summary: QuestionSummary, *, raw: bool, texts_shareable: bool) -> ShownSummary:
    """One question's figures as the reader may see them."""
    counts = [r.count for r in summary.rows]
    subtotals = {"voldoende": summary.sufficient_rows} if summary.sufficient is not None else {}
    if raw:
        table = open_table(counts, subtotals)
    elif summary.additive:
        table = protect_table(counts, subtotals)
    else:  # a multiple choice: cells do not add up to n, each is protected on its own
        table = open_table(counts, subtotals)
        table.cells[:] = [protect_count(c) for c in counts]
    rows = [
        ShownRow(
            r.value,
            r.label,
            table.cells[i],
            shown(r.answered) if raw else None,
            shown(r.entered) if raw else None,
        )
        for i, r in enumerate(summary.rows)
    ]
    shown_summary = ShownSummary(summary, rows, **_summary_figures(summary, table, raw=raw))
    if raw:
        shown_summary.lowest, shown_summary.highest = summary.lowest, summary.highest
        shown_summary.texts = summary.texts
    elif summary.kind == "text" and texts_shareable and summary.answered >= THRESHOLD:
        shown_summary.texts = summary.texts
    elif summary.kind == "text":
        shown_summary.notes.append(
            _("Open antwoorden worden alleen binnen de eigen organisatie getoond.")
            if not texts_shareable
            else _("Open antwoorden staan er niet: minder dan 5 antwoorden.")
        )
    return shown_summary


@dataclass
class ShownChange:
    change: PairChange
    counts: list[tuple[str, str, Count]]
    n: Count
    mean_change: str | None


def disclose_pairs(change: PairChange, *, raw: bool) -> ShownChange:
    values = [c for _k, _l, c in change.counts]
    table = open_table(values) if raw else protect_table(values)
    mean = None
    if change.mean_change is not None and (raw or (table.total.shown and change.n >= THRESHOLD)):
        mean = fmt.difference_text(change.mean_change, "count", MEAN_DECIMALS)
    return ShownChange(
        change,
        [(k, label, table.cells[i]) for i, (k, label, _c) in enumerate(change.counts)],
        table.total,
        mean,
    )


@dataclass
class ShownGroupChange:
    change: GroupChange
    pre_mean: str | None
    post_mean: str | None
    difference: str | None


def disclose_group(change: GroupChange, pre: ShownSummary, post: ShownSummary) -> ShownGroupChange:
    """Both means only as far as each column shows its own mean."""
    difference = None
    if pre.mean is not None and post.mean is not None and change.difference is not None:
        difference = fmt.difference_text(change.difference, "count", MEAN_DECIMALS)
    return ShownGroupChange(change, pre.mean, post.mean, difference)


@dataclass
class ShownDropout:
    dropout: Dropout
    rows: list[ShownRow]
    total: Count
    client_share: str | None


def disclose_dropout(dropout: Dropout, *, raw: bool) -> ShownDropout:
    counts = [r.count for r in dropout.rows]
    table = open_table(counts) if raw else protect_table(counts)
    rows = [
        ShownRow(
            r.value,
            r.label,
            table.cells[i],
            shown(r.answered) if raw else None,
            shown(r.entered) if raw else None,
        )
        for i, r in enumerate(dropout.rows)
    ]
    client = table.cells[dropout.client_rows[0]]
    share = None
    if client.shown and table.total.shown and (raw or dropout.total >= THRESHOLD):
        share = share_text(dropout.client_share)
    return ShownDropout(dropout, rows, table.total, share)


@dataclass
class ShownPeriod:
    start: object
    end: object
    reached: Count | None
    target: int | None
    no_shows: Count | None
    share: str | None


@dataclass
class ShownReach:
    reach: Reach
    reached: Count | None
    share: str | None
    periods: list[ShownPeriod]


def _count(value, raw: bool) -> Count | None:
    if value is None:
        return None
    return shown(value) if raw else protect_count(value)


def disclose_reach(reach: Reach, *, raw: bool) -> ShownReach:
    periods = []
    for p in reach.periods:
        reached = _count(p.reached, raw)
        share = share_text(p.share) if reached is not None and reached.shown else None
        periods.append(
            ShownPeriod(p.start, p.end, reached, p.target, _count(p.no_shows, raw), share)
        )
    reached = _count(reach.reached, raw)
    share = share_text(reach.share) if reached is not None and reached.shown else None
    return ShownReach(reach, reached, share, periods)
