#!/usr/bin/env python
"""Bench: the Staat van de wijk page and the benchmark API on all shared data, scaled to five years.

1. A fresh temporary SQLite database (or DATABASE_URL, or --db PATH to reuse a loaded file);
   the temporary one is removed at the end unless --keep.
2. Loads every shared CBS table through the import runner (`import_run_create/import_run_execute`).
3. Scales to five years: the observations of the latest year are copied to the four years before
   it with values varied by -5..+5 % (one INSERT ... SELECT per year; existing figures are kept).
4. Over 200 random wijken and buurten that have figures: `/wijk/<code>/` (Django test client,
   logged in), `GET /api/v1/areas/<code>/benchmark` (personal token) and ONE hand-written SQL
   query that fetches the same numbers (the area's latest figure per indicator and the figures
   of its parent, municipality and country in the same period). After a warm-up, each contender
   runs in its own pass over all areas, three rounds in a different order; per area the best of
   the three counts (so other processes on a shared machine do not decide the p95).

5. In a real browser (Playwright with /usr/bin/chromium, against a live server on this
   database): 20 of those areas, each in a fresh browser context (an empty cache: the first
   visit), then once more in the same context (cached). Time to a complete page = navigation
   start to the end of the load event, or to the last chart drawn after it (none on a row
   since the sparklines are SVG from the server; the map and the detail charts load Vega when
   they come into view or are opened).

Prints human lines and ends with one JSON line:
{"bench": "area_page", "p50_ms": .., "p95_ms": .., "api_p50_ms": .., "api_p95_ms": ..,
 "sql_p95_ms": .., "ratio": .., "browser_p50_ms": .., "browser_p95_ms": ..,
 "browser_cached_p95_ms": ..}   (p50/p95_ms: the page on the server; ratio = api_p95_ms /
 sql_p95_ms; browser_*: complete in Chromium, first visit and cached)
Targets: p95_ms <= 150, ratio <= 2 (issue 10; was 3), browser_p95_ms <= 1000.

    .venv/bin/python bench/area_page.py [--areas 200] [--seed 7] [--repeat 3] [--db FILE] [--keep]
        [--browser-areas 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from live_server import start_server

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DUIDING_SHARED_DATA", ROOT.parent / "shared" / "data"))
SYNTHETIC_YEARS = 4
CHROMIUM = Path("/usr/bin/chromium")
# Navigation start to the end of the load event, or to the last chart drawn after it.
# Returns [complete, first byte of the HTML] in ms since navigation start.
COMPLETE_JS = """async () => {
  const busy = () => document.querySelector('[data-rendered="loading"]');
  for (let i = 0; i < 200 && busy(); i++) await new Promise(r => setTimeout(r, 10));
  const nav = performance.getEntriesByType("navigation")[0];
  const complete = Math.max(nav.loadEventEnd, busy() ? performance.now() : 0,
                  document.querySelector('[data-rendered="1"]') ? performance.now() : 0);
  return [complete, nav.responseStart];
}"""


def _setup(db_path: str | None) -> str | None:
    """Point Django at the bench database; returns the temporary folder it made, if any."""
    tmp = None
    if db_path:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(db_path).resolve()}"
    elif not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="duiding-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
    os.environ.setdefault("DEBUG", "false")  # no query logging; production-like
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(48))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    return tmp


def _files() -> list[tuple[str, Path, dict]]:
    """(kind, path, options) for every shared table the importers read."""
    found: list[tuple[str, Path, dict]] = []
    table = re.compile(r"^\d{5}NED.*\.csv$")
    for folder in (
        "cbs_jeugdzorg_wijken",
        "cbs_jeugdzorg_gemeenten",
        "cbs_jeugdhulp_trajecten_verwijzer_uitkomsten",
        "cbs_veiligheidsmonitor_leefbaarheid_gemeenten",
    ):
        for path in sorted((SHARED / folder).glob("*.csv")):
            if table.match(path.name):
                found.append(("cbs", path, {}))
    kwb = SHARED / "cbs_kwb_2024_partial"
    props = kwb / "DataProperties_85984NED.json"
    found.append(("cbs", kwb / "85984NED_first10000rows.csv", {"properties": str(props)}))
    for year in (2023, 2024):
        path = SHARED / "cbs_kwb_utrecht_2023_2024" / f"CBS-Utrecht-kwb-{year}.xlsx"
        found.append(("kwb_excel", path, {"year": year}))
    return [f for f in found if f[1].is_file()]


def load_shared_data() -> None:
    from duiding.indicators.importing.runner import import_run_execute
    from duiding.jobs.services import import_run_create

    started = time.perf_counter()
    for kind, path, options in _files():
        t0 = time.perf_counter()
        run = import_run_create(kind=kind, path=path, options=options)
        run = import_run_execute(run)
        print(
            f"  import {path.parent.name}/{path.name}: {run.status}, "
            f"{run.values_stored} values stored in {time.perf_counter() - t0:.1f} s"
            + (f" — {run.error[:160]}" if run.error else "")
        )
    print(f"loaded shared data in {time.perf_counter() - started:.1f} s")


def scale_to_five_years() -> int:
    """Copy the latest year's observations to the 4 years before it, values varied by ±5 %."""
    from django.db import connection, transaction

    from duiding.indicators.models import Observation, Period, PeriodKind
    from duiding.indicators.periods import parse_period

    latest = (
        Period.objects.filter(kind=PeriodKind.YEAR, pk__in=Observation.objects.values("period_id"))
        .order_by("-year")
        .first()
    )
    if latest is None:
        return 0
    table = Observation._meta.db_table
    columns = [
        "indicator_id",
        "area_id",
        "category",
        "status",
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
    ]
    # Deterministic pseudo-random variation of -5..+5 % per observation and year.
    vary = "(1 + ((id * 7919 + %s) %% 11 - 5) / 100.0)"
    select = ", ".join(
        f"CASE WHEN value IS NULL THEN NULL ELSE value * {vary} END" if c == "value" else c
        for c in ["value", *columns]
    )
    conflict = "ON CONFLICT DO NOTHING" if connection.vendor == "postgresql" else ""
    insert = "INSERT OR IGNORE" if connection.vendor == "sqlite" else "INSERT"
    added = 0
    with transaction.atomic():
        for year in range(latest.year - SYNTHETIC_YEARS, latest.year):
            p = parse_period(str(year))
            period, _ = Period.objects.get_or_create(
                code=p.code,
                defaults={
                    "kind": p.kind,
                    "year": p.year,
                    "start": p.start,
                    "end": p.end,
                    "label": p.label,
                },
            )
            with connection.cursor() as cursor:
                cursor.execute(
                    f"{insert} INTO {table} (value, {', '.join(columns)}, period_id, created_at) "
                    f"SELECT {select}, %s, CURRENT_TIMESTAMP FROM {table} "
                    f"WHERE period_id = %s AND is_current {conflict}",
                    [year, period.pk, latest.pk],
                )
                added += cursor.rowcount
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
    print(
        f"scaled: copied period {latest.code} to {SYNTHETIC_YEARS} earlier years "
        f"({added} observations added)"
    )
    return added


