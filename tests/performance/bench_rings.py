"""Benchmark: finding multi-party swaps (meerhoeksruil) among 10,000 open listings.

Run: ./wijkmarkt bench rings [--listings 10000] [--members 5000] [--both 0.08,0.15,0.25] [--repeat 5] [--quick]

In a scratch database of its own (never the database in DATABASE_URL) it provisions one wijk per scenario and fills
it with the benchmark generator (tenants/demo/marketplace/bulk.py): `--listings` listings, all open or in
contact, from `--members` members. Scenarios differ only in the share of members who both ask and offer (`--both`):
the generator's default (8%) is what we call realistic; larger shares show how the number of rings, and the time,
grow when that assumption is wrong.

Measured per scenario, `--repeat` times, interleaved:
- find_rings:   tenants.marketplace.rings.find_rings(max_length=4, limit=50): the SQL, the member graph, every ring
                up to length 4 found and counted, the best 50 built with their listings and members. This is what
                a makelaar's page calls; the goal is under 1 s.
- SQL only:     the graph's listing query alone (rings.listing_rows(), every row fetched): the floor for any method
                that reads the listings; "find/SQL" is the ratio of medians.
- graph:        SQL plus building and trimming the member graph, no cycle search.
- involving:    find_rings(involving=member) for one member on a ring: the "rings with me" question.
- enumerate all: a plain depth-first enumeration over the same graph that builds every ring as a tuple (no
                counting shortcut, no reachability pruning), once per scenario. Its count must equal find_rings'
                count (checked); its time shows what "building each ring" would cost.
"""

import argparse
import statistics
import sys
import time

from scratch_database import require_scratch_database, scratch_database

GOAL_SECONDS = 1.0
# One wijk per scenario: the generator knows their streets.
SCENARIO_WIJKEN = ["centrum", "slachthuisbuurt", "parkwijk"]
ENUMERATE_MAX = 3_000_000  # beyond this many rings the plain enumeration is skipped (memory and minutes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=10_000, help="open listings per scenario")
    parser.add_argument("--members", type=int, default=5_000, help="members per scenario")
    parser.add_argument("--both", default="0.08,0.15,0.25", help="shares of members who ask and offer, comma separated")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="smoke run: 2,000 listings, 1,000 members, 3 runs")
    args = parser.parse_args()
    if args.quick:
        args.listings, args.members, args.repeat = 2_000, 1_000, 3
    shares = [float(s) for s in args.both.split(",") if s.strip()][: len(SCENARIO_WIJKEN)]

    with scratch_database("rings") as url:
        import django

        django.setup()
        require_scratch_database(url)
        from django.core.management import call_command

        print("Public schema", flush=True)
        call_command("migrate_schemas", verbosity=0)
        scenarios = [prepare(slug, share, args) for slug, share in zip(SCENARIO_WIJKEN, shares, strict=False)]
        measure(scenarios, repeat=args.repeat)
        for scenario in scenarios:
            enumerate_all(scenario)
        print_report(scenarios, args)
    return 0


def prepare(slug: str, share: float, args) -> dict:
    from django.db import connection
    from django_tenants.utils import tenant_context

    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import Wijk
    from wijkmarkt.tenants.demo.load import HOUSE_RULES, WIJKEN
    from wijkmarkt.tenants.demo.marketplace.bulk import generate_bulk

    provision_wijk(**next(spec for spec in WIJKEN if spec["slug"] == slug), house_rules=HOUSE_RULES)
    wijk = Wijk.objects.get(schema_name=slug)
    print(
        f"Scenario {share:.0%} ask and offer, in {wijk.name}: {args.listings:,} open listings, "
        f"{args.members:,} members",
        flush=True,
    )
    with tenant_context(wijk):
        generate_bulk(
            wijk=wijk,
            listings=args.listings,
            members=args.members,
            seed=args.seed,
            open_share=1.0,
            both=share,
            progress=lambda message: print(f"  {message}", flush=True),
        )
    connection.set_schema_to_public()
    return {"wijk": wijk, "share": share, "times": {}, "result": None}


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def measure(scenarios: list[dict], *, repeat: int) -> None:
    from django.db import connection
    from django_tenants.utils import tenant_context

    from wijkmarkt.tenants.marketplace import rings

    print(f"Timing: {repeat} runs of each measurement, interleaved", flush=True)
    for number in range(repeat + 1):  # run 0 warms caches and is not counted
        for scenario in scenarios:
            with tenant_context(scenario["wijk"]):
                steps = {
                    "find_rings": lambda: rings.find_rings(max_length=4, limit=50),
                    "SQL only": lambda: list(rings.listing_rows()),
                    "graph": rings._Graph.load,  # the finder's own part, timed on its own
                }
                for name, fn in steps.items():
                    seconds, result = timed(fn)
                    if number:
                        scenario["times"].setdefault(name, []).append(seconds)
                    if name == "find_rings":
                        scenario["result"] = result
                member = _member_on_a_ring(scenario["result"])
                if member is not None:
                    seconds, _rings = timed(lambda m=member: rings.find_rings(max_length=4, limit=50, involving=m))
                    if number:
                        scenario["times"].setdefault("involving", []).append(seconds)
        connection.set_schema_to_public()
        if number:
            print(f"  run {number}/{repeat}", flush=True)


