"""What reaches open sockets: the channel-layer group names and the events the wijk apps' actions send to them.

It sits in the citywide layer so both sides import it from below: the actions (chat, moderation) publish here after
commit, so a socket never hears of a change that rolled back, and the socket consumers (realtime/consumers) join
the same groups. Every group name starts with the wijk's schema, so no group is shared between wijken."""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def conversation_group(schema: str, conversation_id: int) -> str:
    return f"{schema}.conversation.{conversation_id}"


def member_group(schema: str, member_id: int) -> str:
    """Every socket of one member in one wijk: to close them all at once when the member is suspended."""
    return f"{schema}.member.{member_id}"


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
    _send(
        conversation_group(schema, frame["conversation"]),
        {"type": "chat.message", "frame": frame, "text": json.dumps(frame)},
    )


def message_hidden(schema: str, conversation_id: int, message_id: int) -> None:
    """Moderation hid a message: open pages take it away."""
    _send(
        conversation_group(schema, conversation_id),
        {"type": "chat.event", "frame": {"type": "hidden", "conversation": conversation_id, "id": message_id}},
    )
