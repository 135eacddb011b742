"""Chat reliability end to end: a few thousand messages between six neighbours over real sockets to a real daphne
process, while connections drop at random (also straight after a send) and the server is killed and started again
once. Afterwards every client has every message of its conversations exactly once, in id order, every send was
stored once and acknowledged.

The server is a subprocess on the test database, so it only sees committed rows. The test's own connection is in
the test's transaction (a `db` test: a transactional one would truncate the public Wijk and Domain rows of the
session), so the members, their sessions and conversations are made (through the actions) on a connection of
their own that commits, and removed again afterwards: tests before and after this one find the database as they
left it. With REDIS_URL the server uses channels-redis, as in CI's second run (see REDIS_DROPS_MESSAGES).

The clients never touch the ORM: they run in one asyncio loop (websockets), the checks run after it."""

import asyncio
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from axes.models import AccessLog
from django.contrib.sessions.models import Session
from django.db import connection
from django_tenants.utils import tenant_context
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from tests.builders.sockets import session_cookie
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.wijken.actions import provision_wijk
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.chat.actions import buurtkamer, start_direct_conversation
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation
from wijkmarkt.tenants.demo.load import WIJKEN
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership

NAMES = ("Anna", "Bram", "Cor", "Dini", "Eef", "Fenna")
MESSAGES_PER_CLIENT = 340  # 2,040 in all
IN_FLIGHT = 2  # unacknowledged sends a client allows itself (more only queue up on a busy server)
# Frames a connection receives before the client drops it: counted in frames, not seconds, so a slow machine
# drops as often per message as a fast one (about 120 drops in all).
DROP_AFTER = (40, 120)
DROP_AFTER_SEND = 0.01  # chance that a connection is cut right after a `send` left (stored or not: nobody knows)
RECONNECT_PAUSE = (0.02, 0.25)
RESTART_AT = 0.4  # share of all sends acknowledged when the server is killed
QUIET = 0.5  # seconds without frames that count as "nothing more is coming"
DEADLINE = 150.0
SERVER_START_TIMEOUT = 20.0
PASSWORD = "een-lang-test-wachtwoord"


# --- the server -----------------------------------------------------------------------------------------------------


SERVER_APPLICATION_NAME = "wijkmarkt-reliability-test"


def url_of_test_database(name: str) -> str:
    """DATABASE_URL with the test database's name (socket directory, host, user and password stay), and an
    application name on the server's connections, to wait for them to be gone."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    query = [*parse_qsl(parts.query, keep_blank_values=True), ("application_name", SERVER_APPLICATION_NAME)]
    return parts._replace(path="/" + quote(name, safe=""), query=urlencode(query)).geturl()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def portal_answers(port: int) -> int | None:
    """The portal's status, or None while nothing listens (127.0.0.1 with a Host header: *.localhost need not
    resolve in Python; never through a proxy from the environment)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": "localhost"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


class Server:
    """daphne on a fixed port, started twice: killed (SIGKILL, no goodbye to anyone) and started again."""

    def __init__(self, directory: Path, database_name: str):
        self.port = free_port()
        # The per-member limit (30 a minute) would stop each client after a few seconds; settings.py does not read it
        # from the environment, so the server gets a settings module that only raises it.
        (directory / "reliability_settings.py").write_text(
            "from wijkmarkt.platform.config.settings import *  # noqa: F403\n\nCHAT_MESSAGES_PER_MINUTE = 1_000_000\n"
        )
        self.env = {
            **os.environ,
            "DATABASE_URL": url_of_test_database(database_name),
            "DJANGO_SETTINGS_MODULE": "reliability_settings",
            "PYTHONPATH": os.pathsep.join([str(directory), *filter(None, [os.environ.get("PYTHONPATH")])]),
            "WIJKMARKT_PORT": str(self.port),
            # Keep the database connection between calls, as a deployment tuned for chat would: with the default
            # (0) every socket frame opens a new PostgreSQL connection, which made this test three times slower.
            "CONN_MAX_AGE": "60",
            "PYTHONUNBUFFERED": "1",
            "LOG_LEVEL": "INFO",  # channels-redis says at INFO when it drops a message for a full channel
        }
        self.log_path = directory / "daphne.log"  # kept with pytest's temporary directories, for a failure
        self.log = self.log_path.open("w")  # both daphne processes write here; closed in stop()
        self.process: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> float:
        """Start daphne and wait until it serves; returns the seconds that took."""
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(self.port),
                "wijkmarkt.platform.config.asgi:application",
            ],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.starts += 1
        status = None
        while time.monotonic() - started < SERVER_START_TIMEOUT and self.process.poll() is None:
            status = portal_answers(self.port)
            if status is not None:
                break
            time.sleep(0.05)
        if status != 200:
            raise AssertionError(f"daphne did not serve on port {self.port} (status {status}):\n{self.output()}")
        return time.monotonic() - started

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def output(self) -> str:
        """What daphne said besides its access log (every socket's connect and disconnect)."""
        lines = self.log_path.read_text().splitlines(keepends=True)
        return "".join(line for line in lines if not line.startswith("127.0.0.1:"))[-5000:]


