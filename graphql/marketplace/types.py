"""GraphQL types of the marketplace: listings, exchanges with their messages and thank-yous, rings, categories,
streets, profiles, proxies, notifications and reports, and the marketplace fields of `me`.

What one member may see of another is decided in one place, `Neighbour`: first name and street; house number, phone
and e-mail only when that member chose to show them. Relations come from the select_related/prefetch_related lists
below, applied where a list is built, never from a query per row; who is asking comes from `dataloaders.viewer`.
Nothing here writes."""

import graphene
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.connections import CappedConnectionField
from wijkmarkt.graphql.core.ids import WijkNode, from_global_id, schema_of
from wijkmarkt.graphql.core.permissions import current_wijk
from wijkmarkt.graphql.marketplace.dataloaders import viewer
from wijkmarkt.graphql.membership.types import Me, MembershipType
from wijkmarkt.tenants.chat.access import conversation_for
from wijkmarkt.tenants.chat.models import ChatMessage
from wijkmarkt.tenants.marketplace.access import exchange_for, listing_for
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Category,
    ContactWay,
    Exchange,
    ExchangeStatus,
    Listing,
    ListingKind,
    ListingStatus,
    Notification,
    NotificationKind,
    Profile,
    Report,
    Ring,
    RingLink,
    Street,
    ThankYou,
    Via,
    Visibility,
    When,
)
from wijkmarkt.tenants.marketplace.selectors import exchanges_of_member, listings_of, notifications_of
from wijkmarkt.tenants.marketplace.suggestions import suggestions_for
from wijkmarkt.tenants.membership.access import NotFound, members_actor_may_act_for
from wijkmarkt.tenants.membership.models import Membership, PlacedAs, Proxy
from wijkmarkt.tenants.membership.selectors import request_membership

# --- global IDs -------------------------------------------------------------------------------------------------

# A primary key no row has: an ID of another wijk (or garbage) passed on to an action as this makes the action
# answer exactly as it does for a deleted row, so nothing can be learned from the difference.
NOWHERE = -1


def local_pk(global_id: str | None, type_name: str) -> int | None:
    """The primary key a global ID names in this wijk; None for another wijk, another type or garbage."""
    parts = from_global_id(global_id or "")
    if parts is None:
        return None
    name, schema, pk = parts
    if name != type_name or schema != schema_of(type_name) or not (pk.isascii() and pk.isdigit() and len(pk) < 19):
        return None
    return int(pk)


def _int(pk) -> int | None:
    """A node's primary key from `get_node` (already schema-checked by WijkNode), or None when it is no number."""
    text = str(pk)
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None


# --- what a list needs, for select_related / prefetch_related -----------------------------------------------------


def neighbour_related(path: str) -> tuple[str, ...]:
    """What a `Neighbour` summary of the member at `path` reads."""
    return (f"{path}__user", f"{path}__profile__street")


