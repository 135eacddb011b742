"""Marketplace mutations. Each calls one action (tenants/marketplace/actions/) and returns its payload plus `errors`;
a mutation with errors has written nothing.

IDs are global IDs of this wijk. One of another wijk, or of something the viewer may not see, is answered exactly like
a missing one: a top-level NOT_FOUND for the object acted on, or the action's own error for a field (an unknown
`category` is UNKNOWN_CATEGORY either way). A proxy or the makelaar acting for someone names them in `onBehalfOf`
(`ownerId` when placing a listing). Missing permission is a top-level PERMISSION_DENIED. Never decides a permission
itself beyond what the pages decide too: the actions and access.py do."""

import base64
import binascii

import graphene
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.lookups import acting_member as _member
from wijkmarkt.graphql.core.lookups import find_node as _node
from wijkmarkt.graphql.core.lookups import suspended_error as _suspended
from wijkmarkt.graphql.core.mutations import BaseMutation
from wijkmarkt.graphql.core.permissions import require
from wijkmarkt.graphql.core.types import error_type
from wijkmarkt.graphql.marketplace.dataloaders import viewer
from wijkmarkt.graphql.marketplace.queries import marketplace_wijk
from wijkmarkt.graphql.marketplace.types import (
    NOWHERE,
    CategoryType,
    ContactWayEnum,
    ExchangeType,
    ListingKindEnum,
    ListingType,
    ListingVisibilityEnum,
    ListingWhenEnum,
    MessageType,
    Neighbour,
    NotificationKindEnum,
    ProfileType,
    ProxyType,
    ReportOutcomeEnum,
    ReportType,
    RingType,
    ThankYouType,
    local_pk,
    rings_with_links,
    with_exchange_relations,
)
from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.tenants.marketplace.actions import categories as category_actions
from wijkmarkt.tenants.marketplace.actions import exchanges as exchange_actions
from wijkmarkt.tenants.marketplace.actions import listings as listing_actions
from wijkmarkt.tenants.marketplace.actions import moderation as moderation_actions
from wijkmarkt.tenants.marketplace.actions import profiles as profile_actions
from wijkmarkt.tenants.marketplace.actions import rings as ring_actions
from wijkmarkt.tenants.marketplace.actions.notifications import mark_notifications_read
from wijkmarkt.tenants.marketplace.actions.photos import add_photo
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as DomainErrorCode
from wijkmarkt.tenants.marketplace.models import Exchange, Profile, Visibility, When
from wijkmarkt.tenants.marketplace.selectors import categories_active
from wijkmarkt.tenants.membership.access import NotFound, neighbour_for
from wijkmarkt.tenants.membership.actions import proxies
from wijkmarkt.tenants.membership.models import Membership

MarketplaceErrorCode = graphene.Enum(
    "MarketplaceErrorCode",
    [(code.name, code.value.upper()) for code in DomainErrorCode] + [("INVALID", "INVALID")],
    description="Why a marketplace change did not go through; `message` says it in words.",
)
MarketplaceError = error_type("MarketplaceError", MarketplaceErrorCode)


# --- finding what a mutation acts on ---------------------------------------------------------------------------


def _field_pk(global_id: str | None, type_name: str) -> int | None:
    """A field's ID for an action that checks it itself: None when not given, NOWHERE when not of this wijk."""
    if not global_id:
        return None
    pk = local_pk(global_id, type_name)
    return NOWHERE if pk is None else pk


def _on_behalf_of(info, global_id: str | None) -> Membership | None:
    return None if global_id is None else _member(info, global_id)


def _neighbour(info, global_id: str) -> Membership:
    pk = local_pk(global_id, "Membership")
    if pk is None:
        raise NotFound
    return neighbour_for(viewer(info).actor, pk)


def _exchange_payload(exchange: Exchange) -> dict:
    # Read again with its thread and relations, so the answer shows the state the action left.
    return {"exchange": with_exchange_relations(Exchange.objects.filter(pk=exchange.pk)).get()}


def _on_behalf_of_argument():
    return graphene.ID(description="The member you act for (a Membership ID), as proxy or makelaar; default yourself.")


# --- the base ----------------------------------------------------------------------------------------------------


