"""GraphQL types of household help: a provider of the directory (with why it fits a search) and a request for help.
Both are wijk-scoped nodes; get_node goes through tenants/care/access.py, so an ID of another wijk, or of a request
the viewer may not follow, resolves to null."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.marketplace.dataloaders import viewer
from wijkmarkt.graphql.marketplace.types import Neighbour, PlacedAsEnum, StreetType, ViaEnum, neighbour_related
from wijkmarkt.tenants.care.access import help_request_for, provider_for
from wijkmarkt.tenants.care.models import Activity, HelpRequest, HelpRequestStatus, Provider, ProviderKind
from wijkmarkt.tenants.care.selectors import explain
from wijkmarkt.tenants.marketplace.models import DayPart, Weekday
from wijkmarkt.tenants.membership.access import NotFound

CareActivityEnum = graphene.Enum.from_enum(Activity, name="CareActivity", description="Category-1 household help.")
ProviderKindEnum = graphene.Enum.from_enum(
    ProviderKind, description="Municipally contracted care provider, alfahulp, pupil or student, company or team."
)
HelpRequestStatusEnum = graphene.Enum.from_enum(
    HelpRequestStatus, description="Sent, accepted or declined by the provider, or withdrawn by the resident."
)
WeekdayEnum = graphene.Enum.from_enum(Weekday, description="A day of the week.")
DayPartEnum = graphene.Enum.from_enum(DayPart, description="Morning, afternoon or evening.")

HELP_REQUEST_RELATED = ("provider__street", "sent_by", *neighbour_related("member"))


def _reachable(finder, info, id):
    """The row `finder` (an access.py function) lets the viewer reach, or None: a node's ID was already checked
    to be of this wijk by WijkNode; here it must be a number and the viewer's to see."""
    text = str(id)
    if not (text.isascii() and text.isdigit() and len(text) < 19):
        return None
    try:
        return finder(viewer(info).actor, int(text))
    except NotFound:
        return None


class CareTime(graphene.ObjectType):
    """A day and part of the day."""

    day = graphene.Field(graphene.NonNull(WeekdayEnum), description="The day.")
    part = graphene.Field(graphene.NonNull(DayPartEnum), description="The part of the day.")


def as_times(slots: list[str]) -> list[CareTime]:
    return [CareTime(day=slot.split("_")[0], part=slot.split("_")[1]) for slot in slots]


class ProviderType(DjangoObjectType):
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

    @classmethod
    def get_node(cls, info, id):
        return _reachable(provider_for, info, id)

    @staticmethod
    def resolve_available(provider: Provider, info):
        return as_times(provider.available)

    @staticmethod
    def resolve_distance_m(provider: Provider, info):
        return getattr(provider, "distance_m", None)

    @staticmethod
    def resolve_why(provider: Provider, info):
        return explain(provider, getattr(info.context, "care_search_slots", []))


class HelpRequestType(DjangoObjectType):
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

    @classmethod
    def get_node(cls, info, id):
        return _reachable(help_request_for, info, id)

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
