"""Events that domain actions send to open sockets. Called after commit, so a socket never hears of a change that
rolled back."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from wijkmarkt.realtime.groups import member_group


def close_member_sockets(schema: str, member_id: int) -> None:
    """A suspended member's sockets are closed at once, in every process (through the channel layer)."""
    async_to_sync(get_channel_layer().group_send)(member_group(schema, member_id), {"type": "member.suspended"})
