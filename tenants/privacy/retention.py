"""How long what is kept: the log-in attempt log (citywide, LOGIN_LOG_RETENTION_DAYS) and the makelaar's closed
signals and cases (per wijk, Wijk.makelaar_retention_months after closing). Run daily by
`./wijkmarkt manage purge_expired`; running it twice removes nothing more."""

import datetime as dt

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.makelaar.models import Case, CaseStatus, Signal, SignalStatus


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


def makelaar_cutoff(wijk: Wijk, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - relativedelta(months=wijk.makelaar_retention_months)


def purge_closed_makelaar_work(wijk: Wijk, now: dt.datetime | None = None) -> dict[str, int]:
    """In `wijk`'s own schema: delete its signals and cases closed longer ago than its retention (a case's
    hand-overs go with it). Open work is never touched, however old."""
    if connection.schema_name != wijk.schema_name:
        raise ValueError(f"purge for {wijk.schema_name} asked in schema {connection.schema_name}")
    cutoff = makelaar_cutoff(wijk, now)
    with transaction.atomic():
        signals = Signal.objects.filter(status=SignalStatus.CLOSED, closed_at__lt=cutoff).delete()[1]
        cases = Case.objects.filter(status=CaseStatus.CLOSED, closed_at__lt=cutoff).delete()[1]
    return {
        "signals": signals.get(Signal._meta.label, 0),
        "cases": cases.get(Case._meta.label, 0),
        "hand_overs": cases.get("makelaar.HandOver", 0),
    }
