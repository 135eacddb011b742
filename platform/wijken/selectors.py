"""Reads from the wijk registry."""

from django.db.models import QuerySet

from wijkmarkt.platform.wijken.models import Wijk


def wijken_listed() -> QuerySet[Wijk]:
    """Every real wijk (not the template), with its domains, for the portal and the not-found page."""
    return Wijk.objects.filter(is_template=False).prefetch_related("domains").order_by("name")


def wijk_by_host(hostname: str) -> Wijk | None:
    wijk = Wijk.objects.filter(domains__domain=hostname, is_template=False).first()
    if wijk is not None:
        wijk.domain_url = hostname
    return wijk
