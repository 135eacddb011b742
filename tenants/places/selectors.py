"""Reads of the wijk's places, always in the active wijk's schema. Each place comes with its opening hours
prefetched, so `place.week` (Monday to Sunday with their periods) costs no further query.

Other apps use these, e.g. the self-assessment's "call or visit us": `counters()` with each counter's `week`."""

from django.db.models import Prefetch, QuerySet

from wijkmarkt.tenants.places.models import OpeningHours, Place, PlaceKind


def places() -> QuerySet[Place]:
    return Place.objects.prefetch_related(Prefetch("hours", queryset=OpeningHours.objects.order_by("day", "opens")))


def meeting_places() -> QuerySet[Place]:
    """The wijk's meeting places, by name."""
    return places().filter(kind=PlaceKind.MEETING_PLACE)


def counters() -> QuerySet[Place]:
    """The wijk's counters (loketten, balies), by name, with opening hours."""
    return places().filter(kind=PlaceKind.COUNTER)
