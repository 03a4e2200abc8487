"""No IP address and no user agent reaches the database or the log when answering (issue 11).

The main test runs `duiding runserver` as its own process on a fresh SQLite file, answers the
phone page and the POST API from a distinctive client address (127.0.0.5, the server listens
on 127.0.0.1) with a distinctive User-Agent and forwarding headers, also with bad input and an
unknown code (the paths that log a warning), then reads every text column of every table and
the server's whole stdout/stderr.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils.log import AdminEmailHandler

from duiding.outcomes.middleware import PublicAnonymityMiddleware

ROOT = Path(__file__).resolve().parents[3]
CLIENT_IP = "127.0.0.5"
FORWARDED_IP = "203.0.113.77"

SEED = """
from django.utils import timezone
import datetime
from duiding.accounts.models import Organisation, User
from duiding.activities.models import Activity
from duiding.areas.models import Area, Level
from duiding.frameworks.models import Framework
from duiding.outcomes.models import Questionnaire, QuestionnaireVersion
from duiding.programmes.models import Programme
gm = Area.objects.create(code="GM0599", name="Rotterdam", level=Level.MUNICIPALITY)
org = Organisation.objects.create(name="Welzijn", slug="welzijn", kind=Organisation.Kind.PARTNER)
user = User.objects.create_user(username="staf")
programme = Programme.objects.create(
    name="Test", area=gm, framework=Framework.objects.get(is_default=True), organisation=org,
    owner=user, start_year=2026, end_year=2027)
activity = Activity.objects.create(programme=programme, organisation=org, name="Home-Start")
today = timezone.localdate()
q = Questionnaire.objects.create(
    activity=activity, title="Tevredenheid", moment="eindmeting", code="NOIPTEST",
    opens_on=today - datetime.timedelta(days=1), closes_on=today + datetime.timedelta(days=1))
QuestionnaireVersion.objects.create(questionnaire=q, number=1, questions=[
    {"key": "nut", "kind": "scale", "label": {"nl": "Cijfer?", "en": ""}, "min": 1, "max": 10,
     "required": True},
    {"key": "tip", "kind": "text", "label": {"nl": "Tip?", "en": ""}, "required": False,
     "max_length": 500}])
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(db: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        {
            "PYTHONPATH": str(ROOT / "src"),
            "DATABASE_URL": f"sqlite:///{db}",
            "DEBUG": "true",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "DEBUG",
            "DUIDING_TESTING": "false",
        }
    )
    return env


