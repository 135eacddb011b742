"""Membership queries: `me`, the logged-in account with its membership here and its wijken, and the neighbours of
this wijk, for members, through the capped connection."""

import graphene

from wijkmarkt.graphql.core.connections import CappedConnectionField
from wijkmarkt.graphql.core.permissions import actor, current_wijk, require
from wijkmarkt.graphql.membership.types import Me, MembershipType, WijkMembership
from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.tenants.membership.selectors import membership_of, memberships_across_wijken, neighbours


class MembershipQueries(graphene.ObjectType):
    me = graphene.Field(Me, description="The logged-in account, or null.")
    neighbours = CappedConnectionField(MembershipType, description="Members of this wijk (members only), paginated.")

    @staticmethod
    def resolve_me(root, info):
        user = actor(info).user
        if user is None:
            return None
        wijk = current_wijk(info)
        return Me(
            first_name=user.first_name,
            email=user.email,
            is_coordinator=user.is_coordinator,
            membership=membership_of(user) if wijk is not None else None,
            memberships=[
                WijkMembership(wijk_slug=wijk.slug, wijk_name=wijk.name, role=role)
                for wijk, role in memberships_across_wijken(user)
            ],
        )

    @staticmethod
    def resolve_neighbours(root, info, **kwargs):
        require(info, Perm.VIEW_NEIGHBOURS)
        return neighbours()
