"""Suppression across an organisation's boundary (outcomes/suppression.py, README.md): counts 1–4
shown as "minder dan 5", complementary suppression against subtraction, and a summary figure
only when it gives nothing away. Hand-computed tables, then random ones checked by an
independent brute-force reader."""

from __future__ import annotations

import itertools
import random

import pytest

from duiding.outcomes.suppression import (
    HIDDEN,
    SHOWN,
    SMALL,
    protect_count,
    protect_grid,
    protect_table,
)


def texts(table) -> list[str]:
    return [c.text for c in table.cells]


def test_small_counts_read_minder_dan_5_and_zero_is_shown():
    table = protect_table([0, 12, 3, 10])
    assert texts(table)[0] == "0"
    assert texts(table)[2] == "minder dan 5"
    assert table.cells[2].value is None and table.cells[2].state == SMALL


def test_subtraction_attack_total_12_one_category_9_hides_the_9():
    """The issue's example: total 12, one category 9, the other 3. Showing 12 and 9 gives the 3
    away (12 − 9), so the 9 is hidden too."""
    table = protect_table([9, 3])
    assert table.cells[1].state == SMALL
    assert table.cells[0].state == HIDDEN and table.cells[0].value is None
    assert table.total.shown and table.total.value == 12
    assert "9" not in texts(table) and "3" not in texts(table)


def test_two_small_cells_that_add_up_to_their_minimum_are_protected():
    """1 + 1 + 10 = 12: with 12 and 10 shown, the two small cells add up to 2, so each must be 1
    (each is at least 1); the 10 is hidden as well."""
    table = protect_table([1, 1, 10])
    assert [c.state for c in table.cells] == [SMALL, SMALL, HIDDEN]


def test_a_complementary_cell_of_exactly_5_is_not_enough():
    """1 + 5 + 20 = 26: hiding the 1 and the 5 leaves 1 + 5 = 6 known, and with 1–4 and 5 or
    more that can only be 1 and 5; a third cell goes."""
    table = protect_table([1, 5, 20])
    assert [c.state for c in table.cells] == [SMALL, HIDDEN, HIDDEN]
    assert table.total.shown


def test_no_small_counts_nothing_suppressed():
    table = protect_table([10, 10, 10])
    assert texts(table) == ["10", "10", "10"] and table.total.value == 30


def test_small_total_is_suppressed():
    table = protect_table([0, 0, 3])
    assert texts(table) == ["0", "0", "minder dan 5"] and table.total.state == SMALL


def test_table_with_a_total_under_5_that_would_give_cells_away_shows_no_count():
    """1 + 1 + 1 + 1 = 4: four cells of at least 1 under a total under 5 must each be 1; then no
    count is shown at all, the zero included."""
    table = protect_table([1, 1, 0, 1, 1])
    assert texts(table) == ["minder dan 5"] * 5 and table.total.state == SMALL


def test_subtotal_voldoende_cannot_give_a_cell_away():
    """Marks 5 and 6: 3 and 9, voldoende (6 and up) 9, total 12: the subtotal would give the 9
    and then the 3; both the 9 and the subtotal's part are protected."""
    table = protect_table([3, 9], {"voldoende": [1]})
    assert table.cells[0].state == SMALL
    assert not table.cells[1].shown
    assert not table.subtotals["voldoende"].shown


def test_mean_that_gives_a_small_count_away_is_not_safe():
    """Marks 3 (2 people) and 9 (10 people): mean 8,0 of 12. With the total, 3p + 9(12 − p) =
    96 ± 0,6 has one solution, p = 2: the mean may not be shown."""
    table = protect_table([2, 10])
    assert table.total.value == 12
    assert not table.safe_with([3, 9], 12 * 7.95, 12 * 8.05)


def test_mean_of_a_table_without_suppression_is_safe():
    table = protect_table([6, 10])
    assert table.safe_with([3, 9], 0, 1000)


def test_single_counts():
    assert protect_count(3).text == "minder dan 5"
    assert protect_count(0).text == "0"
    assert protect_count(1234).text == "1.234"
    assert protect_count(None) is None


def test_grid_protects_rows_columns_and_margins():
    grid = protect_grid([[3, 9], [10, 10]])
    assert grid.cells[0][0].state == SMALL
    # every row and column that holds the small cell holds a second suppressed cell
    assert not grid.cells[0][1].shown and not grid.cells[1][0].shown
    assert [c.text for c in grid.row_totals] == ["12", "20"]


# --- Property-style checks -------------------------------------------------------------------