# --- the clients ----------------------------------------------------------------------------------------------------


@dataclass
class Run:
    """What all clients share: the server, how far they are together, and the figures."""

    server: Server
    total: int
    acked: int = 0
    all_acked: asyncio.Event = field(default_factory=asyncio.Event)
    restart_seconds: float = 0.0
    refused_connects: int = 0
    last_refusal: str = ""


@dataclass
class Client:
    name: str
    host: str
    cookie: str
    conversations: list[int]
    after: dict[int, int]  # conversation -> last id this client has (the buurtkamer may hold older messages)
    plan: list[tuple[int, str, str]]  # (conversation, clientId, body), sent in this order
    received: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # conversation -> [(id, clientId)]
    acks: dict[str, list[int]] = field(default_factory=dict)  # clientId -> the id of every ack for it
    in_flight: dict[str, tuple[int, str]] = field(default_factory=dict)  # clientId -> (conversation, body)
    errors: list[dict] = field(default_factory=list)
    next_send: int = 0
    connections: int = 0
    drops: int = 0
    drops_after_send: int = 0
    resent: int = 0

    def __post_init__(self):
        self.received = {conversation: [] for conversation in self.conversations}
        self.room = asyncio.Event()  # set when an ack frees a place in the window

    async def open(self, run: Run) -> ClientConnection:
        """Connect, retrying until the server answers (it is away for a while during the restart)."""
        while True:
            try:
                return await connect(
                    f"ws://{self.host}:{run.server.port}/ws/",
                    host="127.0.0.1",  # *.localhost need not resolve; the Host header still names the wijk
                    port=run.server.port,
                    origin=f"http://{self.host}:{run.server.port}",
                    additional_headers={"Cookie": self.cookie},
                    proxy=None,
                    compression=None,
                    open_timeout=5,
                    ping_interval=None,
                )
            except (OSError, InvalidHandshake, TimeoutError) as refusal:
                run.refused_connects += 1
                run.last_refusal = repr(refusal)
                await asyncio.sleep(random.uniform(*RECONNECT_PAUSE))

    async def hello_again(self, ws: ClientConnection) -> None:
        """What a chat page does after every (re)connect: resume from what it has, then resend what was never
        acknowledged (the server acknowledges a stored clientId again and does not store it twice)."""
        self.connections += 1
        last = {str(conversation): self.last_id(conversation) for conversation in self.conversations}
        await ws.send(json.dumps({"type": "resume", "conversations": last}))
        for client_id, (conversation, body) in list(self.in_flight.items()):
            self.resent += 1
            await ws.send(
                json.dumps({"type": "send", "conversation": conversation, "clientId": client_id, "body": body})
            )

    def last_id(self, conversation: int) -> int:
        received = self.received[conversation]
        return received[-1][0] if received else self.after[conversation]

    def take(self, frame: dict, run: Run) -> None:
        kind = frame["type"]
        if kind == "message":
            self.received[frame["conversation"]].append((frame["id"], frame["clientId"]))
        elif kind == "ack":
            self.acks.setdefault(frame["clientId"], []).append(frame["id"])
            if self.in_flight.pop(frame["clientId"], None) is not None:
                run.acked += 1
                if run.acked == run.total:
                    run.all_acked.set()
            self.room.set()
        elif kind == "error":
            self.errors.append(frame)

    async def read(self, ws: ClientConnection, run: Run) -> None:
        """Take frames until the connection ends, and drop it at a random moment: in the middle of a resume, a
        burst of messages or an ack that is on its way."""
        drop_after = random.randint(*DROP_AFTER)
        async for text in ws:
            self.take(json.loads(text), run)
            drop_after -= 1
            if drop_after == 0:
                self.drops += 1
                if random.random() < 0.5:
                    ws.transport.abort()  # the network is gone: no close frame
                else:
                    await ws.close()  # the tab is closed politely

    async def write(self, ws: ClientConnection) -> None:
        while self.next_send < len(self.plan):
            if len(self.in_flight) >= IN_FLIGHT:
                self.room.clear()
                await self.room.wait()
                continue
            conversation, client_id, body = self.plan[self.next_send]
            self.in_flight[client_id] = (conversation, body)  # before sending: a drop now means "resend it"
            self.next_send += 1
            await ws.send(
                json.dumps({"type": "send", "conversation": conversation, "clientId": client_id, "body": body})
            )
            if random.random() < DROP_AFTER_SEND:
                self.drops_after_send += 1
                ws.transport.abort()
                return
            await asyncio.sleep(0)  # let the other clients write too

    async def chat(self, run: Run) -> None:
        """Connect, resume, send, get dropped, reconnect: until every client's every send is acknowledged."""
        while not run.all_acked.is_set():
            ws = await self.open(run)
            tasks = [asyncio.create_task(self.read(ws, run)), asyncio.create_task(run.all_acked.wait())]
            try:
                await self.hello_again(ws)
                tasks.append(asyncio.create_task(self.write(ws)))
                await asyncio.wait(tasks[:2], return_when=asyncio.FIRST_COMPLETED)
            except ConnectionClosed:
                pass
            finally:
                for task in tasks:
                    task.cancel()
                outcomes = await asyncio.gather(*tasks, return_exceptions=True)
                ws.transport.abort()
            for outcome in outcomes:  # a dropped connection is the point; anything else is a bug in this test
                if isinstance(outcome, Exception) and not isinstance(outcome, ConnectionClosed):
                    raise outcome
            await asyncio.sleep(random.uniform(*RECONNECT_PAUSE))

    async def catch_up(self, run: Run, expected_last: dict[int, int]) -> None:
        """One more visit when everyone is done: resume, read until the newest message of every conversation is
        here and then nothing more comes for a while (a duplicate would still arrive in that time)."""
        ws = await self.open(run)
        try:
            await self.hello_again(ws)
            while True:
                try:
                    async with asyncio.timeout(QUIET):
                        self.take(json.loads(await ws.recv()), run)
                except TimeoutError:
                    if all(self.last_id(c) >= expected_last[c] for c in self.conversations):
                        return
        finally:
            await ws.close()