class MarketplaceMutation(BaseMutation):
    """Subclasses implement `act(info, wijk, **arguments)` by calling one action; this checks the domain and
    suspension first, and words a suspension as the pages do."""

    class Meta:
        abstract = True

    errors = graphene.List(
        graphene.NonNull(MarketplaceError), required=True, description="What to fix; empty when it worked."
    )
    error_code_enum = MarketplaceErrorCode
    # A suspended member reads but does not post, respond, propose or report, not even as someone's proxy:
    # access.acting_as does not look at the actor's own suspension on its proxy path, so this does, here.
    refused_while_suspended = True

    @classmethod
    def perform(cls, info, **data) -> dict:
        wijk = marketplace_wijk(info)  # a paused wijk: the actions refuse (permissions.require_writes_open)
        suspended = viewer(info).actor.suspended
        if suspended and cls.refused_while_suspended:
            raise _suspended()
        try:
            return cls.act(info, wijk, **data)
        except PermissionDenied as refusal:
            # Say why when it is a suspension, as the pages do; any other refusal stays the generic one.
            if suspended:
                raise _suspended() from None
            if str(refusal) == "suspended":
                raise graphql_error(
                    ErrorCode.PERMISSION_DENIED, _("Deze buur is geschorst. U kunt nu niets voor deze buur doen.")
                ) from None
            raise

    @classmethod
    def act(cls, info, wijk, **data) -> dict:
        raise NotImplementedError


# --- listings ----------------------------------------------------------------------------------------------------


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
        category_id=_field_pk(data.category, "Category"),
        when=data.when or When.FLEXIBLE,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        recurrence=data.recurrence or "",
        street_id=_field_pk(data.street, "Street"),
        duration_minutes=data.duration_minutes,
        visibility=data.visibility or Visibility.WIJK,
    )


def _listing_id_argument(what: str):
    return graphene.ID(required=True, description=f"The listing to {what} (a Listing ID).")


class PublishListing(MarketplaceMutation):
    """Place a request or offer. A proxy or the makelaar places it for someone by naming them in `ownerId`: that
    person stays its owner, and `placedAs` shows it was placed for them."""

    class Arguments:
        input = ListingFields(required=True, description="The request or offer.")
        owner_id = graphene.ID(description="Whose it is (a Membership ID), when placed for someone; default yourself.")

    listing = graphene.Field(ListingType, description="The new listing.")

    @classmethod
    def act(cls, info, wijk, input, owner_id=None) -> dict:
        owner = _member(info, owner_id)
        data = _listing_input(input)
        return {"listing": listing_actions.publish_listing(actor=viewer(info).actor, wijk=wijk, owner=owner, data=data)}


class UpdateListing(MarketplaceMutation):
    """Change an open request or offer; every field is given again."""

    class Arguments:
        id = _listing_id_argument("change")
        input = ListingFields(required=True, description="The request or offer as it should be.")

    listing = graphene.Field(ListingType, description="The changed listing.")

    @classmethod
    def act(cls, info, wijk, id, input) -> dict:
        listing = _node(ListingType, info, id)
        data = _listing_input(input)
        return {"listing": listing_actions.update_listing(actor=viewer(info).actor, listing=listing, data=data)}