# ONE query: the area's latest figure per indicator (total category, current), and the figures of
# its parent, municipality and the country in the same period, with the areas' codes.
SQL = """
WITH target AS (
    SELECT id, parent_id, municipality_id,
           (SELECT id FROM areas_area WHERE code = 'NL01') AS country_id
    FROM areas_area WHERE code = %s
), own AS (
    SELECT o.indicator_id, o.period_id, o.value, o.status,
           ROW_NUMBER() OVER (
               PARTITION BY o.indicator_id
               ORDER BY CASE WHEN o.status = 'ok' THEN 0 ELSE 1 END, p."end" DESC, p.start ASC
           ) AS rn
    FROM indicators_observation o
    JOIN target t ON o.area_id = t.id
    JOIN indicators_period p ON p.id = o.period_id
    WHERE o.is_current AND o.category = ''
)
SELECT own.indicator_id, own.period_id, own.value, own.status, ca.code, c.value, c.status
FROM own
CROSS JOIN target t
LEFT JOIN indicators_observation c
       ON c.indicator_id = own.indicator_id AND c.period_id = own.period_id
      AND c.area_id IN (t.parent_id, t.municipality_id, t.country_id)
      AND c.is_current AND c.category = ''
LEFT JOIN areas_area ca ON ca.id = c.area_id
WHERE own.rn = 1
"""


def _pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _sample(n_areas: int, seed: int) -> tuple[list[str], list[str], random.Random]:
    """(sampled codes, all wijken and buurten with figures, the random generator)."""
    from duiding.areas.models import Area, Level
    from duiding.indicators.models import Observation

    area_ids = set(
        Observation.objects.filter(is_current=True, category="")
        .values_list("area_id", flat=True)
        .distinct()
    )
    candidates = list(
        Area.objects.filter(pk__in=area_ids, level__in=[Level.DISTRICT, Level.NEIGHBOURHOOD])
        .order_by("code")
        .values_list("code", flat=True)
    )
    rng = random.Random(seed)
    return rng.sample(candidates, min(n_areas, len(candidates))), candidates, rng


def _bench_user():
    from duiding.accounts.models import Membership, Organisation, User

    org, _ = Organisation.objects.get_or_create(
        slug="bench", defaults={"name": "Bench gemeente", "kind": Organisation.Kind.MUNICIPALITY}
    )
    user, _ = User.objects.get_or_create(username="bench-adviseur")
    Membership.objects.get_or_create(
        user=user, organisation=org, defaults={"role": Membership.Role.ADVISER}
    )
    return user


