"""Chat over the socket: stored then acknowledged, resent frames not stored twice, resume without gap or
duplicate, membership checked on every frame, blocked members not delivered, and no crossing between wijken."""

import json

from asgiref.sync import async_to_sync
from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from tests.builders.sockets import (
    frames,
    nothing_more,
    pair,
    run,
    send,
    socket_for,
    stored,
)
from wijkmarkt.tenants.chat.models import ChatMessage
from wijkmarkt.tenants.marketplace.actions.moderation import block_member
from wijkmarkt.tenants.membership.selectors import actor_for


def test_a_message_is_acknowledged_after_it_is_stored_and_reaches_the_other_member(parkwijk):
    anna, bram, conversation = pair(parkwijk)
    a, b = socket_for("parkwijk", anna), socket_for("parkwijk", bram)

    async def scenario():
        await a.connect()
        await b.connect()
        await b.send_to(text_data=json.dumps({"type": "resume", "conversations": {str(conversation.pk): 0}}))
        await a.send_to(text_data=send(conversation, "c1", "Hoi Bram, zin in koffie?"))
        ack, echo = await frames(a, 2)
        [received] = await frames(b, 1)
        await a.disconnect()
        await b.disconnect()
        return ack, echo, received

    ack, echo, received = run(scenario)

    assert ack["type"] == "ack" and ack["clientId"] == "c1"
    [message] = stored(parkwijk, pk=ack["id"])
    assert message.body == "Hoi Bram, zin in koffie?"
    assert echo == received
    assert received["type"] == "message" and received["body"] == "Hoi Bram, zin in koffie?"
    assert received["author"]["firstName"] == "Anna"


def test_a_resent_frame_is_acknowledged_again_and_not_stored_twice(parkwijk):
    anna, _bram, conversation = pair(parkwijk)
    a = socket_for("parkwijk", anna)

    async def scenario():
        await a.connect()
        await a.send_to(text_data=send(conversation, "same", "Een keer"))
        first = await frames(a, 2)
        await a.send_to(text_data=send(conversation, "same", "Een keer"))
        [again] = await frames(a, 1)
        quiet = await nothing_more(a)
        await a.disconnect()
        return first[0], again, quiet

    first, again, quiet = run(scenario)

    assert again == first
    assert quiet
    assert len(stored(parkwijk, client_id="same")) == 1


def test_resume_sends_what_was_missed_in_order_then_live_without_duplicates(parkwijk):
    anna, bram, conversation = pair(parkwijk)
    a, b = socket_for("parkwijk", anna), socket_for("parkwijk", bram)

    async def scenario():
        await a.connect()
        ids = []
        for n in range(3):
            await a.send_to(text_data=send(conversation, f"m{n}", f"Bericht {n}"))
            ack, _echo = await frames(a, 2)
            ids.append(ack["id"])
        await b.connect()
        first_id = ids[0]
        await b.send_to(text_data=json.dumps({"type": "resume", "conversations": {str(conversation.pk): first_id}}))
        missed = await frames(b, 2)
        await a.send_to(text_data=send(conversation, "m3", "Bericht 3"))
        live = await frames(b, 1)
        quiet = await nothing_more(b)
        await a.disconnect()
        await b.disconnect()
        return missed + live, quiet

    received, quiet = async_to_sync(scenario)()

    assert [frame["body"] for frame in received] == ["Bericht 1", "Bericht 2", "Bericht 3"]
    assert quiet


def test_a_neighbour_outside_the_conversation_can_neither_send_nor_resume(parkwijk):
    _anna, _bram, conversation = pair(parkwijk)
    cor = make_member(parkwijk, "Cor")
    c = socket_for("parkwijk", cor)

    async def scenario():
        await c.connect()
        await c.send_to(text_data=send(conversation, "x1", "Mag ik meedoen?"))
        await c.send_to(text_data=json.dumps({"type": "resume", "conversations": {str(conversation.pk): 0}}))
        replies = await frames(c, 2)
        await c.disconnect()
        return replies

    replies = run(scenario)

    assert [r["code"] for r in replies] == ["not_found", "not_found"]
    assert stored(parkwijk, client_id="x1") == []


def test_centrum_cannot_reach_a_parkwijk_conversation_by_its_id(parkwijk, centrum):
    _anna, _bram, conversation = pair(parkwijk)
    carla = make_member(centrum, "Carla")
    c = socket_for("centrum", carla)

    async def scenario():
        await c.connect()
        await c.send_to(text_data=send(conversation, "x2", "Hallo Parkwijk"))
        await c.send_to(text_data=json.dumps({"type": "resume", "conversations": {str(conversation.pk): 0}}))
        replies = await frames(c, 2)
        await c.disconnect()
        return replies

    replies = run(scenario)

    assert [r["code"] for r in replies] == ["not_found", "not_found"]
    with tenant_context(centrum):
        assert not ChatMessage.objects.exists()


