"""The socket at /ws/ as a browser tab opens it: a session cookie, a communicator on a wijk's host, and the chat
frames. Sync tests run each socket conversation in one async_to_sync call (`run`), so the consumer's database calls
run on this thread and see the test's transaction."""

import json

from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.members import make_member
from wijkmarkt.platform.config.asgi import application
from wijkmarkt.tenants.chat.actions import start_direct_conversation
from wijkmarkt.tenants.chat.models import ChatMessage


def session_cookie(slug: str, user) -> str:
    client = client_for(slug, user)
    return f"sessionid={client.cookies['sessionid'].value}"


def communicator(host: str, origin: str | None = None, cookie: str | None = None) -> WebsocketCommunicator:
    headers = [(b"host", host.encode())]
    origin = f"http://{host}" if origin is None else origin
    if origin:
        headers.append((b"origin", origin.encode()))
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, "/ws/", headers=headers)


def connects(socket: WebsocketCommunicator) -> bool:
    async def run():
        connected, _ = await socket.connect()
        await socket.disconnect()
        return connected

    return async_to_sync(run)()


def socket_for(slug: str, member):
    return communicator(f"{slug}.localhost", cookie=session_cookie(slug, member.user))


async def frames(socket, count: int, timeout: float = 3, skip=("presence",)) -> list[dict]:
    """The next `count` frames, leaving out presence updates (they have their own test)."""
    received = []
    while len(received) < count:
        frame = json.loads(await socket.receive_from(timeout=timeout))
        if frame["type"] not in skip:
            received.append(frame)
    return received


async def nothing_more(socket) -> bool:
    """True when nothing but presence updates arrives for a moment."""
    while not await socket.receive_nothing(timeout=0.3):
        if json.loads(await socket.receive_from())["type"] != "presence":
            return False
    return True


def run(scenario):
    return async_to_sync(scenario)()


def pair(parkwijk):
    """Anna and Bram of Parkwijk, and their direct conversation."""
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    with tenant_context(parkwijk):
        conversation = start_direct_conversation(member=anna, other=bram)
    return anna, bram, conversation


def stored(wijk, **filters):
    with tenant_context(wijk):
        return list(ChatMessage.objects.filter(**filters))


def send(conversation, client_id, body):
    return json.dumps({"type": "send", "conversation": conversation.pk, "clientId": client_id, "body": body})
