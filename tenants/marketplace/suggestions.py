"""Match suggestions: which neighbours fit a new listing, and why, in words a person understands
("biedt computerhulp aan, vrij op dinsdagochtend, 300 m verderop")."""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Block,
    DayPart,
    Listing,
    ListingKind,
    Profile,
    Weekday,
)
from wijkmarkt.tenants.marketplace.selectors import distance_from
from wijkmarkt.tenants.membership.models import Membership

MAX_SUGGESTIONS = 5
WEEKDAYS = list(Weekday)


@dataclass
class Suggestion:
    member: Membership
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    distance_m: float | None = None

    @property
    def why(self) -> str:
        return ", ".join(self.reasons)


def _search_words(listing: Listing) -> str:
    words = [w for w in listing.title.replace(",", " ").split() if len(w) > 3][:6]
    return " or ".join(words)


def suggestions_for(listing: Listing) -> list[Suggestion]:
    """Members whose open listings, talents and availability fit `listing`; never its owner, suspended members or
    members either side has blocked. At most five, best first."""
    blocked = Block.objects.filter(Q(blocker=listing.owner_id) | Q(blocked=listing.owner_id)).values_list(
        "blocker_id", "blocked_id"
    )
    excluded = {listing.owner_id} | {pk for pair in blocked for pk in pair}
    found: dict[int, Suggestion] = {}

    def suggestion(member: Membership) -> Suggestion:
        return found.setdefault(member.pk, Suggestion(member=member))

    opposite = ListingKind.OFFER if listing.kind == ListingKind.REQUEST else ListingKind.REQUEST
    verb = _("biedt %(what)s aan") if opposite == ListingKind.OFFER else _("vraagt om %(what)s")
    matching = (
        Listing.objects.filter(
            kind=opposite,
            category_id=listing.category_id,
            status__in=ACTIVE_LISTING_STATUSES,
            expires_at__gt=timezone.now(),
            hidden_at__isnull=True,
            owner__suspended_at__isnull=True,
        )
        .exclude(owner_id__in=excluded)
        .select_related("owner__user")[:50]
    )
    for other in matching:
        item = suggestion(other.owner)
        if item.score < 3:
            item.score += 3
            item.reasons.append(verb % {"what": listing.category.name.lower()})

    words = _search_words(listing)
    if words:
        text_field = "offers" if listing.kind == ListingKind.REQUEST else "could_use"
        query = SearchQuery(words, config="dutch", search_type="websearch")
        profiles = (
            Profile.objects.annotate(text=SearchVector(text_field, "talents", config="dutch"))
            .filter(text=query, member__suspended_at__isnull=True)
            .exclude(member_id__in=excluded)
            .select_related("member__user")[:50]
        )
        for profile in profiles:
            item = suggestion(profile.member)
            item.score += 2
            item.reasons.append(
                _("noemt dit bij wat hij of zij kan")
                if listing.kind == ListingKind.REQUEST
                else _("kan dit goed gebruiken")
            )

    if not found:
        return []
    profiles = {p.member_id: p for p in Profile.objects.filter(member_id__in=found).select_related("street")}
    if listing.starts_on:
        day = WEEKDAYS[listing.starts_on.weekday()]
        for member_id, item in found.items():
            parts = [
                p for p in DayPart if f"{day.value}_{p.value}" in getattr(profiles.get(member_id), "available", [])
            ]
            if parts:
                item.score += 1
                item.reasons.append(_("vrij op %(day)s%(part)s") % {"day": day.label, "part": parts[0].label})
    if listing.street_id:
        distances = dict(
            Profile.objects.filter(member_id__in=found, street__isnull=False)
            .annotate(d=distance_from(listing.street))
            .values_list("member_id", "d")
        )
        for member_id, metres in distances.items():
            item = found[member_id]
            item.distance_m = metres
            item.reasons.append(_("%(metres)s m verderop") % {"metres": int(round(metres, -1))})
            if metres <= 500:
                item.score += 1
    return sorted(found.values(), key=lambda s: (-s.score, s.distance_m or 1e9, s.member.pk))[:MAX_SUGGESTIONS]