def measure(n_areas: int, seed: int, repeat: int = 3) -> dict:
    from django.db import connection
    from django.test import Client

    from duiding.accounts.services import token_create

    codes, candidates, rng = _sample(n_areas, seed)
    print(
        f"measuring {len(codes)} of {len(candidates)} wijken and buurten with figures "
        f"(best of {repeat} passes per area)"
    )
    user = _bench_user()
    _token, raw = token_create(user=user, name="bench")
    page_client = Client()
    page_client.force_login(user)
    api_client = Client(headers={"Authorization": f"Bearer {raw}"})

    def sql(code: str) -> list:
        with connection.cursor() as cursor:
            cursor.execute(SQL, [code])
            return cursor.fetchall()

    # Warm up: code paths (imports, templates) on areas outside the sample, then the database
    # pages of every sampled area, so that no contender profits from the one measured before it.
    for code in candidates[:5]:
        page_client.get(f"/wijk/{code}/")
        api_client.get(f"/api/v1/areas/{code}/benchmark")
    for code in codes:
        api_client.get(f"/api/v1/areas/{code}/benchmark")
        sql(code)

    statuses: dict[str, int] = {}
    api_indicators: dict[str, int] = {}
    sql_indicators: dict[str, int] = {}
    sql_rows: dict[str, int] = {}

    # Each job returns what is checked afterwards (outside the timing): the response or rows.
    def page(code: str):
        return page_client.get(f"/wijk/{code}/")

    def api(code: str):
        return api_client.get(f"/api/v1/areas/{code}/benchmark")

    def query(code: str):
        return sql(code)

    def check(name: str, code: str, outcome) -> None:
        if name == "sql":
            sql_indicators[code] = len({r[0] for r in outcome})
            sql_rows[code] = len(outcome)
            return
        statuses[f"{name} {outcome.status_code}"] = (
            statuses.get(f"{name} {outcome.status_code}", 0) + 1
        )
        if name == "api":
            ok = outcome.status_code == 200
            api_indicators[code] = len(outcome.json()["indicators"]) if ok else -1

    # Each contender in its own pass over all areas (so one's allocations and cache use do not
    # land in another's timing), `repeat` rounds with the contenders in a different order each
    # round; per area the best time counts, so that other processes on a shared machine do not
    # decide the p95. The same method for all three.
    best: dict[str, dict[str, float]] = {"page": {}, "api": {}, "sql": {}}
    contenders = [("page", page), ("api", api), ("sql", query)]
    for _ in range(repeat):
        rng.shuffle(contenders)
        for name, job in contenders:
            for code in codes:
                t0 = time.perf_counter()
                outcome = job(code)
                elapsed = (time.perf_counter() - t0) * 1000
                best[name][code] = min(best[name].get(code, float("inf")), elapsed)
                check(name, code, outcome)
    page_ms = [best["page"][c] for c in codes]
    api_ms = [best["api"][c] for c in codes]
    sql_ms = [best["sql"][c] for c in codes]
    per_area = [
        (best["api"][c], best["sql"][c], best["page"][c], api_indicators.get(c, -1), c)
        for c in codes
    ]
    rows_checked = sum(sql_rows.values())
    # Same numbers: the API and the SQL query see the same indicators for every area.
    mismatches = [c for c in codes if api_indicators.get(c) != sql_indicators.get(c)]
    for code in mismatches:
        print(
            f"  warning: {code}: API has {api_indicators.get(code)} indicators, "
            f"SQL {sql_indicators.get(code)}"
        )

    print("slowest API areas (API ms, SQL ms, page ms, indicators):")
    for api_t, sql_t, page_t, n, code in sorted(per_area, reverse=True)[:5]:
        print(f"  {code}: {api_t:.1f} / {sql_t:.2f} / {page_t:.1f} ms, {n} indicators")
    print("responses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print(
        f"SQL rows fetched: {rows_checked} ({rows_checked / max(1, len(codes)):.0f} per area); "
        f"areas where API and SQL disagree on the indicators: {len(mismatches)}"
    )
    figures = {
        "p50_ms": round(statistics.median(page_ms), 1),
        "p95_ms": round(_pct(page_ms, 95), 1),
        "api_p50_ms": round(statistics.median(api_ms), 1),
        "api_p95_ms": round(_pct(api_ms, 95), 1),
        "sql_p95_ms": round(_pct(sql_ms, 95), 2),
    }
    figures["ratio"] = round(figures["api_p95_ms"] / max(figures["sql_p95_ms"], 1e-6), 2)
    figures["codes"] = codes  # for the browser pass (taken out before printing)
    print(
        f"page  /wijk/<code>/            p50 {figures['p50_ms']:7.1f} ms  p95 {figures['p95_ms']:7.1f} ms  (target p95 <= 150)"
    )
    print(
        f"API   /areas/<code>/benchmark  p50 {figures['api_p50_ms']:7.1f} ms  p95 {figures['api_p95_ms']:7.1f} ms"
    )
    print(
        f"SQL   one hand-written query   p50 {statistics.median(sql_ms):7.2f} ms  p95 {figures['sql_p95_ms']:7.2f} ms"
    )
    print(f"ratio API p95 / SQL p95: {figures['ratio']} (target <= 2)")
    return figures