def brute_force_values(cells, table, subtotals, limit=300_000):
    """Every value each suppressed cell can take for a reader who knows what is shown, that a
    small cell is 1–4 and a hidden one 5 or more (the total bounds it). None: too many."""
    total = sum(cells)
    # A table whose total is under 5 shows no count at all, zeros included: a small cell may
    # then be 0 as well.
    low = 0 if all(c.state != SHOWN for c in [*table.cells, table.total]) else 1
    domains = []
    for value, count in zip(cells, table.cells, strict=True):
        if count.state == SHOWN:
            domains.append([value])
        elif count.state == SMALL:
            domains.append(range(low, 5))
        else:
            domains.append(range(5, max(total, 5) + 1))
    size = 1
    for d in domains:
        size *= len(d)
    if size > limit:
        return None
    seen = [set() for _ in cells]
    figures = [(table.total, list(range(len(cells))))] + [
        (table.subtotals[name], parts) for name, parts in subtotals.items()
    ]
    for guess in itertools.product(*domains):
        ok = True
        for figure, parts in figures:
            value = sum(guess[i] for i in parts)
            if figure.state == SHOWN and value != figure.value:
                ok = False
            elif figure.state == SMALL and not low <= value <= 4:
                ok = False
            elif figure.state == HIDDEN and value < 5:
                ok = False
            if not ok:
                break
        if ok:
            for i, v in enumerate(guess):
                seen[i].add(v)
    return seen


@pytest.mark.parametrize("with_subtotal", [False, True])
def test_random_tables_no_suppressed_cell_is_derivable(with_subtotal):
    rng = random.Random(11 if with_subtotal else 7)
    checked = 0
    for _ in range(400):
        size = rng.randint(2, 4)
        cells = [rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 9, 12]) for _ in range(size)]
        subtotals = {"voldoende": list(range(size // 2, size))} if with_subtotal else {}
        table = protect_table(cells, subtotals)
        assert all(c.state != SHOWN for v, c in zip(cells, table.cells, strict=True) if 0 < v < 5)
        seen = brute_force_values(cells, table, subtotals)
        if seen is None:
            continue
        checked += 1
        for value, count, options in zip(cells, table.cells, seen, strict=True):
            if count.state != SHOWN:
                assert value in options
                assert len(options) >= 2, (cells, texts(table), table.total.text)
    assert checked > 300


def test_random_grids_no_line_gives_a_cell_away_by_subtraction():
    rng = random.Random(3)
    for _ in range(300):
        rows, cols = rng.randint(2, 3), rng.randint(2, 4)
        grid = [[rng.choice([0, 1, 3, 5, 7, 9, 14]) for _ in range(cols)] for _ in range(rows)]
        p = protect_grid(grid)
        lines = [p.cells[r] + [p.row_totals[r]] for r in range(rows)]
        lines += [[p.cells[r][c] for r in range(rows)] + [p.column_totals[c]] for c in range(cols)]
        lines += [p.row_totals + [p.total], p.column_totals + [p.total]]
        for line in lines:
            hidden = [c for c in line if not c.shown]
            assert len(hidden) != 1, (grid, [[c.text for c in r] for r in p.cells])
        for r in range(rows):
            for c in range(cols):
                if 0 < grid[r][c] < 5:
                    assert p.cells[r][c].state == SMALL


def test_random_means_marked_safe_give_no_small_count_away():
    """A mean (one decimal) is published only when the reader, knowing the shown counts, the
    total and that a small cell is 1–4 and a hidden one 5 or more, still finds two or more
    values for every suppressed cell (checked by brute force)."""
    rng = random.Random(5)
    published = 0
    for _ in range(300):
        size = rng.randint(2, 4)
        cells = [rng.choice([0, 1, 2, 3, 5, 7, 9]) for _ in range(size)]
        n = sum(cells)
        if n < 5:
            continue
        weights = list(range(1, size + 1))
        mean = sum(w * c for w, c in zip(weights, cells, strict=True)) / n
        table = protect_table(cells)
        low, high = n * (round(mean, 1) - 0.05), n * (round(mean, 1) + 0.05)
        if not table.total.shown or not table.safe_with(weights, low, high):
            continue
        published += 1
        domains = [
            [v] if c.state == SHOWN else (range(1, 5) if c.state == SMALL else range(5, n + 1))
            for v, c in zip(cells, table.cells, strict=True)
        ]
        seen = [set() for _ in cells]
        for guess in itertools.product(*domains):
            if sum(guess) != n:
                continue
            if not low - 1e-9 <= sum(w * g for w, g in zip(weights, guess, strict=True)) <= high:
                continue
            for i, g in enumerate(guess):
                seen[i].add(g)
        for c, options in zip(table.cells, seen, strict=True):
            if not c.shown:
                assert len(options) >= 2, (cells, [x.text for x in table.cells], mean)
    assert published > 50
