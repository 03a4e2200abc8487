#!/usr/bin/env python
"""Bench: 200 phones join one live duidingssessie and answer one question while the projector
polls its fragment (issue 12), against a real server on loopback.

1. A fresh temporary SQLite database (WAL, as in settings), migrated, with one reflection whose
   session is running and one open question (herkennen: ja / deels / nee), and a logged-in
   session of its facilitator for the projector.
2. The server as its own process group, DEBUG off: gunicorn (--processes x --threads, no access
   log) when installed, else `duiding runserver` (bench/live_server.py).
3. 200 phones arriving evenly over --spread seconds (5: a room scanning the code; 0: all at
   once), on a bounded pool of threads (`requests`, each phone its own cookies):
   GET /d/<code>/ (the CSRF cookie), POST join (the participant cookie), POST the answer (timed:
   what the participant waits for). Meanwhile one projector polls the fragment every second
   with its version (204 while unchanged), as htmx does.
4. Counts the stored answers in the database; the projector lag is the time from the last
   answer stored (its POST answered) until the projector's fragment shows all of them.

Prints exactly one JSON line on stdout (progress goes to stderr):
{"bench": "live_session", "participants": 200, "answers_stored": 200, "p99_ms": ..,
 "projector_p95_ms": .., "projector_lag_ms": .., ...}
Target: 0 lost, p99_ms <= 300, projector_lag_ms <= 2000, all within 10 s.

    .venv/bin/python bench/live_session.py [--n 200] [--spread 5] [--workers 25] [--processes 2]
        [--threads 8]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = "LIVE42"
COUNT = re.compile(r'data-count="(\d+)"')
VERSION = re.compile(r'data-version="([^"]+)"')


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _env(url: str) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CONN_MAX_AGE": "60",
        "SECURE_COOKIES": "false",  # plain http on loopback
    }


def prepare(env: dict) -> tuple[int, tuple[str, str]]:
    """Migrate, add the running session with its open question; (reflection pk, the
    facilitator's session cookie value)."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    import datetime

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from duiding.accounts.models import Membership, Organisation, User
    from duiding.reflections.live import services
    from duiding.reflections.models import AgendaItem, Reflection

    call_command("migrate", verbosity=0)
    org = Organisation.objects.create(name="Gemeente", slug="gemeente", kind="gemeente")
    user = User.objects.create_user(username="gespreksleider")
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.ADVISER)
    reflection = Reflection.objects.create(
        organisation=org,
        title="Bench",
        date=datetime.date.today(),
        facilitator=user,
        join_code=CODE,
    )
    item = AgendaItem.objects.create(reflection=reflection, kind="other", title="Eenzaamheid")
    services.start_session(reflection, user)
    question = services.create_question(
        reflection, item, user=user, kind="herkennen", text="Herkennen we dit?"
    )
    services.open_question(question, user)
    client = Client()
    client.force_login(user)
    cookie = (settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    connections.close_all()
    return reflection.pk, cookie


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
            "--preload",
            "-b",
            f"127.0.0.1:{port}",
            "--workers",
            str(processes),
            "--threads",
            str(threads),
            "--backlog",
            "512",
        ]
    else:
        kind = "duiding runserver (gunicorn is not installed)"
        command = [sys.executable, "-m", "duiding", "runserver", f"127.0.0.1:{port}", "--noreload"]
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


def phone(base: str, question_pk: int, seed: int, start_at: float) -> dict:
    """One phone: (at its moment) load the page, join, answer. The answer's POST is timed."""
    import requests

    time.sleep(max(0.0, start_at - time.perf_counter()))

    session = requests.Session()
    session.headers["User-Agent"] = "Mozilla/5.0 (iPhone; bench)"
    url = f"{base}/d/{CODE}/"
    page = session.get(url, timeout=30)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status_code != 200 or not csrf:
        return {"answer_ms": None, "status": page.status_code, "done_at": None}
    headers = {"Referer": url}
    joined = session.post(
        url,
        data={"csrfmiddlewaretoken": csrf.group(1), "step": "join", "name": ""},
        headers=headers,
        allow_redirects=False,
        timeout=30,
    )
    if joined.status_code != 302:
        return {"answer_ms": None, "status": joined.status_code, "done_at": None}
    choice = ("ja", "deels", "nee")[seed % 3]
    started = time.perf_counter()
    answered = session.post(
        url,
        data={"csrfmiddlewaretoken": csrf.group(1), "question": question_pk, "choice": choice},
        headers=headers,
        allow_redirects=False,
        timeout=30,
    )
    done = time.perf_counter()
    return {"answer_ms": (done - started) * 1000, "status": answered.status_code, "done_at": done}


