"""Candidate multi-party swaps (meerhoeksruil) among the wijk's open requests and offers: a read-only selector.

The graph has one node per member and an edge B -> A when B has an active offer in a category in which A has an
active request ("B can help A"). Active means open or in contact, not expired, not hidden by moderation, its owner
neither suspended nor deactivated; a request that already sits in a proposed ring is left out. A ring is a simple
cycle of 3 to `max_length` members in which each helps the next; two members who blocked each other (either way)
never share a ring. A two-way swap is not a ring: a plain exchange covers it.

How it stays fast (tests/performance/bench_rings.py; 10,000 open listings in about 0.1 s):
- Two SQL queries (active listings as bare tuples, blocks), then member-level sets; members without both an
  incoming and an outgoing edge are trimmed, repeatedly, since they can never be on a cycle.
- Each ring is found once, from its smallest member id ("canonical rotation"): every other member on it has a
  larger id.
- Rings of three and four, the common question, are two plain loops (start -> b -> c, closing when c helps the
  start) plus one bit-mask AND for the fourth member. Rings that cannot make the best `limit` (the list is already
  full of shorter rings) are counted by a bit count, not built one by one: with dense data the number of rings of
  four grows with the fourth power of the degree, and building each would dominate.
- Rings of five and six use a recursive search that only descends into members that can still get back to the
  start in time, with a budget of partial paths; the result says when the budget ran out (`complete`).

Only the best `limit` rings are turned into listings and members (one more query). Never writes: a makelaar or a
member proposes a ring with actions.rings.propose_ring(links=ring.link_inputs())."""

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import FloatField, Q
from django.db.models.functions import Cast, Extract
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkmarkt.tenants.marketplace.actions.rings import MAX_RING, MIN_RING, LinkInput
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Block,
    Listing,
    ListingKind,
    Ring,
    RingLink,
)
from wijkmarkt.tenants.membership.models import Membership

DEFAULT_BUDGET = 5_000_000  # partial paths; only rings of 5 or 6 on dense data come near it

# "Anna helpt Bram met boodschappen": one phrase per seed category (0002_seed_categories); others use the name.
_PHRASES = {
    "boodschappen": gettext_lazy("%(giver)s helpt %(receiver)s met boodschappen"),
    "klusjes": gettext_lazy("%(giver)s helpt %(receiver)s met een klusje"),
    "tuin": gettext_lazy("%(giver)s helpt %(receiver)s in de tuin"),
    "meegaan": gettext_lazy("%(giver)s gaat met %(receiver)s mee"),
    "vervoer": gettext_lazy("%(giver)s brengt %(receiver)s met de auto of fiets"),
    "taal": gettext_lazy("%(giver)s helpt %(receiver)s met de taal"),
    "formulieren": gettext_lazy("%(giver)s helpt %(receiver)s met formulieren"),
    "computer": gettext_lazy("%(giver)s helpt %(receiver)s met de computer"),
    "gezelschap": gettext_lazy("%(giver)s houdt %(receiver)s gezelschap"),
    "huishouden": gettext_lazy("%(giver)s helpt %(receiver)s in het huishouden"),
    "maaltijden": gettext_lazy("%(giver)s kookt voor %(receiver)s"),
    "huisdieren": gettext_lazy("%(giver)s helpt %(receiver)s met een huisdier"),
}


@dataclass(frozen=True)
class CandidateLink:
    """One step of a candidate ring: `giver` answers `request` (of `receiver`) with `offer`."""

    giver: Membership
    receiver: Membership
    request: Listing
    offer: Listing

    @property
    def explanation(self) -> str:
        names = {"giver": self.giver.user.first_name, "receiver": self.receiver.user.first_name}
        phrase = _PHRASES.get(self.request.category.slug)
        if phrase is None:
            return _("%(giver)s helpt %(receiver)s met %(what)s") % {
                **names,
                "what": self.request.category.name.lower(),
            }
        return str(phrase) % names

    def as_input(self) -> LinkInput:
        return LinkInput(request_id=self.request.pk, giver_id=self.giver.pk, offer_id=self.offer.pk)


@dataclass(frozen=True)
class CandidateRing:
    """Each link's giver is the previous link's receiver, as propose_ring expects."""

    links: tuple[CandidateLink, ...]

    @property
    def members(self) -> list[Membership]:
        return [link.giver for link in self.links]

    def link_inputs(self) -> list[LinkInput]:
        return [link.as_input() for link in self.links]

    @property
    def explanation(self) -> str:
        return "; ".join(link.explanation for link in self.links) + "."


