"""The one way an action sends a mail: after its transaction commits, so a change that rolls back (a refused field,
a lost race) mails nobody, and a mail server that is down never undoes the change."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction


def mail_after_commit(address: str, subject: str, body: str) -> None:
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address], fail_silently=True))
