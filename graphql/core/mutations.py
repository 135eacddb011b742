"""The base of every mutation: run one action, return its payload plus `errors`; with errors, write nothing."""

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction

from wijkmarkt.graphql.core.errors import user_errors
from wijkmarkt.graphql.core.text_inputs import refused_text


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
        data, refused = refused_text(data)  # text no field takes never reaches the action (text_inputs.py)
        try:
            with transaction.atomic():
                payload = cls(errors=[], **cls.perform(info, **data))
                if refused is not None:
                    raise refused  # the action took the stand-in: undo it, answer the field's error
                return payload
        except ValidationError as error:
            return cls(errors=user_errors(error, cls.error_code_enum))