class Browser:
    """A tiny HTTP client that connects FROM 127.0.0.5 and keeps cookies."""

    def __init__(self, port: int, agent: str):
        self.port, self.agent, self.cookies = port, agent, {}

    def request(self, method: str, path: str, body: bytes = b"", content_type: str = ""):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, source_address=(CLIENT_IP, 0))
        headers = {
            "User-Agent": self.agent,
            "X-Forwarded-For": FORWARDED_IP,
            "X-Real-IP": FORWARDED_IP,
            "Forwarded": f"for={FORWARDED_IP}",
            "Host": f"127.0.0.1:{self.port}",
            "Referer": f"http://127.0.0.1:{self.port}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        content = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        conn.close()
        return response.status, content


def _text_values(db: Path) -> list[str]:
    """Every non-empty text (and blob) value of every table."""
    found = []
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - table names
                found += [str(v) for v in row if isinstance(v, str | bytes) and v]
    return found


@pytest.fixture
def server(tmp_path):
    db = tmp_path / "noip.sqlite3"
    env = _env(db)
    python = [sys.executable, "-m", "duiding"]
    subprocess.run([*python, "migrate", "-v0"], env=env, check=True, cwd=tmp_path)
    subprocess.run([*python, "shell", "-c", SEED], env=env, check=True, cwd=tmp_path)
    port = _free_port()
    out, err = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen(
            [*python, "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            cwd=tmp_path,
            stdout=stdout,
            stderr=stderr,
        )
        try:
            for _attempt in range(300):
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.1)
            yield {"port": port, "db": db, "out": out, "err": err}
        finally:
            process.terminate()
            process.wait(timeout=10)
            if os.environ.get("DUIDING_KEEP_LOG"):
                print(out.read_text(), err.read_text())


def test_no_ip_address_or_user_agent_in_the_database_or_the_log(server):
    agent = f"DuidingPrivacyProbe/{secrets.token_hex(6)} (iPhone; Mobiel Safari)"
    browser = Browser(server["port"], agent)
    status, page = browser.request("GET", "/v/NOIPTEST/")
    assert status == 200, page[:500]

    def post(data: dict):
        fields = {
            "csrfmiddlewaretoken": re.search(r'csrfmiddlewaretoken" value="([^"]+)', page)[1],
            "token": re.search(r'name="token" value="([^"]+)"', page)[1],
            **data,
        }
        return browser.request(
            "POST", "/v/NOIPTEST/", urlencode(fields).encode(), "application/x-www-form-urlencoded"
        )

    assert post({"nut": "12"})[0] == 200  # refused, shown again
    assert post({"nut": "8", "tip": "Fijn!"})[0] == 302
    assert browser.request("GET", "/v/ONBEKEND/")[0] == 404
    api = "/api/v1/questionnaires/NOIPTEST/responses"
    body = {"answers": {"nut": 7}, "submission": secrets.token_urlsafe(24)}
    assert browser.request("POST", api, json.dumps(body).encode(), "application/json")[0] == 201
    assert browser.request("POST", api, json.dumps(body).encode(), "application/json")[0] == 409
    assert browser.request("POST", api, b"{kapot", "application/json")[0] == 400

    values = _text_values(server["db"])
    assert any("Fijn!" in v for v in values)  # the dump does see the stored answers
    for secret in (agent, "DuidingPrivacyProbe", CLIENT_IP, FORWARDED_IP):
        assert [v for v in values if secret in v] == [], secret
    time.sleep(0.3)
    log = server["out"].read_text() + server["err"].read_text()
    assert '"POST /v/NOIPTEST/ HTTP/1.1" 302' in log  # the access log was captured
    assert "Not Found: /v/ONBEKEND/" in log  # and Django's request log
    for secret in ("DuidingPrivacyProbe", CLIENT_IP, FORWARDED_IP):
        assert secret not in log, secret


def test_the_middleware_blanks_the_client_on_public_routes_only():
    seen = {}

    def view(request):
        seen[request.path] = dict(request.META)

    middleware = PublicAnonymityMiddleware(view)
    headers = {
        "REMOTE_ADDR": CLIENT_IP,
        "HTTP_USER_AGENT": "Probe/1",
        "HTTP_X_FORWARDED_FOR": FORWARDED_IP,
        "HTTP_X_REAL_IP": FORWARDED_IP,
        "HTTP_SEC_CH_UA": '"Chromium";v="1"',
    }
    factory = RequestFactory()
    for path in ("/v/ABC/", "/v/kaart/X/", "/api/v1/questionnaires/ABC/responses", "/wijk/"):
        middleware(factory.post(path, **headers))
    for path in ("/v/ABC/", "/v/kaart/X/", "/api/v1/questionnaires/ABC/responses"):
        assert {k: seen[path][k] for k in headers} == dict.fromkeys(headers, ""), path
    assert seen["/wijk/"]["REMOTE_ADDR"] == CLIENT_IP  # staff pages keep it (axes needs it)


@pytest.mark.django_db
def test_an_error_mail_from_a_public_route_carries_no_client(client, questionnaire, settings):
    """Django's error mail prints request.META: after the middleware it holds nothing."""
    settings.ADMINS = [("Beheer", "beheer@example.nl")]
    seen = {}

    def view(request):
        seen["request"] = request

    PublicAnonymityMiddleware(view)(
        RequestFactory().get(
            f"/v/{questionnaire.code}/", REMOTE_ADDR=CLIENT_IP, HTTP_USER_AGENT="Probe/2"
        )
    )
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), None)
    record.request = seen["request"]
    record.status_code = 500
    AdminEmailHandler(include_html=True).emit(record)
    assert len(mail.outbox) == 1
    text = mail.outbox[0].body + "".join(str(a[0]) for a in mail.outbox[0].alternatives)
    assert "Probe/2" not in text and CLIENT_IP not in text
    assert f"/v/{questionnaire.code}/" in text
