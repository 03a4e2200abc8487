"""Write a ParseResult to the database: all-or-nothing, versioned, idempotent, fast.

Rules (README.md beside this file says them in plain words):
- one transaction: datasets, periods, areas, indicators and observations are written together or
  not at all; a refusal (`ImportRefused`) or any database error rolls everything back;
- versioning: per (indicator, area, period, category) one observation is current; the same value and
  status again changes nothing, a different one turns the old row into history (is_current=False)
  and inserts the new one;
- the same file twice (same sha256 and options as the dataset's last successful run) is
  short-circuited: nothing is read from or written to the observation table;
- aliases (SeriesAlias) map published keys and category labels onto the continuing series.

Speed: no per-row ORM work. Existing current observations are loaded once with one query per
indicator chunk, new rows go in with `executemany` in chunks (about a million values in seconds).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from duiding.indicators.importing.store_refs import (
    aliases_for_file,
    aliases_load,
    areas_ensure,
    dataset_ensure,
    indicators_ensure,
    periods_ensure,
)
from duiding.indicators.importing.types import ImportMessage, ParseResult
from duiding.indicators.models import Dataset, Observation, ObservationStatus
from duiding.jobs.models import ImportRun

logger = logging.getLogger(__name__)

Progress = Callable[[int, str], None] | None

INSERT_CHUNK = 20_000
ID_CHUNK = 500  # ids per `IN (...)` list: safe for every SQLite build and for PostgreSQL
MAX_KEY_MESSAGES = 200  # duplicate / unknown-code lines reported before summarising

OBSERVATION_COLUMNS = (
    "indicator_id",
    "area_id",
    "period_id",
    "category",
    "status",
    "value",
    "numerator",
    "denominator",
    "dataset_id",
    "import_run_id",
    "source_file",
    "source_row",
    "source_column",
    "source_category",
    "published_area_code",
    "indelingswijziging",
    "is_current",
    "created_at",
)


class ImportRefused(Exception):
    """The data cannot be stored as a whole; `messages` say why. Nothing was written."""

    def __init__(self, messages: list[ImportMessage]):
        self.messages = messages
        super().__init__("; ".join(m.message for m in messages[:3]))


def insert_sql() -> str:
    """The INSERT used for observations (also by bench/import_cbs.py as the raw baseline)."""
    table = connection.ops.quote_name(Observation._meta.db_table)
    cols = ", ".join(connection.ops.quote_name(c) for c in OBSERVATION_COLUMNS)
    marks = ", ".join(["%s"] * len(OBSERVATION_COLUMNS))
    return f"INSERT INTO {table} ({cols}) VALUES ({marks})"


def insert_rows(cursor, rows: list[tuple]) -> None:
    """Insert observation rows (in OBSERVATION_COLUMNS order) as fast as the database allows.

    PostgreSQL: COPY (psycopg 3), about five times faster there than executemany. Elsewhere:
    executemany, the fastest way into SQLite.
    """
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Observation._meta.db_table)
        cols = ", ".join(connection.ops.quote_name(c) for c in OBSERVATION_COLUMNS)
        with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        cursor.executemany(insert_sql(), rows)


def tune_connection() -> None:
    """A larger page cache for SQLite index maintenance during big imports (no-op elsewhere)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -131072")  # 128 MB for this connection


@contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector while millions of small objects are built.

    Parsed values and row tuples hold no reference cycles, but every few thousand allocations the
    collector would walk all of them again: that alone tripled the parse time of a KWB table.
    Reference counting still frees everything; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Reporter:
    """Calls `progress(pct, text)` at most every ~5%."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.last = -100

    def __call__(self, pct: int, text: str, force: bool = False) -> None:
        if self.progress is None:
            return
        pct = max(0, min(100, int(pct)))
        if force or pct - self.last >= 5:
            self.last = pct
            self.progress(pct, text)


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _previous_identical_run(run: ImportRun, dataset: Dataset | None) -> ImportRun | None:
    if dataset is None or not run.file_sha256:
        return None
    previous = (
        ImportRun.objects.filter(
            dataset=dataset, status__in=[ImportRun.Status.DONE, ImportRun.Status.UNCHANGED]
        )
        .exclude(pk=run.pk)
        .order_by("-pk")
        .first()
    )
    if previous and previous.file_sha256 == run.file_sha256 and previous.options == run.options:
        return previous
    return None


def _current_observations(indicator_ids: set[int], period_ids: set[int]) -> dict:
    """(indicator, area, period, category) -> (id, value, status, numerator, denominator)."""
    found: dict = {}
    if not indicator_ids:
        return found
    table = connection.ops.quote_name(Observation._meta.db_table)
    period_list = sorted(period_ids)
    with connection.cursor() as cursor:
        for chunk in _chunks(sorted(indicator_ids), ID_CHUNK):
            marks_i = ", ".join(["%s"] * len(chunk))
            marks_p = ", ".join(["%s"] * len(period_list))
            cursor.execute(
                "SELECT id, indicator_id, area_id, period_id, category, value, status, numerator, "
                f"denominator FROM {table} WHERE is_current = %s AND indicator_id IN ({marks_i}) "
                f"AND period_id IN ({marks_p})",
                [True, *chunk, *period_list],
            )
            for pk, ind, area, period, cat, value, status, num, den in cursor.fetchall():
                found[(ind, area, period, cat)] = (pk, value, status, num, den)
    return found


def observations_store(
    *, run: ImportRun, result: ParseResult, source_file: str, progress: Progress = None
) -> None:
    """Write `result` for `run` in one transaction (see the module docstring for the rules).

    Sets run.dataset, values_stored / values_unchanged / values_revised, areas_created and saves
    them inside the same transaction. Raises `ImportRefused` (nothing written) when keys are
    duplicated or codes cannot be resolved. When the same file was the dataset's last successful
    import, nothing is written and run.status becomes `unchanged`.
    """
    with gc_paused():
        _store(run=run, result=result, source_file=source_file, progress=progress)


def _store(*, run: ImportRun, result: ParseResult, source_file: str, progress: Progress) -> None:
    report = _Reporter(progress)
    report(0, "Opslaan voorbereiden", force=True)
    with transaction.atomic():
        dataset = dataset_ensure(run, result, source_file)
        run.dataset = dataset
        if _previous_identical_run(run, dataset) is not None:
            _mark_unchanged(run, len(result.values), report)
            return
        refs = _references_ensure(run, result)
        report(10, "Bestaande cijfers ophalen")
        existing = _current_observations(set(refs.indicator_ids.values()), refs.touched_period_ids)
        report(20, "Cijfers vergelijken")
        plan = _rows_compare(result.values, refs, existing, dataset.pk, run.pk, source_file[:300])
        report(30, "Cijfers opslaan")
        _rows_write(plan, report)
        _run_totals(run, refs, plan)


def _mark_unchanged(run: ImportRun, count: int, report: _Reporter) -> None:
    """The same file as the dataset's last successful run: nothing is compared or written."""
    run.values_unchanged = count
    run.values_stored = run.values_revised = 0
    run.status = ImportRun.Status.UNCHANGED
    run.messages = [
        *run.messages,
        ImportMessage(
            "Dit bestand is eerder al ingelezen; er is niets gewijzigd.", level="info"
        ).as_dict(),
    ]
    report(100, "Niets gewijzigd", force=True)
    # Saved last: no progress report may follow (PostgreSQL would wait on this row's lock).
    run.save(update_fields=["dataset", "values_unchanged", "values_stored", "values_revised"])


@dataclass
class _References:
    """The ids the values resolve to, and the series aliases that were applied."""

    period_ids: dict[str, int]
    area_ids: dict[str, int]
    indicator_ids: dict[str, int]
    category_map: dict[str, str]
    touched_period_ids: set[int]
    used_aliases: list[str]
    alias_notes: list[ImportMessage] = field(default_factory=list)


def _references_ensure(run: ImportRun, result: ParseResult) -> _References:
    """Periods, areas and indicators of the values, created where new; refuses unknown codes."""
    messages: list[ImportMessage] = []
    measure_alias, category_alias = aliases_load()
    first_row: dict = {}
    raw_indicators, raw_areas, raw_periods, raw_categories = set(), set(), set(), set()
    for v in result.values:
        if v.area_code not in raw_areas:
            raw_areas.add(v.area_code)
            first_row[("area", v.area_code)] = v.source_row
        raw_indicators.add(v.indicator_code)
        raw_periods.add(v.period_code)
        raw_categories.add(v.category)
    period_ids = periods_ensure(raw_periods | result.periods.keys(), result.periods, messages)
    area_ids = areas_ensure(run, result, raw_areas, messages, first_row)
    if messages:
        raise ImportRefused(messages)
    measure_map, measure_kept = aliases_for_file(raw_indicators, measure_alias)
    category_map, category_kept = aliases_for_file(raw_categories, category_alias)
    indicator_ids = indicators_ensure(run, result, raw_indicators, measure_map)
    used_aliases = sorted(
        {f"{c} → {measure_map[c]}" for c in raw_indicators if measure_map[c] != c}
        | {f"‘{c}’ → ‘{category_map[c]}’" for c in raw_categories if category_map[c] != c}
    )
    return _References(
        period_ids=period_ids,
        area_ids=area_ids,
        indicator_ids=indicator_ids,
        category_map=category_map,
        touched_period_ids={period_ids[p] for p in raw_periods},
        used_aliases=used_aliases,
        alias_notes=_aliases_not_applied(measure_kept, category_kept),
    )


def _aliases_not_applied(measure: dict[str, str], category: dict[str, str]) -> list[ImportMessage]:
    """Info lines for the aliases a file holds both sides of (see `aliases_for_file`)."""
    notes = [
        ImportMessage(
            f"Reeksalias {alias} → {canonical} niet toegepast: dit bestand bevat beide (of nog een "
            f"kolom van dezelfde reeks). {alias} is als eigen indicator ingelezen.",
            level="info",
        )
        for alias, canonical in sorted(measure.items())
    ]
    notes += [
        ImportMessage(
            f"Reeksalias ‘{alias}’ → ‘{canonical}’ niet toegepast: dit bestand bevat beide "
            f"categorieën (of nog een van dezelfde reeks). ‘{alias}’ is als eigen categorie "
            "ingelezen.",
            level="info",
        )
        for alias, canonical in sorted(category.items())
    ]
    return notes


