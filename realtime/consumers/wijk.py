"""The one consumer at /ws/ on a wijk domain. Today it answers `hello` with the wijk and the logged-in member;
the chat issue adds its frames to the same socket."""

import json

from channels.generic.websocket import AsyncWebsocketConsumer

from wijkmarkt.realtime.db import in_wijk
from wijkmarkt.realtime.protocol import FrameType, ProtocolError, error_frame, parse_frame
from wijkmarkt.tenants.membership.selectors import membership_of


def _member_summary(user) -> dict | None:
    membership = membership_of(user)
    if membership is None:
        return None
    return {"firstName": membership.user.first_name, "role": membership.role}


class WijkConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()

    async def receive(self, text_data=None, bytes_data=None):
        try:
            frame = parse_frame(text_data, bytes_data)
        except ProtocolError as error:
            await self.send_frame(error_frame(error))
            return
        if frame["type"] == FrameType.HELLO:
            await self.hello()

    async def hello(self):
        wijk = self.scope["wijk"]
        member = await in_wijk(self.scope, _member_summary, self.scope["user"])
        await self.send_frame(
            {"type": FrameType.HELLO, "wijk": {"slug": wijk.slug, "name": wijk.name}, "member": member}
        )

    async def send_frame(self, frame: dict):
        await self.send(text_data=json.dumps(frame))