class WithdrawListing(MarketplaceMutation):
    """Take a request or offer back."""

    class Arguments:
        id = _listing_id_argument("withdraw")

    listing = graphene.Field(ListingType, description="The withdrawn listing.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        listing = _node(ListingType, info, id)
        return {"listing": listing_actions.withdraw_listing(actor=viewer(info).actor, listing=listing)}


class RenewListing(MarketplaceMutation):
    """One click: an expired or soon expiring listing is open again for the wijk's full period."""

    class Arguments:
        id = _listing_id_argument("renew")

    listing = graphene.Field(ListingType, description="The renewed listing.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        listing = _node(ListingType, info, id)
        return {"listing": listing_actions.renew_listing(actor=viewer(info).actor, wijk=wijk, listing=listing)}


class AddListingPhoto(MarketplaceMutation):
    """Add a photo (JPG, PNG or WebP, at most 5 MB) to a listing; it is shrunk and its metadata removed."""

    class Arguments:
        id = _listing_id_argument("add a photo to")
        image_base64 = graphene.String(required=True, description="The image file, base64-encoded.")
        description = graphene.String(description="What is on it, for people who cannot see it.")

    listing = graphene.Field(ListingType, description="The listing with its photos.")

    @classmethod
    def act(cls, info, wijk, id, image_base64, description="") -> dict:
        listing = _node(ListingType, info, id)
        try:
            content = base64.b64decode(image_base64, validate=True)
        except (binascii.Error, ValueError):
            content = b""
        upload = SimpleUploadedFile("photo", content)
        add_photo(actor=viewer(info).actor, listing=listing, upload=upload, description=description or "")
        return {"listing": listing}


# --- exchanges ---------------------------------------------------------------------------------------------------


def _exchange_id_argument():
    return graphene.ID(required=True, description="The exchange (an Exchange ID).")


class RespondToListing(MarketplaceMutation):
    """'Ik kan helpen' on a request, 'Dit wil ik graag' on an offer: starts an exchange with a first message."""

    class Arguments:
        listing_id = _listing_id_argument("respond to")
        message = graphene.String(required=True, description="The first message to the owner.")
        on_behalf_of = _on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The new exchange.")

    @classmethod
    def act(cls, info, wijk, listing_id, message, on_behalf_of=None) -> dict:
        listing = _node(ListingType, info, listing_id)
        member = _member(info, on_behalf_of)
        exchange = exchange_actions.respond_to_listing(
            actor=viewer(info).actor, member=member, listing=listing, message=message
        )
        return _exchange_payload(exchange)


class PostMessage(MarketplaceMutation):
    """A message in an exchange's thread."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        body = graphene.String(required=True, description="The message, plain text, at most 2000 characters.")
        on_behalf_of = _on_behalf_of_argument()

    message = graphene.Field(MessageType, description="The new message.")
    exchange = graphene.Field(ExchangeType, description="The exchange with its thread.")

    @classmethod
    def act(cls, info, wijk, exchange_id, body, on_behalf_of=None) -> dict:
        exchange = _node(ExchangeType, info, exchange_id)
        message = exchange_actions.post_message(
            actor=viewer(info).actor, exchange=exchange, body=body, on_behalf_of=_on_behalf_of(info, on_behalf_of)
        )
        return {"message": message, **_exchange_payload(exchange)}


class AgreeExchange(MarketplaceMutation):
    """Confirm what and when. Changed terms need the other side's confirmation again; with both, it is agreed."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        what = graphene.String(required=True, description="What will happen, at most 200 characters.")
        agreed_for = graphene.DateTime(description="When, not in the past.")
        hours = graphene.Decimal(description="How many hours, 0.1 to 24.")
        on_behalf_of = _on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, what, agreed_for=None, hours=None, on_behalf_of=None) -> dict:
        exchange = _node(ExchangeType, info, exchange_id)
        exchange_actions.agree_exchange(
            actor=viewer(info).actor, exchange=exchange, what=what, agreed_for=agreed_for, hours=hours,
            on_behalf_of=_on_behalf_of(info, on_behalf_of),
        )  # fmt: skip
        return _exchange_payload(exchange)


class ConfirmDone(MarketplaceMutation):
    """Say it was done. With both sides, or when the other does not object in time, the exchange is done."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        on_behalf_of = _on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, on_behalf_of=None) -> dict:
        exchange = _node(ExchangeType, info, exchange_id)
        exchange_actions.confirm_done(
            actor=viewer(info).actor, exchange=exchange, on_behalf_of=_on_behalf_of(info, on_behalf_of)
        )
        return _exchange_payload(exchange)


class ObjectToDone(MarketplaceMutation):
    """'Het is nog niet gedaan': withdraws the other side's 'done'; the exchange stays agreed."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        reason = graphene.String(required=True, description="What is still to do, at most 300 characters.")
        on_behalf_of = _on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, reason, on_behalf_of=None) -> dict:
        exchange = _node(ExchangeType, info, exchange_id)
        exchange_actions.object_to_done(
            actor=viewer(info).actor, exchange=exchange, reason=reason, on_behalf_of=_on_behalf_of(info, on_behalf_of)
        )
        return _exchange_payload(exchange)


