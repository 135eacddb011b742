"""Benchmark: live chat on one daphne process, 500 sockets in one buurtkamer, against a bare websockets server.

Run: ./wijkmarkt bench chat [--quick] [--members 500] [--rates 5,20,50] [--window 10] [--flood-rate 200]

In a scratch database of its own (never the database in DATABASE_URL) it provisions one wijk, 500 members with a
logged-in session each, and the wijk's buurtkamer. Then, for each set-up in turn, it starts the server as a
subprocess on a free port, and a client process (chat_clients.py: asyncio and `websockets`, no Django) that opens
500 sockets to ws://<wijk>.localhost:PORT/ws/ with the session cookie and a same-host Origin, joins the buurtkamer
(`resume`), and then, per phase, sends `send` frames at a steady rate into the room, round-robin over the members:

- baseline: chat_baseline_server.py, a bare `websockets` server that writes every message to every other socket;
- daphne, in-memory layer: `daphne wijkmarkt.platform.config.asgi:application` as ./wijkmarkt run starts it,
  without REDIS_URL, so channels' InMemoryChannelLayer and the local-memory cache;
- daphne, Redis layer: the same with REDIS_URL (channels-redis and the Redis cache), only when REDIS_URL is set.

Each phase: a warm-up, then a measuring window; latency is receipt minus send time of every delivery of a message
sent in the window to every member but its sender; deliveries/s counts what arrived during the window; then it
waits until everything arrived (or nothing arrived for a while) and counts what never came as lost. The last phase,
"flood", offers far more than any set-up delivers: its deliveries/s is the set-up's capacity. With py-spy installed
in .venv (`.venv/bin/pip install py-spy`; not a dependency) py-spy records daphne during the window of the phase at
the profile rate (non-blocking sampling, so it barely slows the server) and chat_profile.py summarises it.

How to read it: one row per set-up and phase with p50/p99/max latency in ms, deliveries/s achieved vs offered, lost
and duplicated deliveries, and the CPU of the server and the client process (in % of one core) and of the whole
machine (in % of all cores: other people's work counts too). Then daphne / baseline ratios and the goals: p99 under
100 ms at 20 messages/s (10,000 deliveries/s) and at least 0.2x the baseline's deliveries/s. No timing is asserted.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scratch_database import require_scratch_database, scratch_database

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
GOAL_P99_MS = 100.0
GOAL_RATE = 20
GOAL_RATIO = 0.2
ASGI_APPLICATION = "wijkmarkt.platform.config.asgi:application"


class Children:
    """Every subprocess this benchmark starts, stopped on exit, on an error and on Ctrl-C."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "w")  # noqa: SIM115 - closed with the process in stop()
        process = subprocess.Popen(command, env=env, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)
        process.log = log
        self.running[name] = process
        return process

    def log_tail(self, name: str, lines: int = 30) -> str:
        text = (self.log_dir / f"{name}.log").read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self, name: str) -> None:
        process = self.running.pop(name, None)
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        process.log.close()

    def stop_all(self) -> None:
        for name in list(self.running):
            self.stop(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=500, help="sockets (one member each) in the room")
    parser.add_argument("--rates", default="5,20,50", help="messages per second into the room, one phase each")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of sending before each window")
    parser.add_argument("--window", type=float, default=10.0, help="measured seconds per phase")
    parser.add_argument("--drain", type=float, default=20.0, help="at most this long to wait for late deliveries")
    parser.add_argument("--settle", type=float, default=60.0, help="at most this long for a backlog to clear")
    parser.add_argument("--flood-rate", type=float, default=200.0, help="the capacity phase's rate (0: none)")
    parser.add_argument("--profile-rate", type=float, default=GOAL_RATE, help="the phase py-spy records")
    parser.add_argument("--no-profile", action="store_true", help="no py-spy recording")
    parser.add_argument("--setups", default="baseline,memory,redis", help="which set-ups (redis needs REDIS_URL)")
    parser.add_argument("--join-batch", type=int, default=50, help="sockets joining at once (0: all at once)")
    parser.add_argument("--asgi", default=ASGI_APPLICATION, help="the application daphne serves (a what-if)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 s warm-up, 4 s windows")
    parser.add_argument("--report-from", metavar="DIR", help="print the report of an earlier run's folder again")
    args = parser.parse_args()
    if args.quick:
        args.warmup, args.window, args.drain, args.settle = 1.0, 4.0, 10.0, 20.0
    args.rate_list = [float(rate) for rate in args.rates.split(",") if rate.strip()]
    if args.report_from:
        # Same arguments as that run (the rates, window and so on label the report); no database, no servers.
        print_report(args, load_results(Path(args.report_from)), redis_url="", log_dir=Path(args.report_from))
        return 0
    # The Redis set-up is for daphne only: this process (set-up, sessions) and the in-memory run must not use it.
    redis_url = os.environ.pop("REDIS_URL", "")
    started = time.monotonic()
    log_dir = Path(tempfile.mkdtemp(prefix="bench_chat_"))
    children = Children(log_dir)
    with scratch_database("chat") as url:
        try:
            import django

            django.setup()
            require_scratch_database(url)
            room = prepare(args.members)
            check_rate_limit(args)
            results = run_all(args, room, children, log_dir, database_url=url, redis_url=redis_url)
            print_report(args, results, redis_url=redis_url, log_dir=log_dir)
        finally:
            children.stop_all()
            if redis_url:
                forget_redis_keys(redis_url, room_slug())
    print(f"Done in {time.monotonic() - started:.0f} s. Logs and profiles: {log_dir}")
    return 0


