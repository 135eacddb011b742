"""The mail outbox: mail waits in the database queue until the scheduler's send_mail sends it; a server that refuses
leaves it deferred and visible until retry_deferred; every link in a mail is absolute, on the wijk's own host."""

import socket

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from mailer.models import RESULT_FAILURE, RESULT_SUCCESS, Message, MessageLog

from tests.builders.members import make_member
from wijkmarkt.platform.mail import absolute_url, mail_after_commit, mail_body
from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.models import NotificationKind, Profile

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def queued(settings):
    """Production's set-up: mail goes into the queue; the queue sends to the test's outbox (locmem)."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    settings.MAILER_EMAIL_BACKEND = LOCMEM
    return settings


@pytest.fixture
def https(settings):
    settings.WIJKMARKT_HTTPS = True
    settings.WIJKMARKT_PORT = 443
    return settings


def _closed_port() -> int:
    """A local port nothing listens on: the SMTP server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _host(wijk) -> str:
    return wijk.domains.all()[0].domain


def test_a_mail_waits_in_the_queue_until_send_mail_sends_it(queued, in_parkwijk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail_after_commit("anna@example.nl", "Onderwerp", "Tekst")
    assert mail.outbox == []
    assert [message.to_addresses for message in Message.objects.all()] == [["anna@example.nl"]]

    call_command("send_mail")

    assert [message.to for message in mail.outbox] == [["anna@example.nl"]]
    assert not Message.objects.exists()
    assert MessageLog.objects.filter(result=RESULT_SUCCESS).count() == 1


def test_a_refused_send_stays_deferred_and_visible_until_it_is_retried(
    queued, in_parkwijk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail_after_commit("anna@example.nl", "Onderwerp", "Tekst")
    # The real SMTP backend, to a server that is down.
    queued.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    queued.EMAIL_HOST, queued.EMAIL_PORT, queued.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 2
    queued.EMAIL_USE_TLS = queued.EMAIL_USE_SSL = False

    call_command("send_mail")

    deferred = Message.objects.deferred().get()
    assert deferred.to_addresses == ["anna@example.nl"]
    failure = MessageLog.objects.get(result=RESULT_FAILURE)
    assert failure.log_message  # the server's refusal, for whoever looks
    assert not failure.message_data  # the log keeps no bodies (log-in links)
    # A second pass leaves it alone until it is retried.
    call_command("send_mail")
    assert Message.objects.deferred().count() == 1

    queued.MAILER_EMAIL_BACKEND = LOCMEM
    call_command("retry_deferred")
    call_command("send_mail")

    assert [message.to for message in mail.outbox] == [["anna@example.nl"]]
    assert not Message.objects.exists()


def test_a_mail_that_cannot_even_be_queued_is_logged_not_swallowed(
    settings, in_parkwijk, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.platform.test_mail_outbox.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        mail_after_commit("anna@example.nl", "Onderwerp", "Tekst")
    assert any(record.levelname == "ERROR" and record.exc_info for record in caplog.records)
    assert "anna@example.nl" not in caplog.text


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("queue unavailable")


def test_a_path_becomes_a_link_on_the_wijks_host(https, in_parkwijk):
    assert absolute_url("/afspraken/15/") == f"https://{_host(in_parkwijk)}/afspraken/15/"
    assert absolute_url("") == ""
    assert absolute_url("https://example.nl/x") == "https://example.nl/x"


def test_a_path_in_the_portal_becomes_a_link_on_the_portal(https, db):
    assert absolute_url("/wijken/") == f"https://{https.WIJKMARKT_BASE_DOMAIN}/wijken/"


def test_a_notification_mail_links_to_the_wijk_host(https, in_parkwijk, django_capture_on_commit_callbacks):
    anna = make_member(in_parkwijk, "Anna")
    Profile.objects.create(member=anna, notify_email=[NotificationKind.RESPONSE])
    with django_capture_on_commit_callbacks(execute=True):
        notify(anna, NotificationKind.RESPONSE, "Bram reageert op uw vraag", url="/afspraken/15/")
    assert len(mail.outbox) == 1
    assert f"https://{_host(in_parkwijk)}/afspraken/15/" in mail.outbox[0].body


MAIL_TEMPLATES = {
    "notification.txt": {"name": "Anna", "text": "T & T", "url": "https://x.nl/a/"},
    "care_update.txt": {"name": "Anna", "text": "T & T", "url": "https://x.nl/a/"},
    "login_invitation.txt": {"name": "Anna", "link": "https://x.nl/a/"},
    "proxy_named.txt": {"name": "Anna", "principal": "Truus", "wijk": "Parkwijk", "link": "https://x.nl/"},
    "welcome.txt": {"name": "Anna", "wijk": "Parkwijk", "login": "https://x.nl/l/", "reset": "https://x.nl/r/"},
    "sign_up_with_taken_address.txt": {
        "name": "Anna",
        "wijk": "Parkwijk",
        "login": "https://x.nl/l/",
        "reset": "https://x.nl/r/",
    },
}


@pytest.mark.parametrize("template", sorted(MAIL_TEMPLATES))
def test_each_mail_template_is_plain_text_and_translated(template):
    """The bodies moved from code to themes/base/templates/mail/ kept their msgids: English finds its translation."""
    context = MAIL_TEMPLATES[template]
    dutch = mail_body(f"mail/{template}", context)
    with translation.override("en"):
        english = mail_body(f"mail/{template}", context)
    assert dutch.startswith("Beste Anna,") and english.startswith("Dear Anna,")
    assert english != dutch and "{{" not in english and "&amp;" not in dutch + english
    assert all(str(value) in english for value in context.values())
