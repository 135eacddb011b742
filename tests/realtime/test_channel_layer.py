"""The channel layer the settings choose (in-process, or channels-redis with REDIS_URL) carries group messages."""

import os

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings


def test_backend_follows_redis_url():
    expected = (
        "channels_redis.core.RedisChannelLayer"
        if os.environ.get("REDIS_URL")
        else "wijkmarkt.realtime.layers.InProcessChannelLayer"
    )
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == expected


def test_group_message_reaches_a_member_of_the_group():
    layer = get_channel_layer()

    async def round_trip():
        channel = await layer.new_channel()
        await layer.group_add("parkwijk.test", channel)
        await layer.group_send("parkwijk.test", {"type": "probe", "text": "hallo"})
        message = await layer.receive(channel)
        await layer.group_discard("parkwijk.test", channel)
        return message

    assert async_to_sync(round_trip)() == {"type": "probe", "text": "hallo"}


def test_cache_is_shared_through_redis_when_redis_url_is_set():
    from django.core.cache import cache, caches

    expected = "RedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    assert type(caches["default"]).__name__ == expected
    cache.set("wijkmarkt-probe", 41)
    assert cache.incr("wijkmarkt-probe") == 42