class CancelExchange(MarketplaceMutation):
    """Call an exchange off, with a reason the other member sees."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        reason = graphene.String(required=True, description="Why, at most 300 characters.")
        on_behalf_of = _on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The cancelled exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, reason, on_behalf_of=None) -> dict:
        exchange = _node(ExchangeType, info, exchange_id)
        exchange_actions.cancel_exchange(
            actor=viewer(info).actor, exchange=exchange, reason=reason, on_behalf_of=_on_behalf_of(info, on_behalf_of)
        )
        return _exchange_payload(exchange)


class Thank(MarketplaceMutation):
    """A short thank-you after a done exchange; on the wijk's home page only when both members agree."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        text = graphene.String(required=True, description="The thank-you, at most 300 characters.")
        show_on_home = graphene.Boolean(required=True, description="You agree to show it on the wijk's home page.")
        on_behalf_of = _on_behalf_of_argument()

    thank_you = graphene.Field(ThankYouType, description="The thank-you.")

    @classmethod
    def act(cls, info, wijk, exchange_id, text, show_on_home, on_behalf_of=None) -> dict:
        exchange = _node(ExchangeType, info, exchange_id)
        thank_you = exchange_actions.thank(
            actor=viewer(info).actor, exchange=exchange, text=text, show_on_home=show_on_home,
            on_behalf_of=_on_behalf_of(info, on_behalf_of),
        )  # fmt: skip
        return {"thank_you": thank_you}


class ConsentToThankYou(MarketplaceMutation):
    """The other member agrees that a thank-you may appear on the wijk's home page."""

    class Arguments:
        thank_you_id = graphene.ID(required=True, description="The thank-you (a ThankYou ID).")
        on_behalf_of = _on_behalf_of_argument()

    thank_you = graphene.Field(ThankYouType, description="The thank-you.")

    @classmethod
    def act(cls, info, wijk, thank_you_id, on_behalf_of=None) -> dict:
        thank_you = _node(ThankYouType, info, thank_you_id)
        thank_you = exchange_actions.consent_to_thank_you(
            actor=viewer(info).actor, thank_you=thank_you, on_behalf_of=_on_behalf_of(info, on_behalf_of)
        )
        return {"thank_you": thank_you}


# --- rings -------------------------------------------------------------------------------------------------------


class RingLinkFields(graphene.InputObjectType):
    """One step of a proposed ring: the giver helps the owner of the request (optionally with their offer). The
    giver of each step is the owner of the previous step's request."""

    class Meta:
        name = "RingLinkInput"

    request_id = graphene.ID(required=True, description="The receiver's open request (a Listing ID).")
    giver_id = graphene.ID(required=True, description="Who helps (a Membership ID).")
    offer_id = graphene.ID(description="The giver's open offer that answers it (a Listing ID).")


def _ring(info, global_id: str):
    return _node(RingType, info, global_id)


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
                request_id=_field_pk(link.request_id, "Listing") or NOWHERE,
                giver_id=_field_pk(link.giver_id, "Membership") or NOWHERE,
                offer_id=_field_pk(link.offer_id, "Listing"),
            )
            for link in links
        ]
        return _ring_payload(ring_actions.propose_ring(actor=viewer(info).actor, links=inputs))


class ConfirmRingPart(MarketplaceMutation):
    """Confirm your part of a ring; when every part is confirmed the ring becomes linked exchanges."""

    class Arguments:
        ring_id = graphene.ID(required=True, description="The ring (a Ring ID).")
        on_behalf_of = _on_behalf_of_argument()

    ring = graphene.Field(RingType, description="The ring.")

    @classmethod
    def act(cls, info, wijk, ring_id, on_behalf_of=None) -> dict:
        ring = _ring(info, ring_id)
        member = _member(info, on_behalf_of)
        return _ring_payload(ring_actions.confirm_ring_part(actor=viewer(info).actor, ring=ring, member=member))


