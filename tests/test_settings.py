import os
import re
import subprocess
import sys
from pathlib import Path


def _run_settings(env_extra: dict) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DEMO", "DUIDING_TESTING"}
    }
    env.update(env_extra)
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='duiding.settings'; django.setup(); print('ok')"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_secret_key():
    result = _run_settings({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_the_development_key():
    result = _run_settings({"DEBUG": "false", "SECRET_KEY": "short"})
    assert result.returncode != 0


def test_production_starts_with_a_real_secret_key():
    result = _run_settings(
        {"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "duiding.example.nl"}
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_bad_boolean_is_refused():
    result = _run_settings({"DEBUG": "misschien"})
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def _make_run_env() -> dict:
    """The environment `make run` gives the demo (RUN_ENV in the Makefile)."""
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text()
    line = re.search(r"^RUN_ENV \?= (.*)$", makefile, re.MULTILINE).group(1)
    return dict(item.split("=", 1) for item in line.split())


MAKE_RUN_CHECK = """
import django, os
os.environ['DJANGO_SETTINGS_MODULE'] = 'duiding.settings'
django.setup()
from django.conf import settings
from django.test import Client
assert not settings.DEBUG, 'make run serves the demo with DEBUG on'
client = Client(HTTP_HOST='127.0.0.1')
page = client.get('/bestaat-niet/')
html = page.content.decode()
assert page.status_code == 404, page.status_code
assert 'Pagina niet gevonden' in html and 'site-header' in html, html[:300]
assert 'URLconf' not in html and 'beheer/' not in html
for url in ('/static/duiding/duiding.css', '/static/vendor/htmx/htmx.min.js'):
    static = client.get(url)
    assert static.status_code == 200, (url, static.status_code)
    assert 'Pagina niet gevonden' not in b''.join(static.streaming_content).decode()
login = client.get('/account/inloggen/')
assert login.status_code == 200
assert not login.cookies['csrftoken']['secure'], 'cookies over http: the demo runs on http'
print('ok')
"""


def test_make_run_serves_styled_error_pages_and_static_files_without_debug(tmp_path):
    """Issue 10, item 5: an outsider's 404 under `make run` was Django's debug page."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DEMO", "DUIDING_TESTING", "ALLOWED_HOSTS"}
    }
    env.update(_make_run_env())
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-c", MAKE_RUN_CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ok" in result.stdout


def test_demo_mode_refuses_other_hosts_with_the_development_key():
    result = _run_settings({"DEMO": "true", "ALLOWED_HOSTS": "duiding.example.nl"})
    assert result.returncode != 0
    assert "DEMO" in result.stderr
