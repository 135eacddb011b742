"""The one consumer at /ws/ on a wijk domain: `hello`, and the chat frames `send`, `resume`, `read`, `typing`
(realtime/PROTOCOL.md). Membership of a conversation is checked on every frame, inside the wijk's schema."""

import json
import logging
from collections import deque

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError

from wijkmarkt.platform.accounts.permissions import PAUSED, PAUSED_MESSAGE
from wijkmarkt.platform.broadcast import conversation_group, member_group
from wijkmarkt.realtime import presence
from wijkmarkt.realtime.db import in_wijk
from wijkmarkt.realtime.layers import InProcessChannelLayer
from wijkmarkt.realtime.protocol import ErrorCode, FrameType, ProtocolError, error_frame, parse_frame
from wijkmarkt.tenants.chat import actions as chat
from wijkmarkt.tenants.chat.access import conversation_for
from wijkmarkt.tenants.chat.models import Participant
from wijkmarkt.tenants.chat.selectors import RESUME_LIMIT, blocked_by, frame_of, messages_after
from wijkmarkt.tenants.membership.selectors import membership_of

DELIVERED_MEMORY = 2000
logger = logging.getLogger(__name__)


def _member_summary(user) -> dict | None:
    membership = membership_of(user)
    if membership is None:
        return None
    return {"firstName": membership.user.first_name, "role": membership.role}


def _participants(conversation_id: int) -> list[int]:
    return list(Participant.objects.filter(conversation_id=conversation_id).values_list("member_id", flat=True))


def _member_id(user) -> int | None:
    membership = membership_of(user)
    return membership.pk if membership is not None else None


def _member(scope):
    member = membership_of(scope["user"])
    if member is None:
        raise PermissionDenied("not a member")
    return member


def _send(scope, frame) -> tuple[dict, bool]:
    member = _member(scope)
    message, created = chat.send_message(
        member=member,
        wijk=scope["wijk"],
        conversation_id=frame["conversation"],
        client_id=frame["clientId"],
        body=frame["body"],
    )
    return frame_of(message), created


def _resume(scope, conversation_id: int, after_id: int) -> list[dict]:
    member = _member(scope)
    conversation = conversation_for(member, scope["wijk"], conversation_id)
    return messages_after(conversation, after_id, member)


def _check(scope, conversation_id: int) -> int:
    member = _member(scope)
    conversation_for(member, scope["wijk"], conversation_id)
    return member.pk


def _check_and_last_id(scope, conversation_id: int) -> int:
    """The id of the conversation's newest message, for a member who may write in it."""
    member = _member(scope)
    conversation = conversation_for(member, scope["wijk"], conversation_id)
    return conversation.messages.order_by("-id").values_list("id", flat=True).first() or 0


def _read(scope, frame) -> tuple[int, int]:
    member = _member(scope)
    return member.pk, chat.mark_read(
        member=member, wijk=scope["wijk"], conversation_id=frame["conversation"], message_id=frame["id"]
    )


def _blocked(scope) -> set[int]:
    member = membership_of(scope["user"])
    return blocked_by(member) if member else set()


# Events every socket of a conversation gets: over the in-process layer they arrive through _take, not the queue.
FAN_OUT = ("chat.message", "chat.event")