class DeclineRing(MarketplaceMutation):
    """Decline to take part: the ring does not go ahead and the others are told why."""

    class Arguments:
        ring_id = graphene.ID(required=True, description="The ring (a Ring ID).")
        reason = graphene.String(required=True, description="Why, at most 300 characters.")
        on_behalf_of = _on_behalf_of_argument()

    ring = graphene.Field(RingType, description="The ring.")

    @classmethod
    def act(cls, info, wijk, ring_id, reason, on_behalf_of=None) -> dict:
        ring = _ring(info, ring_id)
        member = _member(info, on_behalf_of)
        declined = ring_actions.decline_ring(actor=viewer(info).actor, ring=ring, member=member, reason=reason)
        return _ring_payload(declined)


# --- moderation --------------------------------------------------------------------------------------------------


class FileReport(MarketplaceMutation):
    """Report one listing, message or member to the wijk's moderators."""

    class Arguments:
        reason = graphene.String(required=True, description="What is wrong, at most 500 characters.")
        listing_id = graphene.ID(description="The listing to report (a Listing ID).")
        message_id = graphene.ID(description="The message to report (a Message ID).")
        member_id = graphene.ID(description="The member to report (a Membership ID).")
        on_behalf_of = _on_behalf_of_argument()

    reported = graphene.Boolean(description="The report reached the moderators.")

    @classmethod
    def act(cls, info, wijk, reason, listing_id=None, message_id=None, member_id=None, on_behalf_of=None) -> dict:
        moderation_actions.report(
            actor=viewer(info).actor,
            reporter=_member(info, on_behalf_of),
            reason=reason,
            listing=_node(ListingType, info, listing_id) if listing_id else None,
            message=_node(MessageType, info, message_id) if message_id else None,
            member=_neighbour(info, member_id) if member_id else None,
        )
        return {"reported": True}


class HandleReport(MarketplaceMutation):
    """Dismiss a report, hide the listing or message, warn its author or suspend them; the reason is kept."""

    class Arguments:
        report_id = graphene.ID(required=True, description="The report (a Report ID).")
        outcome = ReportOutcomeEnum(required=True, description="What happens (not OPEN).")
        reason = graphene.String(required=True, description="Why, kept with the report, at most 500 characters.")

    report = graphene.Field(ReportType, description="The handled report.")

    @classmethod
    def act(cls, info, wijk, report_id, outcome, reason) -> dict:
        require(info, Perm.MODERATE)
        report = _node(ReportType, info, report_id)
        handled = moderation_actions.handle_report(
            actor=viewer(info).actor, moderator=viewer(info).member, report=report, outcome=outcome, reason=reason
        )
        return {"report": handled}


class BlockMember(MarketplaceMutation):
    """Block a member: no more contact either way."""

    class Arguments:
        member_id = graphene.ID(required=True, description="The member to block (a Membership ID).")
        on_behalf_of = _on_behalf_of_argument()

    blocked = graphene.Field(Neighbour, description="The blocked member.")

    @classmethod
    def act(cls, info, wijk, member_id, on_behalf_of=None) -> dict:
        blocked = _neighbour(info, member_id)
        moderation_actions.block_member(actor=viewer(info).actor, blocker=_member(info, on_behalf_of), blocked=blocked)
        return {"blocked": blocked}


class UnblockMember(MarketplaceMutation):
    """Lift your block of a member."""

    class Arguments:
        member_id = graphene.ID(required=True, description="The blocked member (a Membership ID).")
        on_behalf_of = _on_behalf_of_argument()

    unblocked = graphene.Field(Neighbour, description="The member no longer blocked.")

    @classmethod
    def act(cls, info, wijk, member_id, on_behalf_of=None) -> dict:
        blocked = _neighbour(info, member_id)
        moderation_actions.unblock_member(
            actor=viewer(info).actor, blocker=_member(info, on_behalf_of), blocked=blocked
        )
        return {"unblocked": blocked}


class LiftSuspension(MarketplaceMutation):
    """A moderator lets a suspended member post and respond again."""

    class Arguments:
        member_id = graphene.ID(required=True, description="The suspended member (a Membership ID).")

    member = graphene.Field(Neighbour, description="The member.")

    @classmethod
    def act(cls, info, wijk, member_id) -> dict:
        require(info, Perm.MODERATE)
        member = _neighbour(info, member_id)
        return {"member": moderation_actions.lift_suspension(actor=viewer(info).actor, member=member)}


# --- profiles and proxies ------------------------------------------------------------------------------------------