def room_slug() -> str:
    """A wijk of this run alone: its schema starts every group, presence and cache key, so a shared Redis keeps
    another run's (or the test suite's) keys apart."""
    return f"chatbench{os.getpid()}"


def prepare(members: int) -> dict:
    from datetime import timedelta
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from django.utils.crypto import get_random_string
    from django_tenants.utils import tenant_context

    from wijkmarkt.platform.accounts.models import Role, User
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
    from wijkmarkt.tenants.chat.actions import buurtkamer
    from wijkmarkt.tenants.membership.models import Membership

    slug = room_slug()
    print(f"Public schema, template and wijk {slug}", flush=True)
    call_command("migrate_schemas", verbosity=0)
    provision_wijk(slug=slug, name="Chatbank", status=WijkStatus.PILOT, house_rules="Wees aardig voor elkaar.")
    wijk = Wijk.objects.get(schema_name=slug)
    print(f"{members} members, each logged in (a session in the database)", flush=True)
    unusable = make_password(None)  # nobody logs in with a password; the session is made directly
    users = User.objects.bulk_create(
        User(email=f"buur{n}@{slug}.example", first_name=f"Buur{n}", password=unusable) for n in range(members)
    )
    now = timezone.now()
    with tenant_context(wijk):
        Membership.objects.bulk_create(
            Membership(user=user, role=Role.RESIDENT, accepted_house_rules_at=now) for user in users
        )
        conversation_id = buurtkamer().pk
    connection.set_schema_to_public()
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    sessions = []
    for user in users:
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        sessions.append(Session(session_key=key, session_data=store.encode(data), expire_date=now + timedelta(days=1)))
    Session.objects.bulk_create(sessions)
    return {
        "host": f"{slug}.{settings.WIJKMARKT_BASE_DOMAIN}",
        "conversation": conversation_id,
        "schema": slug,
        "cookie_name": settings.SESSION_COOKIE_NAME,
        "sessions": [session.session_key for session in sessions],
    }


