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

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from duiding.areas import codes as area_codes
from duiding.areas.models import Area, Level
from duiding.indicators.importing.types import ImportMessage, IndicatorSpec, ParseResult
from duiding.indicators.models import (
    Dataset,
    Direction,
    ImportRun,
    Indicator,
    Observation,
    ObservationStatus,
    Period,
    Rhythm,
    SeriesAlias,
    UnitKind,
)
from duiding.indicators.periods import label_for_code, parse_period

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


def _dataset_ensure(run: ImportRun, result: ParseResult, source_file: str) -> Dataset:
    code = (result.dataset_code or source_file or "onbekend")[:60]
    owner = run.organisation if run.kind == ImportRun.Kind.OBSERVATIONS else None
    dataset, created = Dataset.objects.get_or_create(
        code=code,
        defaults={
            "title": (result.dataset_title or "")[:300],
            "organisation": owner,
            **({"publisher": owner.name[:100]} if owner else {}),
        },
    )
    if not created and result.dataset_title and not dataset.title:
        dataset.title = result.dataset_title[:300]
        dataset.save(update_fields=["title"])
    return dataset


def _periods_ensure(period_codes: set[str], labels: dict[str, str], messages) -> dict[str, int]:
    existing = dict(Period.objects.values_list("code", "id"))
    missing = []
    for code in sorted(period_codes - existing.keys()):
        parsed = parse_period(code)
        if parsed is None:
            messages.append(
                ImportMessage(f"Periode ‘{code}’ is geen periode die Duiding kent.", column="")
            )
            continue
        label = (labels.get(code) or label_for_code(parsed.code)).strip()[:60]
        missing.append(
            Period(
                code=parsed.code,
                kind=parsed.kind,
                year=parsed.year,
                start=parsed.start,
                end=parsed.end,
                label=label,
            )
        )
    if missing:
        Period.objects.bulk_create(missing)
        existing = dict(Period.objects.values_list("code", "id"))
    return existing


def _areas_ensure(
    run: ImportRun, result: ParseResult, area_codes_used: set[str], messages, first_row
) -> dict[str, int]:
    """Create the areas the table names and the database lacks; link parents; update flags."""
    rows = {
        code: (pk, flag)
        for code, pk, flag in Area.objects.values_list("code", "id", "indelingswijziging")
    }
    to_create = []
    for code in sorted(area_codes_used - rows.keys()):
        spec = result.areas.get(code)
        if spec is None:
            if len(messages) < MAX_KEY_MESSAGES:
                messages.append(
                    ImportMessage(
                        f"Gebiedscode ‘{code}’ bestaat niet in Duiding en het bestand zegt niet "
                        "welk gebied het is.",
                        row=first_row.get(("area", code)),
                    )
                )
            continue
        level = spec.level or area_codes.level_for_code(code) or Level.OTHER
        to_create.append(
            Area(
                code=code,
                name=(spec.name or code).strip()[:200],
                level=level if level in Level.values else Level.OTHER,
                indelingswijziging=(spec.indelingswijziging or "")[:10],
            )
        )
    if messages:
        return {}
    if to_create:
        Area.objects.bulk_create(to_create, batch_size=500)
        run.areas_created = len(to_create)
    # Flags as last published; only for areas this table names with a flag.
    changed_flags = [
        (rows[code][0], spec.indelingswijziging)
        for code, spec in result.areas.items()
        if code in rows and spec.indelingswijziging and spec.indelingswijziging != rows[code][1]
    ]
    if changed_flags:
        table = connection.ops.quote_name(Area._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET indelingswijziging = %s WHERE id = %s",
                [(flag[:10], pk) for pk, flag in changed_flags],
            )
    ids = dict(Area.objects.values_list("code", "id"))
    if to_create:
        _areas_link(ids)
    return ids


