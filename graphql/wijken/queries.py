"""Wijk queries: the wijk of this domain (null on the portal), and on the portal every wijk of the city."""

import graphene

from wijkmarkt.graphql.core.permissions import current_wijk, require_portal
from wijkmarkt.graphql.wijken.types import WijkType
from wijkmarkt.platform.wijken.selectors import wijken_listed


class WijkenQueries(graphene.ObjectType):
    wijk = graphene.Field(WijkType, description="The wijk of this domain; null on the portal.")
    wijken = graphene.List(
        graphene.NonNull(WijkType), required=True, description="Every wijk of the city (portal only)."
    )

    @staticmethod
    def resolve_wijk(root, info):
        return current_wijk(info)

    @staticmethod
    def resolve_wijken(root, info):
        require_portal(info)
        return wijken_listed()
