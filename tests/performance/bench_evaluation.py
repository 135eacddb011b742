"""Benchmark: computing the coordinators' citywide evaluation dashboard for 4 wijken and for 100 wijken.

Run: ./wijkmarkt bench evaluation [--wijken 100] [--exchanges 4] [--repeat 20] [--quick]

What it measures, in a scratch database of its own (never the database in DATABASE_URL):

- --wijken small wijk schemas, provisioned through provision_wijk (a clone of the template, as the console does),
  each with two members and --exchanges requests answered through the marketplace actions (the last one agreed
  and done), so every figure group has rows to count in every schema;
- platform.console.evaluation.evaluate(...) over the whole period for the first 4 wijken and for all of them,
  --repeat times each, interleaved, every time on a warm connection (as a page request in a running server):
  p50 and p95 in milliseconds, the SQL statements per computation, and the ratio of 100 to 4.

How to read it: evaluate() runs one UNION ALL statement per figure group over all the schemas (5 groups, whatever
the number of wijken); the report splits the time per group. The ratio of 100 to 4 shows how the cost grows with the
number of wijken; a straight line would be 25x. The dashboard page adds only rendering to this.
"""

import argparse
import datetime as dt
import statistics
import sys
import time

from scratch_database import require_scratch_database, scratch_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wijken", type=int, default=100, help="wijk schemas in the large scenario")
    parser.add_argument("--exchanges", type=int, default=4, help="answered requests per wijk")
    parser.add_argument("--repeat", type=int, default=20, help="computations measured per scenario")
    parser.add_argument("--quick", action="store_true", help="smoke run: 10 wijken, 2 exchanges, 5 repeats")
    args = parser.parse_args()
    if args.quick:
        args.wijken, args.exchanges, args.repeat = 10, 2, 5
    with scratch_database("evaluation") as url:
        import django

        django.setup()
        require_scratch_database(url)
        result = measure(args)
    print_report(result, args)
    return 0


def step(message: str) -> None:
    print(message, flush=True)