class WijkConsumer(AsyncWebsocketConsumer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._busy = False  # a handler is running (it may be waiting for the database)
        self._held: deque[dict] = deque()  # fan-out events that came meanwhile, in order

    async def __call__(self, scope, receive, send):
        try:
            await super().__call__(scope, receive, send)
        finally:
            layer = getattr(self, "channel_layer", None)
            if isinstance(layer, InProcessChannelLayer) and hasattr(self, "channel_name"):
                layer.detach(self.channel_name)

    async def _take(self, event: dict) -> bool:
        """The in-process layer's direct delivery (realtime/layers.py). While a handler runs, events wait until it
        is done, as they did in the queue: a resume sends what was missed before anything newer."""
        if event["type"] not in FAN_OUT:
            return False
        if self._busy:
            self._held.append(event)
        else:
            await self._handle(event)
        return True

    async def _handle(self, event: dict) -> None:
        handler = getattr(self, get_handler_name(event), None)
        if handler is None:
            raise ValueError(f"No handler for message type {event['type']}")
        await handler(event)

    async def dispatch(self, message):
        # channels hops to the one database thread (aclose_old_connections) before every handler, and with
        # CONN_MAX_AGE=0 closes the connection there. This consumer reaches the database only through in_wijk and
        # in_public, which look after the connection themselves.
        if message["type"] in FAN_OUT:  # from the queue (Redis layer): these handlers only write to the socket
            await self._handle(message)
            return
        self._busy = True
        try:
            await self._handle(message)
        finally:
            self._busy = False
            while self._held:
                await self._handle(self._held.popleft())

    async def connect(self):
        # conversation id -> (the client's last id at resume, ids delivered since), so nothing comes twice
        self.subscriptions: dict[int, tuple[int, deque]] = {}
        self.member_id = await in_wijk(self.scope, _member_id, self.scope["user"])
        # Whom this member blocked: their messages are dropped here. Reloaded when it changes (member.blocks).
        self.blocked = await in_wijk(self.scope, _blocked, self.scope)
        if isinstance(self.channel_layer, InProcessChannelLayer):
            self.channel_layer.attach(self.channel_name, self._take)
        if self.member_id is not None:
            await self.channel_layer.group_add(self._member_group(), self.channel_name)
            await presence.arrive(self.scope["wijk"].schema_name, self.member_id)
        await self.accept()

    async def disconnect(self, code):
        for conversation_id in list(self.subscriptions):
            await self.channel_layer.group_discard(self._group(conversation_id), self.channel_name)
        if getattr(self, "member_id", None) is not None:
            await self.channel_layer.group_discard(self._member_group(), self.channel_name)
            await presence.leave(self.scope["wijk"].schema_name, self.member_id)
            for conversation_id in list(self.subscriptions):
                await self._announce_presence(conversation_id)

    def _member_group(self) -> str:
        return member_group(self.scope["wijk"].schema_name, self.member_id)

    async def member_blocks(self, event):
        self.blocked = await in_wijk(self.scope, _blocked, self.scope)

    async def member_suspended(self, event):
        await self.send_frame(error_frame(ProtocolError(ErrorCode.FORBIDDEN, "U bent geschorst in deze wijk.")))
        await self.close(code=4403)

    def _group(self, conversation_id: int) -> str:
        return conversation_group(self.scope["wijk"].schema_name, conversation_id)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            frame = parse_frame(text_data, bytes_data)
            handler = getattr(self, f"on_{frame['type']}")
            await handler(frame)
        except ProtocolError as error:
            await self.send_frame(error_frame(error))
        except ObjectDoesNotExist:
            await self.send_frame(error_frame(ProtocolError(ErrorCode.NOT_FOUND, "Dit gesprek bestaat niet voor u.")))
        except PermissionDenied as refusal:
            if str(refusal) == PAUSED:  # the wijk is paused: this frame is refused, the socket stays open to read
                await self.send_frame(
                    {
                        "type": FrameType.ERROR,
                        "code": PAUSED,
                        "message": str(PAUSED_MESSAGE),
                        **({"clientId": frame.get("clientId")} if frame.get("clientId") else {}),
                    }
                )
            else:
                await self.send_frame(error_frame(ProtocolError(ErrorCode.FORBIDDEN, "Dit mag u niet (meer) doen.")))
        except ValidationError as error:
            message = " ".join(error.messages)
            code = getattr(error, "code", None) or next(
                (e.code for errors in getattr(error, "error_dict", {}).values() for e in errors), "invalid"
            )
            await self.send_frame(
                {
                    "type": FrameType.ERROR,
                    "code": code or ErrorCode.INVALID,
                    "message": message,
                    **({"clientId": frame.get("clientId")} if frame.get("clientId") else {}),
                }
            )
        except Exception:  # a fault of ours: logged, answered, and the socket stays open (not closed with 1011)
            logger.exception("Socket frame failed")
            await self.send_frame(
                error_frame(
                    ProtocolError(ErrorCode.SERVER_ERROR, "Er ging iets mis aan onze kant. Probeer het later opnieuw.")
                )
            )

    async def on_hello(self, frame):
        wijk = self.scope["wijk"]
        member = await in_wijk(self.scope, _member_summary, self.scope["user"])
        await self.send_frame(
            {"type": FrameType.HELLO, "wijk": {"slug": wijk.slug, "name": wijk.name}, "member": member}
        )

    async def _subscribe(self, conversation_id: int, after_id: int) -> None:
        if conversation_id not in self.subscriptions:
            self.subscriptions[conversation_id] = (after_id, deque(maxlen=DELIVERED_MEMORY))
            await self.channel_layer.group_add(self._group(conversation_id), self.channel_name)
            await self._announce_presence(conversation_id)

    async def _announce_presence(self, conversation_id: int) -> None:
        """Who of this conversation is online now (any tab, any process), to everyone in it. At most one
        announcement per conversation per PRESENCE_SECONDS from this process, the last one with the state at its
        end: 500 neighbours joining the buurtkamer make a few frames each, not 500."""
        wijk, layer, group = self.scope["wijk"], self.channel_layer, self._group(conversation_id)

        async def announce():
            members = await in_wijk(self.scope, _participants, conversation_id)
            online = await presence.online(wijk.schema_name, members)
            await layer.group_send(
                group,
                {
                    "type": "chat.event",
                    "frame": {"type": FrameType.PRESENCE, "conversation": conversation_id, "online": online},
                },
            )

        await presence.throttled(group, announce)

    async def on_send(self, frame):
        """Stored, then acknowledged; send_message broadcasts it after commit, to this socket too. A socket that
        writes into a conversation it did not resume joins it first, from the newest message on."""
        conversation_id = frame.get("conversation")
        if isinstance(conversation_id, int) and conversation_id not in self.subscriptions:
            last_id = await in_wijk(self.scope, _check_and_last_id, self.scope, conversation_id)
            await self._subscribe(conversation_id, last_id)
        message, _created = await in_wijk(self.scope, _send, self.scope, frame)
        await self.send_frame(
            {
                "type": FrameType.ACK,
                "clientId": frame["clientId"],
                "id": message["id"],
                "conversation": frame["conversation"],
            }
        )

    async def on_resume(self, frame):
        """Join first, then send what was missed: a live message arriving meanwhile is kept back by its id, so the
        seam has no gap and no duplicate."""
        for key, after_id in frame["conversations"].items():
            conversation_id = int(key)
            await in_wijk(self.scope, _check, self.scope, conversation_id)
            await self._subscribe(conversation_id, after_id)
            # In batches until none is left, so a long absence leaves no gap; live messages wait in the layer.
            while True:
                batch = await in_wijk(self.scope, _resume, self.scope, conversation_id, after_id)
                for missed in batch:
                    await self._deliver(missed)
                if len(batch) < RESUME_LIMIT:
                    break
                after_id = batch[-1]["id"]

    async def on_read(self, frame):
        member_id, read_up_to = await in_wijk(self.scope, _read, self.scope, frame)
        await self.channel_layer.group_send(
            self._group(frame["conversation"]),
            {
                "type": "chat.event",
                "frame": {
                    "type": FrameType.READ,
                    "conversation": frame["conversation"],
                    "member": member_id,
                    "id": read_up_to,
                },
            },
        )

    async def on_typing(self, frame):
        member_id = await in_wijk(self.scope, _check, self.scope, frame["conversation"])
        await self.channel_layer.group_send(
            self._group(frame["conversation"]),
            {
                "type": "chat.event",
                "frame": {"type": FrameType.TYPING, "conversation": frame["conversation"], "member": member_id},
            },
        )

    async def chat_message(self, event):
        frame = event["frame"]
        if frame["author"]["id"] in self.blocked:
            return  # a blocked member's messages are not delivered
        await self._deliver(frame, event.get("text"))

    async def chat_event(self, event):
        if event["frame"]["conversation"] in self.subscriptions:
            await self.send_frame(event["frame"])

    async def _deliver(self, frame: dict, text: str | None = None) -> None:
        subscription = self.subscriptions.get(frame["conversation"])
        if subscription is None:
            return
        after_id, delivered = subscription
        if frame["id"] <= after_id or frame["id"] in delivered:
            return
        delivered.append(frame["id"])
        await self.send(text_data=text or json.dumps(frame))

    async def send_frame(self, frame: dict):
        await self.send(text_data=json.dumps(frame))