def check_rate_limit(args) -> None:
    """The chat's per-member limit (CHAT_MESSAGES_PER_MINUTE) must stay out of the way. Senders take turns, so
    over all phases of one set-up together (a few minutes) each member sends this many messages: if even that fits
    in the limit, no minute can exceed it. Refused sends would show as rate_limited errors in the table."""
    from wijkmarkt.tenants.chat.actions import RATE_LIMIT

    extra = 0 if args.no_profile or args.profile_rate in args.rate_list else args.profile_rate
    rates = [*args.rate_list, args.flood_rate, extra]
    per_member = sum(rates) * (args.warmup + args.window) / args.members + 5  # + the join probes
    verdict = "fine" if per_member <= RATE_LIMIT else "TOO MANY: expect rate_limited errors"
    print(
        f"Rate limit: each member sends at most {per_member:.1f} messages in all phases together "
        f"(limit {RATE_LIMIT} a minute): {verdict}"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_listening(children: Children, name: str, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    process = children.running[name]
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} stopped with exit code {process.returncode}:\n{children.log_tail(name)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{name} did not listen on port {port} within {timeout:.0f} s:\n{children.log_tail(name)}")


def newest_message(room: dict) -> int:
    from django.db import connection
    from django_tenants.utils import schema_context

    from wijkmarkt.tenants.chat.models import ChatMessage

    with schema_context(room["schema"]):
        newest = ChatMessage.objects.filter(conversation_id=room["conversation"]).order_by("-id").first()
    connection.set_schema_to_public()
    return newest.pk if newest else 0


def daphne_env(database_url: str, redis_url: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false", "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def run_all(args, room: dict, children: Children, log_dir: Path, *, database_url: str, redis_url: str) -> dict:
    py_spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    profile = py_spy is not None and not args.no_profile
    if not profile and not args.no_profile:
        print("py-spy is not installed: no profile (.venv/bin/pip install py-spy, not a project dependency)")
    wanted = {name.strip() for name in args.setups.split(",")}
    setups = [("baseline", "baseline", None)] if "baseline" in wanted else []
    if "memory" in wanted:
        setups.append(("daphne-memory", "daphne, in-memory layer", daphne_env(database_url, "")))
    if "redis" in wanted and redis_url:
        setups.append(("daphne-redis", "daphne, Redis layer", daphne_env(database_url, redis_url)))
    elif "redis" in wanted:
        print("REDIS_URL is not set: no Redis set-up (set it to measure channels-redis too)")
    for key, label, env in setups:
        port = free_port()
        if env is None:
            command = [sys.executable, str(HERE / "chat_baseline_server.py"), "--port", str(port)]
        else:
            command = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), args.asgi]
        print(f"\n=== {label}: starting on port {port}", flush=True)
        server = children.start(key, command, env)
        wait_listening(children, key, port)
        phases = [phase_spec(f"{rate:g} msg/s", rate, args) for rate in args.rate_list]
        profile_out = ""
        if profile and env is not None:
            # py-spy (non-blocking) records the measured phase at the profile rate; an extra phase only when no
            # measured phase has that rate. Not a phase of its own first: an overloaded server is in another
            # state after it, and the measured phases would show that state instead of their own.
            match = next((phase for phase in phases if phase["rate"] == args.profile_rate), None)
            if match is not None:
                match["profile"] = True
            else:
                phases.append(phase_spec(f"profile {args.profile_rate:g} msg/s", args.profile_rate, args, profile=True))
            profile_out = str(log_dir / f"profile-{key}.txt")
        if args.flood_rate > 0:
            phases.append(phase_spec(f"flood {args.flood_rate:g} msg/s", args.flood_rate, args))
        plan = {
            **room,
            # Every set-up shares the room: its sockets join from the newest message, as an open chat page does,
            # not from the start of the previous set-ups' history.
            "resume_after": newest_message(room),
            "label": label,
            "port": port,
            "client_id_prefix": key,  # a client id is unique per author; every set-up uses fresh ones
            "phases": phases,
            "drain": args.drain,
            "join_batch": args.join_batch,
            "settle": args.settle,
            "quiet": 3.0,
            "server_pids": {"server": server.pid},
            "py_spy": py_spy,
            "profile_out": profile_out,
            "results": str(log_dir / f"results-{key}.json"),
        }
        plan_path = log_dir / f"plan-{key}.json"
        plan_path.write_text(json.dumps(plan))
        client = subprocess.run([sys.executable, str(HERE / "chat_clients.py"), str(plan_path)], cwd=HERE)
        if client.returncode != 0:
            # One set-up that cannot be measured (a server that never delivers, say) must not cost the others.
            print(
                f"The clients of {label} failed (exit {client.returncode}); last lines of the server log:\n"
                f"{children.log_tail(key, lines=15)}",
                flush=True,
            )
        children.stop(key)
        meta = {"label": label, "profile": profile_out, "code": code_state(), "asgi": args.asgi}
        Path(log_dir / f"meta-{key}.json").write_text(json.dumps(meta))
    return load_results(log_dir)


def load_results(log_dir: Path) -> dict:
    """Every set-up's figures from the run's folder, in the order they ran; a failed set-up has only a label."""
    results = {}
    for key in ("baseline", "daphne-memory", "daphne-redis"):
        meta_path, result_path = log_dir / f"meta-{key}.json", log_dir / f"results-{key}.json"
        if not meta_path.exists():
            continue
        results[key] = {**json.loads(meta_path.read_text()), "failed": not result_path.exists()}
        if result_path.exists():
            results[key].update(json.loads(result_path.read_text()))
    return results


def phase_spec(name: str, rate: float, args, *, profile: bool = False) -> dict:
    return {"name": name, "rate": rate, "warmup": args.warmup, "window": args.window, "profile": profile}


def forget_redis_keys(redis_url: str, slug: str) -> None:
    """Group, presence, rate-limit and host keys of this run's wijk: every one of them names its schema."""
    import redis

    try:
        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(match=f"*{slug}*", count=1000))
        if keys:
            client.delete(*keys)
        print(f"Redis: {len(keys)} keys of {slug} deleted")
    except redis.RedisError as error:
        print(f"(Redis clean-up: {error})")