def test_a_blocked_members_messages_are_not_delivered_live_or_on_resume(parkwijk):
    anna, bram, conversation = pair(parkwijk)
    with tenant_context(parkwijk):
        block_member(actor=actor_for(bram.user), blocker=bram, blocked=anna)
    a, b = socket_for("parkwijk", anna), socket_for("parkwijk", bram)

    async def scenario():
        await a.connect()
        await b.connect()
        await b.send_to(text_data=json.dumps({"type": "resume", "conversations": {str(conversation.pk): 0}}))
        await a.send_to(text_data=send(conversation, "b1", "Hallo?"))
        await frames(a, 2)
        quiet = await nothing_more(b)
        await b.send_to(text_data=json.dumps({"type": "resume", "conversations": {str(conversation.pk): 0}}))
        quiet_again = await nothing_more(b)
        await a.disconnect()
        await b.disconnect()
        return quiet, quiet_again

    assert run(scenario) == (True, True)


def test_bad_chat_frames_get_errors_and_the_socket_keeps_working(parkwijk, settings):
    anna, _bram, conversation = pair(parkwijk)
    a = socket_for("parkwijk", anna)
    bad = [
        json.dumps({"type": "send", "conversation": "1", "clientId": "a", "body": "x"}),
        json.dumps({"type": "send", "conversation": conversation.pk, "clientId": "a b!", "body": "x"}),
        json.dumps({"type": "send", "conversation": conversation.pk, "clientId": "big", "body": "x" * 2001}),
        json.dumps({"type": "send", "conversation": True, "clientId": "a", "body": "x"}),
        json.dumps({"type": "resume", "conversations": {"abc": 1}}),
        json.dumps({"type": "read", "conversation": conversation.pk}),
    ]

    async def scenario():
        await a.connect()
        replies = []
        for frame in bad:
            await a.send_to(text_data=frame)
            replies += await frames(a, 1)
        await a.send_to(text_data=send(conversation, "ok", "Toch gelukt"))
        replies += await frames(a, 1)
        await a.disconnect()
        return replies

    replies = run(scenario)

    assert [r["code"] for r in replies[:-1]] == [
        "bad_field",
        "invalid_client_id",
        "too_long",
        "bad_field",
        "bad_field",
        "bad_field",
    ]
    assert replies[-1]["type"] == "ack"


def test_too_many_messages_get_a_rate_limit_error(parkwijk, monkeypatch):
    from wijkmarkt.tenants.chat import actions

    monkeypatch.setattr(actions, "RATE_LIMIT", 2)
    anna, _bram, conversation = pair(parkwijk)
    a = socket_for("parkwijk", anna)

    async def scenario():
        await a.connect()
        replies = []
        for n in range(3):
            await a.send_to(text_data=send(conversation, f"r{n}", "Snel"))
            replies += await frames(a, 2 if n < 2 else 1)
        await a.disconnect()
        return replies

    replies = run(scenario)

    assert replies[-1]["code"] == "rate_limited"
    assert len(stored(parkwijk)) == 2


def test_presence_counts_every_tab_of_a_member(parkwijk):
    anna, bram, conversation = pair(parkwijk)
    tab1, tab2, b = socket_for("parkwijk", anna), socket_for("parkwijk", anna), socket_for("parkwijk", bram)
    resume = json.dumps({"type": "resume", "conversations": {str(conversation.pk): 0}})

    async def scenario():
        for socket in (tab1, tab2, b):
            await socket.connect()
        await tab1.send_to(text_data=resume)
        await b.send_to(text_data=resume)
        await tab2.disconnect()  # Anna closes one tab: still online in the other
        await tab1.disconnect()  # and now the last one
        seen = []
        while not await b.receive_nothing(timeout=0.5):
            frame = json.loads(await b.receive_from())
            if frame["type"] == "presence":
                seen.append(frame["online"])
        await b.disconnect()
        return seen

    seen = run(scenario)

    assert seen[0] == sorted([anna.pk, bram.pk])
    assert seen[-1] == [bram.pk]


def test_a_suspended_members_sockets_are_closed_at_once(parkwijk, django_capture_on_commit_callbacks):
    from asgiref.sync import sync_to_async

    from wijkmarkt.tenants.marketplace.actions.moderation import handle_report, report

    anna, bram, _conversation = pair(parkwijk)
    admin = make_member(parkwijk, "Admin", role="wijk_admin")
    a = socket_for("parkwijk", anna)

    def suspend_anna():
        with tenant_context(parkwijk), django_capture_on_commit_callbacks(execute=True):
            filed = report(actor=actor_for(bram.user), reporter=bram, member=anna, reason="Scheldt")
            handle_report(
                actor=actor_for(admin.user), moderator=admin, report=filed, outcome="suspended", reason="Schelden"
            )

    async def scenario():
        connected, _ = await a.connect()
        await sync_to_async(suspend_anna)()
        output = await a.receive_output(timeout=3)
        while output.get("type") == "websocket.send":
            output = await a.receive_output(timeout=3)
        return connected, output

    connected, closed = run(scenario)

    assert connected
    assert closed == {"type": "websocket.close", "code": 4403}
