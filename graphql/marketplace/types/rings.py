"""Rings (multi-party swaps, meerhoeksruil): proposed ones and the candidates the ring finder sees."""

import graphene
from django.db.models import Q
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode, node_pk
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import rings_with_links
from wijkmarkt.graphql.marketplace.types.enums import RingStatusEnum, ViaEnum
from wijkmarkt.graphql.marketplace.types.listings import ListingType
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.tenants.marketplace.models import Ring, RingLink


def _ring_for(info, ring_id) -> Ring | None:
    """A ring the viewer takes part in (themselves or as proxy); the makelaar sees every ring of the wijk.
    Stands in for an access.ring_for that tenants/marketplace/access.py does not have yet."""
    current = viewer(info)
    rings = rings_with_links().filter(pk=ring_id)
    if not current.is_makelaar:
        ids = current.speaks_for_ids
        if not ids:
            return None
        rings = rings.filter(Q(links__giver_id__in=ids) | Q(links__receiver_id__in=ids)).distinct()
    return rings.first()


class RingLinkType(graphene.ObjectType):
    """One step of a ring: the giver helps the receiver, answering the receiver's request (with the giver's offer)."""

    class Meta:
        name = "RingLink"

    position = graphene.Int(required=True, description="Order in the ring, from 0.")
    giver = graphene.Field(graphene.NonNull(Neighbour), description="Who helps in this step.")
    receiver = graphene.Field(graphene.NonNull(Neighbour), description="Who is helped in this step.")
    request = graphene.Field(graphene.NonNull(ListingType), description="The receiver's request.")
    offer = graphene.Field(ListingType, description="The giver's offer, if the step answers one.")
    confirmed = graphene.Boolean(required=True, description="The giver confirmed their part.")

    @staticmethod
    def resolve_confirmed(link: RingLink, info):
        return link.confirmed_at is not None


class RingType(DjangoObjectType):
    """A multi-party swap (meerhoeksruil): each participant helps the next. Becomes linked exchanges when every
    participant confirmed their part."""

    status = graphene.Field(graphene.NonNull(RingStatusEnum), description="Proposed, confirmed or cancelled.")
    via = graphene.Field(graphene.NonNull(ViaEnum), description="Proposed by a member or by the makelaar.")
    created_at = graphene.DateTime(required=True, description="When it was proposed.")
    links = graphene.List(graphene.NonNull(RingLinkType), required=True, description="The steps, in order.")

    class Meta:
        name = "Ring"
        model = Ring
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        return _ring_for(info, pk) if pk is not None else None

    @staticmethod
    def resolve_links(ring: Ring, info):
        return ring.links.all()


class CandidateLinkType(graphene.ObjectType):
    """One step of a candidate ring, ready to pass to `proposeRing`."""

    class Meta:
        name = "CandidateLink"

    giver = graphene.Field(graphene.NonNull(Neighbour), description="Who would help.")
    receiver = graphene.Field(graphene.NonNull(Neighbour), description="Who would be helped.")
    request = graphene.Field(graphene.NonNull(ListingType), description="The receiver's open request.")
    offer = graphene.Field(graphene.NonNull(ListingType), description="The giver's open offer in that category.")
    explanation = graphene.String(required=True, description='In words: "Anna helpt Bram met boodschappen".')


class CandidateRingType(graphene.ObjectType):
    """A ring the system found among open requests and offers; nobody has been asked yet."""

    class Meta:
        name = "CandidateRing"

    links = graphene.List(graphene.NonNull(CandidateLinkType), required=True, description="The steps, in order.")
    explanation = graphene.String(required=True, description="The whole ring in words.")
    size = graphene.Int(required=True, description="Number of participants.")

    @staticmethod
    def resolve_size(ring, info):
        return len(ring.links)
