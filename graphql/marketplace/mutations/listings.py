"""Placing, changing, withdrawing and renewing requests and offers, and their photos."""

import base64
import binascii

import graphene
from django.core.files.uploadedfile import SimpleUploadedFile

from wijkmarkt.graphql.core.lookups import acting_member, find_node
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.mutations.base import MarketplaceMutation, field_pk, listing_id_argument
from wijkmarkt.graphql.marketplace.types.enums import ListingKindEnum, ListingVisibilityEnum, ListingWhenEnum
from wijkmarkt.graphql.marketplace.types.listings import ListingType
from wijkmarkt.tenants.marketplace.actions import listings as listing_actions
from wijkmarkt.tenants.marketplace.actions.photos import add_photo
from wijkmarkt.tenants.marketplace.models import Visibility, When


class ListingFields(graphene.InputObjectType):
    """What a person fills in for a request or offer."""

    class Meta:
        name = "ListingInput"

    kind = ListingKindEnum(required=True, description="Request or offer.")
    title = graphene.String(required=True, description="Short title, at most 100 characters.")
    description = graphene.String(required=True, description="What it is about, plain text, at most 2000 characters.")
    category = graphene.ID(required=True, description="A Category ID of this wijk, not retired.")
    when = ListingWhenEnum(description="On a date, a window, recurring or flexible (default FLEXIBLE).")
    starts_on = graphene.Date(description="For DATE and WINDOW: the (first) day, today or later.")
    ends_on = graphene.Date(description="For WINDOW: the last day.")
    recurrence = graphene.String(description='For RECURRING: how often ("elke dinsdagochtend").')
    street = graphene.ID(description="Where, a Street ID of this wijk.")
    duration_minutes = graphene.Int(description="About how long it takes, 5 to 1440 minutes.")
    visibility = ListingVisibilityEnum(description="This wijk only (default) or also citywide.")


def _listing_input(data) -> listing_actions.ListingInput:
    return listing_actions.ListingInput(
        kind=data.kind,
        title=data.title,
        description=data.description,
        category_id=field_pk(data.category, "Category"),
        when=data.when or When.FLEXIBLE,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        recurrence=data.recurrence or "",
        street_id=field_pk(data.street, "Street"),
        duration_minutes=data.duration_minutes,
        visibility=data.visibility or Visibility.WIJK,
    )


class PublishListing(MarketplaceMutation):
    """Place a request or offer. A proxy or the makelaar places it for someone by naming them in `ownerId`: that
    person stays its owner, and `placedAs` shows it was placed for them."""

    class Arguments:
        input = ListingFields(required=True, description="The request or offer.")
        owner_id = graphene.ID(description="Whose it is (a Membership ID), when placed for someone; default yourself.")

    listing = graphene.Field(ListingType, description="The new listing.")

    @classmethod
    def act(cls, info, wijk, input, owner_id=None) -> dict:
        owner = acting_member(info, owner_id)
        data = _listing_input(input)
        return {"listing": listing_actions.publish_listing(actor=viewer(info).actor, wijk=wijk, owner=owner, data=data)}


class UpdateListing(MarketplaceMutation):
    """Change an open request or offer; every field is given again."""

    class Arguments:
        id = listing_id_argument("change")
        input = ListingFields(required=True, description="The request or offer as it should be.")

    listing = graphene.Field(ListingType, description="The changed listing.")

    @classmethod
    def act(cls, info, wijk, id, input) -> dict:
        listing = find_node(ListingType, info, id)
        data = _listing_input(input)
        return {"listing": listing_actions.update_listing(actor=viewer(info).actor, listing=listing, data=data)}


class WithdrawListing(MarketplaceMutation):
    """Take a request or offer back."""

    class Arguments:
        id = listing_id_argument("withdraw")

    listing = graphene.Field(ListingType, description="The withdrawn listing.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        listing = find_node(ListingType, info, id)
        return {"listing": listing_actions.withdraw_listing(actor=viewer(info).actor, listing=listing)}


class RenewListing(MarketplaceMutation):
    """One click: an expired or soon expiring listing is open again for the wijk's full period."""

    class Arguments:
        id = listing_id_argument("renew")

    listing = graphene.Field(ListingType, description="The renewed listing.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        listing = find_node(ListingType, info, id)
        return {"listing": listing_actions.renew_listing(actor=viewer(info).actor, wijk=wijk, listing=listing)}


class AddListingPhoto(MarketplaceMutation):
    """Add a photo (JPG, PNG or WebP, at most 5 MB) to a listing; it is shrunk and its metadata removed."""

    class Arguments:
        id = listing_id_argument("add a photo to")
        image_base64 = graphene.String(required=True, description="The image file, base64-encoded.")
        description = graphene.String(description="What is on it, for people who cannot see it.")

    listing = graphene.Field(ListingType, description="The listing with its photos.")

    @classmethod
    def act(cls, info, wijk, id, image_base64, description="") -> dict:
        listing = find_node(ListingType, info, id)
        try:
            content = base64.b64decode(image_base64, validate=True)
        except (binascii.Error, ValueError):
            content = b""
        upload = SimpleUploadedFile("photo", content)
        add_photo(actor=viewer(info).actor, listing=listing, upload=upload, description=description or "")
        return {"listing": listing}