def _areas_link(ids: dict[str, int]) -> None:
    """Parent and municipality from the code rules, for every area that lacks them."""
    table = connection.ops.quote_name(Area._meta.db_table)
    updates = []
    orphans = Area.objects.filter(
        Q(parent__isnull=True) | Q(municipality__isnull=True)
    ).values_list("id", "code", "parent_id", "municipality_id")
    for pk, code, parent_id, municipality_id in orphans:
        parent = area_codes.parent_code(code)
        municipality = area_codes.municipality_code(code)
        new_parent = parent_id or ids.get(parent) if parent else parent_id
        new_municipality = (
            municipality_id or ids.get(municipality) if municipality else municipality_id
        )
        if (new_parent, new_municipality) != (parent_id, municipality_id):
            updates.append((new_parent, new_municipality, pk))
    if updates:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET parent_id = %s, municipality_id = %s WHERE id = %s", updates
            )


def _valid(value: str, choices, default: str) -> str:
    return value if value in choices else default


def _indicator_from_spec(spec: IndicatorSpec, code: str, organisation) -> Indicator:
    return Indicator(
        code=code[:120],
        name=(spec.name or code).strip()[:300],
        definition=spec.definition or "",
        unit_kind=_valid(spec.unit_kind, UnitKind.values, UnitKind.COUNT),
        unit_label=(spec.unit_label or "")[:60],
        decimals=max(0, int(spec.decimals or 0)),
        direction=_valid(spec.direction, Direction.values, Direction.NEUTRAL),
        source=(spec.source or "")[:300],
        rhythm=_valid(spec.rhythm, Rhythm.values, Rhythm.YEARLY),
        organisation=organisation,
    )


def _catalogue_lookup(dataset_code: str) -> Callable[[str], IndicatorSpec | None]:
    """`catalogue.spec_for`, told the dataset when it wants to know (same key, other meaning)."""
    import inspect

    from duiding.indicators import catalogue

    spec_for = getattr(catalogue, "spec_for", None)
    if spec_for is None:
        return lambda code: None
    if "dataset" in inspect.signature(spec_for).parameters:
        return lambda code: spec_for(code, dataset=dataset_code)
    return spec_for


def _indicators_ensure(
    run: ImportRun, result: ParseResult, raw_codes: set[str], measure_alias: dict[str, str]
) -> dict[str, int]:
    """Map every published indicator code to an Indicator id (after aliasing); create missing ones.

    Metadata of an existing indicator is never overwritten. For a new one the curated catalogue wins
    over what the parser read from the table.
    """
    catalogue_spec = _catalogue_lookup(result.dataset_code)
    canonical = {raw: measure_alias.get(raw, raw) for raw in raw_codes}
    existing = dict(Indicator.objects.values_list("code", "id"))
    organisation = run.organisation if run.kind == ImportRun.Kind.OBSERVATIONS else None
    to_create = []
    for code in sorted(set(canonical.values()) - existing.keys()):
        spec = catalogue_spec(code) or result.indicators.get(code)
        if spec is None:  # known only under an alias in this table
            raw = next(
                (r for r, c in canonical.items() if c == code and r in result.indicators), None
            )
            spec = result.indicators.get(raw) if raw else None
        to_create.append(
            _indicator_from_spec(spec or IndicatorSpec(code=code, name=code), code, organisation)
        )
    if to_create:
        Indicator.objects.bulk_create(to_create)
        existing = dict(Indicator.objects.values_list("code", "id"))
    return {raw: existing[c] for raw, c in canonical.items()}


