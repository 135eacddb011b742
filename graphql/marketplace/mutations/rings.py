"""Rings (multi-party swaps): proposing, confirming one's part, declining."""

import graphene

from wijkmarkt.graphql.core.ids import NOWHERE
from wijkmarkt.graphql.core.lookups import acting_member, find_node
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.mutations.base import MarketplaceMutation, field_pk, on_behalf_of_argument
from wijkmarkt.graphql.marketplace.related import rings_with_links
from wijkmarkt.graphql.marketplace.types.rings import RingType
from wijkmarkt.tenants.marketplace.actions import rings as ring_actions


class RingLinkFields(graphene.InputObjectType):
    """One step of a proposed ring: the giver helps the owner of the request (optionally with their offer). The
    giver of each step is the owner of the previous step's request."""

    class Meta:
        name = "RingLinkInput"

    request_id = graphene.ID(required=True, description="The receiver's open request (a Listing ID).")
    giver_id = graphene.ID(required=True, description="Who helps (a Membership ID).")
    offer_id = graphene.ID(description="The giver's open offer that answers it (a Listing ID).")


def _ring(info, global_id: str):
    return find_node(RingType, info, global_id)


def _ring_payload(ring) -> dict:
    return {"ring": rings_with_links().get(pk=ring.pk)}


class ProposeRing(MarketplaceMutation):
    """Propose a multi-party swap of 3 to 6 members, by a participant (or their proxy) or the makelaar."""

    class Arguments:
        links = graphene.List(
            graphene.NonNull(RingLinkFields), required=True, description="The steps in order (3 to 6)."
        )

    ring = graphene.Field(RingType, description="The proposed ring.")

    @classmethod
    def act(cls, info, wijk, links) -> dict:
        inputs = [
            ring_actions.LinkInput(
                request_id=field_pk(link.request_id, "Listing") or NOWHERE,
                giver_id=field_pk(link.giver_id, "Membership") or NOWHERE,
                offer_id=field_pk(link.offer_id, "Listing"),
            )
            for link in links
        ]
        return _ring_payload(ring_actions.propose_ring(actor=viewer(info).actor, links=inputs))


class ConfirmRingPart(MarketplaceMutation):
    """Confirm your part of a ring; when every part is confirmed the ring becomes linked exchanges."""

    class Arguments:
        ring_id = graphene.ID(required=True, description="The ring (a Ring ID).")
        on_behalf_of = on_behalf_of_argument()

    ring = graphene.Field(RingType, description="The ring.")

    @classmethod
    def act(cls, info, wijk, ring_id, on_behalf_of=None) -> dict:
        ring = _ring(info, ring_id)
        member = acting_member(info, on_behalf_of)
        return _ring_payload(ring_actions.confirm_ring_part(actor=viewer(info).actor, ring=ring, member=member))


class DeclineRing(MarketplaceMutation):
    """Decline to take part: the ring does not go ahead and the others are told why."""

    class Arguments:
        ring_id = graphene.ID(required=True, description="The ring (a Ring ID).")
        reason = graphene.String(required=True, description="Why, at most 300 characters.")
        on_behalf_of = on_behalf_of_argument()

    ring = graphene.Field(RingType, description="The ring.")

    @classmethod
    def act(cls, info, wijk, ring_id, reason, on_behalf_of=None) -> dict:
        ring = _ring(info, ring_id)
        member = acting_member(info, on_behalf_of)
        declined = ring_actions.decline_ring(actor=viewer(info).actor, ring=ring, member=member, reason=reason)
        return _ring_payload(declined)
