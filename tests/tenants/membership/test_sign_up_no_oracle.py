"""Sign-up is no oracle of who has an account (issue 12, point 4): a taken address gets the same answer as a new one
on the page and by GraphQL, nothing is written for it and nobody is logged in, and its owner is told by e-mail;
attempts are limited per client address. And an address longer than 254 characters is a field error, not a server
fault (point 7)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django_tenants.utils import tenant_context

from tests.builders.clients import gql
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.membership.models import Membership

SIGN_UP = """mutation($email: String!, $firstName: String!, $password: String!, $accept: Boolean!) {
  signUp(email: $email, firstName: $firstName, password: $password, acceptHouseRules: $accept) {
    errors { field code message } } }"""
# 313 characters: Django's validator takes up to 320, the column and RFC 5321 at most 254.
LONG_ADDRESS = "fatma@" + ".".join(["b" * 60] * 5) + ".nl"


def form(email: str) -> dict:
    return {"first_name": "Fatma", "email": email, "password": PASSWORD, "accept_house_rules": "on"}


@pytest.fixture
def anna(centrum):
    return make_member(centrum, "Anna", "anna@example.nl")


def _without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def _rows(parkwijk) -> tuple[int, int]:
    with tenant_context(parkwijk):
        return User.objects.count(), Membership.objects.count()


def test_a_taken_address_gets_the_page_a_new_one_gets_and_its_owner_a_mail(
    parkwijk, anna, django_capture_on_commit_callbacks
):
    new_client, taken_client = Client(HTTP_HOST="parkwijk.localhost"), Client(HTTP_HOST="parkwijk.localhost")
    with django_capture_on_commit_callbacks(execute=True):
        new = new_client.post("/aanmelden/", form("fatma@example.nl"))
    rows = _rows(parkwijk)
    with django_capture_on_commit_callbacks(execute=True):
        taken = taken_client.post("/aanmelden/", form("ANNA@example.nl"))

    assert (new.status_code, new.url) == (taken.status_code, taken.url) == (302, "/aanmelden/verstuurd/")
    assert _without_csrf(new_client.get(new.url)) == _without_csrf(taken_client.get(taken.url))
    assert "_auth_user_id" not in new_client.session and "_auth_user_id" not in taken_client.session
    assert _rows(parkwijk) == rows  # the taken address wrote nothing
    with tenant_context(parkwijk):
        assert not Membership.objects.filter(user=anna.user).exists()
    welcome, warning = mail.outbox
    assert welcome.to == ["fatma@example.nl"] and welcome.subject == "Welkom bij de Wijkmarkt van Parkwijk"
    assert warning.to == ["anna@example.nl"]
    assert warning.subject == "Iemand wilde zich met uw e-mailadres aanmelden"
    assert "Iemand probeerde zich met uw e-mailadres aan te melden bij de Wijkmarkt van Parkwijk." in warning.body
    assert "/account/wachtwoord-vergeten/" in warning.body and "/account/inloggen/" in warning.body
    assert "Anna" in warning.body and PASSWORD not in warning.body


def test_graphql_answers_alike_and_writes_nothing_for_a_taken_address(
    parkwijk, anna, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = gql(
            "parkwijk",
            SIGN_UP,
            {"email": "fatma@example.nl", "firstName": "Fatma", "password": PASSWORD, "accept": True},
        ).json()
    rows = _rows(parkwijk)
    with django_capture_on_commit_callbacks(execute=True):
        taken = gql(
            "parkwijk",
            SIGN_UP,
            {"email": "anna@example.nl", "firstName": "Fatma", "password": PASSWORD, "accept": True},
        ).json()

    assert new == taken == {"data": {"signUp": {"errors": []}}}
    assert _rows(parkwijk) == rows
    assert [message.to for message in mail.outbox] == [["fatma@example.nl"], ["anna@example.nl"]]


def test_bad_input_gets_the_same_field_errors_whether_the_address_is_taken_or_not(parkwijk, anna):
    answers = [
        gql("parkwijk", SIGN_UP, {"email": email, "firstName": " ", "password": "kort", "accept": False}).json()
        for email in ("anna@example.nl", "fatma@example.nl")
    ]
    assert answers[0] == answers[1]
    assert {e["field"] for e in answers[0]["data"]["signUp"]["errors"]} == {"firstName", "password", "acceptHouseRules"}


def test_one_client_address_may_try_only_so_often_by_page_and_graphql_together(parkwijk, anna, settings):
    settings.WIJKMARKT_RATE_LIMITS = {**settings.WIJKMARKT_RATE_LIMITS, "sign_up": (2, 900)}
    client = Client(HTTP_HOST="parkwijk.localhost")
    client.post("/aanmelden/", form("een@example.nl"))
    gql("parkwijk", SIGN_UP, {"email": "anna@example.nl", "firstName": "A", "password": PASSWORD, "accept": True})

    third = gql(
        "parkwijk", SIGN_UP, {"email": "twee@example.nl", "firstName": "T", "password": PASSWORD, "accept": True}
    ).json()
    page = client.post("/aanmelden/", form("drie@example.nl"))

    [error] = third["data"]["signUp"]["errors"]
    assert (error["field"], error["code"]) == (None, "RATE_LIMITED")
    assert error["message"].startswith("U heeft dit te vaak geprobeerd. Probeer het over ")
    assert page.status_code == 200 and "U heeft dit te vaak geprobeerd." in page.content.decode()
    assert 'value="drie@example.nl"' in page.content.decode()
    assert not User.objects.filter(email__in=["twee@example.nl", "drie@example.nl"]).exists()


def test_an_address_longer_than_254_characters_is_a_field_error_on_the_page(parkwijk):
    response = Client(HTTP_HOST="parkwijk.localhost").post("/aanmelden/", form(LONG_ADDRESS))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_error">Dit is te lang: maximaal 254 tekens, u typte er 313.' in page
    assert f'value="{LONG_ADDRESS}"' in page
    assert not User.objects.filter(first_name="Fatma").exists()


def test_an_address_longer_than_254_characters_is_a_typed_error_in_graphql(parkwijk):
    body = gql(
        "parkwijk", SIGN_UP, {"email": LONG_ADDRESS, "firstName": "Fatma", "password": PASSWORD, "accept": True}
    ).json()

    assert body["data"]["signUp"]["errors"] == [
        {"field": "email", "code": "TOO_LONG", "message": "Dit is te lang: maximaal 254 tekens, u typte er 313."}
    ]
    assert not User.objects.filter(first_name="Fatma").exists()
