"""Production's guards, with the settings imported afresh in a subprocess under a production environment: more than
one process without Redis refuses to start, and `check --deploy` has nothing to say."""

import os
import secrets
import subprocess
import sys

import pytest

from wijkmarkt.platform.config.settings import REPO_ROOT


def production(**extra: str) -> dict[str, str]:
    """A production environment as a city's deployment gives it, nothing from the developer's shell."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "DJANGO_SETTINGS_MODULE": "wijkmarkt.platform.config.settings",
        "WIJKMARKT_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # Nothing here connects: a port where no database listens.
        "DATABASE_URL": "postgres://wijkmarkt@127.0.0.1:9/wijkmarkt",
        "WIJKMARKT_BASE_DOMAIN": "wijkmarkt.example.nl",
        **extra,
    }


def run(args: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=environment, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )


def import_settings(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run(["-c", "import wijkmarkt.platform.config.settings"], environment)


def test_production_refuses_several_processes_without_redis():
    result = import_settings(production(WIJKMARKT_PROCESSES="4"))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "WIJKMARKT_PROCESSES is 4 but REDIS_URL is not set" in result.stderr


@pytest.mark.parametrize(
    "extra",
    [
        {},  # one process by default
        {"WIJKMARKT_PROCESSES": "1"},
        {"WIJKMARKT_PROCESSES": "4", "REDIS_URL": "redis://redis:6379/0"},
    ],
)
def test_production_starts_with_one_process_or_with_redis(extra):
    result = import_settings(production(**extra))

    assert result.returncode == 0, result.stderr


def test_development_may_run_several_processes_without_redis():
    result = import_settings(production(WIJKMARKT_ENV="development", WIJKMARKT_PROCESSES="4"))

    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_in_production():
    result = run(["-m", "django", "check", "--deploy", "--fail-level", "DEBUG"], production())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout
