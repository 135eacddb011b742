"""Drawing neighbours and their requests and offers from content.py with a seeded random.Random. Shared by the
demo (demo.py) and the benchmark set (bulk.py), so both follow one distribution; nothing here touches the database.

The distribution, and why (it decides how many multi-party swaps exist, see tests/performance/README.md):
- Most members mostly ask (`ASK`) or mostly offer; only a small share (`BOTH`, 8%) has open requests and open
  offers at the same time. The issue's own observation is that people are shy to ask; requests are also short-lived
  (done or expired within weeks) while offers stand, so being on both sides at once is the exception.
- Each member has one to three needs and one to three skills (categories, weighted by the documents' examples);
  their listings stay within them, as people ask for and offer the same kind of help again."""

import datetime as dt
import random
from dataclasses import dataclass, field

from wijkmarkt.tenants.demo.marketplace.content import (
    DAYS,
    FIRST_NAMES,
    LANGUAGES,
    OFFER_WEIGHTS,
    OFFERS,
    REQUEST_WEIGHTS,
    REQUESTS,
    SURNAMES,
    TALENTS,
)
from wijkmarkt.tenants.marketplace.models import DayPart, ListingKind, Weekday, When

BOTH = 0.08
ASK = 0.40  # the rest mostly offers
REQUEST_SHARE_OF_BOTH = 0.45
SLOTS = [f"{day}_{part}" for day in Weekday.values for part in DayPart.values]


@dataclass
class Neighbour:
    first_name: str
    last_name: str
    street: int  # index into the wijk's streets
    side: str  # "ask", "offer" or "both"
    needs: list[str]
    skills: list[str]
    available: list[str]
    languages: list[str] = field(default_factory=lambda: ["Nederlands"])

    def listing_kind(self, rng: random.Random) -> str:
        if self.side == "ask":
            return ListingKind.REQUEST
        if self.side == "offer":
            return ListingKind.OFFER
        return ListingKind.REQUEST if rng.random() < REQUEST_SHARE_OF_BOTH else ListingKind.OFFER


@dataclass(frozen=True)
class ListingDraw:
    kind: str
    category: str  # slug
    title: str
    description: str
    when: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    recurrence: str
    duration_minutes: int | None


def _weighted(rng: random.Random, weights: dict[str, int], k: int) -> list[str]:
    chosen: list[str] = []
    while len(chosen) < k:
        slug = rng.choices(list(weights), weights=list(weights.values()))[0]
        if slug not in chosen:
            chosen.append(slug)
    return chosen


def draw_neighbour(rng: random.Random, streets: int, *, both: float = BOTH, ask: float = ASK) -> Neighbour:
    roll = rng.random()
    side = "both" if roll < both else "ask" if roll < both + ask else "offer"
    languages = ["Nederlands"] + ([rng.choice(LANGUAGES[1:])] if rng.random() < 0.35 else [])
    return Neighbour(
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(SURNAMES),
        street=rng.randrange(streets),
        side=side,
        needs=_weighted(rng, REQUEST_WEIGHTS, rng.randint(1, 3)),
        skills=_weighted(rng, OFFER_WEIGHTS, rng.randint(1, 3)),
        available=sorted(rng.sample(SLOTS, rng.randint(2, 6))),
        languages=languages,
    )


def talents_of(neighbour: Neighbour) -> list[str]:
    return [TALENTS[slug] for slug in neighbour.skills]


def draw_listing(
    rng: random.Random, neighbour: Neighbour, kind: str, *, today: dt.date, street: str, place: str
) -> ListingDraw:
    category = rng.choice(neighbour.needs if kind == ListingKind.REQUEST else neighbour.skills)
    text = rng.choice((REQUESTS if kind == ListingKind.REQUEST else OFFERS)[category])
    when, starts_on, ends_on, recurrence = _schedule(rng, kind, today)
    day = DAYS[starts_on.weekday()] if starts_on else rng.choice(DAYS)
    fill = {"dag": day, "straat": street, "plek": place}
    return ListingDraw(
        kind=kind,
        category=category,
        title=text.title.format(**fill)[:100],
        description=text.description.format(**fill),
        when=when,
        starts_on=starts_on,
        ends_on=ends_on,
        recurrence=recurrence,
        duration_minutes=rng.choice([30, 45, 60, 60, 90, 120, None]),
    )


def _schedule(rng: random.Random, kind: str, today: dt.date):
    """Requests usually name a day in the next three weeks; offers mostly stand: flexible or recurring."""
    roll = rng.random()
    date, window, recurring = (0.50, 0.65, 0.75) if kind == ListingKind.REQUEST else (0.05, 0.15, 0.50)
    if roll < date:
        return When.DATE, today + dt.timedelta(days=rng.randint(1, 21)), None, ""
    if roll < window:
        start = today + dt.timedelta(days=rng.randint(1, 10))
        return When.WINDOW, start, start + dt.timedelta(days=rng.randint(2, 14)), ""
    if roll < recurring:
        return When.RECURRING, None, None, f"elke {rng.choice(DAYS)}{rng.choice(['ochtend', 'middag', 'avond'])}"
    return When.FLEXIBLE, None, None, ""
