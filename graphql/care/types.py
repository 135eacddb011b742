"""GraphQL types of household help: a provider of the directory (with why it fits a search), a request for help, and
a support plan with its versions, agreements and satisfaction measurements. All are wijk-scoped nodes; get_node goes
through tenants/care/access.py, so an ID of another wijk, or of something the viewer may not reach, resolves to null.
A plan's content is read through access.read_plan once per plan and request, so the access log has every read."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.core.lookups import reachable
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import neighbour_related
from wijkmarkt.graphql.marketplace.types.enums import ViaEnum
from wijkmarkt.graphql.marketplace.types.listings import StreetType
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.graphql.membership.types import PlacedAsEnum
from wijkmarkt.tenants.care.access import help_request_for, provider_for, read_plan, support_plan_for
from wijkmarkt.tenants.care.models import (
    SATISFACTION_QUESTIONS,
    Activity,
    HelpRequest,
    HelpRequestStatus,
    Moment,
    PlanAgreement,
    PlanSide,
    Provider,
    ProviderKind,
    SatisfactionMeasurement,
    SupportPlan,
    SupportPlanVersion,
)
from wijkmarkt.tenants.care.selectors import explain, is_agreed, plan_state, with_versions
from wijkmarkt.tenants.marketplace.models import DayPart, Weekday
from wijkmarkt.tenants.privacy.models import Channel

CareActivityEnum = graphene.Enum.from_enum(Activity, name="CareActivity", description="Category-1 household help.")
ProviderKindEnum = graphene.Enum.from_enum(
    ProviderKind, description="Municipally contracted care provider, alfahulp, pupil or student, company or team."
)
HelpRequestStatusEnum = graphene.Enum.from_enum(
    HelpRequestStatus, description="Sent, accepted or declined by the provider, or withdrawn by the resident."
)
MomentEnum = graphene.Enum.from_enum(
    Moment, name="SatisfactionMoment", description="At the start of a plan, in between, or at the end."
)
PlanSideEnum = graphene.Enum.from_enum(
    PlanSide, description="The resident (or their proxy), or the professional: the provider's staff or makelaar."
)
WeekdayEnum = graphene.Enum.from_enum(Weekday, description="A day of the week.")
DayPartEnum = graphene.Enum.from_enum(DayPart, description="Morning, afternoon or evening.")

HELP_REQUEST_RELATED = ("provider__street", "sent_by", *neighbour_related("member"))


class ReachableNode:
    """`get_node` through the access.py finder named in `finder`: the one place care nodes decide what resolves."""

    finder = None

    @classmethod
    def get_node(cls, info, id):
        return reachable(cls.finder, info, id)


class CareTime(graphene.ObjectType):
    """A day and part of the day."""

    day = graphene.Field(graphene.NonNull(WeekdayEnum), description="The day.")
    part = graphene.Field(graphene.NonNull(DayPartEnum), description="The part of the day.")


def as_times(slots: list[str]) -> list[CareTime]:
    return [CareTime(day=slot.split("_")[0], part=slot.split("_")[1]) for slot in slots]


class ProviderType(ReachableNode, DjangoObjectType):
    """A household-help provider in this wijk's directory."""

    name = graphene.String(required=True, description="Name of the provider or the person.")
    kind = graphene.Field(graphene.NonNull(ProviderKindEnum), description="What kind of provider.")
    description = graphene.String(required=True, description="About the provider, plain text.")
    activities = graphene.List(graphene.NonNull(CareActivityEnum), required=True, description="What they do.")
    areas = graphene.List(graphene.NonNull(graphene.String), required=True, description="Areas of the wijk they serve.")
    available = graphene.List(graphene.NonNull(CareTime), required=True, description="When they work.")
    in_natura = graphene.Boolean(required=True, description="Works in natura, paid by the municipality.")
    pgb = graphene.Boolean(required=True, description="Can be paid from a personal budget (pgb).")
    street = graphene.Field(StreetType, description="Where they are based, at street level.")
    phone = graphene.String(required=True, description="Phone number, plain text; empty if none.")
    email = graphene.String(required=True, description="E-mail address, plain text; empty if none.")
    address = graphene.String(required=True, description="Postal or visiting address, plain text; empty if none.")
    website = graphene.String(required=True, description="Website, plain text; empty if none.")
    distance_m = graphene.Float(description="Metres from `nearStreet` when the search used it, else null.")
    why = graphene.String(
        required=True,
        description="Why it fits the search, in the viewer's language: \"Werkt dinsdagochtend, 600 m van u, "
        'gecontracteerd door de gemeente".',
    )

    class Meta:
        name = "Provider"
        model = Provider
        interfaces = (WijkNode,)
        fields = ("id",)

    finder = staticmethod(provider_for)

    @staticmethod
    def resolve_available(provider: Provider, info):
        return as_times(provider.available)

    @staticmethod
    def resolve_distance_m(provider: Provider, info):
        return getattr(provider, "distance_m", None)

    @staticmethod
    def resolve_why(provider: Provider, info):
        return explain(provider, getattr(info.context, "care_search_slots", []))


