"""What the marketplace holds about a member, for their export and erasure (tenants/privacy/contributors.py; settings
PRIVACY_CONTRIBUTORS): their profile, proxies, listings, exchanges and what they wrote or reported."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.marketplace.citywide import sync_listings
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Block,
    Listing,
    ListingPhoto,
    ListingStatus,
    Notification,
    Profile,
    Report,
    ThankYou,
    default_site_notifications,
)
from wijkmarkt.tenants.membership.models import Membership, Proxy
from wijkmarkt.tenants.privacy.contributors import ABOUT_OTHERS, ERASED_TEXT, Contributor, Part, receipt

ERASED_LISTING_TITLE = "Vraag of aanbod van een oud-lid"
ERASED_NOTIFICATION = "Dit bericht ging over een oud-lid; de inhoud is verwijderd."

# The one who reported learns what they wrote and that the moderation handled it, not what it decided about another.
_REPORT_YOU_MADE = ("id", "target", "listing", "message", "member", "reason", "outcome", "created_at")

PARTS = (
    Part("marketplace.Profile", "member", _("Uw profiel")),
    Part("membership.Proxy", "principal", _("Wie namens u mag handelen (familieleden)")),
    Part("membership.Proxy", "user", _("Voor wie u namens hen mag handelen"), subject="user"),
    Part("marketplace.Listing", "owner", _("Uw vragen en aanbod")),
    Part("marketplace.ListingPhoto", "listing__owner", _("Foto's bij uw vragen en aanbod")),
    Part("marketplace.Ring", "proposed_by", _("Ruilen met meer buren die u voorstelde"), subject="user"),
    Part("marketplace.RingLink", "giver", _("Uw stappen in ruilen met meer buren: u helpt")),
    Part("marketplace.RingLink", "receiver", _("Uw stappen in ruilen met meer buren: u wordt geholpen")),
    Part("marketplace.Exchange", "helper", _("Afspraken waarin u helpt")),
    Part("marketplace.Exchange", "receiver", _("Afspraken waarin u geholpen wordt")),
    Part("marketplace.ThankYou", "author", _("Bedankjes die u schreef")),
    Part(
        "marketplace.Report",
        "reporter",
        _("Meldingen die u deed bij de moderatie"),
        only=_REPORT_YOU_MADE,
        shown={"outcome": lambda report: receipt(report.outcome != Report.Outcome.OPEN)},
        note=_(
            "U ziet wat u meldde en of de moderatie het afhandelde. Wat zij besloot over een ander, blijft bij haar."
        ),
    ),
    Part("marketplace.Block", "blocker", _("Buren die u blokkeerde")),
    Part("marketplace.Notification", "member", _("Uw meldingen op de site")),
)

NOT_EXPORTED = {
    ("membership.Proxy", "consent_recorded_by"): ABOUT_OTHERS,
    ("marketplace.Listing", "placed_by"): _(
        "Wat u voor een ander plaatste, hoort bij die ander; dat u het deed staat in 'Wat u namens anderen deed'."
    ),
    ("marketplace.Exchange", "started_by"): _("De afspraak staat al bij helpen of geholpen worden."),
    ("marketplace.Report", "member"): _(
        "Meldingen van anderen over u staan er niet in: dat beschermt wie meldde. De moderatie laat u weten wat "
        "zij ermee deed."
    ),
    ("marketplace.Report", "handled_by"): _("Moderatiewerk gaat over andere leden."),
    ("marketplace.Block", "blocked"): _("Wie u blokkeerde, is een keuze van de ander."),
    ("marketplace.Notification", "about"): _(
        "Meldingen aan anderen die u noemen, horen bij die ander; als u wordt verwijderd, verdwijnt uw naam eruit."
    ),
}


def erase(member: Membership, by: User) -> dict[str, int]:
    now = timezone.now()
    profile = Profile.objects.filter(member=member)
    cleared_profile = profile.update(
        about="",
        offers="",
        talents=[],
        languages=[],
        could_use="",
        available=[],
        street=None,
        house_number="",
        phone="",
        show_house_number=False,
        show_phone=False,
        show_email=False,
        notify_site=default_site_notifications(),
        notify_email=[],
    )
    proxies = Proxy.objects.filter(Q(principal=member) | Q(user=member.user), revoked_at__isnull=True)
    revoked = proxies.update(revoked_at=now)
    listings = Listing.objects.filter(owner=member)
    listing_ids = list(listings.values_list("pk", flat=True))
    withdrawn = listings.filter(status__in=[*ACTIVE_LISTING_STATUSES, ListingStatus.EXPIRED]).update(
        status=ListingStatus.WITHDRAWN
    )
    listings.update(title=ERASED_LISTING_TITLE, description=ERASED_TEXT, recurrence="", street=None)
    photos = ListingPhoto.objects.filter(listing__owner=member)
    files = [(photo.image.storage, photo.image.name) for photo in photos if photo.image]
    photo_count, _deleted = photos.delete()
    # The files go only once the rows are gone for good: a rolled-back erasure keeps its photos.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    # The citywide index follows the listings now withdrawn, in this transaction (search never shows a ghost).
    sync_listings(*listing_ids)
    thanks = ThankYou.objects.filter(author=member).update(text=ERASED_TEXT, author_consents=False)
    blocks, _deleted = Block.objects.filter(blocker=member).delete()
    notifications, _deleted = Notification.objects.filter(member=member).delete()
    # Others' notifications that name or quote the member ("Riet bevestigde de afspraak", her thank-you) lose their
    # whole text: they were written about her, so nothing of it is left to keep.
    about_them = Notification.objects.filter(about=member).update(text=ERASED_NOTIFICATION)
    return {
        "marketplace.Profile.member": cleared_profile,
        "membership.Proxy": revoked,
        "marketplace.Listing.owner": len(listing_ids),
        "marketplace.Listing.withdrawn": withdrawn,
        "marketplace.ListingPhoto": photo_count,
        "marketplace.ThankYou.author": thanks,
        "marketplace.Block.blocker": blocks,
        "marketplace.Notification.member": notifications,
        "marketplace.Notification.about": about_them,
    }


CONTRIBUTOR = Contributor(parts=PARTS, not_exported=NOT_EXPORTED, erase=erase)