def under(path: str, related: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{path}__{name}" for name in related)


LISTING_RELATED = ("category", "street", *neighbour_related("owner"))
EXCHANGE_RELATED = (*under("listing", LISTING_RELATED), *neighbour_related("helper"), *neighbour_related("receiver"))
REPORT_RELATED = (
    *neighbour_related("reporter"),
    *under("listing", LISTING_RELATED),
    *under("message", neighbour_related("author")),
    *neighbour_related("member"),
    *neighbour_related("handled_by"),
)


def exchange_prefetches() -> tuple[Prefetch, ...]:
    return (
        Prefetch(
            "conversation__messages",
            queryset=ChatMessage.objects.select_related(*neighbour_related("author")).order_by("id"),
        ),
        Prefetch(
            "thank_yous", queryset=ThankYou.objects.select_related(*neighbour_related("author")).order_by("created_at")
        ),
    )


def with_exchange_relations(exchanges: QuerySet[Exchange]) -> QuerySet[Exchange]:
    return exchanges.select_related(*EXCHANGE_RELATED).prefetch_related(*exchange_prefetches())


def rings_with_links() -> QuerySet[Ring]:
    links = RingLink.objects.select_related(
        *neighbour_related("giver"),
        *neighbour_related("receiver"),
        *under("request", LISTING_RELATED),
        *under("offer", LISTING_RELATED),
    )
    return Ring.objects.prefetch_related(Prefetch("links", queryset=links))


def ring_for(info, ring_id) -> Ring | None:
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


def prefetch_neighbours(members: list[Membership]) -> None:
    """For members that came from elsewhere (suggestions, candidate rings): their profiles in one query."""
    prefetch_related_objects([m for m in members if m is not None], "profile__street")


def _profile(member: Membership) -> Profile | None:
    try:
        return member.profile
    except ObjectDoesNotExist:
        return None


# --- enums -----------------------------------------------------------------------------------------------------

ListingKindEnum = graphene.Enum.from_enum(ListingKind, description="A request (vraag) or an offer (aanbod).")
ListingWhenEnum = graphene.Enum.from_enum(
    When, name="ListingWhen", description="When: on a date, between two dates, recurring, or flexible."
)
ListingVisibilityEnum = graphene.Enum.from_enum(
    Visibility, name="ListingVisibility", description="Who may find a listing: this wijk only, or all of Haarlem."
)
ListingStatusEnum = graphene.Enum.from_enum(ListingStatus, description="Where a request or offer is in its life.")
PlacedAsEnum = graphene.Enum.from_enum(
    PlacedAs, description="Who placed a listing: the owner, their registered proxy, or the makelaar for them."
)
ExchangeStatusEnum = graphene.Enum.from_enum(ExchangeStatus, description="Where an exchange is in its life.")
ViaEnum = graphene.Enum.from_enum(Via, description="How an exchange came about: via the website or the makelaar.")
RingStatusEnum = graphene.Enum.from_enum(Ring.Status, name="RingStatus", description="Where a ring stands.")
NotificationKindEnum = graphene.Enum.from_enum(NotificationKind, description="What a notification is about.")
ContactWayEnum = graphene.Enum.from_enum(ContactWay, description="How a member likes to be contacted.")
ReportTargetEnum = graphene.Enum.from_enum(Report.Target, name="ReportTarget", description="What was reported.")
ReportOutcomeEnum = graphene.Enum.from_enum(
    Report.Outcome, name="ReportOutcome", description="What moderation did with a report."
)
ExchangePartEnum = graphene.Enum(
    "ExchangePart", [("HELPER", "helper"), ("RECEIVER", "receiver")], description="A side of an exchange."
)


# --- people ----------------------------------------------------------------------------------------------------


class Neighbour(graphene.ObjectType):
    """A member as other members see them: first name and street. House number, phone and e-mail appear only when
    the member chose to show them in their profile."""

    id = graphene.ID(required=True, description="The member's Membership ID, for `onBehalfOf`, reports and rings.")
    first_name = graphene.String(required=True, description="First name only.")
    street = graphene.String(description="The street they live in, never the house number; null if not given.")
    house_number = graphene.String(description="Only when the member chose to show it.")
    phone = graphene.String(description="Only when the member chose to show it.")
    email = graphene.String(description="Only when the member chose to show it.")
    contact_way = graphene.Field(graphene.NonNull(ContactWayEnum), description="How they like to be contacted.")

    @staticmethod
    def resolve_id(member: Membership, info):
        return WijkNode.to_global_id("Membership", member.pk)

    @staticmethod
    def resolve_first_name(member: Membership, info):
        return member.user.first_name

    @staticmethod
    def resolve_street(member: Membership, info):
        profile = _profile(member)
        if profile is not None and profile.street_id:
            return profile.street.name
        return member.street or None

    @staticmethod
    def resolve_house_number(member: Membership, info):
        profile = _profile(member)
        return (profile.house_number or None) if profile is not None and profile.show_house_number else None

    @staticmethod
    def resolve_phone(member: Membership, info):
        profile = _profile(member)
        return (profile.phone or None) if profile is not None and profile.show_phone else None

    @staticmethod
    def resolve_email(member: Membership, info):
        profile = _profile(member)
        return member.user.email if profile is not None and profile.show_email else None

    @staticmethod
    def resolve_contact_way(member: Membership, info):
        profile = _profile(member)
        return profile.contact_way if profile is not None else ContactWay.SITE


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
        pk = _int(id)
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
        pk = _int(id)
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
        pk = _int(id)
        if pk is None:
            return None
        try:
            return listing_for(viewer(info).actor, pk)
        except NotFound:
            return None

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


# --- exchanges ---------------------------------------------------------------------------------------------------


def _in_visible_exchange(info, model, id):
    """A thank-you by id, only when the viewer may see its exchange; None otherwise."""
    pk = _int(id)
    row = model.objects.select_related(*neighbour_related("author")).filter(pk=pk).first() if pk else None
    if row is None:
        return None
    try:
        exchange_for(viewer(info).actor, row.exchange_id)
    except NotFound:
        return None
    return row


def _visible_message(info, id) -> ChatMessage | None:
    """A message of an exchange the viewer may see (also as proxy or makelaar), or of a conversation they are in."""
    pk = _int(id)
    row = (
        ChatMessage.objects.select_related("conversation", *neighbour_related("author")).filter(pk=pk).first()
        if pk
        else None
    )
    if row is None:
        return None
    try:
        if row.conversation.exchange_id is not None:
            exchange_for(viewer(info).actor, row.conversation.exchange_id)
        else:
            conversation_for(request_membership(info.context), current_wijk(info), row.conversation_id)
    except NotFound:
        return None
    return row


class MessageType(DjangoObjectType):
    """A message in the thread of an exchange, or any chat message the viewer can see (to report it). The same
    message as a `ChatMessage` in the exchange's conversation."""

    author = graphene.Field(graphene.NonNull(Neighbour), description="Who wrote it.")
    body = graphene.String(required=True, description="The text, as typed.")
    created_at = graphene.DateTime(required=True, description="When it was sent.")
    hidden = graphene.Boolean(required=True, description="Hidden by moderation (only moderators see these).")

    class Meta:
        name = "Message"
        model = ChatMessage
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        message = _visible_message(info, id)
        if message is None or (message.hidden_at is not None and not viewer(info).is_moderator):
            return None
        return message

    @staticmethod
    def resolve_hidden(message: ChatMessage, info):
        return message.hidden_at is not None


class ThankYouType(DjangoObjectType):
    """A short thank-you after a done exchange; on the wijk's home page only when both members agree."""

    author = graphene.Field(graphene.NonNull(Neighbour), description="Who wrote it.")
    text = graphene.String(required=True, description="The thank-you, as typed.")
    author_consents = graphene.Boolean(required=True, description="The author agrees to show it on the home page.")
    other_consents = graphene.Boolean(required=True, description="The other member agrees to show it.")
    shown_on_home = graphene.Boolean(required=True, description="Both agreed: it appears on the home page.")
    created_at = graphene.DateTime(required=True, description="When it was written.")

    class Meta:
        name = "ThankYou"
        model = ThankYou
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        return _in_visible_exchange(info, ThankYou, id)

    @staticmethod
    def resolve_shown_on_home(thank_you: ThankYou, info):
        return thank_you.author_consents and thank_you.other_consents


class ExchangeType(DjangoObjectType):
    """A bemiddeling: two members about one listing. The helper gives, the receiver gets."""

    listing = graphene.Field(graphene.NonNull(ListingType), description="The request or offer it is about.")
    helper = graphene.Field(graphene.NonNull(Neighbour), description="Who gives the help.")
    receiver = graphene.Field(graphene.NonNull(Neighbour), description="Who gets the help.")
    status = graphene.Field(graphene.NonNull(ExchangeStatusEnum), description="Proposed, agreed, done or cancelled.")
    what = graphene.String(required=True, description="What was agreed (empty until someone proposes terms).")
    agreed_for = graphene.DateTime(description="When it will happen, as agreed.")
    hours = graphene.Decimal(description="How many hours it takes, as agreed.")
    via = graphene.Field(graphene.NonNull(ViaEnum), description="Via the website or via the makelaar.")
    my_part = graphene.Field(
        ExchangePartEnum, description="The side the viewer (or the member they are proxy for) is on; null if neither."
    )
    helper_agreed = graphene.Boolean(required=True, description="The helper confirmed the current what and when.")
    receiver_agreed = graphene.Boolean(required=True, description="The receiver confirmed the current what and when.")
    helper_done = graphene.Boolean(required=True, description="The helper says it was done.")
    receiver_done = graphene.Boolean(required=True, description="The receiver says it was done.")
    done_at = graphene.DateTime(description="When it became done.")
    cancelled_reason = graphene.String(required=True, description="Why it was cancelled, if it was.")
    created_at = graphene.DateTime(required=True, description="When someone responded.")
    messages = graphene.List(
        graphene.NonNull(MessageType),
        required=True,
        description="The thread, oldest first. Messages hidden by moderation are left out, except for moderators.",
    )
    thank_yous = graphene.List(graphene.NonNull(ThankYouType), required=True, description="Thank-yous, oldest first.")

    class Meta:
        name = "Exchange"
        model = Exchange
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = _int(id)
        if pk is None:
            return None
        try:
            return exchange_for(viewer(info).actor, pk)
        except NotFound:
            return None

    @staticmethod
    def resolve_my_part(exchange: Exchange, info):
        ids = viewer(info).speaks_for_ids
        if exchange.helper_id in ids:
            return "helper"
        if exchange.receiver_id in ids:
            return "receiver"
        return None

    @staticmethod
    def resolve_helper_agreed(exchange: Exchange, info):
        return exchange.helper_agreed_at is not None

    @staticmethod
    def resolve_receiver_agreed(exchange: Exchange, info):
        return exchange.receiver_agreed_at is not None

    @staticmethod
    def resolve_helper_done(exchange: Exchange, info):
        return exchange.helper_done_at is not None

    @staticmethod
    def resolve_receiver_done(exchange: Exchange, info):
        return exchange.receiver_done_at is not None

    @staticmethod
    def resolve_messages(exchange: Exchange, info):
        # Filtered here rather than in the query, so a prefetched thread costs nothing more per exchange.
        conversation = getattr(exchange, "conversation", None)  # an exchange made from a ring may have no thread yet
        if conversation is None:
            return []
        moderator = viewer(info).is_moderator
        return [m for m in conversation.messages.all() if moderator or m.hidden_at is None]

    @staticmethod
    def resolve_thank_yous(exchange: Exchange, info):
        return exchange.thank_yous.all()


# --- rings -------------------------------------------------------------------------------------------------------


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
        pk = _int(id)
        return ring_for(info, pk) if pk is not None else None

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


# --- members' own things -----------------------------------------------------------------------------------------


class ProfileType(DjangoObjectType):
    """A member's own profile: a question and something to offer. Only the member, those acting for them and the
    makelaar see it whole; neighbours see the `Neighbour` summary."""

    member = graphene.Field(graphene.NonNull(Neighbour), description="Whose profile.")
    about = graphene.String(required=True, description="About me.")
    offers = graphene.String(required=True, description="What I can offer.")
    talents = graphene.List(graphene.NonNull(graphene.String), required=True, description="Talents and skills.")
    languages = graphene.List(graphene.NonNull(graphene.String), required=True, description="Languages spoken.")
    could_use = graphene.String(required=True, description="What I could use help with.")
    available = graphene.List(
        graphene.NonNull(graphene.String), required=True, description='When I am free: "mon_morning", "tue_evening"...'
    )
    contact_way = graphene.Field(graphene.NonNull(ContactWayEnum), description="How I like to be contacted.")
    street = graphene.Field(StreetType, description="My street.")
    house_number = graphene.String(required=True, description="My house number (neighbours only if shown).")
    phone = graphene.String(required=True, description="My phone number (neighbours only if shown).")
    show_house_number = graphene.Boolean(required=True, description="Neighbours may see my house number.")
    show_phone = graphene.Boolean(required=True, description="Neighbours may see my phone number.")
    show_email = graphene.Boolean(required=True, description="Neighbours may see my e-mail address.")
    notify_site = graphene.List(
        graphene.NonNull(NotificationKindEnum), required=True, description="Notifications I get in the site."
    )
    notify_email = graphene.List(
        graphene.NonNull(NotificationKindEnum), required=True, description="Notifications I get by e-mail."
    )

    class Meta:
        name = "Profile"
        model = Profile
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = _int(id)
        profile = Profile.objects.select_related("street", *neighbour_related("member")).filter(pk=pk).first()
        if profile is None or not viewer(info).may_act_for(profile.member_id):
            return None
        return profile


class ProxyType(DjangoObjectType):
    """A relative who may act for a member, registered with the member's consent."""

    principal = graphene.Field(graphene.NonNull(Neighbour), description="The member they act for.")
    first_name = graphene.String(required=True, description="The relative's first name.")
    relation = graphene.String(required=True, description='How they are related ("dochter").')
    consent_recorded_at = graphene.DateTime(required=True, description="When consent was recorded.")
    revoked_at = graphene.DateTime(description="When it was revoked, if it was.")

    class Meta:
        name = "Proxy"
        model = Proxy
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = _int(id)
        proxy = Proxy.objects.select_related("user", *neighbour_related("principal")).filter(pk=pk).first()
        current = viewer(info)
        if proxy is None or not (
            current.may_act_for(proxy.principal_id) or (current.actor.user and proxy.user_id == current.actor.user.pk)
        ):
            return None
        return proxy

    @staticmethod
    def resolve_first_name(proxy: Proxy, info):
        return proxy.user.first_name


class NotificationType(DjangoObjectType):
    """Something that happened for a member: a response, a change in an exchange, a match, an expiry, a ring."""

    member = graphene.Field(graphene.NonNull(Neighbour), description="For whom (the viewer, or whom they act for).")
    kind = graphene.Field(graphene.NonNull(NotificationKindEnum), description="What it is about.")
    text = graphene.String(required=True, description="The notification, in words.")
    url = graphene.String(required=True, description="Where to look, a path on this wijk's site (may be empty).")
    created_at = graphene.DateTime(required=True, description="When it happened.")
    read = graphene.Boolean(required=True, description="The member has seen it.")

    class Meta:
        name = "Notification"
        model = Notification
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = _int(id)
        ids = viewer(info).speaks_for_ids
        return (
            Notification.objects.select_related(*neighbour_related("member")).filter(pk=pk, member_id__in=ids).first()
        )

    @staticmethod
    def resolve_read(notification: Notification, info):
        return notification.read_at is not None


class ReportType(DjangoObjectType):
    """A report in the wijk's moderation queue (moderators only)."""

    target = graphene.Field(graphene.NonNull(ReportTargetEnum), description="A listing, a message or a member.")
    reporter = graphene.Field(graphene.NonNull(Neighbour), description="Who reported it.")
    listing = graphene.Field(ListingType, description="The reported listing.")
    message = graphene.Field(MessageType, description="The reported message.")
    member = graphene.Field(Neighbour, description="The reported member.")
    reason = graphene.String(required=True, description="Why it was reported.")
    outcome = graphene.Field(graphene.NonNull(ReportOutcomeEnum), description="What moderation did.")
    handled_by = graphene.Field(Neighbour, description="The moderator who handled it.")
    handled_reason = graphene.String(required=True, description="The moderator's reason, kept.")
    created_at = graphene.DateTime(required=True, description="When it was reported.")
    handled_at = graphene.DateTime(description="When it was handled.")

    class Meta:
        name = "Report"
        model = Report
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = _int(id)
        if pk is None or not viewer(info).is_moderator:
            return None
        return Report.objects.select_related(*REPORT_RELATED).filter(pk=pk).first()


# --- me ------------------------------------------------------------------------------------------------------------


def _union(querysets: list[QuerySet]) -> QuerySet | None:
    combined = None
    for queryset in querysets:
        combined = queryset if combined is None else combined | queryset
    return combined


class MarketplaceMe(Me):
    """The logged-in account. On a wijk's domain also their marketplace there: their own requests, offers,
    exchanges and notifications and those of the members they are the registered proxy of."""

    class Meta:
        name = "Me"

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
