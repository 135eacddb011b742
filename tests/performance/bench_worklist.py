"""Benchmark: the makelaar's worklist with 5,000 cases, through GraphQL, at page sizes 10, 50 and 200.

Run: ./wijkmarkt bench worklist [--cases 5000] [--residents 1500] [--requests 200] [--warmup 20] [--quick]

In a scratch database of its own (never the database in DATABASE_URL) it provisions Parkwijk, one makelaar and
`--residents` residents, and `--cases` cases spread like a real caseload: follow-up dates from 60 days ago to 60 days
ahead (a tenth without a date), a quarter waiting for a partner, a fifth closed. Residents and cases are inserted in
bulk (the rows the actions write, without 5,000 separate transactions): the benchmark is about reading.

Measured per page size, `--requests` times each, interleaved so drift hits every row alike:
- GraphQL server: POST /graphql on parkwijk.localhost through django.test.Client, logged in as the makelaar, with
  `worklist(first: N) { edges { node { caseId followUpOn overdue dueToday status makelaarFirstName
  resident { firstName street } } } }`. Time inside Django's handler (first middleware to response), so the test
  client's own work is left out.
- GraphQL, overdue only: the same with `due: OVERDUE` (a filtered worklist).
- ORM baseline: the same page straight from the selector (tenants.makelaar.selectors.worklist with the same
  select_related), every field the GraphQL query returns read from the rows: what the page costs without HTTP,
  middleware, session, GraphQL parsing and serialisation. "/ORM" is the ratio of medians.

Query count: the statements of one GraphQL request at each page size, without django-tenants' `SET search_path`.
It must be the same at 10, 50 and 200 (no query per row); the report says so, and prints the statements if not.
"""

import argparse
import datetime as dt
import random
import statistics
import sys
import time

from scratch_database import require_scratch_database, scratch_database
from server_timing import ServerTiming, timed_middleware

