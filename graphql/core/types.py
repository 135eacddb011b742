"""Types every domain module shares."""

from collections.abc import Iterable
from enum import Enum

import graphene


def error_codes(name: str, domain_codes: Iterable[Enum], description: str) -> type[graphene.Enum]:
    """A domain's error-code enum: the codes of its errors.py in capitals, and INVALID for any other."""
    return graphene.Enum(
        name,
        [(code.name, code.value.upper()) for code in domain_codes] + [("INVALID", "INVALID")],
        description=description,
    )


def error_type(name: str, code_enum: type[graphene.Enum]) -> type[graphene.ObjectType]:
    """The `{ field code message }` user-error type of one domain, with that domain's code enum."""
    return type(
        name,
        (graphene.ObjectType,),
        {
            "field": graphene.String(description="The input field in camelCase, or null for the input as a whole."),
            "code": graphene.Field(graphene.NonNull(code_enum), description="What is wrong, for programs."),
            "message": graphene.String(required=True, description="What to fix, in the user's language."),
            "__doc__": f"A user error of the {name.removesuffix('Error')} domain.",
        },
    )


def enum_value(value):
    """The Python value of a GraphQL enum argument (graphene hands over the member or, for a default, the value)."""
    return getattr(value, "value", value)
