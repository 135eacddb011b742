"""Benchmark: what tenancy adds to one wijk page, and how many `SET search_path` statements one request issues.

Run: ./wijkmarkt bench request_overhead [--requests 2000] [--warmup 200]

In a scratch database of its own (never the database in DATABASE_URL) it provisions Parkwijk and one member, then
sends the same GET requests through Django's full request handler (the one django.test.Client uses: every
middleware, URL resolving, view, template; the database connection stays open between requests) in four set-ups:

- tenant:                 production settings. WijkMiddleware finds the wijk by Host header (a per-process cache
                          in front of the public-schema lookup) and activates its schema; TENANT_LIMIT_SET_CALLS is
                          on, so `SET search_path` is sent only when the schema changes.
- no tenant middleware:   WijkMiddleware removed; a stand-in puts the already known wijk on request.tenant and the
                          connection is set to the wijk once per round. Still a `SET search_path` per cursor.
- no tenancy (baseline):  as above, and TENANT_LIMIT_SET_CALLS=True, so search_path is set once on the connection
                          and never again: what the same site costs as a single-schema Django site. This is the
                          "tenancy bypassed" baseline the goal is measured against.
- tenant, SET per query:   production middleware with TENANT_LIMIT_SET_CALLS off, to show what that setting buys.

Every set-up renders the same view with the same template, context and middleware; only how the wijk is found and
how often search_path is sent differ. Requests run interleaved in rounds (a chunk of each set-up per round, order
rotated), so drift on the shared server hits all of them alike.

How to read it: the median microseconds per request; "ratio" is tenant / no tenancy (goal: at most 1.15x).
"SET/req" counts the `SET search_path` statements of one request in the steady state (goal: one); the statements of
the tenant set-up are listed below the table. The difference between "tenant" and "no tenant middleware" is the
lookup by Host; between "no tenant middleware" and "no tenancy" the repeated `SET search_path`.
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field

from scratch_database import require_scratch_database, scratch_database

GOAL_RATIO = 1.15
GOAL_SET_STATEMENTS = 1
HOST = "parkwijk.localhost"


class FixedWijk:
    """Baseline stand-in for WijkMiddleware: the wijk is known up front (as it would be on a single-tenant site),
    so nothing is looked up and the schema is not switched per request."""

    wijk = None

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.tenant = FixedWijk.wijk
        return self.get_response(request)


@dataclass
class Setup:
    name: str
    handler: object
    limit_set_calls: bool
    fixed_wijk: bool


@dataclass
class Page:
    label: str
    path: str
    cookie: str = ""
    timings: dict[str, list[float]] = field(default_factory=dict)
    statements: dict[str, list[str]] = field(default_factory=dict)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="timed requests per page and set-up")
    parser.add_argument("--warmup", type=int, default=200, help="untimed requests per page and set-up first")
    args = parser.parse_args()
    with scratch_database("request_overhead") as url:
        import django

        django.setup()
        require_scratch_database(url)
        pages = prepare_data()
        setups = build_setups()
        check_same_page(setups, pages)
        for page in pages:
            for setup in setups:
                page.statements[setup.name] = statements_of_one_request(setup, page)
        measure(setups, pages, requests=args.requests, warmup=args.warmup)
        print_report(setups, pages, args, round_trip=database_round_trip())
    return 0


def prepare_data() -> list[Page]:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django_tenants.utils import tenant_context

    from wijkmarkt.platform.accounts.actions import create_account
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import Wijk
    from wijkmarkt.tenants.demo.load import HOUSE_RULES, WIJKEN
    from wijkmarkt.tenants.membership.actions.joining import join_wijk

    print("Public schema, template and Parkwijk", flush=True)
    call_command("migrate_schemas", verbosity=0)
    parkwijk = next(spec for spec in WIJKEN if spec["slug"] == "parkwijk")
    provision_wijk(**parkwijk, house_rules=HOUSE_RULES)
    wijk = Wijk.objects.get(schema_name="parkwijk")
    wijk.domain_url = HOST
    FixedWijk.wijk = wijk

    user = create_account(email="anna@example.nl", first_name="Anna", password="een-lang-bench-wachtwoord")
    with tenant_context(wijk):
        join_wijk(wijk=wijk, user=user, accepted_house_rules=True)
    client = Client(HTTP_HOST=HOST)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    connection.set_schema_to_public()
    return [
        Page("home, anonymous", "/"),
        Page("house rules, anonymous", "/huisregels/"),
        Page("home, member", "/", cookie=cookie),
    ]


def build_setups() -> list[Setup]:
    from django.conf import settings
    from django.test import override_settings
    from django.test.client import ClientHandler

    def handler(middleware):
        with override_settings(MIDDLEWARE=middleware):
            built = ClientHandler(enforce_csrf_checks=False)
            built.load_middleware()  # the chain is built now, under these settings, and kept
        return built

    tenant = handler(settings.MIDDLEWARE)
    bypass = handler([f"{__name__}.FixedWijk", *(m for m in settings.MIDDLEWARE if not m.endswith(".WijkMiddleware"))])
    return [
        Setup("tenant", tenant, limit_set_calls=True, fixed_wijk=False),
        Setup("no tenant middleware", bypass, limit_set_calls=False, fixed_wijk=True),
        Setup("no tenancy (baseline)", bypass, limit_set_calls=True, fixed_wijk=True),
        Setup("tenant, SET per query", tenant, limit_set_calls=False, fixed_wijk=False),
    ]


def activate(setup: Setup):
    """Enter a set-up: its TENANT_LIMIT_SET_CALLS, and for the bypasses the wijk's schema, set once."""
    from django.db import connection
    from django.test import override_settings

    override = override_settings(TENANT_LIMIT_SET_CALLS=setup.limit_set_calls)
    override.enable()
    if setup.fixed_wijk:
        connection.set_tenant(FixedWijk.wijk)
    return override


