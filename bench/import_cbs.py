#!/usr/bin/env python
"""Bench: import CBS StatLine tables and compare with a raw bulk insert of the same values.

1. A fresh temporary SQLite database (or DATABASE_URL when given: use a database of its own).
2. Imports ../shared/data/cbs_kwb_2024_partial (85984NED with its DataProperties) through the
   import runner, timed from file to committed rows (parse, areas, indicators, versioned store,
   derived indicators).
3. Raw baseline, same run, same table: the same parsed values as plain tuples, inserted the
   fastest plain way the database has (`executemany` on SQLite, COPY on PostgreSQL, as the store
   does) into the (emptied) observation table inside a transaction that is rolled back.
4. Imports the nine Jeugdzorg; wijken tables (2015-2023), timed together, and the KWB file again
   (idempotent: nothing changes).

Prints human lines and ends with one JSON line:
{"bench": "import_cbs", "kwb_seconds": .., "kwb_values": .., "values_per_second": ..,
 "raw_seconds": .., "ratio": .., "jeugdzorg_seconds": .., ...}
Targets: kwb_seconds <= 15 on SQLite and ratio (kwb_seconds / raw_seconds) <= 3.

    .venv/bin/python bench/import_cbs.py
    DATABASE_URL=postgres://user@host/empty_db .venv/bin/python bench/import_cbs.py   # PostgreSQL
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DUIDING_SHARED_DATA", ROOT.parent / "shared" / "data"))
KWB = SHARED / "cbs_kwb_2024_partial" / "85984NED_first10000rows.csv"
KWB_PROPERTIES = SHARED / "cbs_kwb_2024_partial" / "DataProperties_85984NED.json"
WIJKEN = sorted((SHARED / "cbs_jeugdzorg_wijken").glob("8*NED_first10000rows.csv"))
TARGET_SECONDS, TARGET_RATIO = 15.0, 3.0


def _setup() -> None:
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="duiding-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
    os.environ.setdefault("DEBUG", "false")  # no query logging; production-like
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(48))
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _import(path: Path, **options):
    from duiding.indicators.importing.runner import import_run_execute
    from duiding.jobs.services import import_run_create

    run = import_run_create(kind="cbs", path=path, options=options)
    return import_run_execute(run)


def _raw_rows(run) -> list[tuple]:
    """The values of the KWB file as the store would insert them: plain tuples, ids resolved."""
    from django.db import connection
    from django.utils import timezone

    from duiding.areas.models import Area
    from duiding.indicators.importing.cbs import parse_cbs
    from duiding.indicators.importing.store import gc_paused
    from duiding.indicators.models import Indicator, Period

    with gc_paused():
        result = parse_cbs(KWB, properties_path=KWB_PROPERTIES)
        areas = dict(Area.objects.values_list("code", "id"))
        indicators = dict(Indicator.objects.values_list("code", "id"))
        periods = dict(Period.objects.values_list("code", "id"))
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        return [
            (
                indicators[v.indicator_code],
                areas[v.area_code],
                periods[v.period_code],
                v.category,
                v.status,
                v.value,
                v.numerator,
                v.denominator,
                run.dataset_id,
                run.pk,
                KWB.name,
                v.source_row,
                v.source_column,
                v.source_category,
                v.published_area_code,
                v.indelingswijziging,
                True,
                now,
            )
            for v in result.values
        ]


def _raw_insert_seconds(rows: list[tuple]) -> float:
    """`rows` into the emptied observation table (executemany / COPY); rolled back afterwards."""
    from django.db import connection, transaction

    from duiding.indicators.importing.store import INSERT_CHUNK, gc_paused, insert_rows
    from duiding.indicators.models import Observation

    table = connection.ops.quote_name(Observation._meta.db_table)
    with gc_paused(), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")  # the same empty table the import started with
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA cache_size = -131072")  # as the store does
            start = time.perf_counter()
            for i in range(0, len(rows), INSERT_CHUNK):
                insert_rows(cursor, rows[i : i + INSERT_CHUNK])
            seconds = time.perf_counter() - start
        transaction.set_rollback(True)
    return seconds


def main() -> int:
    if not KWB.is_file() or not WIJKEN:
        print(f"../shared/data is not present at {SHARED}: nothing to measure.")
        print(json.dumps({"bench": "import_cbs", "skipped": "shared data absent"}))
        return 0
    _setup()
    from django.db import connection

    from duiding.indicators.models import Observation

    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")

    start = time.perf_counter()
    kwb = _import(KWB, properties=str(KWB_PROPERTIES))
    kwb_seconds = time.perf_counter() - start
    if kwb.status != "done":
        print(f"KWB import failed: {kwb.error}")
        return 1
    kwb_values = kwb.values_stored + kwb.values_revised
    print(
        f"KWB 2024 (85984NED): {kwb.rows_read} rows, {kwb_values} values, "
        f"{kwb.areas_created} areas in {kwb_seconds:.2f} s ({kwb_values / kwb_seconds:,.0f}/s)"
    )

    rows = _raw_rows(kwb)
    assert len(rows) == kwb_values, (len(rows), kwb_values)
    raw_seconds = _raw_insert_seconds(rows)
    del rows
    ratio = kwb_seconds / raw_seconds
    print(f"Raw insert of the same {kwb_values} values: {raw_seconds:.2f} s; ratio {ratio:.2f}")

    start = time.perf_counter()
    again = _import(KWB, properties=str(KWB_PROPERTIES))
    again_seconds = time.perf_counter() - start
    print(f"KWB again (idempotent): status {again.status} in {again_seconds:.2f} s")

    start = time.perf_counter()
    jeugdzorg_values = 0
    for path in WIJKEN:
        run = _import(path)
        if run.status != "done":
            print(f"{path.name} failed: {run.error}")
            return 1
        jeugdzorg_values += run.values_stored + run.values_revised
    jeugdzorg_seconds = time.perf_counter() - start
    print(
        f"Jeugdzorg; wijken 2015-2023 (9 tables): {jeugdzorg_values} values in "
        f"{jeugdzorg_seconds:.2f} s, derived shares included"
    )
    total = Observation.objects.count()
    ok = kwb_seconds <= TARGET_SECONDS and ratio <= TARGET_RATIO
    print(
        f"Targets (set for SQLite): KWB <= {TARGET_SECONDS:.0f} s and ratio <= "
        f"{TARGET_RATIO:.0f}: " + ("met" if ok else "NOT met")
    )
    print(
        json.dumps(
            {
                "bench": "import_cbs",
                "database": connection.vendor,
                "kwb_seconds": round(kwb_seconds, 2),
                "kwb_values": kwb_values,
                "values_per_second": round(kwb_values / kwb_seconds),
                "raw_seconds": round(raw_seconds, 2),
                "ratio": round(ratio, 2),
                "kwb_again_seconds": round(again_seconds, 2),
                "jeugdzorg_seconds": round(jeugdzorg_seconds, 2),
                "jeugdzorg_values": jeugdzorg_values,
                "observations": total,
                "ok": ok,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