async def restart_midway(run: Run) -> None:
    while run.acked < run.total * RESTART_AT:
        await asyncio.sleep(0.02)
    started = time.monotonic()
    run.server.kill()
    await asyncio.to_thread(run.server.start)
    run.restart_seconds = time.monotonic() - started


async def chat_session(clients: list[Client], run: Run) -> None:
    async with asyncio.timeout(DEADLINE):
        await asyncio.gather(restart_midway(run), *(client.chat(run) for client in clients))
        # The newest acknowledged id per conversation: what every member of it must have in the end.
        expected_last = {conversation: 0 for client in clients for conversation in client.conversations}
        for client in clients:
            for conversation, client_id, _body in client.plan:
                expected_last[conversation] = max(expected_last[conversation], *client.acks[client_id])
        await asyncio.gather(*(client.catch_up(run, expected_last) for client in clients))


# --- the data -------------------------------------------------------------------------------------------------------


@dataclass
class Neighbours:
    wijk: Wijk
    members: list[Membership]
    directs: list[Conversation]
    room: Conversation
    room_was_there: bool
    room_after: int
    session_keys: list[str]


def committed_neighbours(tag: str) -> Neighbours:
    if not Wijk.objects.filter(schema_name="parkwijk").exists():
        # A transactional test ran first and truncated the public rows (the schemas stay): restore them as the
        # session provisioned them (tests/conftest.py).
        for spec in WIJKEN:
            provision_wijk(**spec)
        connection.set_schema_to_public()
    wijk = Wijk.objects.get(schema_name="parkwijk")
    users = [
        create_account(email=f"betrouwbaar-{name.lower()}-{tag}@example.nl", first_name=name, password=PASSWORD)
        for name in NAMES
    ]
    with tenant_context(wijk):
        members = [join_wijk(wijk=wijk, user=user, accepted_house_rules=True) for user in users]
        # A ring of direct conversations (each neighbour in two) and the buurtkamer with all six.
        directs = [
            start_direct_conversation(member=members[i], other=members[(i + 1) % len(members)])
            for i in range(len(members))
        ]
        room_was_there = Conversation.objects.filter(kind=Conversation.Kind.BUURTKAMER).exists()
        room = buurtkamer()
        room_after = max(ChatMessage.objects.filter(conversation=room).values_list("id", flat=True), default=0)
    connection.set_schema_to_public()
    cookies = [session_cookie("parkwijk", user) for user in users]
    return Neighbours(
        wijk, members, directs, room, room_was_there, room_after, [cookie.split("=", 1)[1] for cookie in cookies]
    )


