import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.connections import CheckedConnectionField
from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.core.permissions import current_wijk
from wijkmarkt.tenants.chat.access import conversation_for
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation
from wijkmarkt.tenants.chat.selectors import blocked_by
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
