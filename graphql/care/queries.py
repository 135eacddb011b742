"""Household-help queries: thin resolvers over the shared ProviderFilter and access.py. Every read happens in the
schema of the request's wijk; an ID of another wijk resolves to nothing."""

import graphene
from django.utils.translation import gettext as _

from wijkmarkt.graphql.care.types import (
    HELP_REQUEST_RELATED,
    CareActivityEnum,
    DayPartEnum,
    HelpRequestStatusEnum,
    HelpRequestType,
    ProviderKindEnum,
    ProviderType,
    SatisfactionQuestion,
    SupportPlanType,
    WeekdayEnum,
    plans_with_relations,
    satisfaction_questions,
)
from wijkmarkt.graphql.core.connections import CappedConnectionField
from wijkmarkt.graphql.core.errors import ErrorCode, bad_filter, camel, graphql_error, permission_denied
from wijkmarkt.graphql.core.ids import WijkNode, pk_or_nowhere
from wijkmarkt.graphql.core.permissions import actor, require_wijk_domain
from wijkmarkt.graphql.core.types import enum_value
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.care.access import (
    help_requests_of,
    may_read_directory,
    staffed_providers,
    support_plans_of,
    visible_providers,
)
from wijkmarkt.tenants.care.filters import ProviderFilter

MAX_FILTER_VALUES = 7

CareFundingEnum = graphene.Enum(
    "CareFunding",
    [("NATURA", "natura"), ("PGB", "pgb"), ("PRIVATE", "private")],
    description="In natura (paid by the municipality), from a personal budget (pgb), or not in natura (paid by the "
    "resident or from a pgb).",
)


def care_wijk(info) -> Wijk:
    """The wijk of this domain, with household help switched on."""
    wijk = require_wijk_domain(info)
    if not wijk.has_module(Module.CARE):
        raise graphql_error(ErrorCode.WRONG_DOMAIN, _("Hulp bij het huishouden staat in deze wijk niet aan."))
    return wijk


def care_reader(info) -> Actor:
    """Members of this wijk, and relatives registered as a member's proxy. Only the actor: the search needs no
    membership or principals, and loading them cost two statements per search (tests/performance/bench_care.py)."""
    care_wijk(info)
    current = actor(info)
    if not may_read_directory(current):
        raise permission_denied()
    return current


def _values(args, name) -> list[str]:
    values = [enum_value(value) for value in args.get(name) or []]
    if len(values) > MAX_FILTER_VALUES:
        raise graphql_error(ErrorCode.BAD_REQUEST, _("`%(name)s` heeft te veel waarden.") % {"name": camel(name)})
    return values


class CareQueries(graphene.ObjectType):
    care_providers = CappedConnectionField(
        ProviderType,
        description="Household-help providers of this wijk that fit the search, nearest first with `nearStreet`, "
        "else by name. Members and their proxies.",
        activities=graphene.List(graphene.NonNull(CareActivityEnum), description="Only those who do all of these."),
        days=graphene.List(graphene.NonNull(WeekdayEnum), description="Only those who work on one of these days."),
        parts=graphene.List(
            graphene.NonNull(DayPartEnum), description="Only those who work in one of these parts of the day."
        ),
        funding=CareFundingEnum(description="Only those working in natura, or only those paid from a pgb."),
        kind=ProviderKindEnum(description="Only this kind of provider."),
        area=graphene.String(
            description="Only those working in this area of the wijk (a name from `wijk { areas }`), "
            "or in the whole wijk."
        ),
        near_street=graphene.ID(description="With `distanceM` from this Street ID (of this wijk)."),
        within_m=graphene.Int(description="With `nearStreet`: at most this many metres away (50 to 5000)."),
    )
    care_provider = WijkNode.Field(ProviderType, description="One provider by ID; null if missing or of another wijk.")
    help_requests = CappedConnectionField(
        HelpRequestType,
        description="Requests for household help the viewer follows, newest first: their own and their principals' "
        "(proxy), those sent to a provider they work for (the provider's worklist), and every one of the wijk for "
        "the makelaar.",
        status=HelpRequestStatusEnum(description="Only requests in this state, e.g. SENT for those to answer."),
    )
    help_request = WijkNode.Field(HelpRequestType, description="One request the viewer may follow, by ID; else null.")

    own_care_providers = graphene.List(
        graphene.NonNull(ProviderType),
        required=True,
        description="The providers the viewer works for (provider staff): the entries they may edit with "
        "`updateProvider`. Empty for everyone else.",
    )
    support_plans = CappedConnectionField(
        SupportPlanType,
        description="Support plans the viewer may read, newest first: their own and their principals' (proxy), "
        "those of a provider they work for, and every one of the wijk for the makelaar. Reading a plan's content "
        "as anyone but the resident is written to the access log.",
    )
    support_plan = WijkNode.Field(SupportPlanType, description="One support plan by ID; null if not the viewer's.")
    satisfaction_questions = graphene.List(
        graphene.NonNull(SatisfactionQuestion),
        required=True,
        description="The fixed satisfaction survey: answer each with 1 (heel ontevreden) to 5 (heel tevreden).",
    )

    @staticmethod
    def resolve_own_care_providers(root, info):
        care_wijk(info)
        return list(staffed_providers(viewer(info).actor).select_related("street"))

    @staticmethod
    def resolve_support_plans(root, info, **_page):
        care_wijk(info)
        return plans_with_relations(support_plans_of(viewer(info).actor)).order_by("-created_at", "-id")

    @staticmethod
    def resolve_satisfaction_questions(root, info):
        return satisfaction_questions()

    @staticmethod
    def resolve_care_providers(root, info, **args):
        current = care_reader(info)
        data = {"activity": _values(args, "activities"), "days": _values(args, "days"), "parts": _values(args, "parts")}
        for name in ("funding", "kind", "area"):
            if args.get(name) is not None:
                data[name] = enum_value(args[name])
        if args.get("within_m") is not None:
            data["within_m"] = args["within_m"]
        if args.get("near_street") is not None:
            data["near_street"] = pk_or_nowhere(args["near_street"], "Street")
        filterset = ProviderFilter(
            data, queryset=visible_providers(current).select_related("street"), areas=care_wijk(info).areas
        )
        if not filterset.is_valid():
            raise bad_filter(filterset.form.errors)
        info.context.care_search_slots = filterset.slots  # for each result's `why`
        return filterset.qs

    @staticmethod
    def resolve_help_requests(root, info, status=None, **_page):
        care_wijk(info)
        requests = help_requests_of(viewer(info).actor).select_related(*HELP_REQUEST_RELATED)
        if status is not None:
            requests = requests.filter(status=enum_value(status))
        return requests.order_by("-created_at")
