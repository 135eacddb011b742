"""Reads of the chat: what a member missed, history, unread counts. Messages of members the reader blocked are
never returned."""

from django.db.models import Count, Q, QuerySet

from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.chat.access import conversations_of
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation, Participant
from wijkmarkt.tenants.marketplace.models import Block, Exchange
from wijkmarkt.tenants.membership.models import Membership

RESUME_LIMIT = 500


def blocked_by(member: Membership) -> set[int]:
    return set(Block.objects.filter(blocker=member).values_list("blocked_id", flat=True))


def exchange_thread(exchange: Exchange, *, with_hidden: bool = False) -> QuerySet[ChatMessage]:
    """The exchange's messages, oldest first; moderators also see the ones they hid."""
    thread = ChatMessage.objects.filter(conversation__exchange=exchange).select_related("author__user").order_by("id")
    return thread if with_hidden else thread.filter(hidden_at__isnull=True)


def frame_of(message: ChatMessage) -> dict:
    return {
        "type": "message",
        "conversation": message.conversation_id,
        "id": message.id,
        "clientId": message.client_id,
        "author": {"id": message.author_id, "firstName": message.author.user.first_name},
        "body": message.body,
        "at": message.created_at.isoformat(),
    }


def messages_after(conversation: Conversation, after_id: int, reader: Membership) -> list[dict]:
    """What the reader missed since `after_id`, oldest first, as frames."""
    messages = (
        ChatMessage.objects.filter(conversation=conversation, id__gt=after_id, hidden_at__isnull=True)
        .exclude(author_id__in=blocked_by(reader))
        .select_related("author__user")
        .order_by("id")[:RESUME_LIMIT]
    )
    return [frame_of(message) for message in messages]


def unread_counts(member: Membership, wijk: Wijk) -> dict[int, int]:
    """Per conversation of the member: messages of others after their read marker (one query each step)."""
    ids = list(conversations_of(member, wijk).values_list("pk", flat=True))
    if not ids:
        return {}
    read = dict(
        Participant.objects.filter(member=member, conversation_id__in=ids).values_list(
            "conversation_id", "last_read_id"
        )
    )
    after_marker = Q()
    for conversation_id in ids:
        after_marker |= Q(conversation_id=conversation_id, id__gt=read.get(conversation_id, 0))
    counted = (
        ChatMessage.objects.filter(after_marker, hidden_at__isnull=True)
        .exclude(author=member)
        .exclude(author_id__in=blocked_by(member))
        .values("conversation_id")
        .annotate(n=Count("id"))
    )
    counts = dict.fromkeys(ids, 0)
    counts.update({row["conversation_id"]: row["n"] for row in counted})
    return counts
