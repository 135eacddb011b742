"""GraphQL types of membership: a member as neighbours see them, never with an e-mail address (get_node goes
through access.neighbour_for, so an ID of another wijk is null), and the logged-in account with its wijken."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.core.permissions import actor
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.membership.access import NotFound, neighbour_for
from wijkmarkt.tenants.membership.models import Membership, PlacedAs

RoleEnum = graphene.Enum.from_enum(Role, description="A member's role in a wijk.")
PlacedAsEnum = graphene.Enum.from_enum(
    PlacedAs, description="Who placed a listing: the owner, their registered proxy, or the makelaar for them."
)


class MembershipType(DjangoObjectType):
    """A member of this wijk, as neighbours see them: first name, role, since when. Never e-mail."""

    first_name = graphene.String(required=True)
    role = graphene.Field(graphene.NonNull(RoleEnum))

    class Meta:
        name = "Membership"
        model = Membership
        interfaces = (WijkNode,)
        fields = ("id", "joined_at", "street")

    @classmethod
    def get_node(cls, info, id):
        try:
            return neighbour_for(actor(info), int(id))
        except (NotFound, ValueError):
            return None

    @staticmethod
    def resolve_first_name(membership: Membership, info):
        return membership.user.first_name

    @staticmethod
    def resolve_role(membership: Membership, info):
        return membership.role


class WijkMembership(graphene.ObjectType):
    """One wijk the account belongs to, with the role there."""

    wijk_slug = graphene.String(required=True)
    wijk_name = graphene.String(required=True)
    role = graphene.Field(graphene.NonNull(RoleEnum))


class Me(graphene.ObjectType):
    """The logged-in account."""

    first_name = graphene.String(required=True)
    email = graphene.String(required=True)
    is_coordinator = graphene.Boolean(required=True)
    membership = graphene.Field(MembershipType, description="Membership of this domain's wijk, or null.")
    memberships = graphene.List(
        graphene.NonNull(WijkMembership), required=True, description="Every wijk this account is a member of."
    )