HOST = "parkwijk.localhost"
PAGE_SIZES = (10, 50, 200)
QUERY = """query($first: Int, $due: WorklistDue) { worklist(first: $first, due: $due) { edges { node {
  caseId followUpOn overdue dueToday status makelaarFirstName resident { firstName street } } } } }"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5_000)
    parser.add_argument("--residents", type=int, default=1_500)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per row")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="smoke run: 30 requests per row")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.warmup = 30, 5
    with scratch_database("worklist") as url:
        import django

        django.setup()
        require_scratch_database(url)
        from django.test import override_settings

        client, wijk = prepare(args)
        with override_settings(MIDDLEWARE=timed_middleware()):
            counts = query_counts(client)
            timings = measure(client, wijk, requests=args.requests, warmup=args.warmup)
        print_report(args, timings, counts)
        print_plan(wijk)
    return 0


def prepare(args):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone
    from django_tenants.utils import tenant_context

    from wijkmarkt.platform.accounts.actions import create_account
    from wijkmarkt.platform.accounts.models import Role, User
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import Wijk
    from wijkmarkt.tenants.demo.load import HOUSE_RULES, WIJKEN
    from wijkmarkt.tenants.makelaar.models import Case, CaseStatus
    from wijkmarkt.tenants.membership.actions.joining import join_wijk
    from wijkmarkt.tenants.membership.models import Membership

    print("Public schema, template and Parkwijk", flush=True)
    call_command("migrate_schemas", verbosity=0)
    provision_wijk(**next(spec for spec in WIJKEN if spec["slug"] == "parkwijk"), house_rules=HOUSE_RULES)
    wijk = Wijk.objects.get(schema_name="parkwijk")
    makelaar = create_account(email="makelaar@example.nl", first_name="Fatima", password="een-lang-bench-wachtwoord")
    colleague = create_account(email="collega@example.nl", first_name="Sem", password="een-lang-bench-wachtwoord")
    print(f"{args.residents:,} residents and {args.cases:,} cases", flush=True)
    rng = random.Random(1)
    users = User.objects.bulk_create(
        User(email=f"bewoner{number}@example.nl", first_name=f"Bewoner{number}", password="!")
        for number in range(args.residents)
    )
    today = timezone.localdate()
    with tenant_context(wijk):
        join_wijk(wijk=wijk, user=makelaar, accepted_house_rules=True, role=Role.MAKELAAR)
        join_wijk(wijk=wijk, user=colleague, accepted_house_rules=True, role=Role.MAKELAAR)
        now = timezone.now()
        members = Membership.objects.bulk_create(
            Membership(user=user, street=f"Straat {number % 40}", accepted_house_rules_at=now)
            for number, user in enumerate(users)
        )
        statuses = [CaseStatus.OPEN] * 11 + [CaseStatus.WAITING] * 5 + [CaseStatus.CLOSED] * 4
        Case.objects.bulk_create(
            Case(
                member=rng.choice(members),
                makelaar=rng.choice((makelaar, colleague)),
                question=f"Vraag {number}",
                agreements="Afspraak",
                status=rng.choice(statuses),
                follow_up_on=None if rng.random() < 0.1 else today + dt.timedelta(days=rng.randint(-60, 60)),
            )
            for number in range(args.cases)
        )
    connection.set_schema_to_public()
    client = Client(HTTP_HOST=HOST)
    client.force_login(makelaar, backend="django.contrib.auth.backends.ModelBackend")
    return client, wijk


def _post(client, variables: dict) -> dict:
    body = client.post("/graphql", {"query": QUERY, "variables": variables}, content_type="application/json").json()
    if "errors" in body:
        raise SystemExit(f"GraphQL error: {body['errors']}")
    return body


def query_counts(client) -> dict[int, list[str]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for size in PAGE_SIZES:
        _post(client, {"first": size})  # session and viewer warm, like every request after the first
        with CaptureQueriesContext(connection) as captured:
            body = _post(client, {"first": size})
        assert len(body["data"]["worklist"]["edges"]) == size, body
        counts[size] = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]
    return counts


def measure(client, wijk, *, requests: int, warmup: int) -> dict[tuple[str, int], list[float]]:
    from django.db import connection
    from django_tenants.utils import tenant_context

    from wijkmarkt.graphql.makelaar.types import CASE_RELATED
    from wijkmarkt.tenants.makelaar.models import Case
    from wijkmarkt.tenants.makelaar.selectors import worklist

    def graphql(size, due=None):
        variables = {"first": size, **({"due": due} if due else {})}
        _post(client, variables)
        return ServerTiming.last

    def orm(size):
        with tenant_context(wijk):
            started = time.perf_counter()
            rows = list(worklist(Case.objects.all()).select_related(*CASE_RELATED)[:size])
            # Every field the GraphQL query returns, read from the rows (no extra query may happen here).
            fields = [
                (
                    case.pk,
                    case.follow_up_on,
                    case.urgency,
                    case.status,
                    case.makelaar.first_name,
                    case.member.user.first_name,
                    case.member.street,
                )
                for case in rows
            ]
            assert len(fields) == len(rows)
            elapsed = time.perf_counter() - started
        connection.set_schema_to_public()
        return elapsed

    runners = {}
    for size in PAGE_SIZES:
        runners[("GraphQL server", size)] = lambda size=size: graphql(size)
        runners[("GraphQL, overdue only", size)] = lambda size=size: graphql(size, "OVERDUE")
        runners[("ORM baseline", size)] = lambda size=size: orm(size)
    for run in runners.values():
        for _ in range(warmup):
            run()
    timings = {key: [] for key in runners}
    started = time.perf_counter()
    for number in range(requests):
        for key, run in runners.items():
            timings[key].append(run())
        if (number + 1) % 50 == 0:
            print(f"  {number + 1}/{requests} rounds ({time.perf_counter() - started:.0f} s)", flush=True)
    return timings


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def print_report(args, timings, counts) -> None:
    print(f"\n=== Makelaar worklist: {args.cases:,} cases in Parkwijk, {args.requests} timed requests per row (ms)\n")
    print(f"{'path':<24} {'page':>5} {'p50':>8} {'p95':>8} {'/ORM p50':>9} {'queries':>8}")
    for path in ("GraphQL server", "GraphQL, overdue only", "ORM baseline"):
        for size in PAGE_SIZES:
            values = timings[(path, size)]
            base = statistics.median(timings[("ORM baseline", size)])
            queries = str(len(counts[size])) if path == "GraphQL server" else ""
            print(
                f"{path:<24} {size:>5} {statistics.median(values) * 1000:>8.2f} {p95(values) * 1000:>8.2f} "
                f"{statistics.median(values) / base:>8.1f}x {queries:>8}"
            )
    flat = len({len(statements) for statements in counts.values()}) == 1
    print(
        f"\nQueries per GraphQL request (without SET search_path): "
        f"{', '.join(f'{size}: {len(counts[size])}' for size in PAGE_SIZES)} -> "
        f"{'flat in the page size' if flat else 'GROWS WITH THE PAGE SIZE'}"
    )
    if not flat:
        for size in PAGE_SIZES:
            print(f"\n-- page {size}:\n" + "\n".join(counts[size]))
    print(
        "\nGraphQL server: inside Django's handler (session, tenant, GraphQL parse, validate, execute, JSON). "
        "ORM baseline: the selector's page with the same joins, fields read in Python."
    )


def print_plan(wijk) -> None:
    """The plan of the page of 10 and a bare round trip, to read the figures above against."""
    from django.db import connection
    from django_tenants.utils import tenant_context

    from wijkmarkt.graphql.makelaar.types import CASE_RELATED
    from wijkmarkt.tenants.makelaar.models import Case
    from wijkmarkt.tenants.makelaar.selectors import worklist

    with tenant_context(wijk):
        page = worklist(Case.objects.all()).select_related(*CASE_RELATED)[:10]
        print("\nPlan of the page of 10 (EXPLAIN ANALYZE):\n" + page.explain(analyze=True))
        times = []
        with connection.cursor() as cursor:
            for _ in range(50):
                started = time.perf_counter()
                cursor.execute("SELECT 1")
                cursor.fetchall()
                times.append(time.perf_counter() - started)
    connection.set_schema_to_public()
    print(f"Database round trip (SELECT 1), p50: {statistics.median(times) * 1000:.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
