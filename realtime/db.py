"""The only way socket code touches the database.

The tenant middleware never runs for sockets, and the active schema does not follow code into the database
thread: all consumers of a process share that thread, so a schema set once in connect() would leak to the other
sockets. So every call activates its schema itself, inside the sync function, and returns plain data."""

from asgiref.sync import sync_to_async
from django.db import close_old_connections, connection

from wijkmarkt.platform.wijken.hosts import portal_tenant


def _run_in(tenant, fn, args, kwargs):
    # channels' database_sync_to_async closes the connection unconditionally, which would end a test's
    # transaction; outside a transaction this is the same housekeeping.
    if not connection.in_atomic_block:
        close_old_connections()
    connection.set_tenant(tenant)
    try:
        return fn(*args, **kwargs)
    finally:
        connection.set_schema_to_public()


async def in_wijk(scope, fn, /, *args, **kwargs):
    """Run sync ORM code in this socket's wijk schema. Return plain data, never a lazy QuerySet (it would be
    evaluated later, in whatever schema is active then)."""
    return await sync_to_async(_run_in, thread_sensitive=True)(scope["wijk"], fn, args, kwargs)


async def in_public(fn, /, *args, **kwargs):
    """Run sync ORM code in the public schema (the wijk registry, accounts, sessions)."""
    return await sync_to_async(_run_in, thread_sensitive=True)(portal_tenant(), fn, args, kwargs)
