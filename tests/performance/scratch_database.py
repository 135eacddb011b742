"""A throw-away database for one benchmark run, on the server that DATABASE_URL points at.

Other people run the test suite on the same (embedded) PostgreSQL at the same time, so a benchmark never writes to
the database named in DATABASE_URL: it creates `bench_<name>_<pid>` next to it, points Django at that one (set
before django.setup()) and drops it at the end, also after an error or Ctrl-C. Works for the embedded server's URL
(postgresql://postgres:@/postgres?host=/path/to/pgdata) and for a real one (postgres://u:p@host:5432/name)."""

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg


def _libpq_url(url: str) -> str:
    """django-environ accepts postgres:// and postgis://; libpq wants postgresql://."""
    scheme, rest = url.split("://", 1)
    return f"postgresql://{rest}" if scheme in {"postgres", "postgis", "pgsql", "psql"} else url


def with_database_name(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@contextmanager
def scratch_database(name: str) -> Iterator[str]:
    """Create the database `bench_<name>_<pid>`, point DATABASE_URL at it, yield its URL, drop it afterwards.

    Call before django.setup(): settings read DATABASE_URL once."""
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        raise SystemExit("DATABASE_URL is not set: run benchmarks through ./wijkmarkt bench <name>.")
    if _django_configured():
        # Settings already read DATABASE_URL (e.g. inside `manage shell`): Django would write to the shared database.
        raise SystemExit("Django is already set up; run the benchmark as a script: ./wijkmarkt bench <name>.")
    db_name = f"bench_{name}_{os.getpid()}"
    scratch_url = with_database_name(server_url, db_name)
    # Only a connection to the original database, to issue CREATE/DROP DATABASE; nothing in it is touched.
    with psycopg.connect(_libpq_url(server_url), autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{db_name}"')
    print(f"Scratch database {db_name} created", flush=True)
    os.environ["DATABASE_URL"] = scratch_url
    # SIGTERM (timeout, kill, the launcher passing one on) ends Python without running `finally`; make it an exit.
    previous_handler = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        yield scratch_url
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        os.environ["DATABASE_URL"] = server_url
        _close_django_connections()
        with psycopg.connect(_libpq_url(server_url), autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        print(f"Scratch database {db_name} dropped", flush=True)


def require_scratch_database(url: str) -> None:
    """After django.setup(): stop unless Django really points at the scratch database."""
    from django.db import connection

    expected = urlsplit(url).path.lstrip("/")
    if connection.settings_dict["NAME"] != expected:
        raise SystemExit(f"Django uses {connection.settings_dict['NAME']!r}, not the scratch database {expected!r}.")


def _exit_on_sigterm(_signum, _frame) -> None:
    raise SystemExit(143)


def _django_configured() -> bool:
    conf = sys.modules.get("django.conf")
    return conf is not None and conf.settings.configured


def _close_django_connections() -> None:
    if not _django_configured():
        return  # stopped before django.setup(): no connections to close
    from django.db import connections

    try:
        connections.close_all()
    except Exception as error:  # DROP ... WITH (FORCE) ends whatever is left open anyway
        print(f"(closing connections: {error})", flush=True)
