"""How long what is kept: the log-in attempt log (citywide, LOGIN_LOG_RETENTION_DAYS) and, per wijk, what each
contributor purges (contributors.py; the makelaar's closed signals and cases, Wijk.makelaar_retention_months after
closing). Run daily by `./wijkmarkt manage purge_expired`; running it twice removes nothing more."""

import datetime as dt

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.privacy.contributors import purgers


def login_log_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=settings.LOGIN_LOG_RETENTION_DAYS)


def purge_login_log(now: dt.datetime | None = None) -> int:
    """Delete log-in attempts (e-mail, IP address, browser) older than the retention; returns how many rows."""
    cutoff = login_log_cutoff(now)
    with transaction.atomic():
        return sum(
            model.objects.filter(attempt_time__lt=cutoff).delete()[0]
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        )


def purge_wijk(wijk: Wijk, now: dt.datetime | None = None) -> list[str]:
    """In `wijk`'s own schema and one transaction: every contributor's purge, in the order of the setting. Returns
    their lines for the report."""
    if connection.schema_name != wijk.schema_name:
        raise ValueError(f"purge for {wijk.schema_name} asked in schema {connection.schema_name}")
    with transaction.atomic():
        return [purge(wijk, now) for purge in purgers()]
