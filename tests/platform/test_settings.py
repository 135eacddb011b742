"""Settings come from the environment with safe defaults; start-up errors are clear, never a traceback."""

import os
import subprocess

import pytest

from tests.builders.processes import REPO_ROOT, run_python


def test_production_without_secret_key_is_a_clear_start_up_error():
    result = run_python(
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="wijkmarkt.platform.config.settings",
        WIJKMARKT_ENV="production",
    )

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = run_python(
        "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)",
        DJANGO_SETTINGS_MODULE="wijkmarkt.platform.config.settings",
        WIJKMARKT_ENV="production",
        SECRET_KEY="x" * 50,
    )

    assert result.stdout.split() == ["False", "True"], result.stderr


@pytest.mark.slow
def test_unreachable_database_gives_one_clear_message_and_a_non_zero_exit():
    result = subprocess.run(
        [str(REPO_ROOT / "wijkmarkt"), "manage", "check"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": "postgres://wijkmarkt:geheim@127.0.0.1:1/wijkmarkt"},
    )

    assert result.returncode == 2
    assert "Kan de database niet bereiken: database wijkmarkt op 127.0.0.1:1 als gebruiker wijkmarkt" in result.stderr
    assert "Controleer DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr
    assert "geheim" not in result.stderr