@dataclass
class RingSearch:
    """The best `limit` rings, and what the search saw: `found` counts every ring up to `max_length` (exact when
    `complete`), `by_length` splits that count."""

    rings: list[CandidateRing]
    found: int
    by_length: dict[int, int]
    members: int  # members left in the graph after trimming
    edges: int
    complete: bool = True


def candidate_rings(
    *, max_length: int = 4, limit: int = 50, involving: Membership | None = None
) -> list[CandidateRing]:
    """The best `limit` candidate rings of 3 to `max_length` members: shorter rings first (easier to arrange), then
    rings with the neighbour who has waited longest for help. `involving`: only rings with this member."""
    return find_rings(max_length=max_length, limit=limit, involving=involving).rings


def find_rings(
    *, max_length: int = 4, limit: int = 50, involving: Membership | None = None, budget: int = DEFAULT_BUDGET
) -> RingSearch:
    """candidate_rings with what the search saw: the count of every ring found, per length, and the graph's size.
    `budget` bounds the partial paths of the search for rings of five and six."""
    max_length = min(max_length, MAX_RING)
    graph = _Graph.load()
    if max_length < MIN_RING or (involving is not None and involving.pk not in graph.out):
        return RingSearch([], 0, {}, len(graph.out), graph.edge_count())
    search = _Search(graph, max_length=max_length, limit=max(limit, 0), budget=budget)
    starts = [involving.pk] if involving is not None else sorted(graph.out)
    for start in starts:
        if not search.from_start(start, canonical=involving is None):
            break
    best = [cycle for _key, cycle in sorted(search.best_keys())]
    return RingSearch(
        rings=graph.materialise(best),
        found=sum(search.by_length.values()),
        by_length={length: n for length, n in sorted(search.by_length.items()) if n},
        members=len(graph.out),
        edges=graph.edge_count(),
        complete=search.complete,
    )


def listing_rows():
    """The graph's one big query: every active listing that can be a step of a ring, as bare tuples, oldest first."""
    in_proposed_ring = RingLink.objects.filter(ring__status=Ring.Status.PROPOSED).values("request_id")
    return (
        Listing.objects.filter(
            status__in=ACTIVE_LISTING_STATUSES,
            expires_at__gt=timezone.now(),
            hidden_at__isnull=True,
            owner__suspended_at__isnull=True,
            owner__user__is_active=True,
        )
        .exclude(Q(kind=ListingKind.REQUEST) & Q(pk__in=in_proposed_ring))
        .order_by("created_at", "id")
        # Seconds since 1970 as a float: 10,000 timezone-aware datetime objects would cost more than the query.
        .annotate(placed_at=Cast(Extract("created_at", "epoch"), FloatField()))
        .values_list("id", "kind", "owner_id", "category_id", "placed_at")
    )


