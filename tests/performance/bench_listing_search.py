"""Benchmark: a filtered full-text page of 20 listings in a wijk with 100,000 listings, through GraphQL, through the
ORM, and as hand-written SQL.

Run: ./wijkmarkt bench listing_search [--listings 100000] [--members 10000] [--requests 200] [--quick]

In a scratch database of its own (never the database in DATABASE_URL) it provisions Centrum, fills it with the
benchmark generator (tenants/demo/marketplace/bulk.py: `--listings` listings over a year, a quarter still open)
and logs one member in. For each search (words plus kind and/or category filters) it measures, interleaved:

- GraphQL: POST /graphql on centrum.localhost through django.test.Client, logged in, with
  `listings(first: 20, q:, kind:, category:)` asking what a result page shows (title, kind, dates, category,
  owner's first name and street, street). "server" is the time inside Django's handler (a middleware first in the
  chain takes it: middleware, session, GraphQL parsing and validation, resolvers, SQL, JSON); "client" adds what
  django.test.Client does around it (building the request, reading the response).
- ORM: the resolver's path without GraphQL: open_listings() + ListingFilter + the first 20 rows with the same
  select_related, attributes read.
- raw SQL: one hand-written statement with websearch_to_tsquery('dutch', ...): the same filters (open or in
  contact, not expired, not hidden, kind, category), the same order (ts_rank, then newest), LIMIT 20, joined to the
  same tables so it returns what the page shows. Sent through Django's cursor (so it pays django-tenants'
  `SET search_path` too), all rows fetched. This is the statement the ORM sends, written by hand.
- raw SQL, page first: the same page as one would write it by hand for speed: rank and LIMIT 20 in a CTE, then join
  only those 20 rows (the ORM's statement joins every matching row before sorting).

GraphQL and raw SQL must return the same 20 listings in the same order (checked before timing). The goal (issue 4):
GraphQL p50 under 20 ms and at most 2x raw SQL."""

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass, field

from scratch_database import require_scratch_database, scratch_database
from server_timing import ServerTiming, timed_middleware

HOST = "centrum.localhost"
GOAL_P50_MS = 20.0
GOAL_RATIO = 2.0

QUERY = """
query Search($q: String, $kind: ListingKind, $category: ID) {
  listings(first: 20, q: $q, kind: $kind, category: $category) {
    edges { node { id title kind when startsOn createdAt category { name } owner { firstName street } street { name } } }
  }
}
"""

RAW_SQL = """
SELECT l.id, l.title, l.kind, l."when", l.starts_on, l.created_at, c.name, u.first_name, ps.name, s.name
FROM marketplace_listing l
JOIN marketplace_category c ON c.id = l.category_id
JOIN membership_membership m ON m.id = l.owner_id
JOIN accounts_user u ON u.id = m.user_id
LEFT JOIN marketplace_profile p ON p.member_id = m.id
LEFT JOIN marketplace_street ps ON ps.id = p.street_id
LEFT JOIN marketplace_street s ON s.id = l.street_id
WHERE l.search @@ websearch_to_tsquery('dutch', %(q)s)
  AND l.status IN ('open', 'in_contact') AND l.expires_at > now() AND l.hidden_at IS NULL
  AND (%(kind)s::text IS NULL OR l.kind = %(kind)s)
  AND (%(category)s::bigint IS NULL OR l.category_id = %(category)s)
ORDER BY ts_rank(l.search, websearch_to_tsquery('dutch', %(q)s)) DESC, l.created_at DESC
LIMIT 20
"""

