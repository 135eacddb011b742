"""Benchmark: Zoeken in heel Haarlem over 1,000,000 index rows: a ranked, faceted page of 20, through GraphQL and
through the selector, against the same work in hand-written SQL.

Run: ./wijkmarkt bench city_search [--rows 1000000] [--requests 100] [--quick]

In a scratch database of its own (never the database in DATABASE_URL) it provisions the four wijken of the demo and
fills the public index (platform/search SearchEntry) with `--rows` rows by COPY: titles and texts of real demo
listings (tenants/demo/marketplace/content.py) with a weekday, street and place filled in, spread over the
wijken and categories (Boerhaavewijk is "planned", so its quarter of the rows must never show). PostgreSQL computes
the Dutch tsvector (a generated column) as rows arrive; then ANALYZE.

For each search (broad and narrow words, a wijk facet chosen, a typo) it measures, interleaved in rotated order:

- GraphQL: POST /graphql on the portal through django.test.Client, logged in, `citySearch` asking what the page
  shows; "server" is the time inside Django's handler (a middleware first in the chain).
- selector: platform.search.selectors.search(), everything the page needs (total, 20 results, both facets).
- raw SQL: the same result written by hand, through Django's cursor: the matches counted per wijk and category (the
  facets and the total are sums of those rows) and the ranked page of 20 with its wijk: two statements, as the
  selector sends.

Selector and raw SQL must return the same 20 rows in the same order and the same counts (checked first). Goal
(issue 7): p50 under 50 ms and at most 1.5x raw SQL. No timing is asserted anywhere."""

import argparse
import io
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field

from scratch_database import require_scratch_database, scratch_database
from server_timing import ServerTiming, timed_middleware

GOAL_P50_MS = 50.0
GOAL_RATIO = 1.5

QUERY = """query($q: String!, $wijk: String) { citySearch(query: $q, wijk: $wijk) {
  total pages typoFallback results { kind title summary category wijkSlug wijkName url }
  wijkFacets { value label count chosen } categoryFacets { value label count chosen } } }"""

# Constant SQL fragments only (the words go in as parameters), hence the noqa on the f-strings below.
VISIBLE = "('pilot', 'live', 'paused')"
RAW_MATCH = f"""FROM search_searchentry e JOIN wijken_wijk w ON w.id = e.wijk_id,
  websearch_to_tsquery('dutch', %(q)s) query
WHERE e.document @@ query AND w.status IN {VISIBLE}"""
RAW_PAGE = f"""SELECT e.id, w.name FROM (
  SELECT e.id, e.wijk_id, ts_rank(e.document, query) AS rank, e.updated_at
  {RAW_MATCH} AND (%(wijk)s::text IS NULL OR w.schema_name = %(wijk)s)
  ORDER BY rank DESC, e.updated_at DESC, e.id LIMIT 20) page
JOIN search_searchentry e ON e.id = page.id JOIN wijken_wijk w ON w.id = page.wijk_id
ORDER BY page.rank DESC, page.updated_at DESC, page.id"""  # noqa: S608
# Both facets and the total are sums over these few rows (a wijk and category pair each), as in the selector.
RAW_COUNTS = f"SELECT w.schema_name, e.category, count(*) {RAW_MATCH} GROUP BY 1, 2"


@dataclass
class Search:
    label: str
    q: str
    wijk: str | None = None
    timings: dict[str, list[float]] = field(default_factory=dict)
    total: int = 0
    statements: int = 0


