"""Reads of membership, always inside the active wijk schema."""

from django.db import connection
from django.db.models import QuerySet
from django_tenants.utils import quote_schema_name

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, wijk_paused
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.platform.wijken.selectors import wijken_listed
from wijkmarkt.tenants.membership.models import Membership


def membership_of(user: User | None) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    return Membership.objects.select_related("user").filter(user=user).first()


def request_membership(request) -> Membership | None:
    """The viewer's membership in the request's wijk, looked up once per request (pages, template tags and
    GraphQL all ask for it)."""
    if not hasattr(request, "_membership"):
        request._membership = membership_of(request.user)
    return request._membership


def actor_for(user: User | None, membership: Membership | None = None) -> Actor:
    """The actor in the active wijk: pages, GraphQL, socket frames, commands and demo data all build it here, so a
    paused wijk is read-only for each of them (the schema's tenant is the Wijk itself; the portal and a bare
    schema_context have no status and are never paused)."""
    membership = membership if membership is not None else membership_of(user)
    account = user if user is not None and user.is_authenticated else None
    return Actor(
        user=account,
        role=membership.role if membership else None,
        suspended=bool(membership and membership.suspended_at),
        paused=wijk_paused(getattr(connection, "tenant", None)),
    )


def neighbours() -> QuerySet[Membership]:
    return Membership.objects.select_related("user").filter(user__is_active=True).order_by("user__first_name", "id")


def memberships_across_wijken(user: User) -> list[tuple[Wijk, str]]:
    """The wijken this account belongs to, with its role in each: the account's own rows, read in one query over
    the wijk schemas (not one query per wijk). Nothing of anyone else crosses."""
    wijken = {wijk.schema_name: wijk for wijk in wijken_listed()}
    if not wijken:
        return []
    table = connection.ops.quote_name(Membership._meta.db_table)
    # Schema names are validated registry slugs, quoted; the values are parameters.
    select = "SELECT %s AS schema, role FROM {schema}.{table} WHERE user_id = %s"
    union = " UNION ALL ".join(select.format(schema=quote_schema_name(schema), table=table) for schema in wijken)
    params = [value for schema in wijken for value in (schema, user.pk)]
    with connection.cursor() as cursor:
        cursor.execute(union, params)
        rows = cursor.fetchall()
    return sorted(((wijken[schema], role) for schema, role in rows), key=lambda pair: pair[0].name)
