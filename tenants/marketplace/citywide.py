"""The marketplace's part of the citywide search: a listing is in the index while its owner chose "ook in de rest
van Haarlem", it is open or in contact, and moderation did not hide it. Every action that changes one of those
calls `sync_listings` in its transaction (platform/search/actions.py)."""

from collections.abc import Iterable

from wijkmarkt.platform.search.actions import sync
from wijkmarkt.platform.search.models import Kind
from wijkmarkt.platform.search.sources import Document
from wijkmarkt.tenants.marketplace.models import ACTIVE_LISTING_STATUSES, Listing, Visibility


def citywide_listings():
    return Listing.objects.filter(
        visibility=Visibility.CITY, status__in=ACTIVE_LISTING_STATUSES, hidden_at__isnull=True
    )


class ListingSource:
    kind = Kind.LISTING

    def documents(self, ids: Iterable[int] | None = None) -> Iterable[Document]:
        listings = citywide_listings().select_related("category").order_by("pk")
        if ids is not None:
            listings = listings.filter(pk__in=list(ids))
        for listing in listings.iterator(chunk_size=1000):
            yield Document(
                object_id=listing.pk,
                title=f"{listing.get_kind_display()}: {listing.title}",
                summary=listing.description,
                category=listing.category.name,
                path=f"/vraag-en-aanbod/{listing.pk}/",
            )


def sync_listings(*ids: int) -> None:
    sync(Kind.LISTING, ids)