SEARCHES = [
    Search("boodschappen (broad)", "boodschappen"),
    Search("heg snoeien", "heg snoeien"),
    Search("computer hulp, in Centrum", "computer hulp", wijk="centrum"),
    Search("lamp ophangen OR schilderijen", "lamp ophangen or schilderijen"),
    Search("typo: fietsbnd", "fietsbnd"),
]
PATHS = ["GraphQL server", "GraphQL client", "selector", "raw SQL"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per search and path")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="smoke run: 50,000 rows, 20 requests")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.requests, args.warmup = 50_000, 20, 3
    with scratch_database("city_search") as url:
        import django

        django.setup()
        require_scratch_database(url)
        client = prepare(args)
        from django.test import override_settings

        with override_settings(MIDDLEWARE=timed_middleware()):
            runners = build_runners(client)
            check_same_results(runners)
            measure(runners, requests=args.requests, warmup=args.warmup)
        report(args)
    return 0


def prepare(args):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from wijkmarkt.platform.accounts.actions import create_account
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import Wijk
    from wijkmarkt.tenants.demo.load import HOUSE_RULES, WIJKEN

    print("Public schema, template and the four wijken", flush=True)
    call_command("migrate_schemas", verbosity=0)
    for spec in WIJKEN:
        provision_wijk(**spec, house_rules=HOUSE_RULES)
    wijken = list(Wijk.objects.filter(is_template=False).values_list("pk", flat=True))
    fill(connection, wijken, args.rows)
    user = create_account(email="zoeker@example.nl", first_name="Zoë", password="een-lang-bench-wachtwoord")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def fill(connection, wijken: list[int], rows: int) -> None:
    """COPY `rows` index rows drawn from the demo's listing texts; PostgreSQL computes each tsvector."""
    from wijkmarkt.tenants.demo.marketplace.content import DAYS, OFFERS, PLACES, REQUESTS, STREETS

    rng = random.Random(7)
    texts = [("Vraag", c, t) for c, ts in REQUESTS.items() for t in ts] + [
        ("Aanbod", c, t) for c, ts in OFFERS.items() for t in ts
    ]
    streets = [street for names in STREETS.values() for street, *_ in names]
    places = list(PLACES.values())
    print(f"{rows:,} index rows from {len(texts)} listing texts, by COPY", flush=True)
    started, batch = time.perf_counter(), 50_000
    with connection.cursor() as cursor:
        for first in range(0, rows, batch):
            buffer = io.StringIO()
            for n in range(first, min(rows, first + batch)):
                kind, category, text = rng.choice(texts)
                fill_in = {"dag": rng.choice(DAYS), "straat": rng.choice(streets), "plek": rng.choice(places)}
                title = f"{kind}: {text.title.format(**fill_in)}"[:200]
                summary = text.description.format(**fill_in)[:300]
                line = [
                    str(rng.choice(wijken)),
                    "listing",
                    str(n + 1),
                    title,
                    summary,
                    category.capitalize(),
                    f"/vraag-en-aanbod/{n + 1}/",
                    f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
                ]
                buffer.write("\t".join(value.replace("\t", " ").replace("\n", " ") for value in line) + "\n")
            buffer.seek(0)
            columns = "(wijk_id, kind, object_id, title, summary, category, path, updated_at)"
            with cursor.copy(f"COPY search_searchentry {columns} FROM STDIN") as copy:
                copy.write(buffer.read())
            done = min(rows, first + batch)
            print(f"  {done:,} rows ({time.perf_counter() - started:.0f} s)", flush=True)
        cursor.execute("ANALYZE search_searchentry")


@dataclass
class Runners:
    graphql: dict
    selector: dict
    raw: dict


def build_runners(client) -> Runners:
    from django.db import connection

    from wijkmarkt.platform.search.selectors import search

    graphql, selector, raw = {}, {}, {}
    for item in SEARCHES:
        body = json.dumps({"query": QUERY, "variables": {"q": item.q, "wijk": item.wijk}})

        def run_graphql(body=body):
            response = client.post("/graphql", body, content_type="application/json")
            payload = response.json()
            if response.status_code != 200 or payload.get("errors"):
                raise SystemExit(f"GraphQL failed ({response.status_code}): {payload}")
            page = payload["data"]["citySearch"]
            return page["total"], [r["url"] for r in page["results"]]

        def run_selector(item=item):
            page = search(item.q, wijk=item.wijk or "")
            shown = [(e.pk, e.wijk.name) for e in page.entries]
            return page.total, shown, sorted((f.value, f.count) for f in page.wijk_facets), page.typo_fallback

        params = {"q": item.q, "wijk": item.wijk}

        def run_raw(params=params):
            with connection.cursor() as cursor:
                cursor.execute(RAW_COUNTS, params)
                counts = cursor.fetchall()
                cursor.execute(RAW_PAGE, params)
                shown = [tuple(row) for row in cursor.fetchall()]
            wijken: dict[str, int] = {}
            for schema, _category, n in counts:
                wijken[schema] = wijken.get(schema, 0) + n
            total = wijken.get(params["wijk"], 0) if params["wijk"] else sum(wijken.values())
            return total, shown, sorted(wijken.items()), False

        graphql[item.label], selector[item.label], raw[item.label] = run_graphql, run_selector, run_raw
    return Runners(graphql, selector, raw)


def check_same_results(runners: Runners) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for item in SEARCHES:
        via_selector = runners.selector[item.label]()
        if via_selector[3]:
            print(
                f"{item.label}: no exact match, the trigram fallback answers ({via_selector[0]:,} rows); "
                "raw SQL (full-text only) is not comparable, so it is not timed",
                flush=True,
            )
            runners.raw.pop(item.label)
        else:
            via_raw = runners.raw[item.label]()
            if via_selector[:3] != via_raw[:3]:
                raise SystemExit(f"{item.label}: selector and raw SQL differ:\n{via_selector}\n{via_raw}")
        if not via_selector[1]:
            raise SystemExit(f"{item.label}: no results; the benchmark would measure an empty page")
        with CaptureQueriesContext(connection) as captured:
            runners.graphql[item.label]()
        item.total, item.statements = via_selector[0], len(captured.captured_queries)
        print(f"{item.label}: {item.total:,} matches; GraphQL request {item.statements} statements", flush=True)


def measure(runners: Runners, *, requests: int, warmup: int) -> None:
    def once(item: Search, path: str) -> None:
        if path == "GraphQL":
            started = time.perf_counter()
            runners.graphql[item.label]()
            item.timings.setdefault("GraphQL client", []).append(time.perf_counter() - started)
            item.timings.setdefault("GraphQL server", []).append(ServerTiming.last)
            return
        fn = (runners.selector if path == "selector" else runners.raw).get(item.label)
        if fn is None:
            return
        started = time.perf_counter()
        fn()
        item.timings.setdefault(path, []).append(time.perf_counter() - started)

    paths = ["GraphQL", "selector", "raw SQL"]
    print(f"Warm-up: {warmup} per search and path", flush=True)
    for item in SEARCHES:
        for path in paths:
            for _ in range(warmup):
                once(item, path)
        item.timings.clear()
    chunk = 5
    rounds = max(1, -(-requests // chunk))
    print(f"Timing: {rounds} rounds of {chunk} per search and path, order rotated", flush=True)
    started = time.perf_counter()
    for number in range(rounds):
        rotated = paths[number % len(paths) :] + paths[: number % len(paths)]
        for item in SEARCHES:
            for path in rotated:
                for _ in range(min(chunk, requests - number * chunk)):
                    once(item, path)
        if (number + 1) % 5 == 0 or number + 1 == rounds:
            print(f"  round {number + 1}/{rounds} ({time.perf_counter() - started:.0f} s)", flush=True)


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(args) -> None:
    print(f"\n=== Zoeken in heel Haarlem: {args.rows:,} index rows, {args.requests} requests per search and path\n")
    print(f"{'search':34} {'matches':>9} {'stmts':>5}  " + "  ".join(f"{p:>22}" for p in PATHS) + "   ratio p50")
    print(f"{'':34} {'':>9} {'':>5}  " + "  ".join(f"{'p50 / p95 ms':>22}" for _ in PATHS) + "   server/raw")
    verdicts = []
    for item in SEARCHES:
        cells = []
        for path in PATHS:
            values = item.timings.get(path)
            cells.append(f"{_ms(values, 0.5):>10.1f} / {_ms(values, 0.95):>9.1f}" if values else f"{'-':>22}")
        server, raw = item.timings.get("GraphQL server"), item.timings.get("raw SQL")
        ratio = statistics.median(server) / statistics.median(raw) if server and raw else None
        print(
            f"{item.label:34} {item.total:>9,} {item.statements:>5}  "
            + "  ".join(cells)
            + (f"   {ratio:>8.2f}x" if ratio else "          -")
        )
        verdicts.append((item.label, _ms(server, 0.5), ratio))
    print("\nstmts: SQL statements of one GraphQL request. server: time inside Django's handler; client adds the test")
    print(
        "client's work. raw SQL: the selector's two statements written by hand (counts per wijk and category, the page)."
    )
    print(f"\n=== Goals (issue 7): p50 under {GOAL_P50_MS:.0f} ms and at most {GOAL_RATIO}x raw SQL\n")
    for label, p50, ratio in verdicts:
        met = p50 < GOAL_P50_MS and (ratio is None or ratio <= GOAL_RATIO)
        ratio_text = f"{ratio:.2f}x raw SQL" if ratio else "no raw SQL (typo fallback)"
        print(f"{label:34} p50 {p50:7.1f} ms, {ratio_text}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
