"""The channel layer of the one-process set-up (./wijkmarkt run): channels' InMemoryChannelLayer without the two
costs that made it the bottleneck of the chat benchmark (tests/performance/README.md, bench_chat.py, profile of
23 November 2026: 47 to 58% of the server's samples):

- `group_send` made one task and one `deepcopy` of the event per recipient. Here the event is put on every
  recipient's queue as it is: events are built fresh for each send and no consumer changes them
  (platform/broadcast.py).
- `receive` and `group_send` walked every channel and every group to expire old messages, for every single
  delivery: with 500 sockets in one room that is 250,000 checks per chat message. Here that sweep runs at most once
  a second; it still drops a channel that left a message unread for `expiry` seconds from its groups, as before.

- Every delivery still woke the receiving consumer's task through its queue (channels' await_many_dispatch: a task
  switch and an asyncio.wait per delivery). A consumer in this process may instead `attach` a receiver for its
  channel: `group_send` hands it the event directly, one await that does not suspend, and the queue is used only for
  what the receiver declines (realtime/consumers/wijk.py keeps the order: while one of its handlers is busy it holds
  events back, as its queue did).

With REDIS_URL the layer is channels-redis; this one is never shared between processes."""

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from channels.layers import InMemoryChannelLayer

SWEEP_SECONDS = 1.0
logger = logging.getLogger(__name__)
Receiver = Callable[[dict], Awaitable[bool]]


class InProcessChannelLayer(InMemoryChannelLayer):
    def __init__(self, expiry=60, group_expiry=86400, capacity=2000, channel_capacity=None, **kwargs):
        super().__init__(
            expiry=expiry, group_expiry=group_expiry, capacity=capacity, channel_capacity=channel_capacity, **kwargs
        )
        self._next_sweep = 0.0
        self.receivers: dict[str, Receiver] = {}

    def attach(self, channel: str, receiver: Receiver) -> None:
        """From now on `group_send` offers this channel's events to `receiver` first; it returns True if it took one."""
        self.receivers[channel] = receiver

    def detach(self, channel: str) -> None:
        self.receivers.pop(channel, None)

    def _clean_expired(self):
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_SECONDS
            super()._clean_expired()

    async def group_send(self, group, message):
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        expires = time.time() + self.expiry
        for channel in list(self.groups.get(group, ())):
            receiver = self.receivers.get(channel)
            if receiver is not None:
                try:
                    if await receiver(message):
                        continue
                except Exception:  # one broken socket must not keep the event from the others
                    logger.exception("Receiver of %s failed on %s", channel, message.get("type"))
                    continue
            queue = self.channels.get(channel)
            if queue is None:
                queue = self.channels[channel] = asyncio.Queue(maxsize=self.get_capacity(channel))
            # As in channels, a reader this far behind loses the newest; resuming fills the gap.
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait((expires, message))
