"""Shared fixtures. The wijk schemas are created once per test session, through the same provisioning action the
command uses; each test runs in a transaction that rolls back and ends on the public schema."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import translation
from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.wijken.actions import provision_wijk
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.demo.load import WIJKEN
from wijkmarkt.tenants.membership.actions.joining import join_wijk

PASSWORD = "een-lang-test-wachtwoord"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The four wijken of the documents, committed once for the whole session."""
    with django_db_blocker.unblock():
        for spec in WIJKEN:
            provision_wijk(**spec)
        connection.set_schema_to_public()


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


def get_wijk(slug: str) -> Wijk:
    return Wijk.objects.get(schema_name=slug)


@pytest.fixture
def parkwijk(db) -> Wijk:
    return get_wijk("parkwijk")


@pytest.fixture
def centrum(db) -> Wijk:
    return get_wijk("centrum")


@pytest.fixture
def boerhaavewijk(db) -> Wijk:
    return get_wijk("boerhaavewijk")


def make_member(wijk: Wijk, first_name: str, email: str | None = None, role=None):
    """A citywide account that is a member of `wijk`, built through the actions."""
    user = create_account(email=email or f"{first_name.lower()}@example.nl", first_name=first_name, password=PASSWORD)
    with tenant_context(wijk):
        kwargs = {"role": role} if role else {}
        membership = join_wijk(wijk=wijk, user=user, accepted_house_rules=True, **kwargs)
    return membership


def client_for(slug: str | None, user=None) -> Client:
    """A test client on a wijk's domain (or the portal for None), logged in as `user` if given."""
    host = f"{slug}.localhost" if slug else "localhost"
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client
