"""The only way socket code touches the database.

The tenant middleware never runs for sockets, and the active schema does not follow code into the database
thread: all consumers of a process share that thread, so a schema set once in connect() would leak to the other
sockets. So every call activates its schema itself, inside the sync function, and returns plain data."""

import threading
import time

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection

from wijkmarkt.platform.wijken.connection import tenant_connection
from wijkmarkt.platform.wijken.hosts import portal_tenant
from wijkmarkt.platform.wijken.models import Wijk

IDLE_CHECK_SECONDS = 30
_use = threading.local()


def _keep_connection_usable():
    """Every socket of a process reaches the database through this one thread, so the thread keeps one connection
    for as long as it works, whatever CONN_MAX_AGE says: opening one costs about 7.5 ms against 0.2 ms for a query
    (tests/performance/bench_chat.py). HTTP requests keep CONN_MAX_AGE: under ASGI each request has a thread of its
    own, and a connection kept there would outlive the thread (Django's ASGI deployment notes). A connection that
    failed or sat idle (a server or firewall may have dropped it) is checked first, and replaced if it is broken."""
    if connection.connection is None or connection.in_atomic_block:
        return
    now = time.monotonic()
    idle, _use.last = now - getattr(_use, "last", now), now
    if not connection.errors_occurred and idle < IDLE_CHECK_SECONDS:
        return
    if connection.is_usable():
        connection.errors_occurred = False
    else:
        connection.close()


def _keep_status_current(tenant) -> None:
    """A socket keeps the wijk it found at connect for hours. Its status (a paused wijk takes no writes,
    permissions.wijk_paused) is read again once it is older than the host cache's time, so a wijk paused while
    sockets are open refuses their frames as soon as the pages refuse, not at the next reconnect."""
    if tenant.pk is None:  # the portal: not a row, nothing to read
        return
    now = time.monotonic()
    read_at = getattr(tenant, "_status_read_at", None)
    if read_at is not None and now - read_at < settings.WIJKMARKT_HOST_CACHE_SECONDS:
        return
    if read_at is not None:
        status = Wijk.objects.filter(pk=tenant.pk).values_list("status", flat=True).first()
        tenant.status = status if status is not None else tenant.status
    tenant._status_read_at = now


def _run_in(tenant, fn, args, kwargs):
    _keep_connection_usable()
    _keep_status_current(tenant)
    tenant_connection().set_tenant(tenant)
    try:
        return fn(*args, **kwargs)
    finally:
        tenant_connection().set_schema_to_public()


async def in_wijk(scope, fn, /, *args, **kwargs):
    """Run sync ORM code in this socket's wijk schema. Return plain data, never a lazy QuerySet (it would be
    evaluated later, in whatever schema is active then)."""
    return await sync_to_async(_run_in, thread_sensitive=True)(scope["wijk"], fn, args, kwargs)


async def in_public(fn, /, *args, **kwargs):
    """Run sync ORM code in the public schema (the wijk registry, accounts, sessions)."""
    return await sync_to_async(_run_in, thread_sensitive=True)(portal_tenant(), fn, args, kwargs)
