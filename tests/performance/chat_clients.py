"""The client side of bench_chat.py: one asyncio process that opens every socket of one set-up (daphne or the bare
baseline), joins the buurtkamer, sends at the phases' rates and measures each delivery. It never imports Django.

Run by bench_chat.py as `python chat_clients.py PLAN.json`; it prints progress lines and writes its figures to the
results file named in the plan. Latency is receipt time minus send time, both from CLOCK_MONOTONIC (the same clock
in every process on the machine); the send time travels in the message body, so nothing is looked up on receipt.

A message's body is `bench:<seq>:<sender>:<t0> <text>`. Only deliveries to members other than the sender count
(the wijk consumer also echoes a message to its sender's socket; that echo is skipped, like `ack` and `presence`).
"""

import asyncio
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

MARKER = "bench:"
TEXT = "Wie heeft er zaterdag een ladder te leen? Ik breng hem zondag terug, met een taart."
CONNECT_CONCURRENCY = 25  # daphne's listen backlog is 50; more handshakes at once only queue in the kernel
PROGRESS_SECONDS = 2.0
JOIN_LIMIT = 600.0  # seconds for the join storm (every socket's resume and presence) to calm down
HANDSHAKE_ATTEMPTS = 10
STALL_LIMIT = 45.0
PROBES = 2  # a second probe that reaches no more sockets than the first: the rest are not coming  # a probe that gained no receipt for this long is sent again
MONOTONIC = time.monotonic


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process, from /proc (children not included)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot: the whole machine, other people's work included."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


@dataclass
class Phase:
    name: str
    rate: float
    warmup: float
    window: float
    profile: bool = False
    # filled while it runs
    first_seq: int = 0
    last_seq: int = 0  # exclusive
    window_start: float = 0.0
    window_end: float = 0.0
    window_first_seq: int = 0
    window_last_seq: int = 0  # exclusive
    delivered_in_window: int = 0
    latencies: list[float] = field(default_factory=list)
    send_lag: list[float] = field(default_factory=list)  # how late each send left compared to its schedule
    errors: dict[str, int] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    drained: str = ""
    closed: bool = False  # after its drain: a delivery arriving later counts as lost, not as a latency
    lost: int = 0
    settled: str = ""


def summary(values: list[float], lost: int = 0) -> dict[str, float | None]:
    """Percentiles in seconds (nearest rank) over every delivery that was due: one that never arrived counts as
    infinitely late, so a percentile that falls among the lost ones is None ("lost" in the report)."""
    ordered = sorted(values)
    due = len(ordered) + lost
    if not due:
        return {"count": 0}

    def rank(share: float) -> float | None:
        index = min(due - 1, int(share * due))
        return ordered[index] if index < len(ordered) else None

    return {
        "count": len(ordered),
        "p50": rank(0.50),
        "p90": rank(0.90),
        "p99": rank(0.99),
        "max": rank(1.0) if not lost else None,
        "max_arrived": ordered[-1] if ordered else None,
    }


class Recorder:
    """Counts every delivery by message number. Hot path: one string search per frame, no JSON parsing."""

    def __init__(self, members: int):
        self.members = members
        self.receipts: list[int] = []  # per seq: deliveries to members other than the sender
        self.phase_of: list[Phase | None] = []
        self.in_window: list[bool] = []
        self.current: Phase | None = None
        self.delivered_total = 0
        self.other_frames: dict[str, int] = {}
        self.errors: dict[str, int] = {}
        self.last_delivery = MONOTONIC()
        self.first_other = ""  # the first frame that was not a chat message, for a failure message

    def new_seq(self, phase: Phase | None, in_window: bool) -> int:
        self.receipts.append(0)
        self.phase_of.append(phase)
        self.in_window.append(in_window)
        return len(self.receipts) - 1

    def on_frame(self, receiver: int, text: str) -> None:
        now = MONOTONIC()
        start = text.find(MARKER)
        if start < 0:
            self._other(text)
            return
        end = text.find(" ", start)
        seq_text, sender_text, sent_text = text[start + len(MARKER) : end].split(":")
        if int(sender_text) == receiver:
            return  # the sender's own copy
        seq = int(seq_text)
        self.receipts[seq] += 1
        self.delivered_total += 1
        self.last_delivery = now
        phase = self.current
        if phase is not None and phase.window_start <= now < phase.window_end:
            phase.delivered_in_window += 1
        if self.in_window[seq] and not self.phase_of[seq].closed:
            self.phase_of[seq].latencies.append(now - float(sent_text))

    def _other(self, text: str) -> None:
        kind = "?"
        if not self.first_other:
            self.first_other = text[:300]
        if text.startswith('{"type": "presence"'):
            kind = "presence"  # large at join time (everyone online); not worth parsing
        else:
            try:
                frame = json.loads(text)
                kind = str(frame.get("type"))
                if kind == "error":
                    code = str(frame.get("code"))
                    self.errors[code] = self.errors.get(code, 0) + 1
                    if self.current is not None:
                        self.current.errors[code] = self.current.errors.get(code, 0) + 1
            except ValueError:
                kind = "not json"
        self.other_frames[kind] = self.other_frames.get(kind, 0) + 1

    def missing(self, first: int, last: int) -> int:
        expected = self.members - 1
        return sum(max(0, expected - self.receipts[seq]) for seq in range(first, last))

    def duplicates(self, first: int, last: int) -> int:
        expected = self.members - 1
        return sum(max(0, self.receipts[seq] - expected) for seq in range(first, last))