class ProfileFields(graphene.InputObjectType):
    """A profile change: fields left out keep their value; a field set to null is emptied."""

    class Meta:
        name = "ProfileInput"

    about = graphene.String(description="About me, at most 1000 characters.")
    offers = graphene.String(description="What I can offer, at most 1000 characters.")
    talents = graphene.List(graphene.NonNull(graphene.String), description="Talents and skills, at most 20.")
    languages = graphene.List(graphene.NonNull(graphene.String), description="Languages, at most 20.")
    could_use = graphene.String(description="What I could use help with, at most 1000 characters.")
    available = graphene.List(
        graphene.NonNull(graphene.String), description='When I am free: "mon_morning" ... "sun_evening".'
    )
    contact_way = ContactWayEnum(description="How I like to be contacted.")
    street = graphene.ID(description="My street (a Street ID of this wijk).")
    house_number = graphene.String(description="My house number, at most 10 characters.")
    phone = graphene.String(description="My phone number, at most 20 characters.")
    show_house_number = graphene.Boolean(description="Neighbours may see my house number.")
    show_phone = graphene.Boolean(description="Neighbours may see my phone number.")
    show_email = graphene.Boolean(description="Neighbours may see my e-mail address.")
    notify_site = graphene.List(graphene.NonNull(NotificationKindEnum), description="Notifications in the site.")
    notify_email = graphene.List(graphene.NonNull(NotificationKindEnum), description="Notifications by e-mail.")


# What a field set to null becomes: empty text and lists, no consent, contact via the site.
_BLANK = profile_actions.ProfileInput(notify_site=[])


def _profile_input(current: Profile | None, data) -> profile_actions.ProfileInput:
    """The whole profile the action stores: what is there now, with the given fields replaced."""
    values = profile_actions.ProfileInput()
    if current is not None:
        for name in values.__dataclass_fields__:
            setattr(values, name, getattr(current, name))
    for name, given in data.items():
        if name == "street":
            values.street_id = _field_pk(given, "Street")
        elif given is None:
            setattr(values, name, getattr(_BLANK, name))
        else:
            setattr(values, name, list(given) if isinstance(given, list) else given)
    return values


class UpdateProfile(MarketplaceMutation):
    """Change your profile (the makelaar: someone's profile, named in `onBehalfOf`)."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    class Arguments:
        input = ProfileFields(required=True, description="The fields to change.")
        on_behalf_of = graphene.ID(description="Whose profile (a Membership ID), for the makelaar; default yours.")

    profile = graphene.Field(ProfileType, description="The profile.")

    @classmethod
    def act(cls, info, wijk, input, on_behalf_of=None) -> dict:
        member = _member(info, on_behalf_of)
        data = _profile_input(Profile.objects.filter(member=member).first(), input)
        return {"profile": profile_actions.update_profile(actor=viewer(info).actor, member=member, data=data)}


class RegisterProxy(MarketplaceMutation):
    """Register a relative's account as proxy, with the member's consent: the member themselves, or the makelaar
    recording that consent. The relative need not live in the wijk."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    class Arguments:
        proxy_email = graphene.String(required=True, description="The e-mail address of the relative's account.")
        relation = graphene.String(required=True, description='How they are related ("zoon"), at most 60 characters.')
        on_behalf_of = graphene.ID(description="The member (a Membership ID), for the makelaar; default yourself.")

    proxy = graphene.Field(ProxyType, description="The registration.")

    @classmethod
    def act(cls, info, wijk, proxy_email, relation, on_behalf_of=None) -> dict:
        principal = _member(info, on_behalf_of)
        proxy = proxies.register_proxy(
            actor=viewer(info).actor, principal=principal, proxy_email=proxy_email, relation=relation
        )
        return {"proxy": proxy}


