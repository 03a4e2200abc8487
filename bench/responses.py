#!/usr/bin/env python
"""Bench: 200 concurrent phone submissions against a real server on loopback (issue 11).

1. A fresh database: a temporary SQLite file (WAL, as in settings) or, with --db postgres, a new
   PostgreSQL database `duiding_bench_<random>` on postgres://postgres@127.0.0.1:5432 (dropped
   at the end unless --keep); migrated, with one open questionnaire (school mark, goal, open
   text) of one activity.
2. The server, as its own process group with DEBUG off and the rate limit off: gunicorn
   (--processes workers x --threads threads) when it is installed, else the same shape built
   here on the standard library (`serve`: pre-forked processes sharing one socket, each with a
   pool of reused threads; no access log).
3. 200 participants on a bounded pool of 20 threads; each a fresh "phone" (own cookies) that
   GETs /v/<code>/ (the CSRF cookie and the form's one-time token) and POSTs its answers.
4. Counts the stored responses in the database.

Prints one JSON line:
{"bench": "responses", "db": "sqlite", "server": "...", "submitted": 200, "stored": 200,
 "lost": 0, "p50_ms": .., "p99_ms": .., "page_p99_ms": .., "wall_s": ..}
(p50/p99_ms: the POST of the answers, as the participant waits for the thank-you page;
 page_p99_ms: the GET of the page; lost = submitted - stored, where submitted counts every POST
 sent). Target: lost 0 and p99_ms <= 300 on SQLite and on PostgreSQL.

    .venv/bin/python bench/responses.py [--db sqlite|postgres] [--n 200] [--workers 20] [--keep]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
CODE = "BENCH234"


def _database(kind: str) -> tuple[str, str | None, str | None]:
    """(DATABASE_URL, temporary folder, PostgreSQL database name)."""
    if kind == "postgres":
        import psycopg

        name = f"duiding_bench_{secrets.token_hex(4)}"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"{PG_SERVER}/{name}", None, name
    folder = tempfile.mkdtemp(prefix="duiding-bench-responses-")
    return f"sqlite:///{folder}/bench.sqlite3", folder, None


def _drop(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(url: str) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "OUTCOME_RATE_LIMIT_PER_MINUTE": "0",  # the bench measures the server, not the limit
        "CONN_MAX_AGE": "60",  # the server's threads are reused: keep their connections
        "SECURE_COOKIES": "false",  # plain http on loopback
    }


def prepare(env: dict) -> None:
    """Migrate and add one open questionnaire (in this process, on the bench database)."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from duiding.accounts.models import Organisation, User
    from duiding.activities.models import Activity
    from duiding.areas.models import Area, Level
    from duiding.frameworks.models import Framework
    from duiding.outcomes.definition import clean_questions
    from duiding.outcomes.models import Questionnaire, QuestionnaireVersion
    from duiding.programmes.models import Programme

    call_command("migrate", verbosity=0)
    area = Area.objects.create(code="GM0599", name="Rotterdam", level=Level.MUNICIPALITY)
    org = Organisation.objects.create(name="Welzijn", slug="welzijn", kind="partner")
    user = User.objects.create_user(username="bench")
    programme = Programme.objects.create(
        name="Bench",
        area=area,
        framework=Framework.objects.get(is_default=True),
        organisation=org,
        owner=user,
        start_year=2026,
        end_year=2027,
    )
    activity = Activity.objects.create(programme=programme, organisation=org, name="Home-Start")
    today = timezone.localdate()
    questionnaire = Questionnaire.objects.create(
        activity=activity,
        title="Tevredenheid",
        moment="eindmeting",
        code=CODE,
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=1),
    )
    QuestionnaireVersion.objects.create(
        questionnaire=questionnaire,
        number=1,
        questions=clean_questions(
            [
                {"key": "nut", "kind": "scale", "label": "Rapportcijfer", "min": 1, "max": 10},
                {
                    "key": "doel",
                    "kind": "single",
                    "label": "Doel bereikt?",
                    "choices": [
                        {"value": str(v), "label": label}
                        for v, label in ((-1, "Slechter"), (0, "Nee"), (1, "Deels"), (2, "Ja"))
                    ],
                },
                {"key": "tip", "kind": "text", "label": "Tip?", "required": False},
            ]
        ),
    )
    from django.db import connections

    connections.close_all()


