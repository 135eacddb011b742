"""Household-help mutations: each calls one action of tenants/care/actions/ and returns its payload plus `errors`;
with errors the whole mutation writes nothing (BaseMutation). An ID the viewer may not reach is a top-level
NOT_FOUND, a missing permission a top-level PERMISSION_DENIED."""

import graphene
from django.utils.translation import gettext as _

from wijkmarkt.graphql.care.queries import care_wijk
from wijkmarkt.graphql.care.types import (
    HELP_REQUEST_RELATED,
    CareActivityEnum,
    DayPartEnum,
    HelpRequestType,
    MomentEnum,
    PlanAgreementType,
    ProviderType,
    SatisfactionMeasurementType,
    SupportPlanType,
    SupportPlanVersionType,
    WeekdayEnum,
    plans_with_relations,
)
from wijkmarkt.graphql.core.ids import NOWHERE, local_pk, pk_or_nowhere
from wijkmarkt.graphql.core.lookups import acting_member, find_node
from wijkmarkt.graphql.core.mutations import WijkMutation
from wijkmarkt.graphql.core.types import enum_value, error_codes, error_type
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.care import actions
from wijkmarkt.tenants.care.access import own_provider_for
from wijkmarkt.tenants.care.errors import CareErrorCode as DomainErrorCode
from wijkmarkt.tenants.care.errors import fail
from wijkmarkt.tenants.care.models import HelpRequest, SupportPlan
from wijkmarkt.tenants.marketplace.models import Street

CareErrorCode = error_codes(
    "CareErrorCode", DomainErrorCode, "Why a household-help change did not go through; `message` says it in words."
)
CareError = error_type("CareError", CareErrorCode)


class CareTimeInput(graphene.InputObjectType):
    """A day and part of the day when help suits."""

    day = WeekdayEnum(required=True, description="The day.")
    part = DayPartEnum(required=True, description="The part of the day.")


class CareMutation(WijkMutation):
    """Subclasses implement `act(info, wijk, **arguments)` by calling one action; household help must be on in this
    wijk."""

    class Meta:
        abstract = True

    errors = graphene.List(graphene.NonNull(CareError), required=True, description="What to fix; empty when it worked.")
    error_code_enum = CareErrorCode

    @classmethod
    def wijk_of(cls, info) -> Wijk:
        return care_wijk(info)


def _payload(help_request: HelpRequest) -> dict:
    # Read again with its relations, so the answer shows the state the action left.
    return {"help_request": HelpRequest.objects.select_related(*HELP_REQUEST_RELATED).get(pk=help_request.pk)}


def _slots(times) -> list[str]:
    return [f"{enum_value(time.day)}_{enum_value(time.part)}" for time in times or []]


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
    def act(cls, info, wijk, provider_id, activities, times=None, note="", on_behalf_of=None) -> dict:
        provider = find_node(ProviderType, info, provider_id)
        member = acting_member(info, on_behalf_of)
        help_request = actions.send_help_request(
            actor=viewer(info).actor,
            member=member,
            provider=provider,
            note=note or "",
            activities=[enum_value(value) for value in activities],
            times=_slots(times),
        )
        return _payload(help_request)


class AnswerHelpRequest(CareMutation):
    """The provider takes a request on or declines it (staff of that provider only)."""

    class Arguments:
        request_id = _request_id_argument()
        accept = graphene.Boolean(required=True, description="True to take it on, false to decline.")
        message = graphene.String(description="A message to the resident, plain text, at most 1000 characters.")

    help_request = graphene.Field(HelpRequestType, description="The request with the answer.")

    @classmethod
    def act(cls, info, wijk, request_id, accept, message="") -> dict:
        help_request = find_node(HelpRequestType, info, request_id)
        actions.answer_help_request(
            actor=viewer(info).actor, help_request=help_request, accept=accept, message=message or ""
        )
        return _payload(help_request)


class WithdrawHelpRequest(CareMutation):
    """The resident (their proxy, or the makelaar) no longer wants the help."""

    class Arguments:
        request_id = _request_id_argument()

    help_request = graphene.Field(HelpRequestType, description="The withdrawn request.")

    @classmethod
    def act(cls, info, wijk, request_id) -> dict:
        help_request = find_node(HelpRequestType, info, request_id)
        actions.withdraw_help_request(actor=viewer(info).actor, help_request=help_request)
        return _payload(help_request)