class Projector(threading.Thread):
    """Polls the fragment every `interval` s with its version, as htmx does; notes each poll's
    time and when the fragment first shows `expected` answers."""

    def __init__(self, base: str, pk: int, cookie: tuple, expected: int, interval: float = 1.0):
        super().__init__(daemon=True)
        import requests

        self.session = requests.Session()
        self.session.cookies.set(*cookie)
        self.url = f"{base}/duidingssessies/{pk}/scherm/live/"
        self.expected, self.interval = expected, interval
        self.times_ms: list[float] = []
        self.seen_all_at: float | None = None
        self.version = ""
        self.stop = threading.Event()

    def poll(self) -> None:
        started = time.perf_counter()
        response = self.session.get(
            self.url, params={"v": self.version}, headers={"HX-Request": "true"}, timeout=30
        )
        now = time.perf_counter()
        self.times_ms.append((now - started) * 1000)
        if response.status_code == 200:
            version = VERSION.search(response.text)
            self.version = version.group(1) if version else ""
            count = COUNT.search(response.text)
            if count and int(count.group(1)) >= self.expected and self.seen_all_at is None:
                self.seen_all_at = now

    def run(self) -> None:
        while not self.stop.is_set():
            self.poll()
            if self.seen_all_at is not None:
                return
            self.stop.wait(self.interval)


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def stored_answers(db: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM reflections_liveanswer").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--workers", type=int, default=25)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--spread",
        type=float,
        default=5.0,
        help="the phones arrive evenly over this many seconds (0: all at once)",
    )
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="duiding-bench-live-")
    db = f"{folder}/bench.sqlite3"
    env = _env(f"sqlite:///{db}")
    server = None
    try:
        pk, cookie = prepare(env)
        from duiding.reflections.models import LiveQuestion

        question_pk = LiveQuestion.objects.get().pk
        from django.db import connections

        connections.close_all()
        server, base, kind = start_server(env, args.processes, args.threads)
        log(f"server: {kind} at {base}")
        import requests

        for _ in range(args.processes * 4):  # warm-up: imports, templates, first connections
            requests.get(f"{base}/d/{CODE}/", timeout=30)
            requests.get(f"{base}/d/", timeout=30)
        projector = Projector(base, pk, cookie, args.n)
        projector.poll()  # the projector is open before the room joins
        projector.start()
        wall = time.perf_counter()
        moments = [wall + args.spread * i / args.n for i in range(args.n)]
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            phones = list(
                pool.map(lambda i: phone(base, question_pk, i, moments[i]), range(args.n))
            )
        wall_s = time.perf_counter() - wall
        projector.join(timeout=15)
        projector.stop.set()
        stored = stored_answers(db)
    finally:
        if server is not None:
            _stop(server)
        shutil.rmtree(folder, ignore_errors=True)
    statuses: dict[str, int] = {}
    for p in phones:
        statuses[str(p["status"])] = statuses.get(str(p["status"]), 0) + 1
    log(f"answers: {statuses} (302 = stored, to the acknowledgement)")
    answers = [p["answer_ms"] for p in phones if p["answer_ms"] is not None]
    last_done = max((p["done_at"] for p in phones if p["done_at"]), default=None)
    lag = (
        round((projector.seen_all_at - last_done) * 1000, 1)
        if projector.seen_all_at is not None and last_done is not None
        else None
    )
    print(
        json.dumps(
            {
                "bench": "live_session",
                "participants": args.n,
                "answers_stored": stored,
                "p99_ms": round(_p(answers, 0.99), 1) if answers else None,
                "projector_p95_ms": round(_p(projector.times_ms, 0.95), 1),
                "projector_lag_ms": lag,
                "lost": args.n - stored,
                "wall_s": round(wall_s, 2),
                "projector_polls": len(projector.times_ms),
                "spread_s": args.spread,
                "server": kind,
            }
        )
    )


if __name__ == "__main__":
    main()