def serve(port: int, processes: int, threads: int) -> None:
    """A small pre-forking, thread-pooled WSGI server (what gunicorn does with --workers and
    --threads): `processes` processes share one listening socket, each answers requests on a
    pool of `threads` reused threads (so a database connection lives on with CONN_MAX_AGE). No
    access log, so no client address is printed."""
    import socketserver
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
    sys.path.insert(0, str(ROOT / "src"))

    class Quiet(WSGIRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
            pass

    class Pooled(WSGIServer):
        request_queue_size = 256

        def process_request(self, request, client_address):
            self.pool.submit(self.handle_in_thread, request, client_address)

        def handle_in_thread(self, request, client_address):
            try:
                self.finish_request(request, client_address)
            except Exception:  # noqa: BLE001 - as socketserver does: log, go on
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    import django

    django.setup()
    from django.core.wsgi import get_wsgi_application

    server = Pooled(("127.0.0.1", port), Quiet)
    server.set_app(get_wsgi_application())
    _warm_up()  # before the fork: every worker starts with templates, URLs and catalogues loaded
    for _ in range(processes - 1):
        if os.fork() == 0:
            break
    server.pool = ThreadPoolExecutor(max_workers=threads)
    socketserver.BaseServer.serve_forever(server)


def _warm_up() -> None:
    """One page and one refused post in this process (nothing stored), then no connection left
    open to be shared by the forked workers."""
    from django.db import connections
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(f"/v/{CODE}/")
    client.post(f"/v/{CODE}/", {"nut": "geen getal"})
    connections.close_all()


def start_server(env: dict, processes: int, threads: int) -> tuple[subprocess.Popen, str, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    if importlib.util.find_spec("gunicorn") is not None:
        kind = f"gunicorn ({processes} workers x {threads} threads, no access log)"
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "duiding.wsgi",
            "-c",
            str(Path(__file__).with_name("gunicorn_warm.py")),
            "-b",
            f"127.0.0.1:{port}",
            "--workers",
            str(processes),
            "--threads",
            str(threads),
        ]
    else:
        kind = (
            f"pre-forked thread-pooled WSGI server ({processes} processes x {threads} threads; "
            "gunicorn is not installed)"
        )
        command = [
            sys.executable,
            __file__,
            "--serve",
            str(port),
            "--processes",
            str(processes),
            "--threads",
            str(threads),
        ]
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        start_new_session=True,  # its own process group: stopped with all its workers
    )
    for _attempt in range(300):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server, f"http://127.0.0.1:{port}", kind
        time.sleep(0.1)
    _stop(server)
    raise RuntimeError("the server did not start")


def _stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=10)


def participant(base: str, seed: int) -> dict:
    """One phone: GET the page, POST the answers. Times in ms; status of the POST."""
    import requests

    rng = random.Random(seed)
    phone = requests.Session()
    phone.headers["User-Agent"] = "Mozilla/5.0 (iPhone; bench)"
    url = f"{base}/v/{CODE}/"
    started = time.perf_counter()
    page = phone.get(url, timeout=30)
    page_ms = (time.perf_counter() - started) * 1000
    token = re.search(r'name="token" value="([^"]+)"', page.text)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status_code != 200 or not token or not csrf:
        return {"page_ms": page_ms, "post_ms": None, "status": page.status_code, "posted": False}
    data = {
        "csrfmiddlewaretoken": csrf.group(1),
        "token": token.group(1),
        "nut": str(rng.randint(1, 10)),
        "doel": str(rng.choice([-1, 0, 1, 2])),
        "tip": rng.choice(["", "Meer avonden", "Fijne begeleiding"]),
    }
    started = time.perf_counter()
    posted = phone.post(url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=30)
    post_ms = (time.perf_counter() - started) * 1000
    return {"page_ms": page_ms, "post_ms": post_ms, "status": posted.status_code, "posted": True}


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def stored_responses(url: str) -> int:
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return conn.execute("SELECT COUNT(*) FROM outcomes_response").fetchone()[0]
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT COUNT(*) FROM outcomes_response").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--workers", type=int, default=20)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # the server's own process
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.processes, args.threads)
        return

    url, folder, pg_name = _database(args.db)
    env = _env(url)
    server = None
    try:
        started = time.perf_counter()
        prepare(env)
        print(f"database {args.db} ready in {time.perf_counter() - started:.1f} s")
        server, base, kind = start_server(env, args.processes, args.threads)
        print(f"server: {kind} at {base}")
        participant(base, -1)  # warm-up (imports, first connection); not counted
        before = stored_responses(url)
        wall = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            outcomes = list(pool.map(lambda i: participant(base, i), range(args.n)))
        wall_s = time.perf_counter() - wall
        stored = stored_responses(url) - before
    finally:
        if server is not None:
            _stop(server)
        if not args.keep:
            if folder:
                shutil.rmtree(folder, ignore_errors=True)
            if pg_name:
                _drop(pg_name)
    submitted = len(outcomes)  # every participant, also one whose page did not load
    statuses: dict[str, int] = {}
    for o in outcomes:
        statuses[str(o["status"])] = statuses.get(str(o["status"]), 0) + 1
    posts = [o["post_ms"] for o in outcomes if o["post_ms"] is not None]
    pages = [o["page_ms"] for o in outcomes]
    print(f"answers: {statuses} (302 = stored, to the thank-you page)")
    slow = sorted(round(o["page_ms"] + (o["post_ms"] or 0)) for o in outcomes)[-5:]
    print(f"slowest participants (page + post, ms): {slow}")
    print(
        json.dumps(
            {
                "bench": "responses",
                "db": args.db,
                "server": kind,
                "submitted": submitted,
                "stored": stored,
                "lost": submitted - stored,
                "p50_ms": round(statistics.median(posts), 1) if posts else None,
                "p99_ms": round(_p(posts, 0.99), 1) if posts else None,
                "page_p99_ms": round(_p(pages, 0.99), 1),
                "wall_s": round(wall_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
