"""Benchmark: point-ledger transfers per second with 8 concurrent clients, against pgbench's TPC-B-like script on the
same PostgreSQL server, in the same run; then both again with half the transactions on one hot account.

Run: ./wijkmarkt bench ledger [--clients 8] [--seconds 10] [--accounts 1000] [--scale 8] [--quick]

What it measures, in a scratch database of its own (never the database in DATABASE_URL):

- ledger:   `book_gift(...)` from platform/ledger/actions.py, the action the page and GraphQL call (minus HTTP),
            each client a separate process with its own connection (separate processes, as daphne workers would be,
            so Python's GIL does not hold the clients back), random giver and recipient among --accounts members,
            a unique idempotency key per transfer. One transfer: open both accounts, insert the transfer with its key,
            two balance updates in account-id order, two entries, read the transfer back; one transaction.
- pgbench:  pgbench's built-in TPC-B-like script (3 updates, 1 select, 1 insert in one transaction) with the same
            number of clients, `-s --scale` (scale >= clients, so branches are not all one row), on the same server.
- hot:      the same two with half the transactions on one account: half the ledger gifts go to one member; a
            pgbench custom script that is TPC-B-like but sets aid = 1 for half the transactions.

Afterwards the ledger's invariant check (check_ledger) runs over everything the benchmark booked.

How to read it: tps is transactions per second over the measured window; p50/p95 are per-transaction latencies
(pgbench reports its average latency). The goal is a ledger/pgbench ratio of at least 0.5. The machine is shared
with other people's test runs: compare figures of one run, and repeat when the load changes."""

import argparse
import multiprocessing as mp
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scratch_database import _libpq_url, require_scratch_database, scratch_database

GOAL_RATIO = 0.5
HOT_SCRIPT = r"""\set aid random(1, 100000 * :scale)
\set bid random(1, 1 * :scale)
\set tid random(1, 10 * :scale)
\set delta random(-5000, 5000)
\set hot random(1, 2)
\if :hot = 1
\set aid 1
\endif
BEGIN;
UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
END;
"""


# The ledger's own transaction without Python: pgbench calls ledger_book (migration 0002) directly, with the same
# accounts and a unique key per call. It tells how much of the gap to TPC-B is the database and how much the client.
LEDGER_SQL_SCRIPT = r"""\set a random(:lo + 1, :hi)
\set k random(1, :hi - :lo - 1)
\set b :lo + 1 + (:a - :lo - 1 + :k) % (:hi - :lo)
\set h random(1, 2)
\if :hot = 1 and :h = 1
\set b :lo
\endif
SELECT id FROM public.ledger_book(gen_random_uuid()::text, 'gift', :a, :b, 1, :wijk, :wijk, NULL, NULL, 'website',
    NULL, '');
"""


def find_pgbench() -> str | None:
    """pgbench from the embedded server's bin directory (pgserver), else the system's."""
    try:
        import pgserver

        bundled = Path(pgserver.__file__).parent / "pginstall" / "bin" / "pgbench"
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    return shutil.which("pgbench")


def _setup_django():
    import django

    django.setup()


def prepare(accounts: int) -> None:
    """Public tables only (the ledger lives there), two wijken with points on, `accounts` members with points."""
    from django.core.management import call_command

    from wijkmarkt.platform.accounts.models import User
    from wijkmarkt.platform.ledger.actions import Booking, _book, member_account, wijk_account
    from wijkmarkt.platform.ledger.models import TransferKind, Via
    from wijkmarkt.platform.wijken.models import Wijk

    call_command("migrate_schemas", "--shared", verbosity=0)
    # Rows only: the ledger never reads a wijk's schema for a booked gift, so no schema is cloned.
    for slug in ("benchpark", "benchcentrum"):
        Wijk(schema_name=slug, name=slug.title(), status="pilot", points_enabled=True).save()
    User.objects.bulk_create(
        User(email=f"lid{n}@bench.example", first_name=f"Lid{n}", password="!") for n in range(accounts)
    )
    wijk = Wijk.objects.get(schema_name="benchpark")
    source = wijk_account(wijk)
    for user in User.objects.filter(email__endswith="@bench.example").order_by("pk"):
        _book(
            Booking(
                kind=TransferKind.EARNED,
                from_account=source,
                to_account=member_account(user),
                amount=10**9,
                wijk=wijk,
                via=Via.AUTOMATIC,
            ),
            f"seed:{user.pk}",
        )


def ledger_client(index: int, scenario: str, seconds: float, barrier, results) -> None:
    """One client process: book gifts until the window closes; report (count, latencies, errors)."""
    _setup_django()
    from django.core.exceptions import ValidationError
    from django.db import connection

    from wijkmarkt.platform.accounts.models import User
    from wijkmarkt.platform.ledger.actions import book_gift
    from wijkmarkt.platform.ledger.models import Via
    from wijkmarkt.platform.wijken.models import Wijk

    users = list(User.objects.filter(email__endswith="@bench.example").order_by("pk"))
    wijken = list(Wijk.objects.filter(schema_name__in=["benchpark", "benchcentrum"]))
    hot = users[0]
    rng = random.Random(index)
    connection.ensure_connection()
    latencies, errors, n = [], 0, 0
    barrier.wait()
    cpu = time.process_time()
    end = time.perf_counter() + seconds
    while (start := time.perf_counter()) < end:
        giver, recipient = rng.sample(users[1:], 2)
        if scenario == "hot" and rng.random() < 0.5:
            recipient = hot
        try:
            book_gift(
                giver=giver,
                recipient=recipient,
                from_wijk=rng.choice(wijken),
                to_wijk=rng.choice(wijken),
                amount=1,
                key=f"{scenario}:{index}:{n}",
                booked_by=giver,
                via=Via.WEBSITE,
            )
        except ValidationError:
            errors += 1
        latencies.append(time.perf_counter() - start)
        n += 1
    results.put((index, len(latencies), latencies, errors, time.process_time() - cpu))
    connection.close()