# The same page written the way one would by hand: rank and cut to 20 first, then join only those 20 rows. (The ORM
# and RAW_SQL above join every matching row before the sort.)
RAW_SQL_PAGE_FIRST = """
WITH page AS (
  SELECT l.id, ts_rank(l.search, query) AS rank, l.created_at
  FROM marketplace_listing l, websearch_to_tsquery('dutch', %(q)s) query
  WHERE l.search @@ query
    AND l.status IN ('open', 'in_contact') AND l.expires_at > now() AND l.hidden_at IS NULL
    AND (%(kind)s::text IS NULL OR l.kind = %(kind)s)
    AND (%(category)s::bigint IS NULL OR l.category_id = %(category)s)
  ORDER BY rank DESC, l.created_at DESC
  LIMIT 20
)
SELECT l.id, l.title, l.kind, l."when", l.starts_on, l.created_at, c.name, u.first_name, ps.name, s.name
FROM page
JOIN marketplace_listing l ON l.id = page.id
JOIN marketplace_category c ON c.id = l.category_id
JOIN membership_membership m ON m.id = l.owner_id
JOIN accounts_user u ON u.id = m.user_id
LEFT JOIN marketplace_profile p ON p.member_id = m.id
LEFT JOIN marketplace_street ps ON ps.id = p.street_id
LEFT JOIN marketplace_street s ON s.id = l.street_id
ORDER BY page.rank DESC, page.created_at DESC
"""


@dataclass
class Search:
    label: str
    q: str
    kind: str | None = None  # "request" / "offer"
    category: str | None = None  # slug
    timings: dict[str, list[float]] = field(default_factory=dict)
    queries: int = 0
    hits: int = 0
    statements: dict[str, list[dict]] = field(default_factory=dict)


