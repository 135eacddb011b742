"""Throttles that protect people, not servers: reset mails to one address, and the log-in lock-out keyed on the real
client behind the reverse proxy, so that a stranger can lock out only himself."""

import pytest
from django.core import mail

from tests.builders.clients import client_for
from tests.builders.members import PASSWORD, make_member

PROXY = "10.0.0.2"  # the reverse proxy every request comes through in production


def ask_reset(email: str, client_ip: str = "203.0.113.5"):
    client = client_for("parkwijk")
    return client.post("/account/wachtwoord-vergeten/", {"email": email}, REMOTE_ADDR=client_ip)


def test_reset_mails_to_one_address_stop_after_the_limit_with_the_same_answer(parkwijk):
    make_member(parkwijk, "Anna")

    answers = [ask_reset("anna@example.nl", client_ip=f"203.0.113.{n}") for n in range(16)]

    assert {(a.status_code, a["Location"]) for a in answers} == {(302, "/account/wachtwoord-vergeten/verstuurd/")}
    assert len(mail.outbox) == 3
    assert {message.to[0] for message in mail.outbox} == {"anna@example.nl"}


def test_reset_requests_from_one_client_stop_after_the_limit(parkwijk):
    for n in range(25):
        make_member(parkwijk, f"Buur{n}")

    answers = [ask_reset(f"buur{n}@example.nl") for n in range(25)]

    assert {(a.status_code, a["Location"]) for a in answers} == {(302, "/account/wachtwoord-vergeten/verstuurd/")}
    assert len(mail.outbox) == 20


def test_an_unknown_address_gets_the_same_answer_and_no_mail(parkwijk):
    answer = ask_reset("niemand@example.nl")

    assert (answer.status_code, answer["Location"]) == (302, "/account/wachtwoord-vergeten/verstuurd/")
    assert mail.outbox == []


def log_in(email: str, password: str, forwarded_for: str):
    client = client_for("parkwijk")
    response = client.post(
        "/account/inloggen/",
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    return response, client


def test_behind_the_proxy_a_stranger_guessing_locks_out_only_himself(parkwijk, settings):
    settings.WIJKMARKT_TRUSTED_PROXIES = 1
    make_member(parkwijk, "Anna")

    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        guess, _client = log_in("anna@example.nl", "raden-maar", forwarded_for="198.51.100.66")
    own, client = log_in("anna@example.nl", PASSWORD, forwarded_for="203.0.113.7")

    assert guess.status_code == 429  # the stranger is locked out...
    assert own.status_code == 302  # ...while Anna, from home through the same proxy, logs in
    assert client.get("/mijn-gegevens/").status_code == 200


@pytest.mark.parametrize(
    "proxies, forwarded_for",
    [
        # The stranger writes his own X-Forwarded-For; the proxy appends the address it really saw.
        (1, "192.0.2.{n}, 198.51.100.66"),
        # Without a proxy in front, X-Forwarded-For is whatever the client wrote.
        (0, "192.0.2.{n}"),
    ],
)
def test_a_forwarded_for_of_his_own_does_not_escape_the_lock_out(parkwijk, settings, proxies, forwarded_for):
    settings.WIJKMARKT_TRUSTED_PROXIES = proxies
    make_member(parkwijk, "Anna")

    for n in range(settings.AXES_FAILURE_LIMIT + 1):
        guess, _client = log_in("anna@example.nl", "raden-maar", forwarded_for=forwarded_for.format(n=n))

    assert guess.status_code == 429
