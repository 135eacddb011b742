"""An exchange's thread and a ring's group talk are live conversations: what is written on the exchange page reaches
an open chat socket, what is sent over the socket is in the exchange's thread, everyone in a ring can talk and an
outsider cannot, a block made while connected takes effect at once, and a hidden message leaves open pages."""

import json

from asgiref.sync import sync_to_async
from django_tenants.utils import tenant_context

from tests.builders.marketplace import actor_of, an_exchange
from tests.builders.members import make_member
from tests.builders.rings import three_way
from tests.builders.sockets import frames, nothing_more, run, send, socket_for
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.chat.actions import start_direct_conversation
from wijkmarkt.tenants.chat.models import Conversation
from wijkmarkt.tenants.chat.selectors import exchange_thread
from wijkmarkt.tenants.marketplace.actions.exchanges import post_message
from wijkmarkt.tenants.marketplace.actions.moderation import block_member, handle_report, report
from wijkmarkt.tenants.marketplace.actions.rings import propose_ring


def resume(conversation, after=0):
    return json.dumps({"type": "resume", "conversations": {str(conversation.pk): after}})


def test_the_exchange_thread_and_the_live_conversation_are_one_history(parkwijk):
    anna, bram, exchange, conversation, _message = an_exchange(parkwijk)
    a = socket_for("parkwijk", anna)

    def bram_writes_on_the_exchange_page():
        with tenant_context(parkwijk):
            post_message(actor=actor_of(bram), exchange=exchange, body="Dinsdag om tien uur?")

    async def scenario():
        await a.connect()
        await a.send_to(text_data=resume(conversation))
        first = await frames(a, 1)
        await sync_to_async(bram_writes_on_the_exchange_page)()
        live = await frames(a, 1)
        await a.send_to(text_data=send(conversation, "antwoord-1", "Prima, tot dinsdag."))
        ack, echo = await frames(a, 2)
        await a.disconnect()
        return first + live, ack, echo

    received, ack, echo = run(scenario)

    assert [f["body"] for f in received] == ["Ik kan helpen.", "Dinsdag om tien uur?"]
    assert ack["type"] == "ack" and echo["body"] == "Prima, tot dinsdag."
    with tenant_context(parkwijk):
        thread = [(m.author.user.first_name, m.body) for m in exchange_thread(exchange)]
    assert thread == [("Bram", "Ik kan helpen."), ("Bram", "Dinsdag om tien uur?"), ("Anna", "Prima, tot dinsdag.")]


def test_everyone_in_a_ring_talks_in_one_group_and_an_outsider_cannot(parkwijk):
    with tenant_context(parkwijk):
        people = {name: make_member(parkwijk, name) for name in ("Anna", "Bram", "Cor")}
        people = {name.lower(): member for name, member in people.items()}
        people["fatima"] = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
        ring = propose_ring(actor=actor_of(people["fatima"]), links=three_way(parkwijk, people))
        conversation = Conversation.objects.get(ring=ring)
    dirk = make_member(parkwijk, "Dirk")
    sockets = {name: socket_for("parkwijk", people[name]) for name in ("anna", "bram", "cor")}
    outsider = socket_for("parkwijk", dirk)

    async def scenario():
        for socket in (*sockets.values(), outsider):
            await socket.connect()
        for socket in sockets.values():
            await socket.send_to(text_data=resume(conversation))
        await sockets["cor"].send_to(text_data=send(conversation, "ring-1", "Vrijdag kan ik boodschappen doen."))
        heard = {
            name: (await frames(socket, 2 if name == "cor" else 1))[-1]["body"] for name, socket in sockets.items()
        }
        await outsider.send_to(text_data=resume(conversation))
        refused_resume = await frames(outsider, 1)
        await outsider.send_to(text_data=send(conversation, "dirk-1", "Mag ik meedoen?"))
        refused_send = await frames(outsider, 1)
        for socket in (*sockets.values(), outsider):
            await socket.disconnect()
        return heard, refused_resume, refused_send

    heard, refused_resume, refused_send = run(scenario)

    assert set(heard.values()) == {"Vrijdag kan ik boodschappen doen."}
    assert refused_resume[0]["code"] == "not_found" and refused_send[0]["code"] == "not_found"
    with tenant_context(parkwijk):
        assert sorted(p.member.user.first_name for p in conversation.participants.all()) == ["Anna", "Bram", "Cor"]
        assert not conversation.messages.filter(body="Mag ik meedoen?").exists()


