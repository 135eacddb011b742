"""Queries of "In de wijk", on a wijk's domain: the partners active in this wijk, its meeting places and its
counters. Public information of the wijk, for anyone (as the page is); thin resolvers over the selectors."""

import graphene

from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.core.permissions import require_wijk_domain
from wijkmarkt.graphql.places.types import PlaceType, WijkPartnerType
from wijkmarkt.platform.partners.selectors import partners_in_wijk
from wijkmarkt.tenants.places import selectors


class PlacesQueries(graphene.ObjectType):
    wijk_partners = graphene.List(
        graphene.NonNull(WijkPartnerType),
        required=True,
        description="Partner organisations active in this wijk, by name, with their offer and contact person here.",
    )
    meeting_places = graphene.List(
        graphene.NonNull(PlaceType), required=True, description="This wijk's meeting places, by name."
    )
    counters = graphene.List(
        graphene.NonNull(PlaceType), required=True, description="This wijk's counters (loketten), by name."
    )
    place = WijkNode.Field(PlaceType, description="One meeting place or counter by ID; null if missing or elsewhere.")

    @staticmethod
    def resolve_wijk_partners(root, info):
        return list(partners_in_wijk(require_wijk_domain(info)))

    @staticmethod
    def resolve_meeting_places(root, info):
        require_wijk_domain(info)
        return list(selectors.meeting_places())

    @staticmethod
    def resolve_counters(root, info):
        require_wijk_domain(info)
        return list(selectors.counters())
