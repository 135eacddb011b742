"""Notifications in the site and by e-mail; each member chooses which kinds they get where (Profile)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.mail import absolute_url, mail_after_commit, mail_body
from wijkmarkt.tenants.marketplace.models import Notification, NotificationKind, Profile
from wijkmarkt.tenants.membership.models import Membership


def preferences_of(member: Membership) -> Profile:
    """The member's profile, or the defaults of a profile they never filled in (in-site for every kind)."""
    return Profile.objects.filter(member=member).first() or Profile(member=member)


def notify(
    member: Membership, kind: NotificationKind, text: str, url: str = "", about: Membership | None = None
) -> None:
    """`about`: the other member the text names or quotes (their erasure rewords it)."""
    profile = preferences_of(member)
    # Moderation messages always reach the member: nobody can switch off a warning.
    if kind in profile.notify_site or kind == NotificationKind.MODERATION:
        Notification.objects.create(member=member, kind=kind, text=text[:300], url=url, about=about)
    if kind in profile.notify_email and member.user.email:
        address, first_name = member.user.email, member.user.first_name
        # Mail only once the change it reports is committed.
        mail_after_commit(
            address,
            _("Wijkmarkt: %(text)s") % {"text": text[:80]},
            mail_body("mail/notification.txt", {"name": first_name, "text": text, "url": absolute_url(url)}),
        )


def mark_notifications_read(*, member: Membership) -> int:
    return Notification.objects.filter(member=member, read_at__isnull=True).update(read_at=timezone.now())