class HelpRequestType(ReachableNode, DjangoObjectType):
    """A request for household help from a resident to a provider."""

    provider = graphene.Field(graphene.NonNull(ProviderType), description="Who is asked.")
    member = graphene.Field(graphene.NonNull(Neighbour), description="Who the help is for.")
    placed_as = graphene.Field(graphene.NonNull(PlacedAsEnum), description="Sent by them, their proxy or the makelaar.")
    via = graphene.Field(graphene.NonNull(ViaEnum), description="Via the website or via the makelaar.")
    activities = graphene.List(graphene.NonNull(CareActivityEnum), required=True, description="Help with what.")
    times = graphene.List(graphene.NonNull(CareTime), required=True, description="When it suits; empty: any time.")
    note = graphene.String(required=True, description="The resident's note, plain text.")
    status = graphene.Field(graphene.NonNull(HelpRequestStatusEnum), description="Where the request stands.")
    answer = graphene.String(required=True, description="The provider's message with the answer; empty if none.")
    answered_at = graphene.DateTime(description="When the provider answered.")
    created_at = graphene.DateTime(required=True, description="When it was sent.")
    may_answer = graphene.Boolean(required=True, description="Whether the viewer answers it (the provider's staff).")

    class Meta:
        name = "HelpRequest"
        model = HelpRequest
        interfaces = (WijkNode,)
        fields = ("id",)

    finder = staticmethod(help_request_for)

    @staticmethod
    def resolve_times(help_request: HelpRequest, info):
        return as_times(help_request.times)

    @staticmethod
    def resolve_may_answer(help_request: HelpRequest, info):
        return help_request.status == HelpRequestStatus.SENT and help_request.provider_id in staffed_provider_ids(info)


def staffed_provider_ids(info) -> frozenset[int]:
    """The providers the viewer answers for, read once per request (on the request, never at module level)."""
    if not hasattr(info.context, "care_staffed"):
        actor = viewer(info).actor
        staffed = (
            Provider.objects.none()
            if actor.user is None or actor.suspended
            else Provider.objects.filter(staff__user=actor.user, staff__suspended_at__isnull=True)
        )
        info.context.care_staffed = frozenset(staffed.values_list("pk", flat=True))
    return info.context.care_staffed


class PlanAgreementType(DjangoObjectType):
    """One side's agreement to one version of a plan."""

    side = graphene.Field(graphene.NonNull(PlanSideEnum), description="Which side agreed.")
    agreed_by = graphene.String(required=True, description="First name of who agreed.")
    by_proxy = graphene.Boolean(required=True, description="True when a relative agreed for the resident.")
    agreed_at = graphene.DateTime(required=True, description="When.")

    class Meta:
        name = "PlanAgreement"
        model = PlanAgreement
        fields = ()

    @staticmethod
    def resolve_agreed_by(agreement: PlanAgreement, info):
        return agreement.agreed_by.first_name

    @staticmethod
    def resolve_by_proxy(agreement: PlanAgreement, info):
        return agreement.placed_as == "proxy"


