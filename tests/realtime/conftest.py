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
