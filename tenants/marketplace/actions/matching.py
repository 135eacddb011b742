"""Telling fitting neighbours about a new listing (if they opted in to match notifications)."""

from django.utils.translation import gettext as _

from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.models import Listing, NotificationKind
from wijkmarkt.tenants.marketplace.suggestions import suggestions_for


def notify_matches(listing: Listing) -> int:
    suggestions = suggestions_for(listing)
    for item in suggestions:
        notify(
            item.member, NotificationKind.MATCH,
            _("Misschien iets voor u: '%(title)s' (%(why)s).") % {"title": listing.title, "why": item.why},
            f"/vraag-en-aanbod/{listing.pk}/",
        )  # fmt: skip
    return len(suggestions)
