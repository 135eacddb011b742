"""Household-help mutations: each calls one action of tenants/care/actions.py and returns its payload plus
`errors`; with errors the whole mutation writes nothing (BaseMutation)."""

import graphene
from django.utils.translation import gettext as _

from wijkmarkt.graphql.care.queries import care_wijk
from wijkmarkt.graphql.care.types import (
    HELP_REQUEST_RELATED,
    CareActivityEnum,
    DayPartEnum,
    HelpRequestType,
    ProviderType,
    WeekdayEnum,
)
from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.mutations import BaseMutation
from wijkmarkt.graphql.core.types import error_type
from wijkmarkt.graphql.marketplace.dataloaders import viewer

# The same resolution of `onBehalfOf` and the same suspension wording as the marketplace mutations.
from wijkmarkt.graphql.marketplace.mutations import _member, _node, _suspended
from wijkmarkt.platform.wijken.models import WijkStatus
from wijkmarkt.tenants.care import actions
from wijkmarkt.tenants.care.errors import CareErrorCode as DomainErrorCode
from wijkmarkt.tenants.care.models import HelpRequest

CareErrorCode = graphene.Enum(
    "CareErrorCode",
    [(code.name, code.value.upper()) for code in DomainErrorCode] + [("INVALID", "INVALID")],
    description="Why a household-help change did not go through; `message` says it in words.",
)
CareError = error_type("CareError", CareErrorCode)


class CareTimeInput(graphene.InputObjectType):
    """A day and part of the day when help suits."""

    day = WeekdayEnum(required=True, description="The day.")
    part = DayPartEnum(required=True, description="The part of the day.")


class CareMutation(BaseMutation):
    """Subclasses implement `act(info, **arguments)` by calling one action; this checks the domain, a paused wijk
    and suspension first."""

    class Meta:
        abstract = True

    errors = graphene.List(graphene.NonNull(CareError), required=True, description="What to fix; empty when it worked.")
    error_code_enum = CareErrorCode

    @classmethod
    def perform(cls, info, **data) -> dict:
        wijk = care_wijk(info)
        if wijk.status == WijkStatus.PAUSED:
            raise graphql_error(
                ErrorCode.PERMISSION_DENIED,
                _("Deze wijk is gepauzeerd: u kunt lezen, maar niets plaatsen of wijzigen."),
            )
        if viewer(info).actor.suspended:
            raise _suspended()
        return cls.act(info, **data)

    @classmethod
    def act(cls, info, **data) -> dict:
        raise NotImplementedError


def _payload(help_request: HelpRequest) -> dict:
    # Read again with its relations, so the answer shows the state the action left.
    return {"help_request": HelpRequest.objects.select_related(*HELP_REQUEST_RELATED).get(pk=help_request.pk)}


def _request_id_argument():
    return graphene.ID(required=True, description="The request (a HelpRequest ID).")


class SendHelpRequest(CareMutation):
    """Ask a provider for household help, for yourself or (as proxy or makelaar) for a resident."""

    class Arguments:
        provider_id = graphene.ID(required=True, description="The provider (a Provider ID of this wijk).")
        activities = graphene.List(graphene.NonNull(CareActivityEnum), required=True, description="Help with what.")
        times = graphene.List(graphene.NonNull(CareTimeInput), description="When it suits; leave out for any time.")
        note = graphene.String(description="A note for the provider, plain text, at most 2000 characters.")
        on_behalf_of = graphene.ID(description="The resident you act for (a Membership ID); default yourself.")

    help_request = graphene.Field(HelpRequestType, description="The request as sent.")

    @classmethod
    def act(cls, info, provider_id, activities, times=None, note="", on_behalf_of=None) -> dict:
        provider = _node(ProviderType, info, provider_id)
        member = _member(info, on_behalf_of)
        slots = [f"{getattr(t.day, 'value', t.day)}_{getattr(t.part, 'value', t.part)}" for t in times or []]
        help_request = actions.send_help_request(
            actor=viewer(info).actor, member=member, provider=provider, note=note or "",
            activities=[getattr(value, "value", value) for value in activities], times=slots,
        )  # fmt: skip
        return _payload(help_request)


class AnswerHelpRequest(CareMutation):
    """The provider takes a request on or declines it (staff of that provider only)."""

    class Arguments:
        request_id = _request_id_argument()
        accept = graphene.Boolean(required=True, description="True to take it on, false to decline.")
        message = graphene.String(description="A message to the resident, plain text, at most 1000 characters.")

    help_request = graphene.Field(HelpRequestType, description="The request with the answer.")

    @classmethod
    def act(cls, info, request_id, accept, message="") -> dict:
        help_request = _node(HelpRequestType, info, request_id)
        actions.answer_help_request(actor=viewer(info).actor, help_request=help_request, accept=accept,
                                    message=message or "")  # fmt: skip
        return _payload(help_request)


class WithdrawHelpRequest(CareMutation):
    """The resident (their proxy, or the makelaar) no longer wants the help."""

    class Arguments:
        request_id = _request_id_argument()

    help_request = graphene.Field(HelpRequestType, description="The withdrawn request.")

    @classmethod
    def act(cls, info, request_id) -> dict:
        help_request = _node(HelpRequestType, info, request_id)
        actions.withdraw_help_request(actor=viewer(info).actor, help_request=help_request)
        return _payload(help_request)


class CareMutations(graphene.ObjectType):
    send_help_request = SendHelpRequest.Field()
    answer_help_request = AnswerHelpRequest.Field()
    withdraw_help_request = WithdrawHelpRequest.Field()