class SupportPlanVersionType(DjangoObjectType):
    """One wording of a support plan; a change makes a new version and the old ones stay."""

    number = graphene.Int(required=True, description="1 for the first version, then 2, 3, ...")
    result = graphene.String(required=True, description='The agreed result, e.g. "Een schoon en leefbaar huis".')
    resident_part = graphene.String(required=True, description="What the resident does themselves.")
    network_part = graphene.String(required=True, description="What family, neighbours and friends do.")
    provider_part = graphene.String(required=True, description="What the provider does.")
    review_dates = graphene.List(graphene.NonNull(graphene.Date), required=True, description="When to look back.")
    created_at = graphene.DateTime(required=True, description="When this version was written.")
    agreements = graphene.List(graphene.NonNull(PlanAgreementType), required=True, description="Who agreed to it.")
    agreed = graphene.Boolean(required=True, description="True when both sides agreed to this version.")

    class Meta:
        name = "SupportPlanVersion"
        model = SupportPlanVersion
        fields = ()

    @staticmethod
    def resolve_agreements(version: SupportPlanVersion, info):
        return list(version.agreements.all())

    @staticmethod
    def resolve_agreed(version: SupportPlanVersion, info):
        return is_agreed(version)


class SatisfactionMeasurementType(DjangoObjectType):
    """The answers to the satisfaction survey at one moment of a plan."""

    moment = graphene.Field(graphene.NonNull(MomentEnum), description="Start, between or end.")
    scores = graphene.List(
        graphene.NonNull(graphene.Int),
        required=True,
        description="1 to 5 per question, in `satisfactionQuestions` order.",
    )
    average = graphene.Float(required=True, description="The average score, 1 to 5.")
    measured_on = graphene.Date(required=True, description="The day of the measurement.")
    side = graphene.Field(graphene.NonNull(PlanSideEnum), description="Filled in by the resident or with them.")

    class Meta:
        name = "SatisfactionMeasurement"
        model = SatisfactionMeasurement
        fields = ()


def _plan_content(plan: SupportPlan, info) -> SupportPlan:
    """The plan's content, logged once per plan and request when someone other than the resident reads it."""
    logged = info.context.__dict__.setdefault("care_plans_read", set())
    if plan.pk not in logged:
        read_plan(viewer(info).actor, plan, via=Channel.GRAPHQL)
        logged.add(plan.pk)
    return plan


class SupportPlanType(ReachableNode, DjangoObjectType):
    """A support plan (ondersteuningsplan) of a resident, with a provider or the makelaar. Only the resident, their
    proxy, the wijk's makelaar and the provider on the plan reach it; every read by someone else is logged."""

    member = graphene.Field(graphene.NonNull(Neighbour), description="The resident the plan is for.")
    provider = graphene.Field(ProviderType, description="The provider on the plan; null when the makelaar made it.")
    created_at = graphene.DateTime(required=True, description="When the plan was started.")
    current_version = graphene.Field(
        graphene.NonNull(SupportPlanVersionType), description="The newest version: the one to agree to."
    )
    in_force = graphene.Field(SupportPlanVersionType, description="The newest version both sides agreed to, if any.")
    versions = graphene.List(
        graphene.NonNull(SupportPlanVersionType), required=True, description="Every version, newest first."
    )
    measurements = graphene.List(
        graphene.NonNull(SatisfactionMeasurementType), required=True, description="Satisfaction, oldest first."
    )

    class Meta:
        name = "SupportPlan"
        model = SupportPlan
        interfaces = (WijkNode,)
        fields = ("id",)

    finder = staticmethod(support_plan_for)

    @classmethod
    def get_node(cls, info, id):
        found = super().get_node(info, id)
        return None if found is None else plans_with_relations(SupportPlan.objects.filter(pk=found.pk)).get()

    @staticmethod
    def resolve_current_version(plan: SupportPlan, info):
        return plan_state(_plan_content(plan, info)).current

    @staticmethod
    def resolve_in_force(plan: SupportPlan, info):
        return plan_state(_plan_content(plan, info)).in_force

    @staticmethod
    def resolve_versions(plan: SupportPlan, info):
        return sorted(_plan_content(plan, info).versions.all(), key=lambda version: -version.number)

    @staticmethod
    def resolve_measurements(plan: SupportPlan, info):
        return list(_plan_content(plan, info).measurements.all())


def plans_with_relations(plans):
    return with_versions(plans.select_related("provider__street", *neighbour_related("member")))


class SatisfactionQuestion(graphene.ObjectType):
    """One question of the fixed satisfaction survey."""

    number = graphene.Int(required=True, description="1 for the first question; `scores` follow this order.")
    text = graphene.String(required=True, description="The question, in the viewer's language.")


def satisfaction_questions() -> list[SatisfactionQuestion]:
    return [SatisfactionQuestion(number=n, text=str(q)) for n, q in enumerate(SATISFACTION_QUESTIONS, start=1)]
