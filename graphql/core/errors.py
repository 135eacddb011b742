"""Two kinds of error. User errors (bad input) come back in a mutation's `errors` list with a field, a code from
the domain's enum and the Dutch message the page would show. Faults and missing permission are top-level GraphQL
errors with `extensions.code`, never a stack trace."""

import logging
from enum import StrEnum

import graphene
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from graphql import GraphQLError
from wijkmarkt.platform.accounts.permissions import PAUSED, PAUSED_MESSAGE
from wijkmarkt.tenants.membership.access import NO_CONSENT

logger = logging.getLogger(__name__)


class ErrorCode(StrEnum):
    PERMISSION_DENIED = "PERMISSION_DENIED"
    NOT_FOUND = "NOT_FOUND"
    WRONG_DOMAIN = "WRONG_DOMAIN"
    BAD_REQUEST = "BAD_REQUEST"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"  # a query's text PostgreSQL cannot take (graphql/core/text_inputs.py)
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
    PAGE_SIZE_TOO_LARGE = "PAGE_SIZE_TOO_LARGE"
    INTERNAL = "INTERNAL"


def graphql_error(code: ErrorCode, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": str(code)})


def permission_denied() -> GraphQLError:
    return graphql_error(ErrorCode.PERMISSION_DENIED, _("U heeft geen toegang tot deze gegevens."))


# A makelaar acting for a member whose consent is not on record (tenants/membership/access.py).
NO_CONSENT_MESSAGE = gettext_lazy(
    "Er is geen toestemming van deze bewoner genoteerd om namens hem of haar te handelen. Noteer eerst de "
    "toestemming in het dossier."
)


def format_error(error: GraphQLError) -> dict:
    """What a client sees of an error: a known GraphQL error as is; anything unexpected as INTERNAL, logged."""
    if not isinstance(error, GraphQLError):  # graphene-django's HttpError: bad JSON, GET mutation, no query
        return {"message": str(error), "extensions": {"code": str(ErrorCode.BAD_REQUEST)}}
    original = error.original_error
    if isinstance(original, PermissionDenied):
        reasons = {NO_CONSENT: NO_CONSENT_MESSAGE, PAUSED: PAUSED_MESSAGE}  # a refusal that says why
        message = reasons.get(str(original), permission_denied().message)
        error = GraphQLError(
            str(message), error.nodes, path=error.path, extensions={"code": str(ErrorCode.PERMISSION_DENIED)}
        )
    elif isinstance(original, ObjectDoesNotExist):
        error = GraphQLError(
            _("Niet gevonden."), error.nodes, path=error.path, extensions={"code": str(ErrorCode.NOT_FOUND)}
        )
    elif original is not None and not isinstance(original, GraphQLError):
        logger.error("GraphQL resolver failed", exc_info=original)
        error = GraphQLError(
            _("Er ging iets mis aan onze kant. Probeer het later opnieuw."),
            error.nodes,
            path=error.path,
            extensions={"code": str(ErrorCode.INTERNAL)},
        )
    return error.formatted


def user_errors(error: ValidationError, code_enum: type[graphene.Enum]) -> list[dict]:
    """A ValidationError as `errors` items: field in camelCase (null for the whole input), code from the enum."""
    known = {member.value for member in code_enum}
    items = []
    for field, errors in error.error_dict.items() if hasattr(error, "error_dict") else [(None, error.error_list)]:
        field_name = None if field in (None, "__all__") else camel(field)
        for item in errors:
            code = (item.code or "invalid").upper()
            items.append(
                {
                    "field": field_name,
                    "code": code if code in known else "INVALID",
                    "message": " ".join(item.messages),
                }
            )
    return items


def bad_filter(form_errors) -> GraphQLError:
    """A filter form's errors (a list query's arguments) as one top-level BAD_REQUEST naming the fields in camelCase:
    a query has no `errors` list."""
    fields = [camel(field) for field in form_errors]
    message = " ".join(f"{camel(field)}: {' '.join(messages)}" for field, messages in form_errors.items())
    return GraphQLError(message, extensions={"code": str(ErrorCode.BAD_REQUEST), "fields": fields})


def camel(name: str) -> str:
    """A Python argument or field name as the schema spells it: `near_street` is `nearStreet`."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
