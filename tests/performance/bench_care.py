"""Benchmark: household-help provider search among 2,000 providers in one wijk, through GraphQL, at page sizes 10,
50 and 200, against the same search without GraphQL (the ORM path) and the very SQL statement the ORM sends.

Run: ./wijkmarkt bench care [--providers 2000] [--requests 100] [--quick]

In a scratch database of its own (never the database in DATABASE_URL) it provisions Centrum, adds 200 streets around
the centre and `--providers` providers (every kind, random category-1 activities, working times, natura/pgb and
street; inserted in bulk, the values drawn valid) and logs one resident in. For each search of the documents' example
(nearby, available on given days and parts of day, in natura or not, by activity) and each page size it measures,
interleaved:

- GraphQL server: POST /graphql on centrum.localhost, `careProviders(first: N, ...)` asking what the directory page
  shows (name, kind, why, distance, street, activities, times, natura/pgb, phone); the time inside Django's handler
  (server_timing.ServerTiming, first in the middleware chain). Connections are capped at 50, so a page of
  200 is four requests of 50 with `after`, as a client would fetch it; their server times are summed.
- ORM: the resolver's path without GraphQL: ProviderFilter over visible_providers, the first N rows, each explained.
- raw SQL: the statement that ORM path sends (compiled by Django, run through its cursor, all rows fetched).

Query count: the SQL statements of one GraphQL request per page size (for 200: per request of 50), which must be the
same for 10, 50 and 200 (django-tenants' `SET search_path` included). GraphQL, ORM and raw SQL must return the same providers in the same
order (checked before timing)."""

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field

from bench_listing_search import p95
from scratch_database import require_scratch_database, scratch_database
from server_timing import ServerTiming, timed_middleware

HOST = "centrum.localhost"
PAGE_SIZES = [10, 50, 200]
MAX_PAGE = 50  # RELAY_CONNECTION_MAX_LIMIT: GraphQL answers 200 as four requests of 50


class GraphQLTime:
    """Server time of the last GraphQL page, summed over its requests (one, or four for 200)."""

    server = 0.0


CENTRE = (52.3813, 4.6368)  # Grote Markt, Haarlem

