"""The one file that knows every domain: the schema is assembled here from the per-domain modules."""

import graphene

from wijkmarkt.graphql.care.mutations import CareMutations
from wijkmarkt.graphql.care.queries import CareQueries
from wijkmarkt.graphql.chat.mutations import ChatMutations
from wijkmarkt.graphql.chat.queries import ChatQueries
from wijkmarkt.graphql.console.mutations import ConsoleMutations
from wijkmarkt.graphql.console.queries import ConsoleQueries
from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.ledger.mutations import LedgerMutations
from wijkmarkt.graphql.ledger.queries import LedgerQueries
from wijkmarkt.graphql.makelaar.mutations import MakelaarMutations
from wijkmarkt.graphql.makelaar.queries import MakelaarQueries
from wijkmarkt.graphql.marketplace.mutations import MarketplaceMutations
from wijkmarkt.graphql.marketplace.queries import MarketplaceQueries
from wijkmarkt.graphql.marketplace.types.me import MarketplaceMe
from wijkmarkt.graphql.membership.mutations import MembershipMutations
from wijkmarkt.graphql.membership.queries import MembershipQueries
from wijkmarkt.graphql.membership.types import Me as MembershipMe
from wijkmarkt.graphql.places.mutations import PlacesMutations
from wijkmarkt.graphql.places.queries import PlacesQueries
from wijkmarkt.graphql.privacy.mutations import PrivacyMutations
from wijkmarkt.graphql.privacy.queries import PrivacyQueries
from wijkmarkt.graphql.search.queries import SearchQueries
from wijkmarkt.graphql.wijken.queries import WijkenQueries
from wijkmarkt.graphql.wijzer.mutations import WijzerMutations
from wijkmarkt.graphql.wijzer.queries import WijzerQueries


# Graphene takes a type's fields from its last base first: the order of the bases below is the order of the fields in
# schema.graphql.
class Me(MarketplaceMe, MembershipMe):
    """The logged-in account. On a wijk's domain also their marketplace there: their own requests, offers,
    exchanges and notifications and those of the members they are the registered proxy of."""

    class Meta:
        name = "Me"


class Query(
    MarketplaceQueries,
    WijkenQueries,
    ConsoleQueries,
    MembershipQueries,
    ChatQueries,
    CareQueries,
    PlacesQueries,
    LedgerQueries,
    WijzerQueries,
    MakelaarQueries,
    SearchQueries,
    PrivacyQueries,
    graphene.ObjectType,
):
    # Membership's `me` (its place among the fields, MembershipQueries.resolve_me), of the composed type.
    me = graphene.Field(Me, description="The logged-in account, or null.")
    node = WijkNode.Field(description="Any object by its global ID; null for an ID of another wijk.")


class Mutation(
    MembershipMutations,
    MarketplaceMutations,
    ConsoleMutations,
    ChatMutations,
    CareMutations,
    PlacesMutations,
    LedgerMutations,
    WijzerMutations,
    MakelaarMutations,
    PrivacyMutations,
    graphene.ObjectType,
):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