def test_a_block_made_while_connected_stops_delivery_at_once(parkwijk):
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    with tenant_context(parkwijk):
        conversation = start_direct_conversation(member=anna, other=bram)
    a, b = socket_for("parkwijk", anna), socket_for("parkwijk", bram)

    def bram_blocks_anna():
        with tenant_context(parkwijk):
            block_member(actor=actor_of(bram), blocker=bram, blocked=anna)

    async def scenario():
        await a.connect()
        await b.connect()
        await b.send_to(text_data=resume(conversation))
        await a.send_to(text_data=send(conversation, "voor", "Hallo Bram"))
        before = await frames(b, 1)
        await sync_to_async(bram_blocks_anna)()
        await a.send_to(text_data=send(conversation, "na", "Bram?"))
        await frames(a, 4)  # two acks, two echoes
        quiet = await nothing_more(b)
        await a.disconnect()
        await b.disconnect()
        return before, quiet

    before, quiet = run(scenario)

    assert before[0]["body"] == "Hallo Bram"
    assert quiet


def test_a_reported_message_hidden_by_the_makelaar_leaves_open_pages_and_history(parkwijk):
    anna, _bram, exchange, conversation, _message = an_exchange(parkwijk)
    fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    a, again = socket_for("parkwijk", anna), socket_for("parkwijk", anna)

    def report_and_hide():
        with tenant_context(parkwijk):
            message = exchange_thread(exchange).get()
            filed = report(actor=actor_of(anna), reporter=anna, reason="Onaardig", message=message)
            handle_report(actor=actor_of(fatima), moderator=fatima, report=filed, outcome="hidden", reason="Klopt")
            return message.pk

    async def scenario():
        await a.connect()
        await a.send_to(text_data=resume(conversation))
        shown = await frames(a, 1)
        hidden_id = await sync_to_async(report_and_hide)()
        gone = await frames(a, 1)
        await a.disconnect()
        await again.connect()
        await again.send_to(text_data=resume(conversation))
        quiet = await nothing_more(again)
        await again.disconnect()
        return shown, hidden_id, gone, quiet

    shown, hidden_id, gone, quiet = run(scenario)

    assert shown[0]["id"] == hidden_id
    assert gone[0] == {"type": "hidden", "conversation": conversation.pk, "id": hidden_id}
    assert quiet  # not sent again on resume


def test_a_long_absence_is_resumed_in_full_in_batches(parkwijk, monkeypatch):
    monkeypatch.setattr("wijkmarkt.tenants.chat.selectors.RESUME_LIMIT", 3)
    monkeypatch.setattr("wijkmarkt.realtime.consumers.wijk.RESUME_LIMIT", 3)
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    with tenant_context(parkwijk):
        conversation = start_direct_conversation(member=anna, other=bram)
    a, b = socket_for("parkwijk", anna), socket_for("parkwijk", bram)

    async def scenario():
        await a.connect()
        for n in range(7):
            await a.send_to(text_data=send(conversation, f"lang-{n}", f"Bericht {n}"))
            await frames(a, 2)
        await b.connect()
        await b.send_to(text_data=resume(conversation))
        missed = await frames(b, 7)
        quiet = await nothing_more(b)
        await a.disconnect()
        await b.disconnect()
        return missed, quiet

    missed, quiet = run(scenario)

    assert [f["body"] for f in missed] == [f"Bericht {n}" for n in range(7)]
    assert quiet
