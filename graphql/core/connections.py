"""Connections with a page-size cap that answers with a clear, typed error instead of an assertion."""

from functools import partial

import graphene
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from graphene.relay.connection import connection_adapter, page_info_adapter
from graphene_django.fields import DjangoConnectionField
from graphene_django.utils import maybe_queryset
from graphql_relay import connection_from_array_slice, cursor_to_offset, get_offset_with_default

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error

# Beyond any real list: a cursor or offset past it is garbage (and would overflow a bigint in SQL).
MAX_OFFSET = 10**9


class CappedConnectionField(DjangoConnectionField):
    @classmethod
    def resolve_connection(cls, connection, args, iterable, max_limit=None):
        """Forward pages (`first`, `after`) fetch one row more than asked instead of counting every match:
        `hasNextPage` needs no COUNT(*), which on a full-text search costs as much as the page itself
        (tests/performance/bench_listing_search.py). Other pages take graphene-django's path."""
        iterable = maybe_queryset(iterable)
        if (
            not isinstance(iterable, QuerySet)
            or args.get("last") is not None
            or args.get("before")
            or args.get("offset")
        ):
            return super().resolve_connection(connection, args, iterable, max_limit)
        first = args.get("first")
        if first is None:
            first = args["first"] = max_limit or settings.GRAPHENE["RELAY_CONNECTION_MAX_LIMIT"]
        start = get_offset_with_default(args.get("after"), -1) + 1
        rows = list(iterable[start : start + first + 1])
        seen = start + len(rows)  # a lower bound of the length: enough to tell whether a next page exists
        result = connection_from_array_slice(
            rows,
            args,
            slice_start=start,
            array_length=seen,
            array_slice_length=len(rows),
            connection_type=partial(connection_adapter, connection),
            edge_type=connection.Edge,
            page_info_type=page_info_adapter,
        )
        result.iterable = iterable
        result.length = seen
        return result

    @classmethod
    def connection_resolver(
        cls,
        resolver,
        connection,
        default_manager,
        queryset_resolver,
        max_limit,
        enforce_first_or_last,
        root,
        info,
        **args,
    ):
        check_page_arguments(args, max_limit or settings.GRAPHENE["RELAY_CONNECTION_MAX_LIMIT"])
        return super().connection_resolver(
            resolver,
            connection,
            default_manager,
            queryset_resolver,
            max_limit,
            enforce_first_or_last,
            root,
            info,
            **args,
        )


class CheckedConnectionField(graphene.relay.ConnectionField):
    """graphene's plain ConnectionField (no `offset`) with the same checks: a negative `first` or a cursor it never
    handed out was graphql-relay's ValueError, an INTERNAL error."""

    @classmethod
    def connection_resolver(cls, resolver, connection_type, root, info, **args):
        check_page_arguments(args, settings.GRAPHENE["RELAY_CONNECTION_MAX_LIMIT"])
        return super().connection_resolver(resolver, connection_type, root, info, **args)


def check_page_arguments(args: dict, limit: int) -> None:
    """A typed error for paging arguments no page can follow, before anything is read."""
    for argument in ("after", "before"):
        if args.get(argument) is not None and not _valid_cursor(args[argument]):
            raise graphql_error(
                ErrorCode.BAD_REQUEST, _("Deze `%(argument)s`-cursor is ongeldig.") % {"argument": argument}
            )
    if args.get("offset") is not None and not 0 <= args["offset"] < MAX_OFFSET:
        raise graphql_error(ErrorCode.BAD_REQUEST, _("`offset` moet 0 of meer zijn."))
    if args.get("offset") is not None and args.get("before") is not None:
        # graphene-django asserts this (an INTERNAL error): an offset counts from the start, `before` from a cursor
        raise graphql_error(ErrorCode.BAD_REQUEST, _("Gebruik `offset` niet samen met `before`."))
    for argument in ("first", "last"):
        if args.get(argument) is not None and not 0 <= args[argument] <= limit:
            raise graphql_error(
                ErrorCode.PAGE_SIZE_TOO_LARGE,
                _("`%(argument)s` mag tussen 0 en %(limit)s liggen; u vroeg %(asked)s.")
                % {"argument": argument, "limit": limit, "asked": args[argument]},
            )


def _valid_cursor(cursor: str) -> bool:
    """A cursor this API handed out: an offset in range (graphql-relay answers None for garbage)."""
    offset = cursor_to_offset(cursor)
    return offset is not None and 0 <= offset < MAX_OFFSET
