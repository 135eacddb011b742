"""The probes (platform/config/health.py): /healthz and /readyz on any Host, before the wijk middleware, saying
nothing internal."""

import socket

import pytest
from django.db import connection
from django.test import Client

from wijkmarkt.platform.config import health
from wijkmarkt.platform.config.health import migration_leaves
from wijkmarkt.platform.wijken.models import Wijk

POD_ADDRESS = "10.1.2.3:8000"


@pytest.fixture(autouse=True)
def _no_kept_answer(monkeypatch):
    """Every test asks the database afresh: no "migrated" kept from an earlier test in this process."""
    monkeypatch.setattr(health, "migrated_until", 0.0)


def probe(path: str, host: str = POD_ADDRESS):
    return Client(HTTP_HOST=host).get(path)


def assert_reveals_nothing(response) -> None:
    body = response.content.decode()
    for name in ["public", *Wijk.objects.values_list("schema_name", flat=True)]:
        assert name not in body
    assert "Error" not in body and "Traceback" not in body


@pytest.mark.parametrize("host", [POD_ADDRESS, "localhost", "parkwijk.localhost", "evil.example", "bad host!!"])
def test_liveness_answers_on_any_host_without_the_database(host):
    # No `db` fixture: a query here would fail the test.
    response = probe("/healthz", host)

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_the_pod_address_is_not_an_allowed_host_for_anything_else(settings):
    assert not any(host in POD_ADDRESS for host in settings.ALLOWED_HOSTS)


@pytest.mark.parametrize("host", [POD_ADDRESS, "localhost", "parkwijk.localhost", "evil.example"])
def test_ready_on_any_host_when_every_schema_is_migrated(db, host):
    response = probe("/readyz", host)

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_not_ready_when_one_wijk_schema_misses_its_last_migration(parkwijk):
    app, name = migration_leaves()[1][-1]
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute("DELETE FROM parkwijk.django_migrations WHERE app = %s AND name = %s", [app, name])
        assert cursor.rowcount == 1

    response = probe("/readyz")

    assert response.status_code == 503
    assert response.content == b"not ready: migrations\n"
    assert "no-store" in response["Cache-Control"]
    assert_reveals_nothing(response)


def test_a_migrated_city_is_remembered_for_a_while(parkwijk, django_assert_num_queries):
    assert probe("/readyz").status_code == 200

    with django_assert_num_queries(1):  # SELECT 1: the database is still asked whether it answers
        response = probe("/readyz")

    assert response.status_code == 200


def test_not_ready_when_the_public_schema_misses_its_last_migration(db):
    app, name = migration_leaves()[0][0]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM public.django_migrations WHERE app = %s AND name = %s", [app, name])
        assert cursor.rowcount == 1

    response = probe("/readyz")

    assert response.status_code == 503
    assert response.content == b"not ready: migrations\n"


def test_not_ready_when_a_wijk_schema_is_missing(db):
    Wijk.objects.filter(schema_name="centrum").update(schema_name="verdwenen")

    response = probe("/readyz")

    assert response.status_code == 503
    assert response.content == b"not ready: migrations\n"
    assert_reveals_nothing(response)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_not_ready_when_the_configured_redis_is_down(db, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{closed_port()}/0"

    response = probe("/readyz")

    assert response.status_code == 503
    assert response.content == b"not ready: redis\n"
    assert "127.0.0.1" not in response.content.decode()


def test_not_ready_when_the_database_is_unreachable(db, monkeypatch):
    def refuse(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError("connection refused to 10.0.0.5")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response = probe("/readyz")

    assert response.status_code == 503
    assert response.content == b"not ready: database\n"