def remove(neighbours: Neighbours) -> None:
    with tenant_context(neighbours.wijk):
        ChatMessage.objects.filter(author__in=neighbours.members).delete()
        Conversation.objects.filter(pk__in=[c.pk for c in neighbours.directs]).delete()
        if not neighbours.room_was_there:
            Conversation.objects.filter(pk=neighbours.room.pk).delete()
        Membership.objects.filter(pk__in=[m.pk for m in neighbours.members]).delete()
        # In the wijk's schema: deleting an account looks for its rows in the tenant apps too.
        User.objects.filter(pk__in=[m.user_id for m in neighbours.members]).delete()
    connection.set_schema_to_public()
    Session.objects.filter(session_key__in=neighbours.session_keys).delete()
    AccessLog.objects.filter(username__in=[m.user.email for m in neighbours.members]).delete()  # the log-ins


def clients_for(neighbours: Neighbours, tag: str) -> list[Client]:
    clients = []
    for index, member in enumerate(neighbours.members):
        left, right = neighbours.directs[index - 1], neighbours.directs[index]  # i-1 -> i and i -> i+1
        conversations = [neighbours.room.pk, left.pk, right.pk]
        # Half to the buurtkamer (six readers), a quarter to each direct conversation.
        targets = random.choices(conversations, weights=[2, 1, 1], k=MESSAGES_PER_CLIENT)
        plan = [
            (target, f"r{tag}-{index}-{n}", f"{member.user.first_name} zegt {n}") for n, target in enumerate(targets)
        ]
        clients.append(
            Client(
                name=member.user.first_name,
                host="parkwijk.localhost",
                cookie=f"sessionid={neighbours.session_keys[index]}",
                conversations=conversations,
                after={neighbours.room.pk: neighbours.room_after, left.pk: 0, right.pk: 0},
                plan=plan,
            )
        )
    return clients


def stored_messages(neighbours: Neighbours) -> tuple[dict[int, list[tuple[int, str]]], Counter]:
    """Per conversation the stored (id, clientId) in id order (the buurtkamer's from before this test left out),
    and how often each clientId of these neighbours was stored."""
    conversations = [neighbours.room.pk, *(c.pk for c in neighbours.directs)]
    stored: dict[int, list[tuple[int, str]]] = {conversation: [] for conversation in conversations}
    with tenant_context(neighbours.wijk):
        rows = ChatMessage.objects.filter(conversation_id__in=conversations).order_by("id")
        for conversation, message_id, client_id in rows.values_list("conversation_id", "id", "client_id"):
            if conversation != neighbours.room.pk or message_id > neighbours.room_after:
                stored[conversation].append((message_id, client_id))
        mine = ChatMessage.objects.filter(author__in=neighbours.members)
        per_client_id = Counter(mine.values_list("client_id", flat=True))
    connection.set_schema_to_public()
    return stored, per_client_id


