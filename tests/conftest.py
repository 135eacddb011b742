"""The suite's set-up. Shared fixtures are pytest plugins in tests/fixtures/, registered here once; builders the tests
call directly are in tests/builders/. The wijk schemas are created once per test session, through the same
provisioning action the command uses; each test runs in a transaction that rolls back and ends on the public
schema."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

# The builders' own checks (tests/builders/clients.py: ok, top_error) report like a test's asserts.
pytest.register_assert_rewrite("tests.builders")

pytest_plugins = [
    "tests.fixtures.wijken",
    "tests.fixtures.console",
    "tests.fixtures.ledger",
    "tests.fixtures.places",
    "tests.fixtures.privacy",
    "tests.fixtures.search",
    "tests.fixtures.wijzer",
]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is slow by design; tests that are not about hashing use a fast hasher
    (tests/tenants/membership/test_pages.py checks the configured Argon2)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The host -> wijk cache would carry one test's wijk rows into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _dutch():
    """Every test starts in Dutch: a request in English (LocaleMiddleware) leaves English active in the thread, and
    the next test would read English messages from actions it calls directly."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _back_to_public():
    yield
    connection.set_schema_to_public()