def ms(seconds: float | None) -> str:
    """Milliseconds; None means the percentile falls among deliveries that never arrived."""
    return "lost" if seconds is None else f"{seconds * 1000:,.1f}"


def print_report(args, results: dict, *, redis_url: str, log_dir: Path) -> None:
    members = args.members
    failed = [result["label"] for result in results.values() if result["failed"]]
    results = {key: result for key, result in results.items() if not result["failed"]}
    print(
        f"\n=== {members} sockets in one buurtkamer, one server process "
        f"(window {args.window:g} s after {args.warmup:g} s warm-up)\n"
    )
    header = (
        f"{'set-up':<26} {'phase':<16} {'sent/s':>7} {'offered/s':>10} {'delivered/s':>12} {'p50 ms':>9} "
        f"{'p99 ms':>9} {'max ms':>9} {'lost':>8} {'dup':>5} {'server':>7} {'client':>7} {'machine':>8} "
        f"{'load':>5}  errors"
    )
    for result in results.values():
        print(
            f"{result['label']}: code {result.get('code', '?')}"
            + (f", serving {result['asgi']}" if result.get("asgi") and result["label"] != "baseline" else "")
        )
    conn_max_age = os.environ.get("CONN_MAX_AGE", "0 (the default: a new database connection per in_wijk call)")
    print(f"daphne: DEBUG off, CONN_MAX_AGE={conn_max_age}; sockets joined {args.join_batch or 'all'} at a time.\n")
    print(header)
    for result in results.values():
        for phase in result["phases"]:
            if phase["profile"] and phase["name"].startswith("profile"):
                continue
            latency, cpu = phase["latency"], phase["cpu"]
            errors = ", ".join(f"{code} {count}" for code, count in phase["errors"].items()) or "-"
            print(
                f"{result['label']:<26} {phase['name'] + (' *' if phase['profile'] else ''):<16} "
                f"{phase['sent_per_second']:>7.1f} "
                f"{phase['offered_per_second']:>10,.0f} {phase['delivered_per_second']:>12,.0f} "
                f"{ms(latency.get('p50')):>9} {ms(latency.get('p99')):>9} {ms(latency.get('max_arrived')):>9} "
                f"{phase['lost']:>8,} {phase['duplicates']:>5,} {cpu.get('server', 0):>6.0f}% "
                f"{cpu.get('client', 0):>6.0f}% {cpu.get('machine', 0):>7.0f}% {cpu.get('load', 0):>5.1f}  {errors}"
            )
    print(f"""
sent/s: messages into the room; offered/s: sent x (members - 1); delivered/s: deliveries (of any message) that
arrived during the window. p50/p99/max: send -> receipt by each other member, of the messages sent in the window;
"lost" when the percentile falls among the lost ones. lost: deliveries of those messages that had not arrived
{args.drain:g} s after the window (the drain). dup: deliveries that came twice. server/client: CPU of that process
in % of one core; machine: all cores, everyone's work; load: 1-minute load average.
A phase whose delivered/s stays below offered/s is over the set-up's capacity: its latency grows with the window.
*: py-spy recorded the server during this window (non-blocking sampling).""")
    print()
    for result in results.values():
        failures = result["handshake_failures"]
        joined = result["joined"]
        print(
            f"{result['label']}: {members} sockets open after {result['join_seconds']:.1f} s, "
            + (
                "all in the room"
                if joined == members
                else f"ONLY {joined} RECEIVE MESSAGES (the server dropped the others from the room)"
            )
            + (f"; {failures} handshakes failed and were retried" if failures else "")
        )
    for result in results.values():
        for phase in result["phases"]:
            if phase["drained"] and phase["drained"] != "all delivered":
                print(f"  {result['label']}, {phase['name']}: drain ended with {phase['drained']}")
            if phase["settled"]:
                print(f"  {result['label']}, after {phase['name']}: {phase['settled']} (the next phase started loaded)")
    for label in failed:
        print(f"{label}: NOT MEASURED, its clients failed (see the progress lines and the server log)")
    print_ratios(args, results)
    print_goals(args, results, redis_url=redis_url)
    print_profiles(args, results)
    frames = {key: result["other_frames"] for key, result in results.items()}
    print(f"\nOther frames received (all phases): {json.dumps(frames)}")
    print(f"Server logs, plans and raw profiles: {log_dir}")


