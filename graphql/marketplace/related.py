"""What a marketplace list needs, for select_related / prefetch_related: applied where a list is built (queries,
mutation payloads, `me`), never a query per row. `neighbour_related` is what a `Neighbour` summary reads; the
other domains' lists that show a member use it too."""

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from wijkmarkt.tenants.chat.models import ChatMessage
from wijkmarkt.tenants.marketplace.models import Exchange, Ring, RingLink, ThankYou
from wijkmarkt.tenants.membership.models import Membership


def neighbour_related(path: str) -> tuple[str, ...]:
    """What a `Neighbour` summary of the member at `path` reads."""
    return (f"{path}__user", f"{path}__profile__street")


def under(path: str, related: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{path}__{name}" for name in related)


LISTING_RELATED = ("category", "street", *neighbour_related("owner"))
EXCHANGE_RELATED = (*under("listing", LISTING_RELATED), *neighbour_related("helper"), *neighbour_related("receiver"))
REPORT_RELATED = (
    *neighbour_related("reporter"),
    *under("listing", LISTING_RELATED),
    *under("message", neighbour_related("author")),
    *neighbour_related("member"),
    *neighbour_related("handled_by"),
)


def exchange_prefetches() -> tuple[Prefetch, ...]:
    return (
        Prefetch(
            "conversation__messages",
            queryset=ChatMessage.objects.select_related(*neighbour_related("author")).order_by("id"),
        ),
        Prefetch(
            "thank_yous", queryset=ThankYou.objects.select_related(*neighbour_related("author")).order_by("created_at")
        ),
    )


def with_exchange_relations(exchanges: QuerySet[Exchange]) -> QuerySet[Exchange]:
    return exchanges.select_related(*EXCHANGE_RELATED).prefetch_related(*exchange_prefetches())


def rings_with_links() -> QuerySet[Ring]:
    links = RingLink.objects.select_related(
        *neighbour_related("giver"),
        *neighbour_related("receiver"),
        *under("request", LISTING_RELATED),
        *under("offer", LISTING_RELATED),
    )
    return Ring.objects.prefetch_related(Prefetch("links", queryset=links))


def prefetch_neighbours(members: list[Membership]) -> None:
    """For members that came from elsewhere (suggestions, candidate rings): their profiles in one query."""
    prefetch_related_objects([m for m in members if m is not None], "profile__street")
