"""The one place GraphQL resolvers check who may do what; it defers to platform.accounts.permissions."""

from django.db import connection
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error, permission_denied
from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission


def actor(info) -> Actor:
    return info.context.actor


def on_portal(info) -> bool:
    return connection.schema_name == get_public_schema_name()


def current_wijk(info):
    """The wijk of this request's domain, or None on the portal."""
    return None if on_portal(info) else info.context.tenant


def require(info, perm: Perm) -> Actor:
    current = actor(info)
    if not has_permission(current, perm):
        raise permission_denied()
    return current


def require_wijk_domain(info):
    wijk = current_wijk(info)
    if wijk is None:
        raise graphql_error(ErrorCode.WRONG_DOMAIN, _("Dit kan alleen op de site van een wijk."))
    return wijk


def require_portal(info) -> None:
    if not on_portal(info):
        raise graphql_error(ErrorCode.WRONG_DOMAIN, _("Dit kan alleen op het portaal van Wijkmarkt Haarlem."))
