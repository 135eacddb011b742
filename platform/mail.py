"""The one way an action sends a mail: after its transaction commits, so a change that rolls back (a refused field,
a lost race) mails nobody, and a mail server that is down never undoes the change.

In production the mail goes into the database queue (django-mailer, settings.EMAIL_BACKEND); the scheduler's
`send_mail` sends it and `retry_deferred` retries what the server refused, so a failed send stays visible in the
queue instead of being lost. Every link in a mail is absolute, on the wijk's own host (absolute_url)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django_tenants.utils import get_public_schema_name

from wijkmarkt.platform.wijken.hosts import portal_url, wijk_url

logger = logging.getLogger(__name__)


def mail_after_commit(address: str, subject: str, body: str) -> None:
    transaction.on_commit(lambda: _send(address, subject, body))


def mail_body(template: str, context: dict) -> str:
    """A mail's plain text from its template under themes/*/templates/mail/: Dutch source, translated by gettext in
    the active language, not HTML-escaped (it is plain text)."""
    return render_to_string(template, context).strip()


def _send(address: str, subject: str, body: str) -> None:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except Exception:
        # The change is committed; the mail could not even be queued. Say so loudly (no address: no personal data
        # in logs) instead of failing the request that made the change.
        logger.exception("A mail could not be queued or sent.")


def absolute_url(path: str) -> str:
    """`path` ("/afspraken/15/") as a link that works from a mail: scheme and host of the current wijk's primary
    domain (the portal's in the public schema). An empty path stays empty; a full URL is returned unchanged."""
    if not path or "://" in path:
        return path
    tenant = getattr(connection, "tenant", None)
    if tenant is None or tenant.schema_name == get_public_schema_name():
        return portal_url().rstrip("/") + "/" + path.lstrip("/")
    return wijk_url(tenant).rstrip("/") + "/" + path.lstrip("/")