# --- a provider's own entry --------------------------------------------------------------------------------------


class ProviderEntryInput(graphene.InputObjectType):
    """What a provider's staff may change about their entry; the name and kind are the wijk's to set."""

    activities = graphene.List(graphene.NonNull(CareActivityEnum), required=True, description="What they do.")
    description = graphene.String(description="About the provider, plain text, at most 1000 characters.")
    areas = graphene.List(graphene.NonNull(graphene.String), description="Areas of the wijk (names from `wijk`).")
    available = graphene.List(graphene.NonNull(CareTimeInput), description="When they work; empty: by arrangement.")
    in_natura = graphene.Boolean(description="Works in natura, paid by the municipality.")
    pgb = graphene.Boolean(description="Can be paid from a personal budget (pgb).")
    street_id = graphene.ID(description="The street they are based in (a Street ID of this wijk); null for none.")
    phone = graphene.String(description="Phone number, at most 30 characters.")
    email = graphene.String(description="E-mail address, at most 120 characters.")
    address = graphene.String(description="Postal or visiting address, at most 200 characters.")
    website = graphene.String(description="Website, at most 200 characters.")


class UpdateProvider(CareMutation):
    """The staff of a provider change their own entry. For anyone else the provider is NOT_FOUND."""

    class Arguments:
        provider_id = graphene.ID(required=True, description="The provider (a Provider ID of this wijk).")
        entry = ProviderEntryInput(required=True, description="The whole entry as it should be.")

    provider = graphene.Field(ProviderType, description="The entry as saved.")

    @classmethod
    def act(cls, info, wijk, provider_id, entry) -> dict:
        provider = own_provider_for(viewer(info).actor, pk_or_nowhere(provider_id, "Provider"))
        street = None
        if entry.get("street_id"):
            street = Street.objects.filter(pk=local_pk(entry["street_id"], "Street") or NOWHERE).first()
            if street is None:
                raise fail("street_id", _("Kies uit de lijst."), DomainErrorCode.INVALID_CHOICE)
        data = actions.ProviderEntry(
            activities=[enum_value(value) for value in entry["activities"]],
            description=entry.get("description") or "",
            areas=list(entry.get("areas") or []),
            available=_slots(entry.get("available")),
            in_natura=bool(entry.get("in_natura")),
            pgb=bool(entry.get("pgb")),
            street=street,
            **{name: entry.get(name) or "" for name in ("phone", "email", "address", "website")},
        )
        saved = actions.update_provider(actor=viewer(info).actor, wijk=care_wijk(info), provider=provider, data=data)
        return {"provider": saved}


# --- support plans -----------------------------------------------------------------------------------------------


class PlanFields(graphene.InputObjectType):
    """The content of one version of a support plan."""

    result = graphene.String(description='The agreed result; default "Een schoon en leefbaar huis". At most 200.')
    resident_part = graphene.String(description="What the resident does themselves, at most 2000 characters.")
    network_part = graphene.String(description="What family, neighbours and friends do, at most 2000 characters.")
    provider_part = graphene.String(description="What the provider does, at most 2000 characters.")
    review_dates = graphene.List(
        graphene.NonNull(graphene.Date),
        required=True,
        description="When to look back together: 1 to 6 days, from today to two years on.",
    )


def _plan_input(fields) -> actions.PlanInput:
    values = {
        name: fields[name]
        for name in ("result", "resident_part", "network_part", "provider_part")
        if fields.get(name) is not None
    }
    return actions.PlanInput(**values, review_dates=list(fields.get("review_dates") or []))


def _plan_payload(plan: SupportPlan, **extra) -> dict:
    # Read again with its versions, so the answer shows the state the action left.
    return {"support_plan": plans_with_relations(SupportPlan.objects.filter(pk=plan.pk)).get(), **extra}


def _plan_id_argument():
    return graphene.ID(required=True, description="The plan (a SupportPlan ID).")


