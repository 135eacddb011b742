"""The probes: `/healthz` (the process lives) and `/readyz` (it can serve: database, migrations, Redis).

A probe comes from the cluster with the pod's own address as its Host (10.1.2.3:8000), which is no wijk and not in
ALLOWED_HOSTS. So this middleware stands first in MIDDLEWARE and answers these two paths before the tenant middleware
and before anything reads the Host (Django checks ALLOWED_HOSTS only when request.get_host() is called); every other
path goes on unchanged. The answers say nothing internal: "ok", or "not ready" with the fixed name of the check that
failed (database, migrations, redis); never a schema name or an error's text."""

import time
from collections.abc import Callable
from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django_tenants.utils import get_public_schema_name
from psycopg import sql

from wijkmarkt.platform.wijken.models import Wijk

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
# Short: a probe that waits longer than its own timeout counts as a failure anyway.
REDIS_TIMEOUT_SECONDS = 2
# How long a process trusts its last "every schema is migrated" (migrations_applied).
MIGRATED_KEPT_SECONDS = 60
migrated_until = 0.0


def plain(text: str, status: int) -> HttpResponse:
    response = HttpResponse(f"{text}\n", status=status, content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)  # Cache-Control: no-store, ...: a proxy must never answer a probe for us
    return response


@cache
def migration_leaves() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The last migration of every app, (public schema's, a wijk schema's), as django-tenants migrates them: SHARED_APPS
    in the public schema, TENANT_APPS in each wijk's. Read from the migration files once per process: they do not
    change while it runs."""
    labels_of = {config.name: config.label for config in apps.get_app_configs()}
    shared = {labels_of[name] for name in settings.SHARED_APPS if name in labels_of}
    tenant = {labels_of[name] for name in settings.TENANT_APPS if name in labels_of}
    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()
    return (
        tuple(sorted(node for node in leaves if node[0] in shared)),
        tuple(sorted(node for node in leaves if node[0] in tenant)),
    )


def missing_count_sql(schema: str, leaves: str) -> sql.Composed:
    """One SELECT of how many of the leaves (a name of the WITH below) are not recorded in `schema`."""
    return sql.SQL(
        "SELECT count(*) FROM {} AS leaf WHERE NOT EXISTS "
        "(SELECT 1 FROM {}.django_migrations AS m WHERE m.app = leaf.app AND m.name = leaf.name)"
    ).format(sql.Identifier(leaves), sql.Identifier(schema))


def migrations_applied() -> bool:
    """Every schema has recorded its apps' last migrations: one statement for the public schema and all wijken
    together, however many there are (about half a second for 1,000 wijken here). A wijk schema that is missing, or
    has no django_migrations, counts as not migrated. Once all are migrated the answer is kept for
    MIGRATED_KEPT_SECONDS: migrations do not come undone, and a probe every few seconds need not ask each time."""
    global migrated_until  # this process's memory of the last good answer
    if time.monotonic() < migrated_until:
        return True
    public = get_public_schema_name()
    public_leaves, tenant_leaves = migration_leaves()
    params = [
        [app for app, _ in public_leaves],
        [name for _, name in public_leaves],
        [app for app, _ in tenant_leaves],
        [name for _, name in tenant_leaves],
    ]
    try:
        # A savepoint inside a test's transaction; a short transaction of its own otherwise.
        with transaction.atomic(), connection.cursor() as cursor:
            schemas = Wijk.objects.exclude(schema_name=public).values_list("schema_name", flat=True)
            parts = [missing_count_sql(public, "public_leaf")]
            parts += [missing_count_sql(schema, "wijk_leaf") for schema in schemas]
            statement = sql.SQL(
                "WITH public_leaf(app, name) AS (SELECT * FROM unnest(%s::text[], %s::text[])), "
                "wijk_leaf(app, name) AS MATERIALIZED (SELECT * FROM unnest(%s::text[], %s::text[])) "
                "SELECT coalesce(sum(missing), 0) FROM ({}) AS counts(missing)"
            ).format(sql.SQL(" UNION ALL ").join(parts))
            cursor.execute(statement, params)
            row = cursor.fetchone()
    except DatabaseError:
        return False
    migrated = row is not None and row[0] == 0
    if migrated:
        migrated_until = time.monotonic() + MIGRATED_KEPT_SECONDS
    return migrated


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def redis_reachable() -> bool:
    """Redis answers a PING, when it is configured (REDIS_URL); without it there is nothing to reach."""
    if not settings.REDIS_URL:
        return True
    import redis  # channels-redis' own dependency; only needed when REDIS_URL is set

    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=REDIS_TIMEOUT_SECONDS, socket_timeout=REDIS_TIMEOUT_SECONDS
    )
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


def failed_check() -> str | None:
    """The fixed name of the first readiness check that fails, or None when the process is ready."""
    if not database_reachable():
        return "database"
    if not migrations_applied():
        return "migrations"
    if not redis_reachable():
        return "redis"
    return None


class HealthMiddleware:
    """First in MIDDLEWARE: answers the two probe paths on any Host, passes everything else on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == LIVENESS_PATH:
            return plain("ok", 200)
        if request.path_info == READINESS_PATH:
            failed = failed_check()
            return plain("ok", 200) if failed is None else plain(f"not ready: {failed}", 503)
        return self.get_response(request)
