"""Template tags of the marketplace pages: the month's figures for the wijk home page, the unread count in the menu,
and a listing's "when" in words. Reads only, through the selectors; never a write."""

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.tenants.marketplace import selectors
from wijkmarkt.tenants.marketplace.models import Listing, Notification, When
from wijkmarkt.tenants.membership.selectors import request_membership

register = template.Library()


@register.simple_tag
def month_in_numbers():
    """ "Wat onze buurt deze maand deed", for the wijk's home page (in the active wijk's schema)."""
    return selectors.month_in_numbers()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    if request is None or not getattr(request, "actor", None) or not request.actor.is_member:
        return 0
    member = request_membership(request)
    return Notification.objects.filter(member=member, read_at__isnull=True).count() if member else 0


@register.simple_tag(takes_context=True)
def may(context, perm: str) -> bool:
    request = context.get("request")
    return bool(request is not None and getattr(request, "actor", None) and has_permission(request.actor, Perm(perm)))


def _day(value) -> str:
    return formats.date_format(value, "l j F Y")


@register.filter
def when_text(listing: Listing) -> str:
    """ "Op dinsdag 14 maart 2027", "Tussen ... en ...", "Vaker: elke dinsdagochtend", "Maakt niet uit"."""
    if listing.when == When.DATE and listing.starts_on:
        return _("Op %(day)s") % {"day": _day(listing.starts_on)}
    if listing.when == When.WINDOW and listing.starts_on and listing.ends_on:
        return _("Tussen %(start)s en %(end)s") % {"start": _day(listing.starts_on), "end": _day(listing.ends_on)}
    if listing.when == When.RECURRING:
        return _("Vaker: %(how)s") % {"how": listing.recurrence} if listing.recurrence else _("Vaker, steeds terug")
    return _("Wanneer het uitkomt")


@register.filter
def duration_text(minutes) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("%(m)s minuten") % {"m": rest}
    if not rest:
        return _("1 uur") if hours == 1 else _("%(h)s uur") % {"h": hours}
    return _("%(h)s uur en %(m)s minuten") % {"h": hours, "m": rest}


@register.filter
def local_url(url: str) -> str:
    """Only links inside this site (notifications store paths like /afspraken/5/)."""
    return url if isinstance(url, str) and url.startswith("/") and not url.startswith("//") else ""
