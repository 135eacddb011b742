"""Listings (requests and offers) with their photos and suggestions, and the reference data they name: categories
and streets."""

import graphene
from django.urls import reverse
from django.utils import timezone
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode, node_pk
from wijkmarkt.graphql.core.lookups import reachable
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import prefetch_neighbours
from wijkmarkt.graphql.marketplace.types.enums import (
    ListingKindEnum,
    ListingStatusEnum,
    ListingVisibilityEnum,
    ListingWhenEnum,
)
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.graphql.membership.types import PlacedAsEnum
from wijkmarkt.tenants.marketplace.access import listing_for
from wijkmarkt.tenants.marketplace.models import ACTIVE_LISTING_STATUSES, Category, Listing, ListingStatus, Street
from wijkmarkt.tenants.marketplace.suggestions import suggestions_for

# --- reference data ----------------------------------------------------------------------------------------------


class CategoryType(DjangoObjectType):
    """A kind of help (boodschappen, tuin, computerhulp, ...), managed by the wijk admin for this wijk only."""

    name = graphene.String(required=True, description="The name residents see.")
    slug = graphene.String(required=True, description="A stable name for programs.")
    position = graphene.Int(required=True, description="Order in lists, lowest first.")
    retired = graphene.Boolean(required=True, description="Retired categories take no new listings.")

    class Meta:
        name = "Category"
        model = Category
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        return Category.objects.filter(pk=pk).first() if pk is not None else None

    @staticmethod
    def resolve_retired(category: Category, info):
        return category.retired_at is not None


class StreetType(DjangoObjectType):
    """A street of the wijk: the finest "where" the marketplace knows."""

    name = graphene.String(required=True, description="The street name.")

    class Meta:
        name = "Street"
        model = Street
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        return Street.objects.filter(pk=pk).first() if pk is not None else None


# --- listings ----------------------------------------------------------------------------------------------------


class Suggestion(graphene.ObjectType):
    """A neighbour who may fit a listing, and why, in words a person understands."""

    member = graphene.Field(graphene.NonNull(Neighbour), description="The neighbour who may fit.")
    reasons = graphene.List(
        graphene.NonNull(graphene.String), required=True, description='Each reason, e.g. "biedt computerhulp aan".'
    )
    why = graphene.String(required=True, description="The reasons as one sentence.")
    distance_m = graphene.Float(description="Metres between their street and the listing's, when both are known.")


class ListingPhotoType(graphene.ObjectType):
    """A photo of a listing, re-encoded without metadata and served only on the wijk's own site."""

    url = graphene.String(
        required=True, description="Address on this wijk's site, for members who may see the listing."
    )
    description = graphene.String(required=True, description="What is on it, for people who cannot see it.")

    class Meta:
        name = "ListingPhoto"


class ListingType(DjangoObjectType):
    """A request (vraag) or offer (aanbod) of a member of this wijk."""

    kind = graphene.Field(graphene.NonNull(ListingKindEnum), description="Request or offer.")
    title = graphene.String(required=True, description="Short title.")
    description = graphene.String(required=True, description="What it is about, as plain text.")
    category = graphene.Field(graphene.NonNull(CategoryType), description="The kind of help.")
    owner = graphene.Field(
        graphene.NonNull(Neighbour),
        description="Whose request or offer this is; stays that person when a proxy or the makelaar placed it.",
    )
    placed_as = graphene.Field(
        graphene.NonNull(PlacedAsEnum), description="Placed by the owner, or for them by a proxy or the makelaar."
    )
    when = graphene.Field(graphene.NonNull(ListingWhenEnum), description="On a date, a window, recurring or flexible.")
    starts_on = graphene.Date(description="The date, or the first day of the window.")
    ends_on = graphene.Date(description="The last day of the window.")
    recurrence = graphene.String(required=True, description='How often, for recurring ones ("elke dinsdag").')
    street = graphene.Field(StreetType, description="Where, at street level at most.")
    duration_minutes = graphene.Int(description="About how long it takes.")
    visibility = graphene.Field(graphene.NonNull(ListingVisibilityEnum), description="This wijk only, or citywide.")
    status = graphene.Field(
        graphene.NonNull(ListingStatusEnum), description="Open, in contact, agreed, done, withdrawn or expired."
    )
    created_at = graphene.DateTime(required=True, description="When it was placed.")
    expires_at = graphene.DateTime(required=True, description="When it expires unless renewed.")
    distance_m = graphene.Float(description="Metres from `nearStreet` when the list was filtered by it, else null.")
    photos = graphene.List(
        graphene.NonNull(ListingPhotoType), required=True, description="Up to four photos (ask on one listing)."
    )
    suggestions = graphene.List(
        graphene.NonNull(Suggestion),
        description="Neighbours who may fit, best first (at most five). Only for the owner, those acting for them "
        "and the makelaar; null for others. Worked out per listing: ask for it on one listing, not on a page.",
    )

    class Meta:
        name = "Listing"
        model = Listing
        interfaces = (WijkNode,)
        fields = ("id",)

    @staticmethod
    def resolve_photos(listing, info):
        return [
            ListingPhotoType(url=reverse("marketplace:photo", args=[photo.pk]), description=photo.description)
            for photo in listing.photos.all()
        ]

    @classmethod
    def get_node(cls, info, id):
        return reachable(listing_for, info, id)

    @staticmethod
    def resolve_status(listing: Listing, info):
        # Until the daily task marks it, an overdue listing is still "open" in the table: show what it is.
        if listing.status in ACTIVE_LISTING_STATUSES and listing.expires_at <= timezone.now():
            return ListingStatus.EXPIRED
        return listing.status

    @staticmethod
    def resolve_distance_m(listing: Listing, info):
        return getattr(listing, "distance_m", None)

    @staticmethod
    def resolve_suggestions(listing: Listing, info):
        if not viewer(info).may_act_for(listing.owner_id):
            return None
        found = suggestions_for(listing)
        prefetch_neighbours([item.member for item in found])
        return found