def _aliases() -> tuple[dict[str, str], dict[str, str]]:
    measure: dict[str, str] = {}
    category: dict[str, str] = {}
    for kind, alias, canonical in SeriesAlias.objects.values_list("kind", "alias", "canonical"):
        (measure if kind == SeriesAlias.Kind.MEASURE else category)[alias] = canonical
    return measure, category


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
    values = result.values
    with transaction.atomic():
        dataset = _dataset_ensure(run, result, source_file)
        run.dataset = dataset
        if _previous_identical_run(run, dataset) is not None:
            run.values_unchanged = len(values)
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
            run.save(
                update_fields=["dataset", "values_unchanged", "values_stored", "values_revised"]
            )
            return

        messages: list[ImportMessage] = []
        measure_alias, category_alias = _aliases()
        first_row: dict = {}
        raw_indicators, raw_areas, raw_periods, raw_categories = set(), set(), set(), set()
        for v in values:
            if v.area_code not in raw_areas:
                raw_areas.add(v.area_code)
                first_row[("area", v.area_code)] = v.source_row
            raw_indicators.add(v.indicator_code)
            raw_periods.add(v.period_code)
            raw_categories.add(v.category)
        period_ids = _periods_ensure(raw_periods | result.periods.keys(), result.periods, messages)
        area_ids = _areas_ensure(run, result, raw_areas, messages, first_row)
        if messages:
            raise ImportRefused(messages)
        indicator_ids = _indicators_ensure(run, result, raw_indicators, measure_alias)
        category_map = {c: category_alias.get(c, c) for c in raw_categories}
        used_aliases = sorted(
            {f"{c} → {measure_alias[c]}" for c in raw_indicators if c in measure_alias}
            | {f"‘{c}’ → ‘{category_alias[c]}’" for c in raw_categories if c in category_alias}
        )
        report(10, "Bestaande cijfers ophalen")
        existing = _current_observations(
            set(indicator_ids.values()), {period_ids[p] for p in raw_periods}
        )
        report(20, "Cijfers vergelijken")

        now = connection.ops.adapt_datetimefield_value(timezone.now())
        dataset_id, run_id = dataset.pk, run.pk
        source_file = source_file[:300]
        seen: dict = {}
        rows: list[tuple] = []
        revised_ids: list[int] = []
        unchanged = 0
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
                    other = values[first]
                    where = f"{v.indicator_code}, {v.area_code}, {v.period_code}"
                    if category:
                        where += f", {category}"
                    messages.append(
                        ImportMessage(
                            f"Rij {v.source_row} herhaalt rij {other.source_row}: allebei een "
                            f"waarde voor dezelfde indicator, hetzelfde gebied en dezelfde periode "
                            f"({where}). Haal een van beide weg.",
                            row=v.source_row,
                            column=v.source_column,
                        )
                    )
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
                        unchanged += 1
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
                    ImportMessage(
                        f"In totaal {duplicates} dubbele waarden; er is niets opgeslagen."
                    )
                )
            raise ImportRefused(messages)

        report(30, "Cijfers opslaan")
        tune_connection()
        table = connection.ops.quote_name(Observation._meta.db_table)
        with connection.cursor() as cursor:
            for chunk in _chunks(revised_ids, ID_CHUNK):
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"UPDATE {table} SET is_current = %s WHERE id IN ({marks})", [False, *chunk]
                )
            total = max(1, len(rows))
            for start in range(0, len(rows), INSERT_CHUNK):
                insert_rows(cursor, rows[start : start + INSERT_CHUNK])
                done = min(len(rows), start + INSERT_CHUNK)
                report(30 + 70 * done // total, f"{done} van {len(rows)} waarden opgeslagen")

        run.values_stored = len(rows) - len(revised_ids)
        run.values_revised = len(revised_ids)
        run.values_unchanged = unchanged
        if used_aliases:
            run.messages = [
                *run.messages,
                ImportMessage(
                    "Doorgezet als dezelfde reeks (reeksalias): " + "; ".join(used_aliases[:50]),
                    level="info",
                ).as_dict(),
            ]
        # Kept in memory for derived_compute(run=...), so it need not scan the observation table.
        run.touched_indicator_ids = set(indicator_ids.values())
        run.touched_period_ids = {period_ids[p] for p in raw_periods}
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