@dataclass
class _Graph:
    out: dict[int, set[int]] = field(default_factory=dict)
    into: dict[int, set[int]] = field(default_factory=dict)
    # member -> {category: offer id} and {category: (placed at, request id)}: the oldest active listing of each
    # kind per category; and when each member's oldest active request was placed (the ranking's "waited longest").
    offers_of: dict[int, dict[int, int]] = field(default_factory=dict)
    requests_of: dict[int, dict[int, tuple[float, int]]] = field(default_factory=dict)
    waiting_since: dict[int, float] = field(default_factory=dict)
    blocked_with: dict[int, set[int]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "_Graph":
        graph = cls()
        givers: dict[int, set[int]] = {}  # category -> members with an offer in it
        receivers: dict[int, set[int]] = {}
        for listing_id, kind, owner, category, placed_at in listing_rows():
            if kind == ListingKind.OFFER:
                graph.offers_of.setdefault(owner, {}).setdefault(category, listing_id)
                givers.setdefault(category, set()).add(owner)
            else:
                graph.requests_of.setdefault(owner, {}).setdefault(category, (placed_at, listing_id))
                graph.waiting_since.setdefault(owner, placed_at)
                receivers.setdefault(category, set()).add(owner)
        # Only members who both ask and offer can be on a ring.
        both = graph.offers_of.keys() & graph.requests_of.keys()
        out = graph.out = {member: set() for member in both}
        into = graph.into = {member: set() for member in both}
        for category, category_givers in givers.items():
            category_receivers = receivers.get(category, set()) & both
            if not category_receivers:
                continue
            category_givers = category_givers & both
            for giver in category_givers:
                out[giver] |= category_receivers
            for receiver in category_receivers:
                into[receiver] |= category_givers
        for member in both:
            out[member].discard(member)
            into[member].discard(member)
        for blocker, blocked in Block.objects.filter(blocker__in=both, blocked__in=both).values_list(
            "blocker_id", "blocked_id"
        ):
            graph.blocked_with.setdefault(blocker, set()).add(blocked)
            graph.blocked_with.setdefault(blocked, set()).add(blocker)
            for a, b in ((blocker, blocked), (blocked, blocker)):
                out[a].discard(b)
                into[b].discard(a)
        graph._trim()
        return graph

    def _trim(self) -> None:
        """Drop members without an incoming or an outgoing edge until none is left: they are on no cycle."""
        pending = [m for m in self.out if not self.out[m] or not self.into[m]]
        while pending:
            member = pending.pop()
            if member not in self.out:
                continue
            for successor in self.out.pop(member):
                self.into[successor].discard(member)
                if not self.into[successor]:
                    pending.append(successor)
            for predecessor in self.into.pop(member):
                self.out[predecessor].discard(member)
                if not self.out[predecessor]:
                    pending.append(predecessor)

    def edge_count(self) -> int:
        return sum(len(successors) for successors in self.out.values())

    def blocked(self, a: int, b: int) -> bool:
        return b in self.blocked_with.get(a, ())

    def materialise(self, cycles: list[tuple[int, ...]]) -> list[CandidateRing]:
        """Listings and members for the chosen rings, in one query. Per link: the category in which the receiver's
        request has waited longest, and the giver's oldest offer in it."""
        chosen = []
        for cycle in cycles:
            steps = []
            for index, giver in enumerate(cycle):
                receiver = cycle[(index + 1) % len(cycle)]
                offers, requests = self.offers_of[giver], self.requests_of[receiver]
                _placed_at, request_id, category = min((*requests[c], c) for c in offers.keys() & requests.keys())
                steps.append((request_id, offers[category]))
            chosen.append(steps)
        ids = {listing_id for steps in chosen for step in steps for listing_id in step}
        listings = Listing.objects.select_related("owner__user", "category").in_bulk(ids)
        return [
            CandidateRing(
                tuple(
                    CandidateLink(
                        giver=listings[offer_id].owner,
                        receiver=listings[request_id].owner,
                        request=listings[request_id],
                        offer=listings[offer_id],
                    )
                    for request_id, offer_id in steps
                )
            )
            for steps in chosen
        ]


class _Search:
    """Depth-first search from one start at a time, bounded by length and by what can still get back."""

    def __init__(self, graph: _Graph, *, max_length: int, limit: int, budget: int):
        self.graph, self.max_length, self.limit, self.budget = graph, max_length, limit, budget
        self.by_length = dict.fromkeys(range(MIN_RING, max_length + 1), 0)
        self.complete = True
        self._best: list[tuple[tuple[int, float, int], tuple[int, ...]]] = []  # max-heap by negated key
        self._order = 0
        self._worst_length = 0  # length of the worst ring in the full list; 0 while it is not full
        if max_length <= 4:
            # Members as bits (in id order) and each member's successors as one integer: counting the last members
            # of the rings of four through a prefix is then an AND and a bit count, not a set built per prefix.
            self._bit = {member: 1 << i for i, member in enumerate(sorted(graph.out))}
            self._out_bits = {m: sum(self._bit[s] for s in successors) for m, successors in graph.out.items()}

    def best_keys(self) -> Iterable[tuple[tuple[int, float, int], tuple[int, ...]]]:
        return (((-length, -waited, -order), cycle) for (length, waited, order), cycle in self._best)

    def _full_of_shorter(self, length: int) -> bool:
        """The list holds `limit` rings all shorter than `length`: no ring of that length can enter it."""
        return self.limit == 0 or 0 < self._worst_length < length

    def _offer(self, cycle: tuple[int, ...]) -> None:
        if self._full_of_shorter(len(cycle)):
            return
        waiting = self.graph.waiting_since
        self._order += 1
        key = (-len(cycle), -min(waiting[m] for m in cycle), -self._order)
        if len(self._best) < self.limit:
            heapq.heappush(self._best, (key, cycle))
        elif key > self._best[0][0]:
            heapq.heapreplace(self._best, (key, cycle))
        else:
            return
        if len(self._best) >= self.limit:
            self._worst_length = -self._best[0][0][0]

    def from_start(self, start: int, *, canonical: bool) -> bool:
        """Every ring through `start`; with `canonical`, only those whose other members all have larger ids.
        Returns False when the budget is spent."""
        if self.max_length <= 4:
            return self._short_rings(start, canonical=canonical)
        return self._long_rings(start, canonical=canonical)

    def _short_rings(self, start: int, *, canonical: bool) -> bool:
        """Rings of three and four as two plain loops (start -> b -> c, then c -> d -> start): the common case,
        without the general search's function calls per step."""
        out, blocked_with = self.graph.out, self.graph.blocked_with
        floor = start if canonical else -1
        closers = {m for m in self.graph.into[start] if m > floor}
        if not closers:
            return True
        bit, out_bits = self._bit, self._out_bits
        closer_bits = sum(bit[m] for m in closers)
        four = self.max_length == 4
        threes = fours = 0
        for b in out[start]:
            if b <= floor:
                continue
            self.budget -= 1
            if self.budget < 0:
                self.complete = False
                return False
            not_b = ~bit[b]
            blocked_b = blocked_with.get(b)
            for c in out[b]:
                if c <= floor or c == start:
                    continue
                if c in closers:  # start -> b -> c -> start
                    threes += 1
                    self._offer((start, b, c))
                if not four:
                    continue
                last = out_bits[c] & closer_bits & not_b
                if not last:
                    continue
                if blocked_with:  # the members opposite each other in the ring must not have blocked each other
                    if c in blocked_with.get(start, ()):
                        continue
                    if blocked_b:
                        last &= ~sum(bit.get(m, 0) for m in blocked_b)
                fours += last.bit_count()
                if not self._full_of_shorter(4):
                    for d in out[c] & closers:
                        if last & bit[d]:
                            self._offer((start, b, c, d))
        self.by_length[3] += threes
        if four:
            self.by_length[4] += fours
        return True

    def _long_rings(self, start: int, *, canonical: bool) -> bool:
        """The general search for rings of up to six: recursive, with reachability pruning and the budget."""
        out, into = self.graph.out, self.graph.into
        floor = start if canonical else -1
        closers = {m for m in into[start] if m > floor}
        if not closers:
            return True
        within_two = set(closers)
        for closer in closers:
            within_two.update(m for m in into[closer] if m > floor and m != start)

        def can_return(member: int, steps: int) -> bool:
            """Whether `member` can get back to the start in at most `steps` steps (checked up to three)."""
            if steps == 2:
                return member in within_two
            if steps == 3:
                return not out[member].isdisjoint(within_two)
            return True

        path = [start]

        def visit(node: int) -> bool:
            self.budget -= 1
            if self.budget < 0:
                self.complete = False
                return False
            length = len(path)  # members on the path, `node` last
            if length >= MIN_RING and node in closers:
                self._close(tuple(path))
            remaining = self.max_length - length  # members that may still be added
            if remaining == 0:
                return True
            if remaining == 1:
                self._last_step(path, node, closers)
                return True
            for successor in out[node]:
                if successor <= floor or successor in path or not can_return(successor, remaining):
                    continue
                if self._blocked_with_path(successor, path):
                    continue
                path.append(successor)
                going = visit(successor)
                path.pop()
                if not going:
                    return False
            return True

        return visit(start)

    def _blocked_with_path(self, member: int, path: list[int]) -> bool:
        blocked = self.graph.blocked_with.get(member)
        return bool(blocked) and not blocked.isdisjoint(path)

    def _close(self, cycle: tuple[int, ...]) -> None:
        self.by_length[len(cycle)] += 1
        self._offer(cycle)

    def _last_step(self, path: list[int], node: int, closers: set[int]) -> None:
        """The final member: any successor of `node` that points back to the start, found by one intersection."""
        last = self.graph.out[node] & closers
        if not last:
            return
        last.difference_update(path)
        for member in path:
            blocked = self.graph.blocked_with.get(member)
            if blocked:
                last -= blocked
        length = len(path) + 1
        self.by_length[length] += len(last)
        if last and not self._full_of_shorter(length):
            for member in last:
                self._offer((*path, member))
