"""Reads the py-spy profile that bench_chat.py takes of daphne (`py-spy record --format raw --threads`: one line per
distinct stack, `thread (id): name;frame;frame;... count`, idle samples left out) and says where the time went.

Three views, each in % of the samples of the recording (100 samples a second; a thread waiting for work is idle and
not sampled, so a thread's share of wall time is roughly its CPU share):
- per thread: the event loop thread (sockets, consumers, channel layer) and the database thread (every `in_wijk`
  call runs there, one at a time, because sync_to_async is thread-sensitive);
- per part of the stack, inclusive (a sample counts for every part it passes through, so these overlap);
- the functions with the most inclusive and the most self time.
"""

from collections import Counter
from dataclasses import dataclass

# Part of the stack -> substrings of "function (file:line)" frames that belong to it. Order is the print order.
PARTS: dict[str, tuple[str, ...]] = {
    "in-memory channel layer (channels/layers.py)": ("channels/layers.py",),
    "  of which deepcopy per recipient": ("deepcopy (copy.py",),
    "  of which _clean_expired": ("_clean_expired (channels/layers.py",),
    "channels-redis layer": ("channels_redis/",),
    "consumer: chat_message (one per delivery)": ("chat_message (",),
    "consumer: on_send (one per message)": ("on_send (",),
    "asgiref sync_to_async (the database thread, and handing work to it)": ("asgiref/sync.py",),
    "Django ORM and SQL (django/db)": ("django/db/",),
    "  of which opening connections": ("connect (django/db/backends", "get_new_connection", "ensure_connection"),
    "  of which close_old_connections": ("close_old_connections",),
    "psycopg (driver, network round trips)": ("psycopg/",),
    "consumer: _blocked, queried per delivery": ("_blocked (",),
    "consumer: _send (storing a message)": ("_send (consumers",),
    "membership_of (any caller)": ("membership_of (",),
    "JSON encode/decode (json/)": ("json/",),
    "websocket frames out (autobahn, daphne ws_protocol)": ("autobahn/", "daphne/ws_protocol.py"),
    "socket writes (twisted transport)": ("twisted/internet/tcp.py", "twisted/internet/abstract.py"),
    "Django cache (presence, rate limit)": ("django/core/cache",),
}


# Frames that every sample of a thread passes through (the loops that run everything); left out of "inclusive".
RUNNERS = (
    "threading.py",
    "concurrent/futures/thread.py",
    "asyncio/base_events.py",
    "asyncio/events.py",
    "<module>",
    "<frozen runpy>",
    "Server.run (daphne/server.py)",
    "daphne/cli.py",
    "daphne/__main__.py",
    "runpy.py",
    "twisted/internet/asyncioreactor.py",
    "twisted/internet/base.py",
    "twisted/application/",
)


@dataclass
class Profile:
    samples: int
    threads: Counter
    inclusive: Counter
    self_time: Counter
    parts: Counter
    libraries: Counter  # self time by the package of the innermost frame: no overlap, adds up to 100%


def read(path: str) -> Profile:
    threads: Counter = Counter()
    inclusive: Counter = Counter()
    self_time: Counter = Counter()
    parts: Counter = Counter()
    libraries: Counter = Counter()
    total = 0
    with open(path) as raw:
        for line in raw:
            line = line.rstrip("\n")
            if not line or " " not in line:
                continue
            stack, count_text = line.rsplit(" ", 1)
            count = int(count_text)
            frames = stack.split(";")
            thread = frames[0].split(": ", 1)[-1] if frames[0].startswith("thread") else "?"
            frames = frames[1:] if frames[0].startswith("thread") else frames
            total += count
            threads[thread_kind(thread, frames)] += count
            for name in {function_of(frame) for frame in frames}:
                inclusive[name] += count
            if frames:
                self_time[function_of(frames[-1])] += count
                libraries[library_of(frames[-1])] += count
            for part, needles in PARTS.items():
                if any(needle in frame for frame in frames for needle in needles):
                    parts[part] += count
    return Profile(total, threads, inclusive, self_time, parts, libraries)


def function_of(frame: str) -> str:
    """'f (path/to/file.py:12)' -> 'f (path/to/file.py)': one entry per function, not per line."""
    name, _sep, location = frame.partition(" (")
    return f"{name} ({location.rsplit(':', 1)[0]})" if location else name


# Innermost frame's file -> the package it belongs to (first match). Our own code's folders come first.
LIBRARIES = (
    ("consumers/", "wijkmarkt realtime"),
    ("realtime/", "wijkmarkt realtime"),
    ("chat/", "wijkmarkt chat"),
    ("membership/", "wijkmarkt membership"),
    ("channels_redis/", "channels-redis"),
    ("channels/", "channels"),
    ("copy.py", "copy (deepcopy)"),
    ("json/", "json"),
    ("asgiref/", "asgiref"),
    ("django/", "django"),
    ("psycopg", "psycopg"),
    ("redis/", "redis-py"),
    ("msgpack", "msgpack"),
    ("autobahn/", "autobahn"),
    ("daphne/", "daphne"),
    ("twisted/", "twisted"),
    ("txaio/", "txaio"),
    ("selectors.py", "epoll (waiting)"),
    ("asyncio/", "asyncio"),
    ("concurrent/", "thread pool"),
    ("threading.py", "threading"),
)


def library_of(frame: str) -> str:
    location = frame.partition(" (")[2]
    path = location.rsplit(":", 1)[0]
    return next((name for needle, name in LIBRARIES if needle in path), path.split("/")[0] or "?")


def is_runner(function: str) -> bool:
    return any(runner in function for runner in RUNNERS)


def thread_kind(thread: str, frames: list[str]) -> str:
    if any("ThreadPoolExecutor" in frame or "_worker (concurrent/futures" in frame for frame in frames):
        return "database thread (sync_to_async)"
    if thread == "MainThread" or "MainThread" in thread:
        return "event loop thread"
    return f"other thread ({thread})"


def report(path: str, *, seconds: float, rate: float = 100.0, top: int = 20) -> list[str]:
    profile = read(path)
    if profile.samples == 0:
        return [f"(no samples in {path})"]
    recorded = seconds * rate

    def share(count: int) -> str:
        return f"{100 * count / profile.samples:5.1f}%"

    lines = [
        f"{profile.samples:,} active samples in {seconds:.0f} s ({path})",
        "",
        "Per thread (busy share of wall time):",
    ]
    for name, count in profile.threads.most_common():
        lines.append(f"  {name:<40} {share(count)} of samples, busy {100 * count / recorded:5.1f}% of the time")
    lines += ["", "Per part of the stack (inclusive; parts overlap):"]
    for part in PARTS:
        if profile.parts[part]:
            lines.append(f"  {part:<50} {share(profile.parts[part])}")
    lines += ["", "Self time by package (innermost frame; adds up to 100%):"]
    for name, count in profile.libraries.most_common(15):
        lines.append(f"  {name:<50} {share(count)}")
    lines += ["", f"Top {top} functions, inclusive:"]
    inclusive = [(name, count) for name, count in profile.inclusive.most_common() if not is_runner(name)][:top]
    lines += [f"  {share(count)}  {name}" for name, count in inclusive]
    lines += ["", f"Top {top} functions, self:"]
    lines += [f"  {share(count)}  {name}" for name, count in profile.self_time.most_common(top)]
    return lines