class StartSupportPlan(CareMutation):
    """Draw up a plan with a resident, from their accepted request for help (the provider's staff or the makelaar),
    or for the makelaar also without a provider (`memberId`). Writes version 1; both sides then agree with
    `agreeSupportPlan`."""

    class Arguments:
        help_request_id = graphene.ID(
            description="The accepted request (a HelpRequest ID): the plan is with its resident and provider."
        )
        member_id = graphene.ID(description="Makelaar only, without `helpRequestId`: the resident (a Membership ID).")
        plan = PlanFields(required=True, description="What is agreed.")

    support_plan = graphene.Field(SupportPlanType, description="The new plan.")

    @classmethod
    def act(cls, info, wijk, plan, help_request_id=None, member_id=None) -> dict:
        if help_request_id:
            help_request = find_node(HelpRequestType, info, help_request_id)
            member, provider = help_request.member, help_request.provider
        elif member_id:
            member, provider = acting_member(info, member_id), None
        else:
            raise fail(
                "help_request_id", _("Kies het verzoek om hulp waar dit plan bij hoort."), DomainErrorCode.REQUIRED
            )
        started = actions.start_support_plan(
            actor=viewer(info).actor, member=member, provider=provider, data=_plan_input(plan)
        )
        return _plan_payload(started)


class ReviseSupportPlan(CareMutation):
    """Change a plan: a new version; the old versions and their agreements stay. Professional side only."""

    class Arguments:
        plan_id = _plan_id_argument()
        plan = PlanFields(required=True, description="The new wording.")

    support_plan = graphene.Field(SupportPlanType, description="The plan with its new version.")
    version = graphene.Field(SupportPlanVersionType, description="The new version.")

    @classmethod
    def act(cls, info, wijk, plan_id, plan) -> dict:
        found = find_node(SupportPlanType, info, plan_id)
        version = actions.revise_support_plan(actor=viewer(info).actor, plan=found, data=_plan_input(plan))
        return _plan_payload(found, version=version)


class AgreeSupportPlan(CareMutation):
    """Agree to the newest version, as the resident (or their proxy) or as the provider's staff or makelaar."""

    class Arguments:
        plan_id = _plan_id_argument()
        version_number = graphene.Int(required=True, description="The version you read; refused if a newer exists.")

    support_plan = graphene.Field(SupportPlanType, description="The plan with the agreement.")
    agreement = graphene.Field(PlanAgreementType, description="The agreement.")

    @classmethod
    def act(cls, info, wijk, plan_id, version_number) -> dict:
        found = find_node(SupportPlanType, info, plan_id)
        agreement = actions.agree_support_plan(actor=viewer(info).actor, plan=found, version_number=version_number)
        return _plan_payload(found, agreement=agreement)


class RecordSatisfaction(CareMutation):
    """The satisfaction survey (see `satisfactionQuestions`) at the start, in between or at the end of a plan."""

    class Arguments:
        plan_id = _plan_id_argument()
        moment = MomentEnum(required=True, description="Start, between or end; start and end once each.")
        scores = graphene.List(graphene.Int, required=True, description="1 to 5 per question, in order.")
        measured_on = graphene.Date(description="The day of the measurement; default today, never in the future.")

    measurement = graphene.Field(SatisfactionMeasurementType, description="The stored answers.")

    @classmethod
    def act(cls, info, wijk, plan_id, moment, scores, measured_on=None) -> dict:
        found = find_node(SupportPlanType, info, plan_id)
        measurement = actions.record_satisfaction(
            actor=viewer(info).actor,
            plan=found,
            moment=enum_value(moment),
            scores=list(scores),
            measured_on=measured_on,
        )
        return {"measurement": measurement}


class CareMutations(graphene.ObjectType):
    send_help_request = SendHelpRequest.Field()
    answer_help_request = AnswerHelpRequest.Field()
    withdraw_help_request = WithdrawHelpRequest.Field()
    update_provider = UpdateProvider.Field()
    start_support_plan = StartSupportPlan.Field()
    revise_support_plan = ReviseSupportPlan.Field()
    agree_support_plan = AgreeSupportPlan.Field()
    record_satisfaction = RecordSatisfaction.Field()
