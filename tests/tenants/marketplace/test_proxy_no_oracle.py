"""registerProxy is no oracle of who has an account (issue 12, point 4): an address without an account and one
that is already the member's proxy get the same answer by the action, GraphQL and the page; the relative who is
named is told by e-mail; and one account may try only so often, by page and GraphQL together."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for, gql
from tests.builders.members import make_member
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.models import Proxy
from wijkmarkt.tenants.membership.selectors import actor_for

PROXY = """mutation($email: String!, $relation: String!) { registerProxy(proxyEmail: $email, relation: $relation) {
  proxy { id } errors { field code message } } }"""
PROBES = ["niemand@example.nl", "carla@example.nl"]  # no account; Carla (Centrum) is already Anna's proxy


@pytest.fixture
def anna_and_carla(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    make_member(centrum, "Carla", "carla@example.nl")
    with tenant_context(parkwijk):
        register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email="carla@example.nl", relation="dochter")
    mail.outbox.clear()
    return anna


def test_the_action_answers_alike_for_no_account_and_an_existing_proxy(parkwijk, anna_and_carla):
    anna = anna_and_carla
    answers = []
    for address in PROBES:
        with tenant_context(parkwijk), pytest.raises(ValidationError) as refused:
            register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email=address, relation="neef")
        answers.append([(e.code, e.messages) for e in refused.value.error_dict["proxy_email"]])
    assert answers[0] == answers[1] and answers[0][0][0] == "unknown_member"
    with tenant_context(parkwijk):
        assert Proxy.objects.count() == 1
    assert mail.outbox == []


def test_graphql_and_the_page_answer_alike(parkwijk, anna_and_carla, django_capture_on_commit_callbacks):
    anna = anna_and_carla.user
    with django_capture_on_commit_callbacks() as callbacks:
        by_graphql = [
            gql("parkwijk", PROXY, {"email": address, "relation": "neef"}, user=anna).json()["data"]
            for address in PROBES
        ]
    client = client_for("parkwijk", anna)
    pages = [
        client.post("/profiel/gemachtigden/", {"proxy_email": address, "relation": "neef", "consent": "on"})
        for address in PROBES
    ]
    errors = [re.search(r'id="id_proxy_email_error">([^<]*)<', page.content.decode()).group(1) for page in pages]

    assert by_graphql[0] == by_graphql[1] and callbacks == []  # no mail about to go out either
    assert by_graphql[0]["registerProxy"]["errors"][0]["code"] == "UNKNOWN_MEMBER"
    assert errors[0] == errors[1] and errors[0].startswith("Dit adres kunnen we niet toevoegen.")
    assert [page.status_code for page in pages] == [pages[0].status_code] * 2
    with tenant_context(parkwijk):
        assert Proxy.objects.count() == 1
    assert mail.outbox == []


def test_the_relative_who_is_named_gets_an_e_mail(parkwijk, centrum, django_capture_on_commit_callbacks):
    anna = make_member(parkwijk, "Anna")
    make_member(centrum, "Sara", "sara@example.nl")

    with django_capture_on_commit_callbacks(execute=True):
        result = gql("parkwijk", PROXY, {"email": "SARA@example.nl", "relation": "nicht"}, user=anna.user).json()

    assert result["data"]["registerProxy"]["errors"] == []
    [message] = mail.outbox
    assert message.to == ["sara@example.nl"] and message.subject == "U bent gemachtigde op de Wijkmarkt"
    assert "Anna uit Parkwijk heeft u op de Wijkmarkt als gemachtigde genoemd." in message.body


def test_one_account_may_try_only_so_often_by_page_and_graphql_together(parkwijk, anna_and_carla, settings):
    settings.WIJKMARKT_RATE_LIMITS = {**settings.WIJKMARKT_RATE_LIMITS, "register_proxy": (2, 600)}
    anna = anna_and_carla.user
    client = client_for("parkwijk", anna)
    client.post("/profiel/gemachtigden/", {"proxy_email": "a@example.nl", "relation": "neef", "consent": "on"})
    gql("parkwijk", PROXY, {"email": "b@example.nl", "relation": "neef"}, user=anna)

    third = gql("parkwijk", PROXY, {"email": "c@example.nl", "relation": "neef"}, user=anna).json()
    page = client.post("/profiel/gemachtigden/", {"proxy_email": "d@example.nl", "relation": "neef", "consent": "on"})

    [error] = third["data"]["registerProxy"]["errors"]
    assert (error["field"], error["code"]) == (None, "RATE_LIMITED")
    assert "U heeft dit te vaak geprobeerd." in page.content.decode()
    assert 'value="d@example.nl"' in page.content.decode()