SEARCHES = [
    Search("boodschappen, requests", "boodschappen", kind="request"),
    Search("computer hulp, computerhulp", "computer hulp", category="computer"),
    Search("heg snoeien, tuin, offers", "heg snoeien", kind="offer", category="tuin"),
    Search("ziekenhuis, meegaan, requests", "ziekenhuis", kind="request", category="meegaan"),
    Search("hond uitlaten, no filter", "hond uitlaten"),
]
PATHS = ["GraphQL server", "GraphQL client", "ORM", "raw SQL", "raw SQL, page first"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per search and path")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="smoke run: 10,000 listings, 50 requests")
    args = parser.parse_args()
    if args.quick:
        args.listings, args.members, args.requests, args.warmup = 10_000, 1_000, 50, 5
    with scratch_database("listing_search") as url:
        import django

        django.setup()
        require_scratch_database(url)
        client, actor, wijk = prepare(args)
        from django.test import override_settings

        with override_settings(MIDDLEWARE=timed_middleware()):
            runners = build_runners(client, actor, wijk)
            check_same_results(runners)
            measure(runners, requests=args.requests, warmup=args.warmup)
        print_report(args, round_trip=database_round_trip(wijk))
    return 0


def prepare(args):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django_tenants.utils import tenant_context

    from wijkmarkt.platform.accounts.actions import create_account
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import Wijk
    from wijkmarkt.tenants.demo.load import HOUSE_RULES, WIJKEN
    from wijkmarkt.tenants.demo.marketplace.bulk import generate_bulk
    from wijkmarkt.tenants.membership.actions.joining import join_wijk
    from wijkmarkt.tenants.membership.selectors import actor_for

    print("Public schema, template and Centrum", flush=True)
    call_command("migrate_schemas", verbosity=0)
    provision_wijk(**next(spec for spec in WIJKEN if spec["slug"] == "centrum"), house_rules=HOUSE_RULES)
    wijk = Wijk.objects.get(schema_name="centrum")
    print(f"{args.listings:,} listings from {args.members:,} members (generate_marketplace_data)", flush=True)
    with tenant_context(wijk):
        generate_bulk(
            wijk=wijk,
            listings=args.listings,
            members=args.members,
            seed=1,
            open_share=0.25,
            progress=lambda message: print(f"  {message}", flush=True),
        )
    user = create_account(email="zoeker@example.nl", first_name="Zoë", password="een-lang-bench-wachtwoord")
    with tenant_context(wijk):
        join_wijk(wijk=wijk, user=user, accepted_house_rules=True)
        actor = actor_for(user)
    connection.set_schema_to_public()
    client = Client(HTTP_HOST=HOST)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client, actor, wijk


@dataclass
class Runners:
    graphql: dict
    orm: dict
    raw: dict
    page_first: dict


def build_runners(client, actor, wijk) -> Runners:
    """For each search, three callables returning the page's listing ids in order."""
    from django.db import connection
    from django_tenants.utils import tenant_context

    from wijkmarkt.graphql.core.ids import from_global_id, to_global_id
    from wijkmarkt.tenants.marketplace.filters import ListingFilter
    from wijkmarkt.tenants.marketplace.models import Category
    from wijkmarkt.tenants.marketplace.selectors import open_listings

    with tenant_context(wijk):
        categories = dict(Category.objects.values_list("slug", "pk"))
    connection.set_schema_to_public()
    graphql, orm, raw, page_first = {}, {}, {}, {}
    for search in SEARCHES:
        category_pk = categories[search.category] if search.category else None
        variables = {
            "q": search.q,
            "kind": search.kind.upper() if search.kind else None,
            "category": to_global_id("Category", "centrum", category_pk) if category_pk else None,
        }
        body = json.dumps({"query": QUERY, "variables": variables})

        def run_graphql(body=body):
            response = client.post("/graphql", body, content_type="application/json")
            payload = response.json()
            if response.status_code != 200 or payload.get("errors"):
                raise SystemExit(f"GraphQL failed ({response.status_code}): {payload}")
            edges = payload["data"]["listings"]["edges"]
            return [int(from_global_id(edge["node"]["id"])[2]) for edge in edges]

        data = {"q": search.q, **({"kind": search.kind} if search.kind else {})}
        if category_pk:
            data["category"] = category_pk

        def run_orm(data=data):
            with tenant_context(wijk):
                listings = open_listings(actor).select_related("owner__user", "owner__profile__street")
                page = list(ListingFilter(data, queryset=listings).qs[:20])
                for listing in page:  # what the page shows
                    _shown = (
                        listing.title,
                        listing.category.name,
                        listing.owner.user.first_name,
                        listing.street and listing.street.name,
                    )
            return [listing.pk for listing in page]

        params = {"q": search.q, "kind": search.kind, "category": category_pk}

        def run_raw(params=params, sql=RAW_SQL):
            with tenant_context(wijk), connection.cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
            return [row[0] for row in rows]

        graphql[search.label], orm[search.label], raw[search.label] = run_graphql, run_orm, run_raw
        page_first[search.label] = lambda params=params: run_raw(params, RAW_SQL_PAGE_FIRST)
    return Runners(graphql, orm, raw, page_first)


def check_same_results(runners: Runners) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for search in SEARCHES:
        via_graphql = runners.graphql[search.label]()
        via_orm = runners.orm[search.label]()
        via_raw = runners.raw[search.label]()
        via_page_first = runners.page_first[search.label]()
        connection.set_schema_to_public()
        if not via_raw:
            raise SystemExit(f"{search.label}: no results; the benchmark would measure an empty page")
        if not via_graphql == via_orm == via_raw == via_page_first:
            raise SystemExit(
                f"{search.label}: the paths return different pages:\n{via_graphql}\n{via_orm}\n{via_raw}\n{via_page_first}"
            )
        for path, runner in (("GraphQL", runners.graphql), ("ORM", runners.orm)):
            with CaptureQueriesContext(connection) as captured:
                runner[search.label]()
            search.statements[path] = captured.captured_queries
        search.queries = len(search.statements["GraphQL"])
        search.hits = len(via_raw)
        print(
            f"{search.label}: the same {len(via_raw)} listings on every path; GraphQL request "
            f"{search.queries} statements",
            flush=True,
        )


def measure(runners: Runners, *, requests: int, warmup: int) -> None:
    from django.db import connection

    def once(search: Search, path: str) -> None:
        if path.startswith("GraphQL"):
            started = time.perf_counter()
            runners.graphql[search.label]()
            client = time.perf_counter() - started
            search.timings.setdefault("GraphQL server", []).append(ServerTiming.last)
            search.timings.setdefault("GraphQL client", []).append(client)
            return
        fn = {"ORM": runners.orm, "raw SQL": runners.raw, "raw SQL, page first": runners.page_first}[path][search.label]
        started = time.perf_counter()
        fn()
        search.timings.setdefault(path, []).append(time.perf_counter() - started)

    paths = ["GraphQL", "ORM", "raw SQL", "raw SQL, page first"]
    print(f"Warm-up: {warmup} per search and path", flush=True)
    for search in SEARCHES:
        for path in paths:
            for _ in range(warmup):
                once(search, path)
        search.timings.clear()
    chunk = 10
    rounds = max(1, -(-requests // chunk))
    print(f"Timing: {rounds} rounds of {chunk} per search and path, order rotated", flush=True)
    started = time.perf_counter()
    for number in range(rounds):
        rotated = paths[number % len(paths) :] + paths[: number % len(paths)]
        for search in SEARCHES:
            for path in rotated:
                for _ in range(min(chunk, requests - number * chunk)):
                    once(search, path)
        connection.set_schema_to_public()
        if (number + 1) % 5 == 0 or number + 1 == rounds:
            print(f"  round {number + 1}/{rounds} ({time.perf_counter() - started:.0f} s)", flush=True)


def database_round_trip(wijk) -> float:
    """Median seconds of `SELECT 1` through Django's cursor in the wijk (with its `SET search_path`)."""
    from django.db import connection
    from django_tenants.utils import tenant_context

    times = []
    with tenant_context(wijk):
        for _ in range(300):
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchall()
            times.append(time.perf_counter() - started)
    connection.set_schema_to_public()
    return statistics.median(times)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def print_report(args, *, round_trip: float) -> None:
    print(
        f"\n=== Listing search: page of 20, {args.listings:,} listings in Centrum, {args.requests} timed requests "
        f"per row (ms)\n"
    )
    print(f"{'search':<32} {'path':<20} {'p50':>7} {'p95':>7} {'/raw p50':>9} {'SQL':>4}")
    for search in SEARCHES:
        raw = statistics.median(search.timings["raw SQL"])
        for path in PATHS:
            times = search.timings[path]
            sql = str(search.queries) if path.startswith("GraphQL") else ("1" if path.startswith("raw") else "")
            print(
                f"{search.label:<32} {path:<20} {statistics.median(times) * 1e3:7.2f} {p95(times) * 1e3:7.2f} "
                f"{statistics.median(times) / raw:8.2f}x {sql:>4}"
            )
    print("\nGraphQL server: inside Django's handler; client: around django.test.Client's post. /raw p50: this")
    print("row's median over the raw SQL median of the same search. SQL: statements in one GraphQL request")
    print(
        f"(django-tenants' SET search_path included). One SELECT 1 through Django's cursor: {round_trip * 1e3:.2f} ms."
    )

    print("\n=== Goals (GraphQL server time)\n")
    all_server = [t for s in SEARCHES for t in s.timings["GraphQL server"]]
    ratios = [
        statistics.median(s.timings["GraphQL server"]) / statistics.median(s.timings["raw SQL"]) for s in SEARCHES
    ]
    p50 = statistics.median(all_server) * 1e3
    print(
        f"p50 over all searches {p50:.2f} ms, p95 {p95(all_server) * 1e3:.2f} ms "
        f"(goal p50 < {GOAL_P50_MS:.0f} ms: {'met' if p50 < GOAL_P50_MS else 'NOT met'})"
    )
    worst = max(ratios)
    page_first = [
        statistics.median(s.timings["GraphQL server"]) / statistics.median(s.timings["raw SQL, page first"])
        for s in SEARCHES
    ]
    print(
        f"GraphQL / raw SQL, per search: {', '.join(f'{r:.2f}x' for r in ratios)}; worst {worst:.2f}x "
        f"(goal <= {GOAL_RATIO:.0f}x: {'met' if worst <= GOAL_RATIO else 'NOT met'})"
    )
    print(f"GraphQL / raw SQL page first, per search: {', '.join(f'{r:.2f}x' for r in page_first)}")

    search = SEARCHES[0]
    for path in ("GraphQL", "ORM"):
        print(f"\n=== SQL of one {path} request for '{search.label}' (ms, as Django rounds them)\n")
        for statement in search.statements[path]:
            sql = " ".join(statement["sql"].split())
            print(f"  {float(statement['time']) * 1e3:6.2f}  {sql[:140]}{' ...' if len(sql) > 140 else ''}")


if __name__ == "__main__":
    sys.exit(main())
