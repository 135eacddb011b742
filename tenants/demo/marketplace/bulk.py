"""A large marketplace for benchmarks (tests/performance/): many members with profiles and many listings in one wijk,
drawn from the same distribution as the demo (draw.py), deterministic for a seed. Speed comes first here, so rows
are written in bulk and no action runs: accounts, memberships and profiles with bulk_create, listings with
PostgreSQL's COPY (bulk_create cannot set created_at, which auto_now_add overwrites, and a year of history needs
it; COPY is also the fastest way in). No exchanges, notifications or suggestions are made.

Statuses: `open_share` of the listings is active (open or in contact, created within the wijk's expiry period, so
not expired); the rest is history over the past year (done, expired, withdrawn, agreed)."""

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.demo.marketplace.content import PLACES, STREETS
from wijkmarkt.tenants.demo.marketplace.draw import BOTH, draw_listing, draw_neighbour, talents_of
from wijkmarkt.tenants.demo.marketplace.seed import ensure_streets
from wijkmarkt.tenants.marketplace.models import Category, Listing, ListingStatus, Profile, Visibility
from wijkmarkt.tenants.membership.models import Membership, PlacedAs

BULK_DOMAIN = "bulk.demo.wijkmarkt.nl"
BATCH = 5000
CLOSED = [
    (ListingStatus.DONE, 50),
    (ListingStatus.EXPIRED, 30),
    (ListingStatus.WITHDRAWN, 12),
    (ListingStatus.AGREED, 8),
]
IN_CONTACT_SHARE = 0.15
HIDDEN_SHARE = 0.002
CITY_SHARE = 0.10
COLUMNS = [
    "kind",
    "title",
    "description",
    "category_id",
    "owner_id",
    "placed_by_id",
    "placed_as",
    "when",
    "starts_on",
    "ends_on",
    "recurrence",
    "street_id",
    "duration_minutes",
    "visibility",
    "status",
    "hidden_at",
    "created_at",
    "expires_at",
]


class AlreadyGenerated(Exception):
    pass


@dataclass
class BulkSummary:
    members: int
    listings: int
    active: int
    seconds: float


def generate_bulk(
    *,
    wijk: Wijk,
    listings: int,
    members: int,
    seed: int,
    open_share: float = 0.25,
    both: float = BOTH,
    progress: Callable[[str], None] = print,
) -> BulkSummary:
    """Add `members` members and `listings` listings to the active wijk (it must be `wijk`'s schema)."""
    if connection.schema_name != wijk.schema_name:
        raise RuntimeError(f"active schema {connection.schema_name} is not {wijk.schema_name}")
    if wijk.schema_name not in STREETS:
        raise ValueError(f"no streets known for {wijk.schema_name}")
    prefix = f"{wijk.schema_name}.{seed}."
    if User.objects.filter(email__startswith=prefix, email__endswith=f"@{BULK_DOMAIN}").exists():
        raise AlreadyGenerated(f"{wijk.name} heeft de set voor seed {seed} al; kies een andere --seed.")
    started = time.perf_counter()
    rng = random.Random(f"bulk:{seed}:{wijk.schema_name}")  # noqa: S311 - reproducible test data, not a secret
    streets = list(ensure_streets(wijk).values())
    place = PLACES[wijk.schema_name]
    categories = dict(Category.objects.filter(retired_at__isnull=True).values_list("slug", "id"))
    now = timezone.now()
    expiry = dt.timedelta(days=wijk.listing_expiry_days)

    with transaction.atomic():
        progress(f"{members:,} leden met profiel")
        neighbours = [draw_neighbour(rng, len(streets), both=both) for _ in range(members)]
        unusable = make_password(None)  # nobody logs in as these; one unusable hash serves all
        users = []
        for start in range(0, members, BATCH):
            users += User.objects.bulk_create(
                User(
                    email=f"{prefix}{n}@{BULK_DOMAIN}",
                    first_name=neighbours[n].first_name,
                    last_name=neighbours[n].last_name,
                    password=unusable,
                )
                for n in range(start, min(start + BATCH, members))
            )
        memberships = Membership.objects.bulk_create(
            (Membership(user=user, role=Role.RESIDENT, accepted_house_rules_at=now) for user in users), batch_size=BATCH
        )
        Profile.objects.bulk_create(
            (
                Profile(
                    member=member,
                    street=streets[n.street],
                    talents=talents_of(n) if n.side != "ask" else [],
                    offers=", ".join(talents_of(n)) if n.side != "ask" else "",
                    available=n.available,
                    languages=n.languages,
                )
                for member, n in zip(memberships, neighbours, strict=True)
            ),
            batch_size=BATCH,
        )

        progress(f"{listings:,} vragen en aanbiedingen ({open_share:.0%} open)")
        table = f"{connection.ops.quote_name(wijk.schema_name)}.{connection.ops.quote_name(Listing._meta.db_table)}"
        columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)  # "when" is an SQL keyword
        active = 0
        step = max(1, listings // 20)
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for number in range(listings):
                index = rng.randrange(members)
                neighbour, member, user = neighbours[index], memberships[index], users[index]
                is_active = rng.random() < open_share
                active += is_active
                if is_active:
                    status = ListingStatus.IN_CONTACT if rng.random() < IN_CONTACT_SHARE else ListingStatus.OPEN
                    created = now - dt.timedelta(seconds=rng.randint(60, int(expiry.total_seconds()) - 3600))
                else:
                    status = rng.choices([s for s, _w in CLOSED], weights=[w for _s, w in CLOSED])[0]
                    oldest = 365 * 86400
                    newest = int(expiry.total_seconds()) + 3600 if status == ListingStatus.EXPIRED else 3600
                    created = now - dt.timedelta(seconds=rng.randint(newest, oldest))
                kind = neighbour.listing_kind(rng)
                street = streets[neighbour.street]
                drawn = draw_listing(
                    rng, neighbour, kind, today=timezone.localtime(created).date(), street=street.name, place=place
                )
                copy.write_row(
                    (
                        drawn.kind,
                        drawn.title,
                        drawn.description,
                        categories[drawn.category],
                        member.pk,
                        user.pk,
                        PlacedAs.SELF,
                        drawn.when,
                        drawn.starts_on,
                        drawn.ends_on,
                        drawn.recurrence,
                        street.pk,
                        drawn.duration_minutes,
                        Visibility.CITY if rng.random() < CITY_SHARE else Visibility.WIJK,
                        status,
                        created if rng.random() < HIDDEN_SHARE else None,
                        created,
                        created + expiry,
                    )
                )
                if (number + 1) % step == 0 or number + 1 == listings:
                    progress(
                        f"  {(number + 1) * 100 // listings:3d}%  {number + 1:,} van {listings:,} "
                        f"({time.perf_counter() - started:.1f} s)"
                    )
            progress("Afronden: de laatste rijen en de zoekindex")
    # Fresh statistics, so the planner knows the new sizes right away (autovacuum would take its time; with the old
    # "two members" estimate PostgreSQL picks nested loops over thousands of rows).
    progress(f"Statistieken bijwerken (ANALYZE, {time.perf_counter() - started:.1f} s)")
    with connection.cursor() as cursor:
        for model in (Listing, Membership, Profile, User):
            schema = "public" if model is User else wijk.schema_name
            cursor.execute(
                f"ANALYZE {connection.ops.quote_name(schema)}.{connection.ops.quote_name(model._meta.db_table)}"
            )
    return BulkSummary(members=members, listings=listings, active=active, seconds=time.perf_counter() - started)
