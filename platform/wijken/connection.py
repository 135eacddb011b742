"""Django's database connection as django-tenants makes it: the one typed way to reach its tenant attributes.

The backend in DATABASES is django-tenants' (django_tenants.postgresql_backend), whose DatabaseWrapper adds the
active tenant and the calls that switch the search_path. django-stubs types `django.db.connection` as Django's own
BaseDatabaseWrapper and django-tenants ships no types, so code that switches or reads the active wijk goes through
`tenant_connection()` (or `active_wijk()`) instead of `django.db.connection`."""

from typing import Protocol, cast

from django.db import connection

from wijkmarkt.platform.wijken.models import Wijk


class TenantConnection(Protocol):
    """What django-tenants' DatabaseWrapper adds to the connection, as far as this project uses it."""

    # The Wijk last given to set_tenant (the portal's is portal_tenant(), a Wijk without a row); django-tenants'
    # own FakeTenant after set_schema_to_public, None before anything was set.
    tenant: object
    schema_name: str | None  # the active schema; None before anything was set

    def set_tenant(self, tenant: Wijk, include_public: bool = True) -> None: ...

    def set_schema_to_public(self) -> None: ...


def tenant_connection() -> TenantConnection:
    return cast(TenantConnection, connection)


def active_wijk() -> Wijk:
    """The wijk whose schema is active: WijkMiddleware sets it for a request, django-tenants' tenant_context and
    realtime/db.py for other code. Only code that runs in a wijk's schema asks for it."""
    wijk = tenant_connection().tenant
    assert isinstance(wijk, Wijk), f"no wijk is active (schema {tenant_connection().schema_name})"
    return wijk
