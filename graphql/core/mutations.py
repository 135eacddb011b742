"""The bases of every mutation: run one action, return its payload plus `errors`; with errors, write nothing.
`WijkMutation` adds the checks every mutation on a wijk's site makes before it reads its input."""

import graphene
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from graphql import GraphQLError
from wijkmarkt.graphql.core.errors import user_errors
from wijkmarkt.graphql.core.lookups import suspended_error
from wijkmarkt.graphql.core.permissions import actor, require, require_wijk_domain
from wijkmarkt.graphql.core.text_inputs import refused_text
from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.platform.wijken.models import Wijk


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


class WijkMutation(BaseMutation):
    """A mutation on a wijk's site. Before the input is read (a refusal is a refusal, not a list of errors): the
    wijk of this domain (`wijk_of`), the domain's `permission` when it names one, and the actor's suspension. Then
    `act(info, wijk, **arguments)` calls one action. A paused wijk: the actions refuse
    (permissions.require_writes_open).

    A domain's abstract base sets `errors` and `error_code_enum` and overrides only what differs: `wijk_of` (where
    its module may be switched off), `permission`, `refused_while_suspended`, `refusal`."""

    class Meta:
        abstract = True

    permission: Perm | None = None
    # A suspended member reads but does not post, respond, propose or report, not even as someone's proxy:
    # access.acting_as does not look at the actor's own suspension on its proxy path, so this does, here.
    refused_while_suspended = True

    @classmethod
    def wijk_of(cls, info) -> Wijk:
        return require_wijk_domain(info)

    @classmethod
    def perform(cls, info, **data) -> dict:
        wijk = cls.wijk_of(info)
        if cls.permission is not None:
            require(info, cls.permission)
        suspended = actor(info).suspended
        if suspended and cls.refused_while_suspended:
            raise suspended_error()
        try:
            return cls.act(info, wijk, **data)
        except PermissionDenied as refusal:
            if suspended:  # an action that a suspended member may try refused them: say why, as the pages do
                raise suspended_error() from None
            error = cls.refusal(refusal)
            if error is None:
                raise
            raise error from None

    @classmethod
    def act(cls, info, wijk: Wijk, **data) -> dict:
        raise NotImplementedError

    @classmethod
    def refusal(cls, refusal: PermissionDenied) -> GraphQLError | None:
        """The words for an action's refusal when the generic ones (errors.format_error) would not say why."""
        return None
