"""The chat's receivers of the marketplace's signals (tenants/marketplace/signals.py), connected in
ChatConfig.ready(): an exchange's thread and a ring's group talk are chat conversations, and a reported message the
moderation hides is hidden here. Each runs in the transaction of the marketplace's write that sent it."""

from wijkmarkt.tenants.chat.actions import hide_message, post_to_thread, ring_conversation
from wijkmarkt.tenants.chat.models import ChatMessage


def store_thread_message(sender, *, exchange, author, body, **kwargs) -> ChatMessage:
    return post_to_thread(exchange, author=author, body=body)


def open_ring_talk(sender, *, ring, **kwargs) -> None:
    ring_conversation(ring)


def hide_reported_message(sender, *, report, at, **kwargs) -> None:
    hide_message(report.message, at=at)
