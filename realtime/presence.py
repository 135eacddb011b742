"""Who is online: a counter of open sockets per member in the cache, so several tabs and several processes (with
REDIS_URL the cache is Redis) add up. A counter outlives a crashed process by at most PRESENCE_SECONDS."""

from asgiref.sync import sync_to_async
from django.core.cache import cache

PRESENCE_SECONDS = 60 * 60


def _key(schema: str, member_id: int) -> str:
    return f"presence:{schema}:{member_id}"


async def arrive(schema: str, member_id: int) -> None:
    key = _key(schema, member_id)
    if not await cache.aadd(key, 1, PRESENCE_SECONDS):
        try:
            await cache.aincr(key)
        except ValueError:  # expired between add and incr
            await cache.aset(key, 1, PRESENCE_SECONDS)


async def leave(schema: str, member_id: int) -> None:
    key = _key(schema, member_id)
    try:
        if await cache.adecr(key) <= 0:
            await cache.adelete(key)
    except ValueError:
        pass


async def online(schema: str, member_ids: list[int]) -> list[int]:
    # One round trip off the database thread: the cache's own aget_many asks key by key, on that thread.
    counts = await sync_to_async(cache.get_many, thread_sensitive=False)([_key(schema, m) for m in member_ids])
    return sorted(member_id for member_id in member_ids if counts.get(_key(schema, member_id), 0) > 0)
