"""The real browser: Debian's headless Chromium (never a browser Playwright downloads) against daphne serving the
session's test database. Without a Chromium the browser tests skip and say how to get one; in CI (CI=true) a
missing Chromium fails instead, because CI installs it and a silent skip there would hide the whole module.

The ORM is only touched before Playwright starts: its sync API runs an event loop in this thread, and Django then
refuses every ORM call (SynchronousOnlyOperation)."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.db import connection

from wijkmarkt.platform.wijken.actions import provision_wijk
from wijkmarkt.tenants.demo.load import WIJKEN

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = (
    "Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM=/path; CI installs it"
)
SERVER_START_TIMEOUT = 20.0


@dataclass(frozen=True)
class Site:
    """Where the test server answers; `url(None)` is the portal, `url("parkwijk")` a wijk site."""

    port: int

    def url(self, slug: str | None, path: str = "/") -> str:
        host = f"{slug}.localhost" if slug else "localhost"
        return f"http://{host}:{self.port}{path}"


def chromium_executable() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).is_file() else None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = chromium_executable()
    if path is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(NO_CHROMIUM)
        pytest.skip(NO_CHROMIUM)
    return path


def url_of_test_database(name: str) -> str:
    """DATABASE_URL with the database name swapped for the test database's. Works for the embedded server's
    postgresql://postgres:@/postgres?host=/socket/dir and for postgres://user:pw@host:5432/name alike: only the
    path changes, so user, password, host, port and options stay as they are."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return parts._replace(path="/" + quote(name, safe="")).geturl()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def portal_answers(port: int) -> int | None:
    """The portal's status code, or None while nothing listens. Python does not resolve *.localhost, so ask
    127.0.0.1 with the Host header; and never through a proxy from the environment."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": "localhost"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


@pytest.fixture(scope="session")
def wijkmarkt_server(chromium_path, django_db_setup, django_db_blocker) -> Iterator[Site]:
    """daphne in a subprocess on a free port, on the session's test database, with the four wijken in it."""
    with django_db_blocker.unblock():
        # django_db_setup committed them, but pytest-django runs tests without a database (these) last, after any
        # transactional test has truncated the public Wijk/Domain rows: provision again (idempotent; the
        # schemas are still there, so this only restores the rows).
        for spec in WIJKEN:
            provision_wijk(**spec)
        connection.set_schema_to_public()
        database_name = connection.settings_dict["NAME"]  # the test database's, once django_db_setup ran

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url_of_test_database(database_name),
        "WIJKMARKT_PORT": str(port),  # the app writes absolute links (portal, wijk sites) with this port
        "PYTHONUNBUFFERED": "1",
        # Tests change wijken (points on, a status) in their own process: the server should see it within a second.
        "WIJKMARKT_HOST_CACHE_SECONDS": "1",
    }
    env.setdefault("DJANGO_SETTINGS_MODULE", "wijkmarkt.platform.config.settings")
    with tempfile.TemporaryFile("w+") as log:
        daphne = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "wijkmarkt.platform.config.asgi:application",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            status = None
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while time.monotonic() < deadline and daphne.poll() is None:
                status = portal_answers(port)
                if status is not None:
                    break
                time.sleep(0.1)
            if status != 200:
                log.seek(0)
                pytest.fail(
                    f"daphne did not serve the portal on 127.0.0.1:{port} within {SERVER_START_TIMEOUT:.0f} s "
                    f"(status {status}, exit code {daphne.poll()}). Its output:\n{log.read()}"
                )
            yield Site(port=port)
        finally:
            daphne.terminate()
            try:
                daphne.wait(timeout=10)
            except subprocess.TimeoutExpired:
                daphne.kill()
                daphne.wait()


@pytest.fixture(scope="module")
def browser(chromium_path, wijkmarkt_server):
    """One Chromium for the module. Module-scoped, not session-scoped: while Playwright runs, Django refuses ORM
    calls in this thread, so it must be gone before later tests and the test database teardown."""
    from playwright.sync_api import sync_playwright  # only needed once a Chromium is known to exist

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def site(wijkmarkt_server) -> Site:
    return wijkmarkt_server


@pytest.fixture
def page(browser):
    """A fresh context (cookies, language) and one page per test."""
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(5_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(5_000)
    try:
        yield context.new_page()
    finally:
        context.close()
