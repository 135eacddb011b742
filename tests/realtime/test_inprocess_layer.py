"""The one-process channel layer keeps channels' semantics while skipping its per-recipient costs."""

import asyncio

import pytest
from asgiref.sync import async_to_sync

from wijkmarkt.realtime import layers
from wijkmarkt.realtime.layers import InProcessChannelLayer


def test_every_member_of_a_group_gets_the_event_and_others_do_not():
    layer = InProcessChannelLayer()

    async def scenario():
        room = [await layer.new_channel() for _ in range(50)]
        outsider = await layer.new_channel()
        for channel in room:
            await layer.group_add("parkwijk.conversation.1", channel)
        await layer.group_add("centrum.conversation.1", outsider)
        await layer.group_send("parkwijk.conversation.1", {"type": "chat.message", "n": 1})
        received = [await layer.receive(channel) for channel in room]
        return received, outsider in layer.channels

    received, outsider_has_mail = async_to_sync(scenario)()

    assert received == [{"type": "chat.message", "n": 1}] * 50
    assert not outsider_has_mail


def test_a_full_channel_loses_the_newest_without_holding_up_the_others():
    layer = InProcessChannelLayer(capacity=2)

    async def scenario():
        slow, quick = await layer.new_channel(), await layer.new_channel()
        for channel in (slow, quick):
            await layer.group_add("parkwijk.conversation.1", channel)
        for n in range(3):
            await layer.group_send("parkwijk.conversation.1", {"type": "chat.message", "n": n})
            if n < 2:
                await layer.receive(quick)
        last = await layer.receive(quick)
        slow_got = [await layer.receive(slow), await layer.receive(slow)]
        return last, slow_got

    last, slow_got = async_to_sync(scenario)()

    assert last["n"] == 2
    assert [m["n"] for m in slow_got] == [0, 1]


@pytest.mark.parametrize("seconds_later, still_in_group", [(0.05, True), (0.4, False)])
def test_a_channel_that_leaves_a_message_unread_past_expiry_leaves_its_groups(
    monkeypatch, seconds_later, still_in_group
):
    """As in channels: a reader gone for `expiry` seconds is taken out, so dead sockets do not pile up."""
    monkeypatch.setattr(layers, "SWEEP_SECONDS", 0)
    layer = InProcessChannelLayer(expiry=0.2)

    async def scenario():
        gone, reader = await layer.new_channel(), await layer.new_channel()
        for channel in (gone, reader):
            await layer.group_add("parkwijk.conversation.1", channel)
        await layer.group_send("parkwijk.conversation.1", {"type": "chat.message"})
        await layer.receive(reader)
        await asyncio.sleep(seconds_later)
        await layer.group_send("parkwijk.conversation.1", {"type": "chat.message"})
        return gone in layer.groups.get("parkwijk.conversation.1", {})

    assert async_to_sync(scenario)() is still_in_group


def test_an_attached_receiver_gets_events_directly_and_declined_ones_are_queued():
    layer = InProcessChannelLayer()
    taken = []

    async def receiver(event):
        if event["type"] == "chat.message":
            taken.append(event["n"])
            return True
        return False

    async def scenario():
        channel = await layer.new_channel()
        layer.attach(channel, receiver)
        await layer.group_add("parkwijk.conversation.1", channel)
        await layer.group_send("parkwijk.conversation.1", {"type": "chat.message", "n": 1})
        await layer.group_send("parkwijk.conversation.1", {"type": "member.blocks"})
        queued = await layer.receive(channel)
        layer.detach(channel)
        await layer.group_send("parkwijk.conversation.1", {"type": "chat.message", "n": 2})
        return queued, await layer.receive(channel)

    queued, after_detach = async_to_sync(scenario)()

    assert taken == [1]
    assert queued == {"type": "member.blocks"}
    assert after_detach == {"type": "chat.message", "n": 2}


def test_a_failing_receiver_does_not_keep_the_event_from_the_others():
    layer = InProcessChannelLayer()
    got = []

    async def broken(event):
        raise ConnectionError("socket gone")

    async def fine(event):
        got.append(event["type"])
        return True

    async def scenario():
        first, second = await layer.new_channel(), await layer.new_channel()
        layer.attach(first, broken)
        layer.attach(second, fine)
        for channel in (first, second):
            await layer.group_add("parkwijk.conversation.1", channel)
        await layer.group_send("parkwijk.conversation.1", {"type": "chat.message"})

    async_to_sync(scenario)()

    assert got == ["chat.message"]
