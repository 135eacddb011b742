"""Reads of the console: the audit log with its filters, the coordinators, the partners with their wijken."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.console.models import AuditEntry
from wijkmarkt.platform.partners.models import Partner
from wijkmarkt.platform.wijken.models import OPEN_FOR_SIGN_UP, SITE_VISIBLE

AUDIT_PAGE_SIZE = 50


def audit_entries(
    *, coordinator_email: str = "", wijk: str = "", since: dt.date | None = None, until: dt.date | None = None
) -> QuerySet[AuditEntry]:
    """Newest first; `since` and `until` are whole days in Dutch local time, both included."""
    entries = AuditEntry.objects.all()
    if coordinator_email:
        entries = entries.filter(coordinator_email__iexact=coordinator_email)
    if wijk:
        entries = entries.filter(wijken__contains=[wijk])
    zone = timezone.get_current_timezone()
    if since:
        entries = entries.filter(at__gte=dt.datetime.combine(since, dt.time.min, tzinfo=zone))
    if until:
        entries = entries.filter(at__lt=dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=zone))
    return entries.order_by("-at", "-id")


def audit_coordinator_emails() -> list[str]:
    """Everyone who ever appears in the log, for the filter."""
    return list(AuditEntry.objects.order_by("coordinator_email").values_list("coordinator_email", flat=True).distinct())


def coordinators() -> QuerySet[User]:
    return User.objects.filter(is_coordinator=True, is_active=True).order_by("email")


def partners_with_wijken() -> QuerySet[Partner]:
    return Partner.objects.filter(active=True).prefetch_related("wijk_links__wijk").order_by("name")


def status_meaning(status: str) -> str:
    """What a status means for the wijk's site, read from the same sets the site itself uses."""
    if status in OPEN_FOR_SIGN_UP:
        return _("De site is te zien en nieuwe bewoners kunnen zich aanmelden.")
    if status in SITE_VISIBLE:
        return _(
            "De site is te zien en leden kunnen inloggen, maar nieuwe bewoners kunnen zich niet aanmelden en "
            "er kan niets nieuws geplaatst worden."
        )
    return _("De site is niet te zien: bezoekers krijgen een pagina dat de wijk (nog) niet open is.")