@dataclass
class _WritePlan:
    """What the comparison decided: rows to insert, current rows they revise, values unchanged."""

    rows: list[tuple] = field(default_factory=list)
    revised_ids: list[int] = field(default_factory=list)
    unchanged: int = 0


def _duplicate_message(v, other, category: str) -> ImportMessage:
    where = f"{v.indicator_code}, {v.area_code}, {v.period_code}"
    if category:
        where += f", {category}"
    return ImportMessage(
        f"Rij {v.source_row} herhaalt rij {other.source_row}: allebei een "
        f"waarde voor dezelfde indicator, hetzelfde gebied en dezelfde periode "
        f"({where}). Haal een van beide weg.",
        row=v.source_row,
        column=v.source_column,
    )


def _rows_compare(
    values: list, refs: _References, existing: dict, dataset_id, run_id, source_file: str
) -> _WritePlan:
    """Compare every value with the current observation of its key; refuses duplicated keys.

    The hot loop of an import (a million values): plain tuples and local names only.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    indicator_ids, area_ids, period_ids = refs.indicator_ids, refs.area_ids, refs.period_ids
    category_map = refs.category_map
    plan = _WritePlan()
    rows, revised_ids = plan.rows, plan.revised_ids
    seen: dict = {}
    messages: list[ImportMessage] = []
    duplicates = 0
    for index, v in enumerate(values):
        category = category_map[v.category]
        key = (
            indicator_ids[v.indicator_code],
            area_ids[v.area_code],
            period_ids[v.period_code],
            category,
        )
        first = seen.setdefault(key, index)
        if first != index:
            duplicates += 1
            if duplicates <= MAX_KEY_MESSAGES:
                messages.append(_duplicate_message(v, values[first], category))
            continue
        if existing:
            old = existing.get(key)
            if old is not None:
                if (
                    old[1] == v.value
                    and old[2] == v.status
                    and old[3] == v.numerator
                    and old[4] == v.denominator
                ):
                    plan.unchanged += 1
                    continue
                revised_ids.append(old[0])
        rows.append(
            (
                key[0],
                key[1],
                key[2],
                category,
                v.status,
                v.value,
                v.numerator,
                v.denominator,
                dataset_id,
                run_id,
                source_file,
                v.source_row,
                v.source_column[:200],
                v.source_category[:200],
                v.published_area_code[:20],
                v.indelingswijziging[:10],
                True,
                now,
            )
        )
    if duplicates:
        if duplicates > MAX_KEY_MESSAGES:
            messages.append(
                ImportMessage(f"In totaal {duplicates} dubbele waarden; er is niets opgeslagen.")
            )
        raise ImportRefused(messages)
    return plan


def _rows_write(plan: _WritePlan, report: _Reporter) -> None:
    """Revised rows become history, then the new rows go in, in chunks with progress."""
    tune_connection()
    table = connection.ops.quote_name(Observation._meta.db_table)
    rows = plan.rows
    with connection.cursor() as cursor:
        for chunk in _chunks(plan.revised_ids, ID_CHUNK):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"UPDATE {table} SET is_current = %s WHERE id IN ({marks})", [False, *chunk]
            )
        total = max(1, len(rows))
        for start in range(0, len(rows), INSERT_CHUNK):
            insert_rows(cursor, rows[start : start + INSERT_CHUNK])
            done = min(len(rows), start + INSERT_CHUNK)
            report(30 + 70 * done // total, f"{done} van {len(rows)} waarden opgeslagen")


def _run_totals(run: ImportRun, refs: _References, plan: _WritePlan) -> None:
    run.values_stored = len(plan.rows) - len(plan.revised_ids)
    run.values_revised = len(plan.revised_ids)
    run.values_unchanged = plan.unchanged
    notes = list(refs.alias_notes)
    if refs.used_aliases:
        notes.append(
            ImportMessage(
                "Doorgezet als dezelfde reeks (reeksalias): " + "; ".join(refs.used_aliases[:50]),
                level="info",
            )
        )
    if notes:
        run.messages = [*run.messages, *(n.as_dict() for n in notes)]
    # Kept in memory for derived_compute(run=...), so it need not scan the observation table.
    run.touched_indicator_ids = set(refs.indicator_ids.values())
    run.touched_period_ids = refs.touched_period_ids
    # Saved last: no progress report may follow (PostgreSQL would wait on this row's lock).
    run.save(
        update_fields=[
            "dataset",
            "values_stored",
            "values_revised",
            "values_unchanged",
            "areas_created",
            "messages",
        ]
    )


__all__ = ["ImportRefused", "ObservationStatus", "observations_store", "insert_sql"]
