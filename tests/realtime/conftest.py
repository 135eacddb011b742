import pytest
from django.db import close_old_connections, connection


@pytest.fixture(autouse=True)
def _keep_the_test_transaction(monkeypatch):
    """channels closes "old" connections before every consumer handler; inside a test's transaction that closes
    the test's own connection (STYLE.md, known traps). Outside a transaction it still does its housekeeping."""

    async def aclose_unless_in_transaction():
        if not connection.in_atomic_block:
            close_old_connections()

    monkeypatch.setattr("channels.consumer.aclose_old_connections", aclose_unless_in_transaction)
    monkeypatch.setattr("channels.generic.websocket.aclose_old_connections", aclose_unless_in_transaction)


@pytest.fixture(autouse=True)
def _broadcast_at_once(monkeypatch):
    """Actions broadcast chat messages after commit. A test's transaction never commits, while in production each
    action's own transaction does, right before the socket answers: so here the callbacks run at once."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())
