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
from wijkmarkt.graphql.membership.mutations import MembershipMutations
from wijkmarkt.graphql.membership.queries import MembershipQueries
from wijkmarkt.graphql.places.mutations import PlacesMutations
from wijkmarkt.graphql.places.queries import PlacesQueries
from wijkmarkt.graphql.privacy.mutations import PrivacyMutations
from wijkmarkt.graphql.privacy.queries import PrivacyQueries
from wijkmarkt.graphql.search.queries import SearchQueries
from wijkmarkt.graphql.wijken.queries import WijkenQueries
from wijkmarkt.graphql.wijzer.mutations import WijzerMutations
from wijkmarkt.graphql.wijzer.queries import WijzerQueries


# MarketplaceQueries comes first: its `me` is membership's Me extended with the marketplace fields (a subclass of
# the same name), so it must win over MembershipQueries' `me`.
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
