"""Meeting places are citywide: anyone in Haarlem may walk in. The places actions call `sync_places` after a change;
counters stay on their own wijk's page (they are for the wijk's residents)."""

from collections.abc import Iterable

from wijkmarkt.platform.search.actions import sync
from wijkmarkt.platform.search.models import Kind
from wijkmarkt.platform.search.sources import Document
from wijkmarkt.tenants.places.models import Place, PlaceKind


class MeetingPlaceSource:
    kind = Kind.MEETING_PLACE

    def documents(self, ids: Iterable[int] | None = None) -> Iterable[Document]:
        places = Place.objects.filter(kind=PlaceKind.MEETING_PLACE).order_by("pk")
        if ids is not None:
            places = places.filter(pk__in=list(ids))
        for place in places:
            yield Document(
                object_id=place.pk,
                title=place.name,
                summary=" ".join(part for part in (place.description, place.address) if part),
                category=str(PlaceKind.MEETING_PLACE.label),
                path=f"/in-de-wijk/#plek-{place.pk}",
            )


def sync_places(*ids: int) -> None:
    sync(Kind.MEETING_PLACE, ids)