def wait_until_the_server_has_left_the_database() -> None:
    """daphne's connections end with it, but PostgreSQL notices a moment later; dropping the test database at the
    end of the session fails while one is still there."""
    deadline = time.monotonic() + 10
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s AND datname = %s",
                [SERVER_APPLICATION_NAME, connection.settings_dict["NAME"]],
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.05)


class OwnConnection:
    """ORM work on a thread of its own, and so on a database connection of its own that commits: the test's own
    connection is inside the test's transaction, which the server process would never see."""

    def __init__(self):
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="reliability-orm")

    def __call__(self, fn, /, *args):
        return self.thread.submit(fn, *args).result()

    def close(self) -> None:
        # In that thread (a lambda: `connection.close` would be looked up here, on this thread's connection), or
        # the test database cannot be dropped at the end of the session.
        self.thread.submit(lambda: connection.close()).result()
        self.thread.shutdown()


# --- the test -------------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.django_db
def test_every_client_gets_every_message_once_in_order_through_drops_and_a_server_restart(tmp_path):
    tag = secrets.token_hex(3)
    orm = OwnConnection()
    neighbours, server = None, None
    try:
        neighbours = orm(committed_neighbours, tag)
        clients = orm(clients_for, neighbours, tag)
        server = Server(tmp_path, connection.settings_dict["NAME"])  # the test database's
        server.start()
        run = Run(server=server, total=sum(len(client.plan) for client in clients))
        started = time.monotonic()
        try:
            asyncio.run(chat_session(clients, run))
        except TimeoutError:
            pytest.fail(
                f"not done within {DEADLINE:.0f} s: {run.acked} of {run.total} acknowledged, "
                f"last refused connect: {run.last_refusal or 'none'}.\ndaphne's output:\n{server.output()}"
            )
        seconds = time.monotonic() - started
        stored, per_client_id = orm(stored_messages, neighbours)
    finally:
        if server is not None:
            server.stop()
            orm(wait_until_the_server_has_left_the_database)
        if neighbours is not None:
            orm(remove, neighbours)
        orm.close()

    print(
        f"\n{run.total} messages, {len(clients)} clients, {sum(c.connections for c in clients)} connections, "
        f"{sum(c.drops for c in clients)} drops + {sum(c.drops_after_send for c in clients)} right after a send, "
        f"{sum(c.resent for c in clients)} resends, server restarted in {run.restart_seconds:.1f} s, "
        f"{run.refused_connects} refused connects, {seconds:.1f} s"
    )
    assert server.starts == 2
    assert [error for client in clients for error in client.errors] == []
    planned = {client_id for client in clients for _conversation, client_id, _body in client.plan}
    assert set(per_client_id) == planned
    assert set(per_client_id.values()) == {1}, "a clientId was stored more than once"
    stored_ids = {client_id: message_id for messages in stored.values() for message_id, client_id in messages}
    for client in clients:
        assert set(client.acks) == {client_id for _conversation, client_id, _body in client.plan}, client.name
        for client_id, ids in client.acks.items():
            assert ids == [stored_ids[client_id]] * len(ids), (client.name, client_id, ids)
        for conversation in client.conversations:
            received, want = client.received[conversation], stored[conversation]
            assert received == want, (
                f"{client.name}, conversation {conversation}: {first_difference(received, want)}\n"
                f"daphne's output:\n{server.output()}"
            )


def first_difference(received: list[tuple[int, str]], stored: list[tuple[int, str]]) -> str:
    """Where a client's messages part from the stored ones, in words (the lists are a few thousand long)."""
    for index, (got, want) in enumerate(zip(received, stored, strict=False)):
        if got != want:
            return f"message {index} is {got}, stored is {want} (received {len(received)}, stored {len(stored)})"
    return f"received {len(received)} messages, stored {len(stored)}"
