"""Reads of the partner directory (public schema, so the same from every wijk's domain)."""

from django.db.models import QuerySet

from wijkmarkt.platform.partners.models import ContactPerson, Partner, WijkPartner
from wijkmarkt.platform.wijken.models import Wijk


def active_partners() -> QuerySet[Partner]:
    return Partner.objects.filter(active=True).order_by("name")


def partners_in_wijk(wijk: Wijk) -> QuerySet[WijkPartner]:
    """The partners active in this wijk, by name, with their offer and contact person there."""
    return (
        WijkPartner.objects.filter(wijk=wijk, partner__active=True)
        .select_related("partner", "contact")
        .order_by("partner__name")
    )


def contact_persons(partner: Partner | None = None) -> QuerySet[ContactPerson]:
    """Active contact persons (of one partner, or of every active partner), e.g. to hand a case over to."""
    people = ContactPerson.objects.filter(active=True, partner__active=True).select_related("partner")
    if partner is not None:
        people = people.filter(partner=partner)
    return people.order_by("partner__name", "name")


def contact_persons_in_wijk(wijk: Wijk) -> QuerySet[ContactPerson]:
    """The contact persons named for this wijk by the partners active in it."""
    return contact_persons().filter(wijk_links__wijk=wijk)