def ledger_sql_variables(hot: bool) -> list[tuple[str, int]]:
    """Member account ids lo..hi (lo is the hot one) and a wijk id, for LEDGER_SQL_SCRIPT."""
    from wijkmarkt.platform.ledger.models import Account, AccountKind
    from wijkmarkt.platform.wijken.models import Wijk

    ids = Account.objects.filter(kind=AccountKind.MEMBER).order_by("pk").values_list("pk", flat=True)
    return [
        ("lo", ids.first()),
        ("hi", ids.last()),
        ("hot", 1 if hot else 0),
        ("wijk", Wijk.objects.get(schema_name="benchpark").pk),
    ]


def run_ledger(clients: int, seconds: float, scenario: str) -> dict:
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(clients + 1), ctx.Queue()
    procs = [ctx.Process(target=ledger_client, args=(i, scenario, seconds, barrier, results)) for i in range(clients)]
    for proc in procs:
        proc.start()
    barrier.wait()  # every client is set up and connected: the window starts now
    began = time.perf_counter()
    got = [results.get() for _ in procs]
    wall = time.perf_counter() - began
    for proc in procs:
        proc.join()
    latencies = sorted(lat for _i, _n, lats, _e, _c in got for lat in lats)
    count = sum(n for _i, n, _l, _e, _c in got)
    return {
        "tps": count / max(wall, seconds),
        "count": count,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "errors": sum(e for _i, _n, _l, e, _c in got),
        "client_cpu_ms": 1000 * sum(c for *_rest, c in got) / max(count, 1),
    }


def run_pgbench(pgbench: str, url: str, clients: int, seconds: int, script: str | None, variables=()) -> dict:
    args = [pgbench, "-n", "-c", str(clients), "-j", str(min(clients, os.cpu_count() or 2)), "-T", str(seconds)]
    args += [f"-D{name}={value}" for name, value in variables]
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as handle:
        if script:
            handle.write(script)
    try:
        args += ["-f", handle.name] if script else ["-b", "tpcb-like"]
        out = subprocess.run([*args, _libpq_url(url)], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(handle.name)
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    latency = re.search(r"latency average = ([\d.]+) ms", out)
    return {"tps": tps, "avg_ms": float(latency.group(1)) if latency else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10, help="measured window per scenario")
    parser.add_argument("--accounts", type=int, default=1000, help="members with points")
    parser.add_argument("--scale", type=int, default=8, help="pgbench scale factor (branches)")
    parser.add_argument("--quick", action="store_true", help="3 s windows, 200 accounts")
    options = parser.parse_args()
    if options.quick:
        options.seconds, options.accounts = 3, 200

    pgbench = find_pgbench()
    with scratch_database("ledger") as url:
        _setup_django()
        require_scratch_database(url)
        t0 = time.perf_counter()
        prepare(options.accounts)
        print(f"Set-up: {options.accounts} members with points in {time.perf_counter() - t0:.1f} s", flush=True)
        if pgbench:
            subprocess.run(
                [pgbench, "-i", "-q", "-s", str(options.scale), _libpq_url(url)], check=True, capture_output=True
            )
            print(f"pgbench: {pgbench} (scale {options.scale})", flush=True)
        else:
            print("pgbench not found (neither in pgserver's bin directory nor on PATH): no baseline.", flush=True)

        rows = []
        for scenario in ("uniform", "hot"):
            ledger = run_ledger(options.clients, options.seconds, scenario)
            print(
                f"ledger  {scenario:8} {ledger['tps']:8.0f} tps  p50 {ledger['p50_ms']:.1f} ms  "
                f"p95 {ledger['p95_ms']:.1f} ms  ({ledger['count']} transfers, {ledger['errors']} refused, "
                f"{ledger['client_cpu_ms']:.1f} ms Python CPU per transfer)",
                flush=True,
            )
            base = (
                run_pgbench(pgbench, url, options.clients, options.seconds, HOT_SCRIPT if scenario == "hot" else None)
                if pgbench
                else None
            )
            if base:
                print(f"pgbench {scenario:8} {base['tps']:8.0f} tps  avg {base['avg_ms']:.1f} ms", flush=True)
            sql_only = None
            if pgbench:
                sql_only = run_pgbench(
                    pgbench,
                    url,
                    options.clients,
                    options.seconds,
                    LEDGER_SQL_SCRIPT,
                    ledger_sql_variables(scenario == "hot"),
                )
                print(
                    f"ledger_book via pgbench {scenario:8} {sql_only['tps']:8.0f} tps  avg {sql_only['avg_ms']:.1f} ms",
                    flush=True,
                )
            rows.append((scenario, ledger, base, sql_only))

        from django.core.management import call_command

        call_command("check_ledger")

    print(
        f"\n| scenario ({options.clients} clients, {options.seconds} s) | ledger tps | p50 ms | p95 ms | "
        "pgbench TPC-B-like tps | ratio | goal | ledger_book via pgbench tps |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for scenario, ledger, base, sql_only in rows:
        label = "uniform" if scenario == "uniform" else "half on one hot account"
        ratio = ledger["tps"] / base["tps"] if base else None
        goal = "-" if ratio is None else ("met" if ratio >= GOAL_RATIO else "missed")
        measured = f"| {label} | {ledger['tps']:.0f} | {ledger['p50_ms']:.1f} | {ledger['p95_ms']:.1f} | "
        baseline = f"{base['tps']:.0f} | {ratio:.2f}x | {goal} | {sql_only['tps']:.0f} |" if base else "- | - | - | - |"
        print(measured + baseline)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
