"""GraphQL types of the chat: conversations with their history, and `Message`, a chat message as an exchange's
thread shows it and a report names it (with its author as a `Neighbour`)."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.connections import CheckedConnectionField
from wijkmarkt.graphql.core.ids import WijkNode, node_pk
from wijkmarkt.graphql.core.permissions import current_wijk
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import neighbour_related
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.tenants.chat.access import conversation_for
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation
from wijkmarkt.tenants.chat.selectors import blocked_by
from wijkmarkt.tenants.marketplace.access import exchange_for
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.selectors import request_membership

ConversationKindEnum = graphene.Enum.from_enum(
    Conversation.Kind,
    description="Two neighbours, the buurtkamer, the makelaar inbox, an exchange's thread or a multi-party swap.",
)


class ChatMessageType(DjangoObjectType):
    """A chat message: plain text, shown escaped."""

    author_first_name = graphene.String(required=True, description="First name of the author.")

    class Meta:
        name = "ChatMessage"
        model = ChatMessage
        interfaces = (WijkNode,)
        fields = ("id", "body", "client_id", "created_at")

    @classmethod
    def get_node(cls, info, id):
        return None  # messages are read through their conversation, where membership is checked

    @staticmethod
    def resolve_author_first_name(message, info):
        return message.author.user.first_name


class ChatMessageConnection(graphene.relay.Connection):
    class Meta:
        node = ChatMessageType


class ConversationType(DjangoObjectType):
    """A conversation of this wijk the viewer is in."""

    kind = graphene.Field(graphene.NonNull(ConversationKindEnum))
    unread = graphene.Int(required=True, description="Messages of others after the viewer's read marker.")
    messages = CheckedConnectionField(ChatMessageConnection, description="History, newest first.")

    class Meta:
        name = "Conversation"
        model = Conversation
        interfaces = (WijkNode,)
        fields = ("id", "created_at")

    @classmethod
    def get_node(cls, info, id):
        member = request_membership(info.context)
        try:
            return conversation_for(member, current_wijk(info), int(id))
        except (NotFound, ValueError, TypeError):
            return None

    @staticmethod
    def resolve_kind(conversation, info):
        return conversation.kind

    @staticmethod
    def resolve_unread(conversation, info):
        return getattr(conversation, "unread", 0)

    @staticmethod
    def resolve_messages(conversation, info, **kwargs):
        member = request_membership(info.context)
        return (
            ChatMessage.objects.filter(conversation=conversation, hidden_at__isnull=True)
            .exclude(author_id__in=blocked_by(member))
            .select_related("author__user")
            .order_by("-id")
        )


def _visible_message(info, id) -> ChatMessage | None:
    """A message of an exchange the viewer may see (also as proxy or makelaar), or of a conversation they are in."""
    pk = node_pk(id)
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
