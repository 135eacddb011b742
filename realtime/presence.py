"""Who is online: a counter of open sockets per member in the cache, so several tabs and several processes (with
REDIS_URL the cache is Redis) add up. A counter outlives a crashed process by at most PRESENCE_SECONDS."""

import asyncio
import time
from collections.abc import Awaitable, Callable

from asgiref.sync import sync_to_async
from django.core.cache import cache

PRESENCE_SECONDS = 60 * 60
ANNOUNCE_SECONDS = 0.3
_announced: dict[str, float] = {}  # group -> when this process last announced its presence
_pending: set[str] = set()  # groups with an announcement waiting for its turn
_running: set[asyncio.Task] = set()


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


async def throttled(group: str, announce: Callable[[], Awaitable[None]]) -> None:
    """Announce at once if this group had no announcement for ANNOUNCE_SECONDS; otherwise once when that time is
    up, so changes meanwhile are folded into one frame that tells the state at that moment."""
    if group in _pending:
        return
    wait = _announced.get(group, float("-inf")) + ANNOUNCE_SECONDS - time.monotonic()
    if wait <= 0:
        _mark(group)
        await announce()
        return
    _pending.add(group)

    async def later():
        await asyncio.sleep(wait)
        _pending.discard(group)
        _mark(group)
        await announce()

    # The loop keeps only a weak reference to a task: without this one a pending announcement could be collected
    # before it ran, and a neighbour who left would stay "online" on the other pages.
    task = asyncio.get_running_loop().create_task(later())
    _running.add(task)
    task.add_done_callback(_running.discard)


def _mark(group: str) -> None:
    now = time.monotonic()
    if len(_announced) > 10_000:  # forget groups that went quiet, so a long-running process does not grow
        for old in [g for g, at in _announced.items() if now - at > ANNOUNCE_SECONDS]:
            del _announced[old]
    _announced[group] = now