def send(setup: Setup, page: Page):
    """One GET through the handler; the WSGI environ is built before the clock starts."""
    from django.test import RequestFactory

    extra = {"HTTP_COOKIE": page.cookie} if page.cookie else {}
    environ = RequestFactory().get(page.path, HTTP_HOST=HOST, **extra).environ
    started = time.perf_counter()
    response = setup.handler(environ)
    elapsed = time.perf_counter() - started
    return response, elapsed


def check_same_page(setups: list[Setup], pages: list[Page]) -> None:
    """Fairness: every set-up must answer 200 with the same page (the CSRF token differs, not its length)."""
    for page in pages:
        sizes = {}
        for setup in setups:
            override = activate(setup)
            try:
                response, _elapsed = send(setup, page)
            finally:
                override.disable()
            if response.status_code != 200:
                raise SystemExit(f"{setup.name} {page.path}: status {response.status_code}, expected 200")
            sizes[setup.name] = len(response.content)
        if len(set(sizes.values())) != 1:
            raise SystemExit(f"{page.label}: the set-ups render different pages: {sizes}")
        print(f"{page.label}: all set-ups render the same {next(iter(sizes.values()))} bytes", flush=True)


def statements_of_one_request(setup: Setup, page: Page) -> list[str]:
    """The SQL of one request in the steady state (after a few requests in this set-up)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    override = activate(setup)
    try:
        for _ in range(3):
            send(setup, page)
        with CaptureQueriesContext(connection) as captured:
            send(setup, page)
    finally:
        override.disable()
    return [query["sql"] for query in captured.captured_queries]


def measure(setups: list[Setup], pages: list[Page], *, requests: int, warmup: int) -> None:
    chunk = 50
    rounds = max(1, -(-requests // chunk))
    print(f"Warm-up: {warmup} requests per page and set-up", flush=True)
    for page in pages:
        for setup in setups:
            run_chunk(setup, page, warmup)
            page.timings[setup.name] = []
    print(f"Timing: {rounds} rounds of {chunk} requests per page and set-up", flush=True)
    started = time.perf_counter()
    for number in range(rounds):
        rotated = setups[number % len(setups) :] + setups[: number % len(setups)]
        for page in pages:
            for setup in rotated:
                page.timings[setup.name].extend(run_chunk(setup, page, min(chunk, requests - number * chunk)))
        if (number + 1) % 5 == 0 or number + 1 == rounds:
            print(f"  round {number + 1}/{rounds} ({time.perf_counter() - started:.0f} s)", flush=True)


def run_chunk(setup: Setup, page: Page, count: int) -> list[float]:
    override = activate(setup)
    try:
        return [send(setup, page)[1] for _ in range(count)]
    finally:
        override.disable()


def database_round_trip() -> float:
    """Median seconds of `SELECT 1` on the open connection, straight through psycopg: the price of one statement."""
    from django.db import connection

    connection.ensure_connection()
    times = []
    for _ in range(500):
        started = time.perf_counter()
        connection.connection.execute("SELECT 1").fetchall()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def print_report(setups: list[Setup], pages: list[Page], args, *, round_trip: float) -> None:
    baseline = "no tenancy (baseline)"
    print(f"\n=== One request through the full handler ({args.requests} timed per row, medians)\n")
    print(f"{'page':<24} {'set-up':<26} {'median µs':>10} {'p90 µs':>8} {'ratio':>7} {'queries':>8} {'SET/req':>8}")
    for page in pages:
        base = statistics.median(page.timings[baseline])
        for setup in setups:
            times = page.timings[setup.name]
            median = statistics.median(times)
            p90 = statistics.quantiles(times, n=10)[-1]
            sql = page.statements[setup.name]
            sets = sum(1 for s in sql if is_set_search_path(s))
            print(
                f"{page.label:<24} {setup.name:<26} {median * 1e6:>10.0f} {p90 * 1e6:>8.0f} "
                f"{median / base:>6.2f}x {len(sql) - sets:>8} {sets:>8}"
            )
    print("\nratio: median / median of 'no tenancy (baseline)' for the same page; queries: other statements.")
    print(f"One database round trip (SELECT 1 through psycopg, median): {round_trip * 1e6:.0f} µs.")

    print("\n=== Goals (tenant set-up, as in production)\n")
    for page in pages:
        ratio = statistics.median(page.timings["tenant"]) / statistics.median(page.timings[baseline])
        sets = sum(1 for s in page.statements["tenant"] if is_set_search_path(s))
        print(
            f"{page.label:<24} ratio {ratio:.2f}x (goal <= {GOAL_RATIO}x: {'met' if ratio <= GOAL_RATIO else 'NOT met'})"
            f"   SET search_path {sets} (goal {GOAL_SET_STATEMENTS}: "
            f"{'met' if sets <= GOAL_SET_STATEMENTS else 'NOT met'})"
        )

    print("\n=== SQL of one request, tenant set-up\n")
    for page in pages:
        print(f"{page.label} (GET {page.path}):")
        for sql in page.statements["tenant"]:
            print(f"  {sql[:150]}{' ...' if len(sql) > 150 else ''}")


def is_set_search_path(sql: str) -> bool:
    return sql.lstrip().upper().startswith("SET SEARCH_PATH")


if __name__ == "__main__":
    sys.exit(main())
