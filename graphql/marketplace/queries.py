"""Marketplace queries: thin resolvers over the selectors, the shared ListingFilter and the ring finder. Every read
happens in the schema of the request's wijk; an ID of another wijk resolves to nothing."""

import graphene
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from wijkmarkt.graphql.core.connections import CappedConnectionField
from wijkmarkt.graphql.core.errors import ErrorCode, bad_filter, graphql_error, permission_denied
from wijkmarkt.graphql.core.ids import WijkNode, pk_or_nowhere
from wijkmarkt.graphql.core.permissions import require, require_wijk_domain
from wijkmarkt.graphql.core.types import enum_value
from wijkmarkt.graphql.core.viewer import Viewer, viewer
from wijkmarkt.graphql.marketplace.related import REPORT_RELATED, neighbour_related, prefetch_neighbours
from wijkmarkt.graphql.marketplace.types.enums import ListingKindEnum
from wijkmarkt.graphql.marketplace.types.exchanges import ExchangeType
from wijkmarkt.graphql.marketplace.types.listings import CategoryType, ListingType, StreetType
from wijkmarkt.graphql.marketplace.types.moderation import ReportType
from wijkmarkt.graphql.marketplace.types.rings import CandidateRingType, RingType
from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.marketplace.filters import ListingFilter
from wijkmarkt.tenants.marketplace.models import Category
from wijkmarkt.tenants.marketplace.rings import candidate_rings
from wijkmarkt.tenants.marketplace.selectors import categories_active, moderation_queue, open_listings, streets

MAX_CANDIDATE_RINGS = 50

ListingSortEnum = graphene.Enum(
    "ListingSort",
    [("NEWEST", "newest"), ("URGENT", "urgent"), ("NEAR", "near")],
    description="Order of a listing page: newest first, most urgent (soonest date) first, or nearest to "
    "`nearStreet` first. With `q` and no sort: best match first.",
)


def marketplace_wijk(info) -> Wijk:
    """The wijk of this domain, with its marketplace switched on."""
    wijk = require_wijk_domain(info)
    if not wijk.has_module(Module.MARKETPLACE):
        raise graphql_error(ErrorCode.WRONG_DOMAIN, _("Vraag en aanbod staat in deze wijk niet aan."))
    return wijk


def marketplace_reader(info) -> Viewer:
    """Members of this wijk, and relatives registered as a member's proxy."""
    marketplace_wijk(info)
    current = viewer(info)
    if not (has_permission(current.actor, Perm.VIEW_LISTINGS) or current.principals):
        raise permission_denied()
    return current


class MarketplaceQueries(graphene.ObjectType):
    listings = CappedConnectionField(
        ListingType,
        description="Open requests and offers of this wijk (members and their proxies), newest first by default.",
        q=graphene.String(description='Words to search for, Dutch stemming; "quotes", -not and or work.'),
        kind=ListingKindEnum(description="Only requests or only offers."),
        category=graphene.ID(description="Only this category (a Category ID of this wijk)."),
        date_from=graphene.Date(description="Only listings on or after this date."),
        date_to=graphene.Date(description="Only listings on or before this date."),
        near_street=graphene.ID(description="Only listings with a street, with `distanceM` from this Street ID."),
        within_m=graphene.Int(description="With `nearStreet`: at most this many metres away (50 to 5000)."),
        sort=ListingSortEnum(description="The order; newest first when not given."),
    )
    listing = WijkNode.Field(ListingType, description="One listing by ID; null if missing, hidden or of another wijk.")
    exchange = WijkNode.Field(ExchangeType, description="One exchange the viewer takes part in, by ID; else null.")
    ring = WijkNode.Field(RingType, description="One ring the viewer takes part in, by ID; else null.")
    categories = graphene.List(
        graphene.NonNull(CategoryType),
        required=True,
        include_retired=graphene.Boolean(description="Also retired categories (wijk admins only)."),
        description="The kinds of help of this wijk, in their order.",
    )
    streets = graphene.List(graphene.NonNull(StreetType), required=True, description="The streets of this wijk.")
    candidate_rings = graphene.List(
        graphene.NonNull(CandidateRingType),
        required=True,
        max_length=graphene.Int(description="Longest ring to look for, 3 to 6 (default 4)."),
        limit=graphene.Int(description=f"At most this many rings, 1 to {MAX_CANDIDATE_RINGS} (default 20)."),
        description="Rings the system finds among open requests and offers, shortest first: every ring for the "
        "makelaar, rings with the viewer in them for other members.",
    )
    moderation_queue = CappedConnectionField(
        ReportType, description="Open reports, oldest first (wijk admin and makelaar)."
    )

    @staticmethod
    def resolve_listings(root, info, **args):
        current = marketplace_reader(info)
        data = {}
        for name in ("q", "date_from", "date_to", "within_m"):
            if args.get(name) is not None:
                data[name] = args[name]
        for name in ("kind", "sort"):
            if args.get(name) is not None:
                data[name] = enum_value(args[name])
        # NOWHERE makes the filter form refuse an ID of another wijk with the very message it gives for a deleted row.
        if args.get("category") is not None:
            data["category"] = pk_or_nowhere(args["category"], "Category")
        if args.get("near_street") is not None:
            data["near_street"] = pk_or_nowhere(args["near_street"], "Street")
        listings = open_listings(current.actor).select_related(*neighbour_related("owner")).prefetch_related("photos")
        filterset = ListingFilter(data, queryset=listings)
        if not filterset.is_valid():
            raise bad_filter(filterset.form.errors)
        return filterset.qs

    @staticmethod
    def resolve_categories(root, info, include_retired=False):
        marketplace_wijk(info)
        if include_retired:
            require(info, Perm.MANAGE_CATEGORIES)
            return Category.objects.order_by("position", "name")
        return categories_active()

    @staticmethod
    def resolve_streets(root, info):
        marketplace_wijk(info)
        return streets()

    @staticmethod
    def resolve_candidate_rings(root, info, max_length=4, limit=20):
        current = marketplace_reader(info)
        max_length, limit = 4 if max_length is None else max_length, 20 if limit is None else limit  # null: default
        if not 3 <= max_length <= 6 or not 1 <= limit <= MAX_CANDIDATE_RINGS:
            raise graphql_error(
                ErrorCode.BAD_REQUEST,
                _("`maxLength` ligt tussen 3 en 6 en `limit` tussen 1 en %(limit)s.") % {"limit": MAX_CANDIDATE_RINGS},
            )
        if current.is_makelaar:
            rings = candidate_rings(max_length=max_length, limit=limit)
        elif current.member is not None and has_permission(current.actor, Perm.PROPOSE_RING):
            rings = candidate_rings(max_length=max_length, limit=limit, involving=current.member)
        else:
            raise permission_denied()
        listings = [listing for ring in rings for link in ring.links for listing in (link.request, link.offer)]
        prefetch_neighbours([listing.owner for listing in listings])
        # Listings come with owner and category; their streets in one more query, not one per listing.
        prefetch_related_objects(listings, "street")
        return rings

    @staticmethod
    def resolve_moderation_queue(root, info, **_page):
        marketplace_wijk(info)
        require(info, Perm.MODERATE)
        return moderation_queue().select_related(*REPORT_RELATED)
