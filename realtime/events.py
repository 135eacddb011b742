"""Events that domain actions send to open sockets. Called after commit, so a socket never hears of a change that
rolled back."""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from wijkmarkt.realtime.groups import conversation_group, member_group


def _send(group: str, event: dict) -> None:
    async_to_sync(get_channel_layer().group_send)(group, event)


def close_member_sockets(schema: str, member_id: int) -> None:
    """A suspended member's sockets are closed at once, in every process (through the channel layer)."""
    _send(member_group(schema, member_id), {"type": "member.suspended"})


def blocks_changed(schema: str, member_id: int) -> None:
    """The member blocked or unblocked someone: their sockets reload whom not to deliver."""
    _send(member_group(schema, member_id), {"type": "member.blocks"})


def message_stored(schema: str, frame: dict) -> None:
    """A new chat message, however it was sent (socket, form, exchange page, GraphQL), reaches the open sockets of
    its conversation. The consumer drops what a reader blocked and what a socket already has. The frame goes out
    encoded once, not once per socket of the room."""
    _send(conversation_group(schema, frame["conversation"]),
          {"type": "chat.message", "frame": frame, "text": json.dumps(frame)})  # fmt: skip


def message_hidden(schema: str, conversation_id: int, message_id: int) -> None:
    """Moderation hid a message: open pages take it away."""
    _send(conversation_group(schema, conversation_id),
          {"type": "chat.event", "frame": {"type": "hidden", "conversation": conversation_id, "id": message_id}})  # fmt: skip
