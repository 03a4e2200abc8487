import os
import subprocess
import sys


def _run_settings(env_extra: dict) -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DUIDING_TESTING"}
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
