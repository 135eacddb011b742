"""The one file that knows every domain: the schema is assembled here from the per-domain modules."""

import graphene

from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.membership.mutations import MembershipMutations
from wijkmarkt.graphql.membership.queries import MembershipQueries
from wijkmarkt.graphql.wijken.queries import WijkenQueries


class Query(WijkenQueries, MembershipQueries, graphene.ObjectType):
    node = WijkNode.Field(description="Any object by its global ID; null for an ID of another wijk.")


class Mutation(MembershipMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
