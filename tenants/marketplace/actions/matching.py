"""Telling fitting neighbours about a new listing (if they opted in to match notifications)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.models import Listing, NotificationKind, Profile
from wijkmarkt.tenants.marketplace.suggestions import suggestions_for


def notify_matches(listing: Listing) -> int:
    # Matching reads every profile's text; skip it when nobody in the wijk asked to hear about matches.
    opted_in = Q(notify_site__contains=[NotificationKind.MATCH]) | Q(notify_email__contains=[NotificationKind.MATCH])
    if not Profile.objects.filter(opted_in).exists():
        return 0
    suggestions = [item for item in suggestions_for(listing) if _wants_matches(item.member)]
    for item in suggestions:
        notify(
            item.member,
            NotificationKind.MATCH,
            _("Misschien iets voor u: '%(title)s' (%(why)s).") % {"title": listing.title, "why": item.why},
            f"/vraag-en-aanbod/{listing.pk}/",
            about=listing.owner,
        )
    return len(suggestions)


def _wants_matches(member) -> bool:
    profile = Profile.objects.filter(member=member).only("notify_site", "notify_email").first()
    return profile is not None and NotificationKind.MATCH in (*profile.notify_site, *profile.notify_email)
