"""Issue 12, point 6, over the socket: the page refused a chat message in a paused wijk, while the same message sent
as a `send` frame was acknowledged and stored. Now the frame gets an error frame with code `paused`, nothing is
stored, and the socket stays open for reading; a socket opened before the pause sees it too; another wijk's
socket goes on as before."""

import json

from asgiref.sync import sync_to_async
from django.core.cache import cache
from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from tests.builders.sockets import frames, run, send, socket_for, stored
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.tenants.chat.actions import start_direct_conversation

PAUSED_MESSAGE = "Deze wijk is gepauzeerd: u kunt lezen, maar niets plaatsen of wijzigen."


def pause(slug: str) -> None:
    wijk = Wijk.objects.get(schema_name=slug)
    wijk.status = WijkStatus.PAUSED
    wijk.save(update_fields=["status"])
    cache.clear()  # the host lookup, as the console's change does in its own process


def pair(wijk, first: str, second: str):
    one, other = make_member(wijk, first), make_member(wijk, second)
    with tenant_context(wijk):
        conversation = start_direct_conversation(member=one, other=other)
    return one, conversation


def test_a_message_sent_as_a_frame_in_a_paused_wijk_is_refused_and_the_socket_stays_open(parkwijk):
    anna, conversation = pair(parkwijk, "Anna", "Bram")
    pause("parkwijk")
    socket = socket_for("parkwijk", anna)

    async def scenario():
        connected, _ = await socket.connect()
        await socket.send_to(text_data=send(conversation, "p1", "Is er nog koffie?"))
        [refused] = await frames(socket, 1)
        await socket.send_to(text_data=json.dumps({"type": "hello"}))
        [hello] = await frames(socket, 1)
        await socket.disconnect()
        return connected, refused, hello

    connected, refused, hello = run(scenario)

    assert connected
    assert refused == {"type": "error", "code": "paused", "message": PAUSED_MESSAGE, "clientId": "p1"}
    assert stored(parkwijk) == []
    assert hello["type"] == "hello" and hello["member"]["firstName"] == "Anna"


def test_a_socket_opened_before_the_pause_is_refused_once_the_wijk_is_paused(parkwijk, centrum, settings):
    """A socket lives for hours: it reads its wijk's status again (here at once; in production within the host
    cache's time, as pages do). Centrum's socket, open at the same moment, goes on."""
    settings.WIJKMARKT_HOST_CACHE_SECONDS = 0
    anna, here = pair(parkwijk, "Anna", "Bram")
    carla, there = pair(centrum, "Carla", "Dirk")
    a, c = socket_for("parkwijk", anna), socket_for("centrum", carla)

    async def scenario():
        await a.connect()
        await c.connect()
        await a.send_to(text_data=send(here, "voor", "Voor de pauze"))
        before = await frames(a, 2)  # ack and the message itself
        await sync_to_async(pause)("parkwijk")
        await a.send_to(text_data=send(here, "na", "Na de pauze"))
        [after] = await frames(a, 1)
        await c.send_to(text_data=send(there, "centrum", "Hier gaat het door"))
        elsewhere = await frames(c, 2)
        await a.disconnect()
        await c.disconnect()
        return before, after, elsewhere

    before, after, elsewhere = run(scenario)

    assert before[0]["type"] == "ack"
    assert after["type"] == "error" and after["code"] == "paused" and after["clientId"] == "na"
    assert [message.body for message in stored(parkwijk)] == ["Voor de pauze"]
    assert elsewhere[0]["type"] == "ack" and elsewhere[1]["body"] == "Hier gaat het door"
    assert [message.body for message in stored(centrum)] == ["Hier gaat het door"]