def _member_on_a_ring(result):
    return result.rings[0].members[0] if result is not None and result.rings else None


def enumerate_all(scenario: dict) -> None:
    """Every ring of 3 or 4 members as a tuple, from its smallest member, by plain depth-first search."""
    from django_tenants.utils import tenant_context

    from wijkmarkt.tenants.marketplace import rings

    found = scenario["result"].found
    if found > ENUMERATE_MAX:
        scenario["enumerated"] = None
        return
    print(f"Enumerating all {found:,} rings of the {scenario['share']:.0%} scenario one by one", flush=True)
    with tenant_context(scenario["wijk"]):
        graph = rings._Graph.load()
    out = graph.out
    assert not graph.blocked_with, "the generator makes no blocks; the plain enumeration ignores them"

    def run() -> list[tuple[int, ...]]:
        cycles = []
        for start in sorted(out):
            for b in out[start]:
                if b <= start:
                    continue
                for c in out[b]:
                    if c <= start:
                        continue
                    if start in out[c]:
                        cycles.append((start, b, c))
                    for d in out[c]:
                        if d > start and d != b and start in out[d]:
                            cycles.append((start, b, c, d))
        return cycles

    seconds, cycles = timed(run)
    if len(cycles) != found:
        raise SystemExit(f"find_rings counted {found} rings, the plain enumeration {len(cycles)}")
    scenario["enumerated"] = seconds


def print_report(scenarios: list[dict], args) -> None:
    def ms(values: list[float]) -> str:
        return f"{min(values) * 1e3:6.0f} {statistics.median(values) * 1e3:6.0f} {max(values) * 1e3:6.0f}"

    print(
        f"\n=== Ring finding: {args.listings:,} open listings, {args.members:,} members, rings of 3 and 4 "
        f"(ms: min median max of {args.repeat} runs)\n"
    )
    print(
        f"{'ask+offer':>9} {'in graph':>8} {'edges':>8} {'rings of 3':>10} {'of 4':>10} "
        f"{'find_rings ms':>20} {'SQL only ms':>20} {'graph ms':>20} {'find/SQL':>8} {'involving':>9} "
        f"{'enumerate all':>13}"
    )
    for s in scenarios:
        t, r = s["times"], s["result"]
        ratio = statistics.median(t["find_rings"]) / statistics.median(t["SQL only"])
        involving = f"{statistics.median(t['involving']) * 1e3:7.0f}ms" if t.get("involving") else "      -"
        enumerated = f"{s['enumerated'] * 1e3:11.0f}ms" if s.get("enumerated") is not None else "    skipped"
        print(
            f"{s['share']:>9.0%} {r.members:>8,} {r.edges:>8,} {r.by_length.get(3, 0):>10,} "
            f"{r.by_length.get(4, 0):>10,} {ms(t['find_rings']):>20} {ms(t['SQL only']):>20} {ms(t['graph']):>20} "
            f"{ratio:>7.1f}x {involving:>9} {enumerated:>13}"
        )
    print("\nin graph: members left after trimming (those with an active request and an active offer, on some cycle);")
    print("edges: 'can help' pairs among them; rings are counted exactly (complete search in every run).")
    print("find/SQL: find_rings median / SQL-only median. involving: find_rings(involving=one member), median.")
    print(
        "enumerate all: plain DFS building every ring as a tuple, same graph, once (skipped above "
        f"{ENUMERATE_MAX:,} rings)."
    )
    base = scenarios[0]
    median = statistics.median(base["times"]["find_rings"])
    verdict = "met" if median < GOAL_SECONDS else "NOT met"
    print(
        f"\nGoal (all rings up to length 4 in under {GOAL_SECONDS:.0f} s, generator's default distribution, "
        f"{base['share']:.0%} ask and offer): median {median * 1e3:.0f} ms, {verdict}."
    )
    for s in scenarios[1:]:
        m = statistics.median(s["times"]["find_rings"])
        print(
            f"  with {s['share']:.0%} ask and offer: median {m * 1e3:.0f} ms "
            f"({'under' if m < GOAL_SECONDS else 'over'} {GOAL_SECONDS:.0f} s)"
        )


if __name__ == "__main__":
    sys.exit(main())
