"""Exchanges (a bemiddeling: two members about one listing) with their thread and thank-yous.

The thread's messages are the chat's `Message` type (graphql/chat/types.py), named by its import path (MESSAGE_TYPE)
and found by graphene when the schema is built: the chat builds on the marketplace, so the marketplace imports
nothing of it, as its `Report.message` foreign key names "chat.ChatMessage"."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode, node_pk
from wijkmarkt.graphql.core.lookups import reachable
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import neighbour_related
from wijkmarkt.graphql.marketplace.types.enums import ExchangePartEnum, ExchangeStatusEnum, ViaEnum
from wijkmarkt.graphql.marketplace.types.listings import ListingType
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.tenants.marketplace.access import exchange_for
from wijkmarkt.tenants.marketplace.models import Exchange, ThankYou
from wijkmarkt.tenants.membership.access import NotFound

MESSAGE_TYPE = "wijkmarkt.graphql.chat.types.MessageType"


def _visible_thank_you(info, id) -> ThankYou | None:
    """A thank-you by id, only when the viewer may see its exchange; None otherwise."""
    pk = node_pk(id)
    row = ThankYou.objects.select_related(*neighbour_related("author")).filter(pk=pk).first() if pk else None
    if row is None:
        return None
    try:
        exchange_for(viewer(info).actor, row.exchange_id)
    except NotFound:
        return None
    return row


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
        return _visible_thank_you(info, id)

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
        graphene.NonNull(MESSAGE_TYPE),
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
        return reachable(exchange_for, info, id)

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