QUERY = """
query Providers($first: Int, $after: String, $activities: [CareActivity!], $days: [Weekday!], $parts: [DayPart!],
                $funding: CareFunding, $near: ID, $within: Int) {
  careProviders(first: $first, after: $after, activities: $activities, days: $days, parts: $parts, funding: $funding,
                nearStreet: $near, withinM: $within) {
    edges { node { id name kind why distanceM street { name } activities available { day part } inNatura pgb phone } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@dataclass
class Search:
    label: str
    variables: dict  # GraphQL arguments (enum names)
    form: dict  # the same search as ProviderFilter data
    timings: dict[tuple[str, int], list[float]] = field(default_factory=dict)
    queries: dict[int, int] = field(default_factory=dict)
    hits: int = 0
    statements: list[dict] = field(default_factory=list)


def searches(near: int, near_id: str) -> list[Search]:
    return [
        Search(
            "nearby, tue/thu morning, light housework",
            {"activities": ["LIGHT"], "days": ["TUE", "THU"], "parts": ["MORNING"], "near": near_id, "within": 3000},
            {
                "activity": ["light"],
                "days": ["tue", "thu"],
                "parts": ["morning"],
                "near_street": near,
                "within_m": 3000,
            },
        ),
        Search(
            "nearby, in natura, any time",
            {"funding": "NATURA", "near": near_id},
            {"funding": "natura", "near_street": near},
        ),
        Search(
            "not in natura, shopping, weekend",
            {"activities": ["SHOPPING"], "days": ["SAT", "SUN"], "funding": "PRIVATE"},
            {"activity": ["shopping"], "days": ["sat", "sun"], "funding": "private"},
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per search, page size and path")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="smoke run: 20 requests")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.warmup = 20, 3
    with scratch_database("care") as url:
        import django

        django.setup()
        require_scratch_database(url)
        client, actor, wijk, near = prepare(args)
        from django.test import override_settings

        from wijkmarkt.graphql.core.ids import to_global_id

        plan = searches(near, to_global_id("Street", "centrum", near))
        with override_settings(MIDDLEWARE=timed_middleware()):
            runners = build_runners(plan, client, actor, wijk)
            check(plan, runners)
            measure(plan, runners, requests=args.requests, warmup=args.warmup)
        return report(args, plan)


def prepare(args):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django_tenants.utils import tenant_context

    from wijkmarkt.platform.accounts.actions import create_account
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import Wijk
    from wijkmarkt.tenants.care.models import SLOTS, Activity, Provider, ProviderKind
    from wijkmarkt.tenants.demo.load import HOUSE_RULES, WIJKEN
    from wijkmarkt.tenants.marketplace.models import Street
    from wijkmarkt.tenants.membership.actions.joining import join_wijk
    from wijkmarkt.tenants.membership.selectors import actor_for

    print("Public schema, template and Centrum", flush=True)
    call_command("migrate_schemas", verbosity=0)
    provision_wijk(**next(spec for spec in WIJKEN if spec["slug"] == "centrum"), house_rules=HOUSE_RULES)
    wijk = Wijk.objects.get(schema_name="centrum")
    rng = random.Random(1)
    print(f"200 streets and {args.providers:,} providers in bulk", flush=True)
    with tenant_context(wijk):
        streets = Street.objects.bulk_create(
            Street(
                name=f"Benchstraat {n}",
                latitude=CENTRE[0] + rng.uniform(-0.03, 0.03),
                longitude=CENTRE[1] + rng.uniform(-0.05, 0.05),
            )
            for n in range(200)
        )
        kinds, activities = ProviderKind.values, Activity.values
        Provider.objects.bulk_create(
            Provider(
                name=f"Aanbieder {n:05d}",
                kind=rng.choice(kinds),
                description="Hulp in huis in het Centrum.",
                activities=[a for a in activities if rng.random() < 0.5] or ["light"],
                available=[slot for slot in SLOTS if rng.random() < 0.35],
                in_natura=rng.random() < 0.4,
                pgb=rng.random() < 0.5,
                street=rng.choice(streets),
                phone="023 555 00 00",
                areas=rng.sample(wijk.areas, k=1),
            )
            for n in range(args.providers)
        )
        near = min(streets, key=lambda s: (s.latitude - CENTRE[0]) ** 2 + (s.longitude - CENTRE[1]) ** 2).pk
    user = create_account(email="bewoner@example.nl", first_name="Rob", password="een-lang-bench-wachtwoord")
    with tenant_context(wijk):
        join_wijk(wijk=wijk, user=user, accepted_house_rules=True)
        actor = actor_for(user)
    connection.set_schema_to_public()
    client = Client(HTTP_HOST=HOST)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client, actor, wijk, near


def build_runners(plan: list[Search], client, actor, wijk) -> dict:
    """(search label, path, page size) -> a callable returning the page's provider ids in order."""
    from django.db import connection
    from django_tenants.utils import tenant_context

    from wijkmarkt.graphql.core.ids import from_global_id
    from wijkmarkt.tenants.care.access import visible_providers
    from wijkmarkt.tenants.care.filters import ProviderFilter
    from wijkmarkt.tenants.care.selectors import explain

    runners = {}
    for search in plan:
        for size in PAGE_SIZES:

            def run_graphql(variables=search.variables, size=size):
                """One request for a page up to the cap; a page of 200 is what a client does: four of 50."""
                ids, after, server = [], None, 0.0
                while len(ids) < size:
                    first = min(size - len(ids), MAX_PAGE)
                    body = json.dumps({"query": QUERY, "variables": {**variables, "first": first, "after": after}})
                    response = client.post("/graphql", body, content_type="application/json")
                    server += ServerTiming.last
                    payload = response.json()
                    if response.status_code != 200 or payload.get("errors"):
                        raise SystemExit(f"GraphQL failed ({response.status_code}): {payload}")
                    found = payload["data"]["careProviders"]
                    ids += [int(from_global_id(edge["node"]["id"])[2]) for edge in found["edges"]]
                    if not found["pageInfo"]["hasNextPage"]:
                        break
                    after = found["pageInfo"]["endCursor"]
                GraphQLTime.server = server
                return ids

            def page_queryset(form=search.form, size=size):
                filterset = ProviderFilter(
                    form, queryset=visible_providers(actor).select_related("street"), areas=wijk.areas
                )
                return filterset, filterset.qs[:size]

            def run_orm(page_queryset=page_queryset):
                with tenant_context(wijk):
                    filterset, page = page_queryset()
                    rows = list(page)
                    for provider in rows:  # what the page shows
                        _shown = (explain(provider, filterset.slots), provider.street and provider.street.name)
                return [provider.pk for provider in rows]

            def run_raw(page_queryset=page_queryset):
                with tenant_context(wijk):
                    _filterset, page = page_queryset()
                    sql, params = page.query.sql_with_params()
                    with connection.cursor() as cursor:
                        cursor.execute(sql, params)
                        rows = cursor.fetchall()
                return [row[0] for row in rows]

            runners[search.label, "GraphQL", size] = run_graphql
            runners[search.label, "ORM", size] = run_orm
            runners[search.label, "raw SQL", size] = run_raw
    return runners