class Clients:
    def __init__(self, plan: dict):
        self.plan = plan
        self.recorder = Recorder(len(plan["sessions"]))
        self.sockets: list[ClientConnection] = []
        self.readers: list[asyncio.Task] = []
        self.next_sender = 0
        self.handshake_failures = 0
        self.join_seconds = 0.0
        self.joined = 0  # sockets that received the last join probe (its sender included)
        self.label = plan["label"]

    def say(self, message: str) -> None:
        print(f"  [{self.label}] {message}", flush=True)

    async def open_one(self, gate: asyncio.Semaphore, session_key: str) -> ClientConnection:
        """One socket, retried like the chat page's script does when the handshake fails (daphne closes a socket
        that its application did not accept within --websocket_connect_timeout, 5 s by default)."""
        plan = self.plan
        host, port = plan["host"], plan["port"]
        for attempt in range(1, HANDSHAKE_ATTEMPTS + 1):
            try:
                async with gate:
                    return await connect(
                        f"ws://{host}:{port}/ws/",
                        host="127.0.0.1",  # *.localhost need not resolve; the Host header still names the wijk
                        port=port,
                        origin=f"http://{host}:{port}",
                        additional_headers={"Cookie": f"{plan['cookie_name']}={session_key}"},
                        compression=None,
                        ping_interval=None,
                        proxy=None,
                        open_timeout=120,
                        max_size=2**20,
                    )
            except (OSError, InvalidHandshake, TimeoutError):
                self.handshake_failures += 1
                if attempt == HANDSHAKE_ATTEMPTS:
                    raise
                await asyncio.sleep(attempt)
        raise AssertionError("unreachable")

    async def read(self, index: int, socket: ClientConnection) -> None:
        on_frame = self.recorder.on_frame
        try:
            async for text in socket:
                on_frame(index, text)
        except Exception as error:  # a closed socket ends its reader; the lost deliveries show in the figures
            self.recorder.other_frames[f"closed: {type(error).__name__}"] = (
                self.recorder.other_frames.get(f"closed: {type(error).__name__}", 0) + 1
            )

    async def join(self) -> None:
        """Open the sockets and subscribe them (`resume` from the room's newest message) a batch at a time, waiting for the presence frames
        of each batch to calm down; then send probes until one reaches every other member: only then is every
        socket in the room. A slow server gets as long as it keeps making progress."""
        started = MONOTONIC()
        sessions = self.plan["sessions"]
        batch = self.plan["join_batch"] or len(sessions)
        gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
        after = self.plan.get("resume_after", 0)
        resume = json.dumps({"type": "resume", "conversations": {str(self.plan["conversation"]): after}})
        for first in range(0, len(sessions), batch):
            opened = await asyncio.gather(*(self.open_one(gate, key) for key in sessions[first : first + batch]))
            for socket in opened:
                self.readers.append(asyncio.create_task(self.read(len(self.sockets), socket)))
                self.sockets.append(socket)
            await asyncio.gather(*(socket.send(resume) for socket in opened))
            await self.quiet(seconds=1.0, limit=JOIN_LIMIT)
            self.say(
                f"{len(self.sockets)} of {len(sessions)} sockets open and subscribed ({MONOTONIC() - started:.1f} s)"
            )
        others = len(self.sockets) - 1
        for attempt in range(1, PROBES + 1):
            seq = await self.send_one(None, in_window=False, note="probe")
            seen, progress_at = -1, MONOTONIC()
            while self.recorder.receipts[seq] < others and MONOTONIC() - progress_at < STALL_LIMIT:
                if self.recorder.receipts[seq] != seen:
                    seen, progress_at = self.recorder.receipts[seq], MONOTONIC()
                await asyncio.sleep(0.1)
            self.joined = self.recorder.receipts[seq] + 1
            if self.joined == len(self.sockets):
                break
            self.say(
                f"probe {attempt}: {self.recorder.receipts[seq]} of {others} received, none for {STALL_LIMIT:.0f} s"
            )
        if self.joined <= 1:
            raise SystemExit(
                f"[{self.label}] no socket receives messages; frames received: {self.recorder.other_frames}, "
                f"errors: {self.recorder.errors}, first frame: {self.recorder.first_other!r}"
            )
        self.join_seconds = MONOTONIC() - started
        if self.joined < len(self.sockets):
            self.say(
                f"WARNING: only {self.joined} of {len(self.sockets)} sockets receive messages; the server "
                "dropped the others from the room. Measuring anyway: their deliveries count as lost."
            )
        else:
            self.say(f"all {len(self.sockets)} in the room after {self.join_seconds:.1f} s ({attempt} probe(s))")
        await self.quiet(seconds=1.0, limit=JOIN_LIMIT)

    async def quiet(self, *, seconds: float, limit: float) -> bool:
        """Wait until no frame of any kind arrived for `seconds` (join storms, backlogs), at most `limit`."""
        deadline = MONOTONIC() + limit
        last_count = -1
        quiet_since = MONOTONIC()
        while MONOTONIC() < deadline:
            count = self.recorder.delivered_total + sum(self.recorder.other_frames.values())
            if count != last_count:
                last_count, quiet_since = count, MONOTONIC()
            elif MONOTONIC() - quiet_since >= seconds:
                return True
            await asyncio.sleep(0.1)
        return False

    async def send_one(self, phase: Phase | None, *, in_window: bool, note: str = "") -> int:
        sender = self.next_sender
        self.next_sender = (self.next_sender + 1) % len(self.sockets)
        seq = self.recorder.new_seq(phase, in_window)
        sent = MONOTONIC()
        frame = {
            "type": "send",
            "conversation": self.plan["conversation"],
            "clientId": f"{self.plan['client_id_prefix']}-{seq}",
            "body": f"{MARKER}{seq}:{sender}:{sent:.6f} {note or TEXT}",
        }
        try:
            await self.sockets[sender].send(json.dumps(frame))
        except (ConnectionClosed, OSError) as error:  # the server closed this socket; its deliveries count as lost
            code = f"send failed: {type(error).__name__}"
            self.recorder.errors[code] = self.recorder.errors.get(code, 0) + 1
            if phase is not None:
                phase.errors[code] = phase.errors.get(code, 0) + 1
        return seq

    async def run_phase(self, phase: Phase) -> None:
        recorder = self.recorder
        recorder.current = phase
        interval = 1.0 / phase.rate
        started = MONOTONIC()
        phase.window_start = started + phase.warmup
        phase.window_end = phase.window_start + phase.window
        phase.first_seq = len(recorder.receipts)
        phase.window_first_seq = phase.window_last_seq = -1
        sampler = asyncio.create_task(self.progress(phase))
        profiler = None
        cpu_before = None
        number = 0
        while True:
            due = started + number * interval
            if due >= phase.window_end:
                break
            in_window = due >= phase.window_start
            if in_window and cpu_before is None:
                cpu_before = self.cpu_sample()
                if phase.profile and self.plan.get("profile_out"):
                    profiler = self.start_profiler(phase)
            delay = due - MONOTONIC()
            if delay > 0:
                await asyncio.sleep(delay)
            if in_window:
                phase.send_lag.append(MONOTONIC() - due)
            seq = await self.send_one(phase, in_window=in_window)
            if in_window and phase.window_first_seq < 0:
                phase.window_first_seq = seq
            if in_window:
                phase.window_last_seq = seq + 1
            number += 1
        await asyncio.sleep(max(0.0, phase.window_end - MONOTONIC()))
        phase.cpu = self.cpu_usage(cpu_before, self.cpu_sample())
        phase.last_seq = len(recorder.receipts)
        expected = (phase.last_seq - phase.first_seq) * (len(self.sockets) - 1)
        drain_limit = self.plan["drain"]
        deadline = MONOTONIC() + drain_limit
        while MONOTONIC() < deadline:
            if recorder.missing(phase.first_seq, phase.last_seq) == 0:
                phase.drained = "all delivered"
                break
            if MONOTONIC() - recorder.last_delivery > self.plan["quiet"]:
                phase.drained = f"nothing arrived for {self.plan['quiet']:.0f} s"
                break
            await asyncio.sleep(0.1)
        else:
            phase.drained = f"still delivering after {drain_limit:.0f} s"
        sampler.cancel()
        if profiler is not None:
            try:
                profiler.wait(timeout=phase.window + 30)
            except subprocess.TimeoutExpired:
                profiler.terminate()
        missing = recorder.missing(phase.first_seq, phase.last_seq)
        self.say(f"{phase.name}: drained ({phase.drained}); {expected - missing:,} of {expected:,} deliveries arrived")
        recorder.current = None
        phase.closed = True
        phase.lost = recorder.missing(phase.window_first_seq, phase.window_last_seq)
        # Let a backlog clear before the next phase; a server that cannot is noted (the next phase starts loaded).
        settle = self.plan["settle"]
        calm = await self.quiet(seconds=self.plan["quiet"], limit=settle)
        phase.settled = "" if calm else f"deliveries still arriving {settle:.0f} s after the drain"

    async def progress(self, phase: Phase) -> None:
        recorder = self.recorder
        last_total, last_time = recorder.delivered_total, MONOTONIC()
        offered = phase.rate * (len(self.sockets) - 1)
        while True:
            await asyncio.sleep(PROGRESS_SECONDS)
            now = MONOTONIC()
            rate = (recorder.delivered_total - last_total) / (now - last_time)
            last_total, last_time = recorder.delivered_total, now
            part = "warm-up" if now < phase.window_start else "window" if now < phase.window_end else "drain"
            sent = len(recorder.receipts) - phase.first_seq
            behind = recorder.missing(phase.first_seq, len(recorder.receipts))
            self.say(
                f"{phase.name} {part} {now - phase.window_start + phase.warmup:5.1f} s: sent {sent:,}, "
                f"{rate:,.0f} deliveries/s (offered {offered:,.0f}), {behind:,} not yet delivered"
            )

    def cpu_sample(self) -> dict[str, float]:
        sample = {"time": MONOTONIC(), "client": cpu_seconds(os.getpid())}
        for name, pid in self.plan["server_pids"].items():
            sample[name] = cpu_seconds(pid)
        sample["machine_busy"], sample["machine_total"] = machine_ticks()
        return sample

    @staticmethod
    def cpu_usage(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
        """CPU per process in % of one core, and the machine's busy share in % of all cores."""
        elapsed = after["time"] - before["time"]
        usage = {
            name: 100 * (after[name] - before[name]) / elapsed
            for name in before
            if name not in ("time", "machine_busy", "machine_total")
        }
        total = after["machine_total"] - before["machine_total"]
        usage["machine"] = 100 * (after["machine_busy"] - before["machine_busy"]) / total if total else 0.0
        usage["load"] = os.getloadavg()[0]
        return usage

    def start_profiler(self, phase: Phase) -> subprocess.Popen | None:
        pid = self.plan["server_pids"].get("server")
        command = [
            self.plan["py_spy"],
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(round(phase.window)),
            "--rate",
            "100",
            "--nonblocking",
            "--format",
            "raw",
            "--threads",
            "--output",
            self.plan["profile_out"],
        ]
        self.say(f"py-spy records the server for {round(phase.window)} s")
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def results(self, phases: list[Phase]) -> dict:
        recorder = self.recorder
        out = []
        for phase in phases:
            first, last = phase.window_first_seq, phase.window_last_seq
            out.append(
                {
                    "name": phase.name,
                    "rate": phase.rate,
                    "window": phase.window,
                    "profile": phase.profile,
                    "messages": last - first,
                    "sent_per_second": (last - first) / phase.window,
                    "delivered_per_second": phase.delivered_in_window / phase.window,
                    "offered_per_second": phase.rate * (len(self.sockets) - 1),
                    "latency": summary(phase.latencies, phase.lost),
                    "lost": phase.lost,
                    "settled": phase.settled,
                    "duplicates": recorder.duplicates(first, last),
                    "send_lag_max": max(phase.send_lag, default=0.0),
                    "errors": phase.errors,
                    "cpu": phase.cpu,
                    "drained": phase.drained,
                }
            )
        return {
            "label": self.label,
            "phases": out,
            "other_frames": recorder.other_frames,
            "join_seconds": self.join_seconds,
            "handshake_failures": self.handshake_failures,
            "joined": self.joined,
        }

    def close(self) -> None:
        for reader in self.readers:
            reader.cancel()
        for socket in self.sockets:
            socket.transport.abort()  # no closing handshake: the server is stopped right after


async def run(plan: dict) -> None:
    clients = Clients(plan)
    await clients.join()
    phases = [Phase(**spec) for spec in plan["phases"]]
    for phase in phases:
        await clients.run_phase(phase)
    with open(plan["results"], "w") as out:
        json.dump(clients.results(phases), out)
    clients.close()


def main() -> int:
    with open(sys.argv[1]) as plan_file:
        plan = json.load(plan_file)
    asyncio.run(run(plan))
    return 0


if __name__ == "__main__":
    sys.exit(main())
