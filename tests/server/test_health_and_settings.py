"""/healthz reflects the database; settings come from the environment and fail loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PROBE = (
    "import django; django.setup(); from django.test import Client; "
    "response = Client().get('/healthz'); print(response.status_code, response.json()['status'])"
)


def run_python(code, **env):
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=environment, capture_output=True, text=True)


def test_healthz_ok(api_client, db):
    response = api_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_503_when_the_database_does_not_answer():
    # A real server process configured for a PostgreSQL port where nothing listens.
    result = run_python(
        PROBE,
        DJANGO_SETTINGS_MODULE="registry.settings",
        DATABASE_URL="postgres://postgres@127.0.0.1:9/none",
        DATABASE_POOL_TIMEOUT="1",
    )
    assert result.stdout.split() == ["503", "unavailable"], result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_DEBUG": "sometimes"}, "DJANGO_DEBUG"),
        (
            {"DATABASE_POOL_MAX_SIZE": "lots", "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x"},
            "DATABASE_POOL_MAX_SIZE",
        ),
        ({"DATABASE_URL": "nosuchdb://x"}, "nosuchdb"),
    ],
)
def test_bad_settings_fail_loudly_naming_the_variable(env, message):
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="registry.settings", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "x" * 60 + "production-like-secret",
            "DJANGO_ALLOWED_HOSTS": "registry.example.org",
            "DJANGO_SECURE_SSL_REDIRECT": "true",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
