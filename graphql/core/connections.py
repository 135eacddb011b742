"""Connections with a page-size cap that answers with a clear, typed error instead of an assertion."""

from django.conf import settings
from django.utils.translation import gettext as _
from graphene_django.fields import DjangoConnectionField

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error


class CappedConnectionField(DjangoConnectionField):
    @classmethod
    def connection_resolver(cls, resolver, connection, default_manager, queryset_resolver, max_limit,
                            enforce_first_or_last, root, info, **args):  # fmt: skip
        limit = max_limit or settings.GRAPHENE["RELAY_CONNECTION_MAX_LIMIT"]
        for argument in ("first", "last"):
            if args.get(argument) is not None and not 0 <= args[argument] <= limit:
                raise graphql_error(
                    ErrorCode.PAGE_SIZE_TOO_LARGE,
                    _("`%(argument)s` mag tussen 0 en %(limit)s liggen; u vroeg %(asked)s.")
                    % {"argument": argument, "limit": limit, "asked": args[argument]},
                )
        return super().connection_resolver(
            resolver, connection, default_manager, queryset_resolver, max_limit, enforce_first_or_last, root, info,
            **args,
        )  # fmt: skip
