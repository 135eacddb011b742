"""The marketplace's fields of `me`. graphql/schema.py composes them with membership's account fields into the one
`Me` type."""

import graphene
from django.db.models import QuerySet

from wijkmarkt.graphql.core.connections import CappedConnectionField
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import LISTING_RELATED, neighbour_related, with_exchange_relations
from wijkmarkt.graphql.marketplace.types.exchanges import ExchangeType
from wijkmarkt.graphql.marketplace.types.listings import ListingType
from wijkmarkt.graphql.marketplace.types.profiles import NotificationType, ProfileType, ProxyType
from wijkmarkt.graphql.membership.types import MembershipType
from wijkmarkt.tenants.marketplace.models import Exchange, Listing, Notification, Profile
from wijkmarkt.tenants.marketplace.selectors import exchanges_of_member, listings_of, notifications_of
from wijkmarkt.tenants.membership.access import members_actor_may_act_for
from wijkmarkt.tenants.membership.models import Membership, Proxy


def _union(querysets: list[QuerySet]) -> QuerySet | None:
    combined = None
    for queryset in querysets:
        combined = queryset if combined is None else combined | queryset
    return combined


class MarketplaceMe(graphene.ObjectType):
    """The marketplace on the wijk's domain of the logged-in account: their own requests, offers, exchanges and
    notifications and those of the members they are the registered proxy of. Resolved from who is asking
    (core.viewer), whatever the root `me` holds."""

    class Meta:
        abstract = True

    listings = CappedConnectionField(ListingType, description="Their requests and offers, newest first.")
    exchanges = CappedConnectionField(ExchangeType, description="Exchanges they are part of, newest first.")
    notifications = CappedConnectionField(
        NotificationType,
        unread_only=graphene.Boolean(description="Only those not yet read."),
        description="Their notifications, newest first.",
    )
    profile = graphene.Field(ProfileType, description="Their own profile; null until they fill it in.")
    acting_for = CappedConnectionField(
        MembershipType,
        description="Members they may place listings and respond for: themselves, the members they are the "
        "active proxy of, and (makelaar) the members whose consent for it is on record.",
    )
    proxies = graphene.List(
        graphene.NonNull(ProxyType), required=True, description="Relatives registered to act for them (active only)."
    )

    @staticmethod
    def resolve_listings(root, info, **_page):
        mine = _union([listings_of(member) for member in viewer(info).speaks_for])
        return (
            Listing.objects.none() if mine is None else mine.select_related(*LISTING_RELATED).prefetch_related("photos")
        )

    @staticmethod
    def resolve_exchanges(root, info, **_page):
        mine = _union([exchanges_of_member(member) for member in viewer(info).speaks_for])
        return Exchange.objects.none() if mine is None else with_exchange_relations(mine)

    @staticmethod
    def resolve_notifications(root, info, unread_only=False, **_page):
        mine = _union([notifications_of(member) for member in viewer(info).speaks_for])
        if mine is None:
            return Notification.objects.none()
        if unread_only:
            mine = mine.filter(read_at__isnull=True)
        return mine.select_related(*neighbour_related("member"))

    @staticmethod
    def resolve_profile(root, info):
        member = viewer(info).member
        if member is None:
            return None
        return Profile.objects.select_related("street", *neighbour_related("member")).filter(member=member).first()

    @staticmethod
    def resolve_acting_for(root, info, **_page):
        current = viewer(info)
        if current.member is None and not current.principals:
            return Membership.objects.none()
        return members_actor_may_act_for(current.actor)

    @staticmethod
    def resolve_proxies(root, info):
        member = viewer(info).member
        if member is None:
            return []
        return Proxy.objects.select_related("user", *neighbour_related("principal")).filter(
            principal=member, revoked_at__isnull=True
        )
