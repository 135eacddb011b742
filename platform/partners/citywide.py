"""What a partner offers in a wijk is citywide: it is public information about the wijk. The partner actions call
`sync_offers` after linking or unlinking."""

from collections.abc import Iterable

from wijkmarkt.platform.partners.models import WijkPartner
from wijkmarkt.platform.search.actions import sync
from wijkmarkt.platform.search.models import Kind
from wijkmarkt.platform.search.sources import Document
from wijkmarkt.platform.wijken.connection import active_wijk


class PartnerOfferSource:
    kind = Kind.PARTNER_OFFER

    def documents(self, ids: Iterable[int] | None = None) -> Iterable[Document]:
        links = WijkPartner.objects.filter(wijk=active_wijk(), partner__active=True).select_related("partner")
        if ids is not None:
            links = links.filter(pk__in=list(ids))
        for link in links.order_by("pk"):
            yield Document(
                object_id=link.pk,
                title=link.partner.name,
                summary=link.offer or link.partner.offer,
                category=str(link.partner.get_kind_display()),
                path=f"/in-de-wijk/#partner-{link.pk}",
            )


def sync_offers(wijk, *ids: int) -> None:
    sync(Kind.PARTNER_OFFER, ids, wijk=wijk)
