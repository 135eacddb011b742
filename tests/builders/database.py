"""Rows made once for a whole class (or module) of tests instead of once per test."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def rolled_back_afterwards(django_db_blocker) -> Iterator[None]:
    """One transaction around a class-scoped fixture and the tests that use it: what the fixture makes inside it is
    there for each test, each test runs in a savepoint of its own (pytest-django's atomic blocks nest in this one) and
    everything is rolled back after the last test, so the tests around the class find the database as before."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        connection.set_schema_to_public()
