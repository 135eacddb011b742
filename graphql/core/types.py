"""Types every domain module shares."""

import graphene


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