def code_state() -> str:
    """Which consumer was measured: the commit, and uncommitted changes in the code the socket path runs."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "realtime", "tenants/chat", "platform"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "(git not available)"
    files = [line[3:] for line in changed if line.strip()]
    return f"commit {commit}" + (f", uncommitted changes in {', '.join(files)}" if files else ", no local changes")


def phase_named(result: dict, name: str) -> dict | None:
    return next((phase for phase in result["phases"] if phase["name"] == name), None)


def print_ratios(args, results: dict) -> None:
    baseline = results.get("baseline")
    if baseline is None:
        return
    print("\n=== daphne / baseline, same phase\n")
    print(f"{'set-up':<26} {'phase':<16} {'deliveries/s':>13} {'p50':>8} {'p99':>8}")
    names = [f"{rate:g} msg/s" for rate in args.rate_list]
    if args.flood_rate > 0:
        names.append(f"flood {args.flood_rate:g} msg/s")
    for key, result in results.items():
        if key == "baseline":
            continue
        for name in names:
            ours, base = phase_named(result, name), phase_named(baseline, name)
            if not ours or not base:
                continue

            def ratio(a, b):
                return f"{a / b:.2f}x" if a is not None and b else "-"

            print(
                f"{result['label']:<26} {name:<16} "
                f"{ratio(ours['delivered_per_second'], base['delivered_per_second']):>13} "
                f"{ratio(ours['latency'].get('p50'), base['latency'].get('p50')):>8} "
                f"{ratio(ours['latency'].get('p99'), base['latency'].get('p99')):>8}"
            )
    print(
        "deliveries/s: higher is better (goal >= 0.2x at capacity, i.e. in the flood phase); latency: lower is better."
    )


def print_goals(args, results: dict, *, redis_url: str) -> None:
    print("\n=== Goals (issue 5)\n")
    baseline = results.get("baseline")
    for key, result in results.items():
        if key == "baseline":
            continue
        at_goal = phase_named(result, f"{GOAL_RATE:g} msg/s")
        if at_goal is not None:
            p99 = at_goal["latency"].get("p99")
            met = p99 is not None and p99 * 1000 < GOAL_P99_MS and at_goal["lost"] == 0
            print(
                f"{result['label']:<26} p99 at {GOAL_RATE} msg/s: {ms(p99)} ms, lost {at_goal['lost']:,} "
                f"(goal < {GOAL_P99_MS:g} ms, none lost: {'met' if met else 'NOT met'})"
            )
        flood_name = f"flood {args.flood_rate:g} msg/s"
        ours = phase_named(result, flood_name)
        base = phase_named(baseline, flood_name) if baseline else None
        if ours and base and base["delivered_per_second"]:
            ratio = ours["delivered_per_second"] / base["delivered_per_second"]
            print(
                f"{'':<26} capacity {ours['delivered_per_second']:,.0f} vs baseline "
                f"{base['delivered_per_second']:,.0f} deliveries/s: {ratio:.2f}x "
                f"(goal >= {GOAL_RATIO}x: {'met' if ratio >= GOAL_RATIO else 'NOT met'})"
            )
    if baseline:
        flood = phase_named(baseline, f"flood {args.flood_rate:g} msg/s")
        if flood and flood["cpu"].get("client", 0) > 85:
            print(
                f"Note: the client process used {flood['cpu']['client']:.0f}% of a core in the baseline's flood: "
                "the baseline's capacity is then the clients' limit, so the ratio flatters daphne."
            )
    if "daphne-redis" not in results:
        print("Redis layer: not measured (REDIS_URL not set, or its set-up failed).")


def print_profiles(args, results: dict) -> None:
    from chat_profile import report

    for result in results.values():
        path = result.get("profile")
        if not path:
            continue
        print(f"\n=== Profile of {result['label']}, {args.profile_rate:g} msg/s (py-spy --nonblocking)\n")
        if not Path(path).exists():
            print(f"(py-spy wrote no profile to {path})")
            continue
        phase = next((phase for phase in result["phases"] if phase["profile"]), None)
        if phase:
            latency = phase["latency"]
            print(
                f"That phase, while recorded: {phase['delivered_per_second']:,.0f} deliveries/s of "
                f"{phase['offered_per_second']:,.0f} offered, p99 {ms(latency.get('p99'))} ms, "
                f"server CPU {phase['cpu'].get('server', 0):.0f}%\n"
            )
        print("\n".join(report(path, seconds=round(args.window))))


if __name__ == "__main__":
    sys.exit(main())
