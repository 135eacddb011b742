"""The base of every mutation: run one action, return its payload plus `errors`; with errors, write nothing."""

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction

from wijkmarkt.graphql.core.errors import user_errors
from wijkmarkt.graphql.core.text_inputs import mutation_input_error


class BaseMutation(graphene.Mutation):
    """Subclasses set `error_code_enum`, declare `errors = graphene.List(graphene.NonNull(...))`, and implement
    `perform(info, **input) -> dict` by calling one action."""

    class Meta:
        abstract = True

    error_code_enum: type[graphene.Enum]

    @classmethod
    def perform(cls, info, **data) -> dict:
        raise NotImplementedError

    @classmethod
    def mutate(cls, root, info, **data):
        if error := mutation_input_error(data):  # before any action: text no field takes (text_inputs.py)
            return cls(errors=user_errors(error, cls.error_code_enum))
        try:
            with transaction.atomic():
                return cls(errors=[], **cls.perform(info, **data))
        except ValidationError as error:
            return cls(errors=user_errors(error, cls.error_code_enum))
