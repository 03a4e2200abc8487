"""Suppression of small counts for a reader across an organisation's boundary (README.md, beside
this file, states every rule with a worked example).

A table of counts is a list of *variables* (the cells and every total or subtotal that is
published) tied together by *equations* (a total is the sum of its parts). `protect` returns the
state of every variable:

- SHOWN: the number is published;
- SMALL: a count from 1 to 4, published as "minder dan 5" (primary suppression; 0 is shown);
- HIDDEN: a count of 5 or more that is not published because, with it, a small count could be
  worked out by subtraction (complementary suppression).

The audit assumes the worst reader: one who knows which cells are SMALL (1–4) and which are
HIDDEN (5 or more) and solves every equation with what is shown (interval reasoning on integers,
repeated until nothing changes). Whenever a suppressed variable comes out at one value, one more
variable of that equation is hidden (the smallest non-zero shown cell, otherwise the total) and
the audit runs again. A summary figure that adds an equation (the mean: the sum of value x count)
is published only when the table stays safe with it (`safe_with`).
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass

from django.utils.translation import gettext as _

from duiding.core import formatting as fmt

THRESHOLD = 5
SHOWN, SMALL, HIDDEN = "shown", "small", "hidden"
_BIG = 10**9  # "no upper bound" in the interval reasoning
_MAX_SWEEPS = 200
# Search budgets (nodes) of the exact check: a table too large to settle within it falls back
# to interval reasoning (`protect`) or is not published (a summary figure, `safe_with`).
PROTECT_NODES = 3000
SUMMARY_NODES = 1500
SEARCH_SECONDS = 0.02

# An equation: [(variable index, weight), ...] whose weighted sum lies in [low, high].
Terms = list[tuple[int, float]]


@dataclass(frozen=True, slots=True)
class Count:
    """A count as a reader sees it: the number, or why it is not shown."""

    value: int | None
    state: str = SHOWN

    @property
    def shown(self) -> bool:
        return self.state == SHOWN

    @property
    def text(self) -> str:
        if self.state == SMALL:
            return _("minder dan 5")
        if self.state == HIDDEN:
            return _("niet getoond")
        return fmt.number(self.value, 0)

    def __str__(self) -> str:
        return self.text


def shown(value: int) -> Count:
    return Count(int(value), SHOWN)


def _bounds(values: list[int], states: list[str]) -> list[list[int]]:
    """What the reader knows of each variable before solving."""
    total = max([*values, 0]) * max(1, len(values))
    upper = max(total, THRESHOLD)
    out = []
    for value, state in zip(values, states, strict=True):
        if state == SHOWN:
            out.append([value, value])
        elif state == SMALL:
            out.append([1, THRESHOLD - 1])
        else:
            out.append([THRESHOLD, upper if upper < _BIG else _BIG])
    return out


def _tighten(bounds: list[list[int]], equations: list[tuple[Terms, float, float]]) -> bool:
    """Interval propagation to a fixed point: each variable of each equation gets the range the
    other variables leave it (integers: low rounded up, high rounded down)."""
    for _sweep in range(_MAX_SWEEPS):
        changed = False
        for terms, low, high in equations:
            mins = [w * (bounds[i][0] if w > 0 else bounds[i][1]) for i, w in terms]
            maxs = [w * (bounds[i][1] if w > 0 else bounds[i][0]) for i, w in terms]
            sum_min, sum_max = sum(mins), sum(maxs)
            for k, (i, w) in enumerate(terms):
                rest_min, rest_max = sum_min - mins[k], sum_max - maxs[k]
                lo_w, hi_w = low - rest_max, high - rest_min  # range of w * x_i
                lo, hi = (lo_w / w, hi_w / w) if w > 0 else (hi_w / w, lo_w / w)
                new_lo = max(bounds[i][0], math.ceil(lo - 1e-9))
                new_hi = min(bounds[i][1], math.floor(hi + 1e-9))
                if new_lo > new_hi:  # no solution within these bounds
                    return False
                if (new_lo, new_hi) != (bounds[i][0], bounds[i][1]):
                    bounds[i][0], bounds[i][1] = new_lo, new_hi
                    changed = True
                    mins = [w2 * (bounds[j][0] if w2 > 0 else bounds[j][1]) for j, w2 in terms]
                    maxs = [w2 * (bounds[j][1] if w2 > 0 else bounds[j][0]) for j, w2 in terms]
                    sum_min, sum_max = sum(mins), sum(maxs)
        if not changed:
            return True
    return True


def _with_differences(equations: list[Terms]) -> list[Terms]:
    """The equations and, for two that share variables, their difference when it is shorter
    (a total minus a subtotal: the cells outside the subtotal add up to their difference),
    which interval reasoning on the two alone does not see."""
    out = list(equations)
    as_dicts = [dict(terms) for terms in equations]
    for a, b in itertools.permutations(as_dicts, 2):
        if not set(a) & set(b):
            continue
        diff = {k: a.get(k, 0.0) - b.get(k, 0.0) for k in set(a) | set(b)}
        diff = {k: w for k, w in diff.items() if w}
        if diff and len(diff) < len(a):
            out.append(sorted(diff.items()))
    return out


def derivable(values: list[int], states: list[str], equations: list[Terms], extra=()) -> list[int]:
    """Indexes of suppressed variables the reader can work out exactly. `equations` sum to 0;
    `extra` holds (terms, low, high) equations of published summary figures."""
    bounds = _bounds(values, states)
    system = [(terms, 0.0, 0.0) for terms in _with_differences(equations)] + list(extra)
    _tighten(bounds, system)
    return [i for i, state in enumerate(states) if state != SHOWN and bounds[i][0] == bounds[i][1]]


class _Budget:
    """Nodes and time (SEARCH_SECONDS) a search may use."""

    def __init__(self, nodes: int):
        self.left = nodes
        self.until = time.perf_counter() + SEARCH_SECONDS

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0 or (self.left % 50 == 0 and time.perf_counter() > self.until):
            raise OverflowError


def _solve(bounds, system, budget: _Budget) -> list[int] | None:
    """One integer solution within `bounds` (depth-first search with interval propagation), or
    None when there is none. Raises OverflowError when the search budget runs out."""
    budget.spend()
    bounds = [list(b) for b in bounds]
    if not _tighten(bounds, system):
        return None
    free = [i for i, (lo, hi) in enumerate(bounds) if lo < hi]
    if not free:
        values = [lo for lo, _hi in bounds]
        for terms, low, high in system:
            total = sum(w * values[i] for i, w in terms)
            if not low - 1e-9 <= total <= high + 1e-9:
                return None
        return values
    i = min(free, key=lambda k: bounds[k][1] - bounds[k][0])
    for value in range(bounds[i][0], bounds[i][1] + 1):
        bounds[i] = [value, value]
        found = _solve(bounds, system, budget)
        if found is not None:
            return found
    return None


def derivable_exact(values, states, equations, extra=(), nodes: int = 20_000) -> list[int] | None:
    """Like `derivable`, but exact: a suppressed variable counts as protected only when two
    integer solutions of the whole system give it different values. None when the search is
    too large to finish (the caller decides what that means)."""
    bounds = _bounds(values, states)
    system = [(terms, 0.0, 0.0) for terms in _with_differences(equations)] + list(extra)
    budget = _Budget(nodes)
    try:
        base = _solve(bounds, system, budget)
        if base is None:
            return [i for i, s in enumerate(states) if s != SHOWN]
        exposed = []
        for i, state in enumerate(states):
            if state == SHOWN:
                continue
            other = None
            for lo, hi in ((bounds[i][0], base[i] - 1), (base[i] + 1, bounds[i][1])):
                if lo > hi:
                    continue
                trial = [list(b) for b in bounds]
                trial[i] = [lo, hi]
                other = _solve(trial, system, budget)
                if other is not None:
                    break
            if other is None:
                exposed.append(i)
        return exposed
    except OverflowError:
        return None


def _pick(values, states, equations, exposed: list[int], totals: set[int]) -> int | None:
    """The variable to hide next to protect the `exposed` ones: in an equation of one of them,
    the smallest non-zero shown part, otherwise the smallest shown total."""
    candidates = []
    for terms in equations:
        indexes = [i for i, _w in terms]
        if not set(exposed) & set(indexes):
            continue
        for i in indexes:
            if states[i] == SHOWN and values[i] > 0:
                candidates.append((i in totals, values[i], i))
    if not candidates:
        return None
    return min(candidates)[2]


def protect(values: list[int], equations: list[Terms], totals: set[int]) -> list[str]:
    """The state of each variable (SHOWN / SMALL / HIDDEN); see the module docstring.
    `equations` are weighted sums equal to 0 (a total minus its parts); `totals` are the indexes
    of variables that are totals (hidden only when no part can be)."""
    states = [SMALL if 0 < v < THRESHOLD else SHOWN for v in values]
    for _round in range(len(values) + 1):
        exposed = derivable_exact(values, states, equations, nodes=PROTECT_NODES)
        if exposed is None:  # too large to search: interval reasoning only
            exposed = derivable(values, states, equations)
        if not exposed:
            return states
        choice = _pick(values, states, equations, exposed, totals)
        if choice is None:  # nothing left to hide (a total under 5): show no count at all,
            # zeros included ("minder dan 5" is true of 0 as well)
            return [SMALL if v < THRESHOLD else HIDDEN for v in values]
        states[choice] = HIDDEN if values[choice] >= THRESHOLD else SMALL
    return states


# --- Tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProtectedTable:
    """One distribution: its cells, its total and named subtotals (e.g. "voldoende"), each a
    Count, and the states for the audit of summary figures (`safe_with`)."""

    cells: list[Count]
    total: Count
    subtotals: dict[str, Count]
    values: list[int]
    states: list[str]
    equations: list[Terms]

    @property
    def any_suppressed(self) -> bool:
        return any(s != SHOWN for s in self.states)

    def safe_with(self, weights: list[float], low: float, high: float) -> bool:
        """Whether publishing Σ weight_i × cell_i ∈ [low, high] (e.g. the mean times n, within
        its rounding) keeps every suppressed count from being worked out."""
        terms = [(i, float(w)) for i, w in enumerate(weights) if w]
        extra = [(terms, low, high)]
        exposed = derivable_exact(
            self.values, self.states, self.equations, extra, nodes=SUMMARY_NODES
        )
        return exposed == []  # None: too large to be sure, so not shown


def protect_table(cells: list[int], subtotals: dict[str, list[int]] | None = None):
    """A distribution protected for a reader across the boundary: cells 1–4 "minder dan 5",
    complementary suppression so no cell follows from the total, the other cells or a subtotal
    (`subtotals` name the cell indexes they add up, e.g. {"voldoende": [5, 6, 7, 8, 9]})."""
    subtotals = subtotals or {}
    n = len(cells)
    values = [int(c) for c in cells] + [sum(cells)]
    total = n
    equations: list[Terms] = [[*((i, 1.0) for i in range(n)), (total, -1.0)]]
    names = list(subtotals)
    for name in names:
        parts = subtotals[name]
        values.append(sum(cells[i] for i in parts))
        equations.append([*((i, 1.0) for i in parts), (len(values) - 1, -1.0)])
    totals = set(range(n, len(values)))
    states = protect(values, equations, totals)
    counts = [Count(v if s == SHOWN else None, s) for v, s in zip(values, states, strict=True)]
    return ProtectedTable(
        cells=counts[:n],
        total=counts[n],
        subtotals={name: counts[n + 1 + k] for k, name in enumerate(names)},
        values=values,
        states=states,
        equations=equations,
    )


def open_table(cells: list[int], subtotals: dict[str, list[int]] | None = None):
    """The same shape as `protect_table`, everything shown (for a raw viewer)."""
    subtotals = subtotals or {}
    values = [int(c) for c in cells] + [sum(cells)]
    values += [sum(cells[i] for i in parts) for parts in subtotals.values()]
    n = len(cells)
    counts = [shown(v) for v in values]
    return ProtectedTable(
        cells=counts[:n],
        total=counts[n],
        subtotals={name: counts[n + 1 + k] for k, name in enumerate(subtotals)},
        values=values,
        states=[SHOWN] * len(values),
        equations=[],
    )


@dataclass(frozen=True)
class ProtectedGrid:
    """A two-way table (rows x columns) with its margins."""

    cells: list[list[Count]]
    row_totals: list[Count]
    column_totals: list[Count]
    total: Count
    states: list[str]


def protect_grid(grid: list[list[int]]) -> ProtectedGrid:
    """A rows x columns table with row totals, column totals and the grand total, protected the
    same way: no suppressed cell or margin follows from any row, column or the margins."""
    rows, cols = len(grid), len(grid[0]) if grid else 0
    values = [int(v) for row in grid for v in row]
    cell = lambda r, c: r * cols + c  # noqa: E731
    row_total = [len(values) + r for r in range(rows)]
    values += [sum(row) for row in grid]
    col_total = [len(values) + c for c in range(cols)]
    values += [sum(grid[r][c] for r in range(rows)) for c in range(cols)]
    grand = len(values)
    values.append(sum(values[: rows * cols]))
    equations: list[Terms] = []
    for r in range(rows):
        equations.append([*((cell(r, c), 1.0) for c in range(cols)), (row_total[r], -1.0)])
    for c in range(cols):
        equations.append([*((cell(r, c), 1.0) for r in range(rows)), (col_total[c], -1.0)])
    equations.append([*((i, 1.0) for i in row_total), (grand, -1.0)])
    equations.append([*((i, 1.0) for i in col_total), (grand, -1.0)])
    totals = {*row_total, *col_total, grand}
    states = protect(values, equations, totals)
    counts = [Count(v if s == SHOWN else None, s) for v, s in zip(values, states, strict=True)]
    return ProtectedGrid(
        cells=[[counts[cell(r, c)] for c in range(cols)] for r in range(rows)],
        row_totals=[counts[i] for i in row_total],
        column_totals=[counts[i] for i in col_total],
        total=counts[grand],
        states=states,
    )


def protect_count(value: int | None) -> Count | None:
    """A single published count (reached, no-shows): 1–4 becomes "minder dan 5"."""
    if value is None:
        return None
    return Count(None, SMALL) if 0 < value < THRESHOLD else shown(value)
