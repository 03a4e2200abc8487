#!/usr/bin/env python
"""Bench: the outcome page of an activity with 10,000 answers (issue 11: render in <= 200 ms).

1. A fresh temporary SQLite database (or DATABASE_URL), migrated; removed at the end.
2. One programme with one partner activity; a voormeting and an eindmeting of the seed's school
   mark and "zonder hulp verder" (standard items) plus an open question, 2,500 responses each
   (two numeric answers per response, an open answer for every tenth): 10,000 numeric answers,
   with cards linking 1,000 voormetingen to their eindmeting (pairs); entered dropout counts and
   reach; a measurement plan.
3. `duiding runserver` on loopback in a child process (as bench/area_page.py does); the page
   `/outcome/activiteit/<id>/` is requested N times after a warm-up, as the partner (raw: every
   figure, extremes, open answers) and as the gebiedsadviseur of the municipality (suppressed:
   the complementary suppression and the audit of the means run). Time = request sent to the
   last byte received (urllib, one connection per request).

Prints human lines and ends with one JSON line:
{"bench": "outcome_page", "answers": 10000, "p95_ms": .., "p50_ms": .., "raw_p95_ms": ..,
 "suppressed_p95_ms": .., "requests": N}   (p95_ms: the slower of the two readers)
Target: p95_ms <= 200.

    .venv/bin/python bench/outcome_page.py [--requests 40] [--responses 2500]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from live_server import start_server

ROOT = Path(__file__).resolve().parents[1]


def _setup() -> str | None:
    tmp = None
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="duiding-bench-outcome-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(48))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    return tmp


def _users_and_activity():
    from duiding.accounts.models import Membership, Organisation, User
    from duiding.activities.models import Activity
    from duiding.areas.models import Area, Level
    from duiding.frameworks.models import Framework
    from duiding.programmes.services import programme_create

    nl, _ = Area.objects.get_or_create(
        code="NL01", defaults={"name": "Nederland", "level": Level.COUNTRY}
    )
    gm, _ = Area.objects.get_or_create(
        code="GM0599", defaults={"name": "Rotterdam", "level": Level.MUNICIPALITY, "parent": nl}
    )
    municipality = Organisation.objects.create(
        name="Gemeente Bench",
        slug="bench-gemeente",
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=gm,
    )
    partner_org = Organisation.objects.create(
        name="Welzijn Bench", slug="bench-welzijn", kind=Organisation.Kind.PARTNER
    )
    adviser = User.objects.create_user(username="bench-adviseur")
    Membership.objects.create(user=adviser, organisation=municipality, role=Membership.Role.ADVISER)
    partner = User.objects.create_user(username="bench-partner")
    Membership.objects.create(user=partner, organisation=partner_org, role=Membership.Role.PARTNER)
    programme = programme_create(
        user=adviser,
        name="Bench-programma",
        area=gm,
        framework=Framework.objects.get(is_default=True),
        organisation=municipality,
        owner=adviser,
        start_year=2025,
        end_year=2026,
        partners=[partner_org],
    )
    activity = Activity.objects.create(
        programme=programme,
        organisation=partner_org,
        name="Opvoedspreekuur",
        target_group="Ouders met vragen over opvoeden",
        target_group_size=4000,
        reach=3000,
    )
    return adviser, partner, activity


def build(responses: int, seed: int = 7):
    """The bench data; returns (adviser, partner, activity, answers stored)."""
    from django.db import transaction

    from duiding.outcomes.definition import clean_questions
    from duiding.outcomes.models import (
        Answer,
        EnteredCount,
        EnteredFigures,
        MeasurementPlan,
        PairCard,
        Questionnaire,
        QuestionnaireVersion,
        Response,
    )
    from duiding.outcomes.standard import usefulness, without_help

    rng = random.Random(seed)
    why = {"key": "waarom", "kind": "text", "label": {"nl": "Wat kan beter?"}, "required": False}
    questions = clean_questions([usefulness(), without_help(), why])
    with transaction.atomic():
        adviser, partner, activity = _users_and_activity()
        plan = MeasurementPlan.objects.create(
            activity=activity, measure="tevredenheid", how="Vragenlijst", how_often="Per kwartaal"
        )
        cards = PairCard.objects.bulk_create(
            PairCard(activity=activity, code=f"B{i:07d}") for i in range(min(1000, responses))
        )
        stored = 0
        for n, (moment, opens, shift) in enumerate(
            [
                ("voormeting", datetime.date(2025, 1, 6), 0),
                ("eindmeting", datetime.date(2025, 6, 2), 1),
            ]
        ):
            q = Questionnaire.objects.create(
                activity=activity,
                title=f"{moment.capitalize()} spreekuur",
                moment=moment,
                opens_on=opens,
                closes_on=opens + datetime.timedelta(days=28),
                target_responses=responses,
            )
            q.measurement_plans.add(plan)
            version = QuestionnaireVersion.objects.create(
                questionnaire=q, number=1, questions=questions
            )
            rows = Response.objects.bulk_create(
                Response(
                    questionnaire=q,
                    questionnaire_version=version,
                    card=cards[i] if i < len(cards) else None,
                    submission=f"{n}-{i}",
                    submitted_on=opens,
                )
                for i in range(responses)
            )
            answers = []
            for i, response in enumerate(rows):
                mark = max(1, min(10, round(rng.gauss(6.5 + shift, 1.8))))
                answers.append(Answer(response=response, question="nut", number=mark))
                answers.append(
                    Answer(response=response, question="zonder_hulp", number=rng.randint(1, 4))
                )
                if i % 10 == 0:
                    answers.append(
                        Answer(response=response, question="waarom", text=f"Antwoord {i}")
                    )
                stored += 2
            Answer.objects.bulk_create(answers, batch_size=2000)
        figures = EnteredFigures.objects.create(
            activity=activity,
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
            reached=2600,
            target=3000,
            no_shows=40,
        )
        EnteredCount.objects.bulk_create(
            EnteredCount(figures=figures, measure="uitval", value=v, count=c)
            for v, c in {"1": 2100, "2": 300, "3": 3, "4": 12, "5": 40}.items()
        )
    return adviser, partner, activity, stored


def _cookie(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _pct(values: list[float], q: int) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def measure(base: str, url: str, cookie: str, requests: int) -> list[float]:
    def get() -> tuple[int, bytes]:
        # base is our own loopback server (http://127.0.0.1:port)
        request = urllib.request.Request(base + url, headers={"Cookie": cookie})  # noqa: S310
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read()

    for _ in range(3):  # warm-up: imports, templates, chart templates
        status, body = get()
        assert status == 200, status
    timings = []
    for _ in range(requests):
        t0 = time.perf_counter()
        status, body = get()
        timings.append((time.perf_counter() - t0) * 1000)
        assert status == 200 and b"outcome-layout" in body
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--responses", type=int, default=2500, help="per questionnaire")
    args = parser.parse_args()
    tmp = _setup()
    from django.core.management import call_command
    from django.db import connections

    from duiding.outcomes.models import Answer

    call_command("migrate", verbosity=0, interactive=False)
    t0 = time.perf_counter()
    adviser, partner, activity, stored = build(args.responses)
    numeric = Answer.objects.filter(number__isnull=False).count()
    print(
        f"built {numeric} numeric answers ({Answer.objects.count()} with open answers) "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    url = f"/outcome/activiteit/{activity.pk}/"
    cookies = {"raw": _cookie(partner), "suppressed": _cookie(adviser)}
    connections.close_all()
    server, base = start_server()
    figures = {}
    try:
        for name, cookie in cookies.items():
            timings = measure(base, url, cookie, args.requests)
            figures[name] = (statistics.median(timings), _pct(timings, 95))
            print(
                f"{name:10s} {url}  p50 {figures[name][0]:6.1f} ms  p95 {figures[name][1]:6.1f} ms"
                "  (target p95 <= 200)"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    p95 = max(f[1] for f in figures.values())
    p50 = max(f[0] for f in figures.values())
    print(
        json.dumps(
            {
                "bench": "outcome_page",
                "answers": numeric,
                "p95_ms": round(p95, 1),
                "p50_ms": round(p50, 1),
                "raw_p95_ms": round(figures["raw"][1], 1),
                "suppressed_p95_ms": round(figures["suppressed"][1], 1),
                "requests": args.requests,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