class RevokeProxy(MarketplaceMutation):
    """End a proxy registration (the member, the relative or the makelaar)."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    class Arguments:
        id = graphene.ID(required=True, description="The registration (a Proxy ID).")

    proxy = graphene.Field(ProxyType, description="The ended registration.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        proxy = _node(ProxyType, info, id)
        return {"proxy": proxies.revoke_proxy(actor=viewer(info).actor, proxy=proxy)}


# --- categories (wijk admin) -------------------------------------------------------------------------------------


def _category_id_argument():
    return graphene.ID(required=True, description="The category (a Category ID).")


class AddCategory(MarketplaceMutation):
    """Add a kind of help to this wijk, last in the list."""

    class Arguments:
        name = graphene.String(required=True, description="Its name, unique in the wijk, at most 60 characters.")

    category = graphene.Field(CategoryType, description="The new category.")

    @classmethod
    def act(cls, info, wijk, name) -> dict:
        return {"category": category_actions.add_category(actor=viewer(info).actor, name=name)}


class RenameCategory(MarketplaceMutation):
    """Rename a kind of help; its listings keep it."""

    class Arguments:
        id = _category_id_argument()
        name = graphene.String(required=True, description="The new name, unique in the wijk.")

    category = graphene.Field(CategoryType, description="The renamed category.")

    @classmethod
    def act(cls, info, wijk, id, name) -> dict:
        category = _node(CategoryType, info, id)
        return {"category": category_actions.rename_category(actor=viewer(info).actor, category=category, name=name)}


class MoveCategory(MarketplaceMutation):
    """Move a kind of help one place up or down in the list."""

    class Arguments:
        id = _category_id_argument()
        up = graphene.Boolean(required=True, description="True: one place up; false: one place down.")

    categories = graphene.List(graphene.NonNull(CategoryType), description="The active categories, in the new order.")

    @classmethod
    def act(cls, info, wijk, id, up) -> dict:
        category = _node(CategoryType, info, id)
        category_actions.move_category(actor=viewer(info).actor, category=category, up=up)
        return {"categories": list(categories_active())}


class RetireCategory(MarketplaceMutation):
    """Retire a kind of help: no new listings in it; existing listings keep it."""

    class Arguments:
        id = _category_id_argument()

    category = graphene.Field(CategoryType, description="The retired category.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        category = _node(CategoryType, info, id)
        return {"category": category_actions.retire_category(actor=viewer(info).actor, category=category)}


class RestoreCategory(MarketplaceMutation):
    """Take a retired kind of help into use again."""

    class Arguments:
        id = _category_id_argument()

    category = graphene.Field(CategoryType, description="The restored category.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        category = _node(CategoryType, info, id)
        return {"category": category_actions.restore_category(actor=viewer(info).actor, category=category)}


# --- notifications -----------------------------------------------------------------------------------------------


class MarkNotificationsRead(MarketplaceMutation):
    """Mark all your notifications as read."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    marked = graphene.Int(description="How many were unread.")

    @classmethod
    def act(cls, info, wijk) -> dict:
        member = viewer(info).member
        if member is None:
            raise PermissionDenied("not a member")
        return {"marked": mark_notifications_read(member=member)}


class MarketplaceMutations(graphene.ObjectType):
    publish_listing = PublishListing.Field()
    update_listing = UpdateListing.Field()
    withdraw_listing = WithdrawListing.Field()
    renew_listing = RenewListing.Field()
    add_listing_photo = AddListingPhoto.Field()
    respond_to_listing = RespondToListing.Field()
    post_message = PostMessage.Field()
    agree_exchange = AgreeExchange.Field()
    confirm_done = ConfirmDone.Field()
    object_to_done = ObjectToDone.Field()
    cancel_exchange = CancelExchange.Field()
    thank = Thank.Field()
    consent_to_thank_you = ConsentToThankYou.Field()
    propose_ring = ProposeRing.Field()
    confirm_ring_part = ConfirmRingPart.Field()
    decline_ring = DeclineRing.Field()
    report = FileReport.Field()
    handle_report = HandleReport.Field()
    block_member = BlockMember.Field()
    unblock_member = UnblockMember.Field()
    lift_suspension = LiftSuspension.Field()
    update_profile = UpdateProfile.Field()
    register_proxy = RegisterProxy.Field()
    revoke_proxy = RevokeProxy.Field()
    add_category = AddCategory.Field()
    rename_category = RenameCategory.Field()
    move_category = MoveCategory.Field()
    retire_category = RetireCategory.Field()
    restore_category = RestoreCategory.Field()
    mark_notifications_read = MarkNotificationsRead.Field()