def check(plan: list[Search], runners: dict) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for search in plan:
        for size in PAGE_SIZES:
            pages = [runners[search.label, path, size]() for path in ("GraphQL", "ORM", "raw SQL")]
            connection.set_schema_to_public()
            if not pages[0] or not pages[0] == pages[1] == pages[2]:
                raise SystemExit(f"{search.label}, first {size}: the paths differ or are empty: {pages}")
            with CaptureQueriesContext(connection) as captured:
                runners[search.label, "GraphQL", size]()
            requests = -(-size // MAX_PAGE)
            search.queries[size] = len(captured.captured_queries) // requests  # per GraphQL request
            search.hits = max(search.hits, len(pages[0]))
            if size == PAGE_SIZES[-1]:
                search.statements = captured.captured_queries[: search.queries[size]]  # the first request of 50
        print(
            f"{search.label}: same providers on every path; up to {search.hits} per page; statements per GraphQL "
            f"request {search.queries}",
            flush=True,
        )


def measure(plan: list[Search], runners: dict, *, requests: int, warmup: int) -> None:
    from django.db import connection

    paths = ["GraphQL", "ORM", "raw SQL"]

    def once(search: Search, path: str, size: int) -> None:
        started = time.perf_counter()
        runners[search.label, path, size]()
        elapsed = GraphQLTime.server if path == "GraphQL" else time.perf_counter() - started
        search.timings.setdefault((path, size), []).append(elapsed)

    for search in plan:
        for size in PAGE_SIZES:
            for path in paths:
                for _ in range(warmup):
                    once(search, path, size)
        search.timings.clear()
    print(f"Timing: {requests} per search, page size and path, order rotated", flush=True)
    for number in range(requests):
        rotated = paths[number % 3 :] + paths[: number % 3]
        for search in plan:
            for size in PAGE_SIZES:
                for path in rotated:
                    once(search, path, size)
        connection.set_schema_to_public()


def report(args, plan: list[Search]) -> int:
    print(
        f"\n=== Provider search, {args.providers:,} providers in Centrum, {args.requests} timed requests per row (ms)\n"
    )
    print(f"{'search':<42} {'page':>4} {'path':<8} {'p50':>7} {'p95':>7} {'/raw p50':>9} {'/ORM p50':>9} {'SQL':>4}")
    constant = True
    for search in plan:
        for size in PAGE_SIZES:
            raw = statistics.median(search.timings["raw SQL", size])
            orm = statistics.median(search.timings["ORM", size])
            for path in ("GraphQL", "ORM", "raw SQL"):
                times = search.timings[path, size]
                sql = str(search.queries[size]) if path == "GraphQL" else ""
                print(
                    f"{search.label:<42} {size:>4} {path:<8} {statistics.median(times) * 1e3:7.2f} "
                    f"{p95(times) * 1e3:7.2f} {statistics.median(times) / raw:8.2f}x "
                    f"{statistics.median(times) / orm:8.2f}x {sql:>4}"
                )
        constant = constant and len(set(search.queries.values())) == 1
    print("\nGraphQL: server time inside Django's handler (middleware, session, parsing, resolvers, SQL, JSON). ORM:")
    print("ProviderFilter + the page + each explanation. raw SQL: the ORM's statement through Django's cursor.")
    print(
        f"\nStatements per GraphQL request {'do not grow' if constant else 'GROW'} with the page size "
        f"({', '.join(f'{s.label}: {s.queries}' for s in plan)})."
    )
    search = plan[0]
    print(f"\n=== SQL of one GraphQL request, '{search.label}', first {MAX_PAGE} (ms, as Django rounds them)\n")
    for statement in search.statements:
        sql = " ".join(statement["sql"].split())
        print(f"  {float(statement['time']) * 1e3:6.2f}  {sql[:140]}{' ...' if len(sql) > 140 else ''}")
    return 0 if constant else 1


if __name__ == "__main__":
    sys.exit(main())