def measure_browser(codes: list[str]) -> dict:
    """Time to a complete page in Chromium: the first visit (empty cache) and a cached one."""
    from django.conf import settings
    from django.test import Client
    from playwright.sync_api import sync_playwright

    from duiding.accounts.models import User

    if not CHROMIUM.exists() or not codes:
        print(f"browser: {CHROMIUM} missing or no areas; browser figures left out")
        return {
            "browser_p50_ms": None,
            "browser_p95_ms": None,
            "browser_cached_p95_ms": None,
            "browser_after_html_p95_ms": None,
        }
    # The live server is its own process on this database (as in production: the browser's
    # driver and the server do not share one interpreter), static files served by Django.
    server, base = start_server()
    client = Client()
    client.force_login(User.objects.get(username="bench-adviseur"))
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": base,
    }
    first: list[float] = []
    cached: list[float] = []
    after_html: list[float] = []  # complete minus the first byte: the browser's own part
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            )
            for i, code in enumerate([codes[0], *codes]):  # the first one warms the server up
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_cookies([cookie])
                page = context.new_page()
                timings = []
                for _visit in range(2):
                    page.goto(f"{base}/wijk/{code}/", wait_until="load")
                    timings.append(page.evaluate(COMPLETE_JS))
                context.close()
                if i:
                    first.append(timings[0][0])
                    cached.append(timings[1][0])
                    after_html.append(timings[0][0] - timings[0][1])
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    figures = {
        "browser_p50_ms": round(statistics.median(first), 1),
        "browser_p95_ms": round(_pct(first, 95), 1),
        "browser_cached_p95_ms": round(_pct(cached, 95), 1),
        "browser_after_html_p95_ms": round(_pct(after_html, 95), 1),
    }
    print(
        f"browser Chromium, {len(first)} areas   first visit p50 {figures['browser_p50_ms']:7.1f} ms"
        f"  p95 {figures['browser_p95_ms']:7.1f} ms  cached p95 "
        f"{figures['browser_cached_p95_ms']:7.1f} ms  (target p95 <= 1000)"
    )
    print(
        "  of which after the first byte of the HTML (parsing, styles, scripts, load event): "
        f"p95 {figures['browser_after_html_p95_ms']:7.1f} ms"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--areas", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary database (reuse it with --db)"
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="gc.freeze() after start-up, as a pre-forking server can do (off by default)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per area and contender; the best counts"
    )
    parser.add_argument(
        "--db", help="SQLite file to use; when it already has figures, loading is skipped"
    )
    parser.add_argument(
        "--browser-areas", type=int, default=20, help="areas measured in Chromium (0: none)"
    )
    parser.add_argument(
        "--browser-only", action="store_true", help="skip the server pass (p50/p95_ms, API, SQL)"
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"../shared/data is not present at {SHARED}; this bench needs the real CBS files")
        return 1
    tmp = _setup(args.db)
    from django.core.management import call_command

    from duiding.indicators.models import Observation

    call_command("migrate", verbosity=0, interactive=False)
    print(f"database: {os.environ['DATABASE_URL']}")
    if Observation.objects.exists():
        print("database already has figures: loading and scaling skipped")
    else:
        load_shared_data()
        scale_to_five_years()
    print(
        f"observations: {Observation.objects.count()} ({Observation.objects.filter(is_current=True).count()} current)"
    )
    if args.gc_freeze:
        import gc

        gc.collect()
        gc.freeze()
        print("gc.freeze(): start-up objects are left out of garbage collection")
    if args.browser_only:
        _bench_user()
        figures = {"codes": _sample(args.areas, args.seed)[0]}
    else:
        figures = measure(args.areas, args.seed, max(1, args.repeat))
    figures.update(measure_browser(figures.pop("codes")[: max(0, args.browser_areas)]))
    if tmp and not args.keep:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(tmp, ignore_errors=True)  # the scaled database is about 1 GB
    elif tmp:
        print(f"kept the database: {os.environ['DATABASE_URL']}")
    print(json.dumps({"bench": "area_page", **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