def seed(count: int, exchanges: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django_tenants.utils import tenant_context

    from wijkmarkt.platform.accounts.actions import create_account
    from wijkmarkt.platform.wijken.actions import ensure_template_schema, provision_wijk
    from wijkmarkt.platform.wijken.models import WijkStatus
    from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, confirm_done, respond_to_listing
    from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
    from wijkmarkt.tenants.marketplace.models import Category
    from wijkmarkt.tenants.membership.actions.joining import join_wijk
    from wijkmarkt.tenants.membership.selectors import actor_for

    step("Public schema and template schema (migrations)")
    call_command("migrate_schemas", verbosity=0)
    ensure_template_schema()
    started = time.perf_counter()
    for number in range(1, count + 1):
        connection.close()  # a fresh connection per clone (tests/performance/bench_provisioning.py: why)
        wijk = provision_wijk(slug=f"wijk{number:04d}", name=f"Wijk {number:04d}", status=WijkStatus.PILOT).wijk
        asker = create_account(email=f"vraag{number}@bench.invalid", first_name="Vrager", password="bench-wachtwoord-1")
        helper = create_account(email=f"help{number}@bench.invalid", first_name="Helper", password="bench-wachtwoord-1")
        with tenant_context(wijk):
            asking = join_wijk(wijk=wijk, user=asker, accepted_house_rules=True)
            helping = join_wijk(wijk=wijk, user=helper, accepted_house_rules=True)
            category = Category.objects.order_by("pk").first().pk
            for index in range(exchanges):
                listing = publish_listing(
                    actor=actor_for(asker),
                    wijk=wijk,
                    owner=asking,
                    data=ListingInput(
                        kind="request",
                        title=f"Hulp nummer {index}",
                        description="Wie helpt even?",
                        category_id=category,
                    ),
                )
                exchange = respond_to_listing(
                    actor=actor_for(helper), member=helping, listing=listing, message="Ik kom."
                )
                if index == exchanges - 1:
                    for user in (asker, helper):
                        exchange = agree_exchange(
                            actor=actor_for(user), exchange=exchange, what="Klusje", agreed_for=None
                        )
                    for user in (asker, helper):
                        exchange = confirm_done(actor=actor_for(user), exchange=exchange)
        connection.set_schema_to_public()
        if number == count or number % 10 == 0:
            step(f"  {number}/{count} wijken with {exchanges} exchanges each ({time.perf_counter() - started:.1f} s)")


def measure(args) -> dict:
    from django.db import connection

    from wijkmarkt.platform.console.evaluation import evaluate, wijken_for_evaluation

    seed(args.wijken, args.exchanges)
    wijken = wijken_for_evaluation()
    today = dt.date.today()
    since = today - dt.timedelta(days=365)
    scenarios = {4: wijken[:4], len(wijken): wijken}
    timings: dict[int, list[float]] = {size: [] for size in scenarios}
    groups: dict[int, dict[str, list[float]]] = {size: {} for size in scenarios}
    statements: dict[int, int] = {}
    checks: dict[int, int] = {}
    connection.ensure_connection()
    evaluate(since=since, until=today, wijken=wijken)  # warm-up: plans and catalog caches, as a running server has
    step(f"Measuring {args.repeat} computations per scenario")
    for _round in range(args.repeat):
        for size, chosen in scenarios.items():  # interleaved, so drift on the shared server hits both alike
            started = time.perf_counter()
            result = evaluate(since=since, until=today, wijken=chosen)
            timings[size].append((time.perf_counter() - started) * 1000)
            statements[size] = result.statements
            checks[size] = result.citywide.exchanges
            for group, milliseconds in result.milliseconds.items():
                groups[size].setdefault(group, []).append(milliseconds)
    return {
        "timings": timings,
        "statements": statements,
        "exchanges_counted": checks,
        "groups": groups,
        "explained": explain_groups(wijken, since, today),
    }


def explain_groups(wijken, since, until) -> dict[str, tuple[float, float]]:
    """Planning and execution time (ms) of each figure group's statement over all wijken, from PostgreSQL's own
    EXPLAIN (ANALYZE, SUMMARY): where the time of a 100-branch UNION ALL goes."""
    import json

    from django.db import connection

    from wijkmarkt.platform.console.evaluation import figure_statements

    explained = {}
    with connection.cursor() as cursor:
        for sql, params, attributes in figure_statements([w.schema_name for w in wijken], since, until):
            cursor.execute("EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]
            explained[attributes[0]] = (plan["Planning Time"], plan["Execution Time"])
    return explained


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def print_report(result: dict, args) -> None:
    print(f"\nEvaluation dashboard, {args.exchanges} answered requests per wijk, {args.repeat} runs each")
    print(f"{'wijken':>7} {'p50 ms':>9} {'p95 ms':>9} {'min ms':>9} {'statements':>11} {'exchanges':>10}")
    p50 = {}
    for size, values in result["timings"].items():
        p50[size] = statistics.median(values)
        print(
            f"{size:>7} {p50[size]:>9.1f} {percentile(values, 0.95):>9.1f} {min(values):>9.1f} "
            f"{result['statements'][size]:>11} {result['exchanges_counted'][size]:>10}"
        )
    print("p50 ms per figure group (named after its first figure):")
    for size, per_group in result["groups"].items():
        print(f"{size:>7} " + ", ".join(f"{g} {statistics.median(v):.1f}" for g, v in per_group.items()))
    print(f"PostgreSQL's planning / execution ms per group at {max(p50)} wijken (EXPLAIN ANALYZE, one run):")
    for group, (planning, execution) in result["explained"].items():
        print(f"    {group}: {planning:.1f} / {execution:.1f}")
    sizes = sorted(p50)
    if len(sizes) == 2:
        small, large = sizes
        print(
            f"Ratio {large} to {small} wijken (p50): {p50[large] / p50[small]:.1f}x ({large / small:.0f}x the wijken)"
        )


if __name__ == "__main__":
    sys.exit(main())
