"""givePoints is no oracle of who lives where (issue 12, point 4): a gift that cannot happen answers the same
whether the recipient lives in another wijk, in a wijk with points off, twice under one name, or nowhere; by the
action, GraphQL and the page alike. And one account may try only so often (a limit shared by page and GraphQL)."""

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for, gql
from tests.builders.ledger import done_exchange
from tests.builders.members import make_member
from wijkmarkt.platform.ledger.models import Transfer
from wijkmarkt.tenants.marketplace.actions.points import give_points
from wijkmarkt.tenants.membership.selectors import actor_for

GIVE = """mutation($amount: Int!, $key: String!, $email: String, $name: String, $wijk: String) {
  givePoints(amount: $amount, idempotencyKey: $key, recipientEmail: $email, recipientName: $name,
             recipientWijk: $wijk) { transfer { amount } errors { field code message } } }"""

# Who is asked for, and how: Mien lives in Centrum (points on), Kees in the Slachthuisbuurt (points off), two Jans
# in Centrum, and nobody has the last address or name.
BY_EMAIL = ["mien@example.nl", "kees@example.nl", "niemand@example.nl"]
BY_NAME = [
    ("Mien", "centrum"),
    ("Jan", "centrum"),
    ("Kees", "slachthuisbuurt"),
    ("Truus", "centrum"),
    ("Mien", "nergenshuizen"),
]
NOT_FOUND = "We kunnen de ontvanger niet vinden. Kijk het e-mailadres na, of vul de voor- en achternaam en de wijk in."


@pytest.fixture
def two_jans(points):
    make_member(points["centrum"], "Jan", "jan1@example.nl")
    make_member(points["centrum"], "Jan", "jan2@example.nl")
    return points


def _refusal(points, giver, amount, key="k", **recipient) -> dict:
    wijk = points["parkwijk"]
    with tenant_context(wijk), pytest.raises(ValidationError) as refused:
        give_points(actor=actor_for(giver.user), giver=giver, wijk=wijk, amount=amount, key=key, **recipient)
    return {field: [(e.code, e.messages) for e in errors] for field, errors in refused.value.error_dict.items()}


def test_without_enough_points_every_recipient_gets_the_same_answer(two_jans):
    points = two_jans
    answers = [_refusal(points, points["anna"], 1, email=email) for email in BY_EMAIL]
    answers += [_refusal(points, points["anna"], 1, name=name, wijk_slug=slug) for name, slug in BY_NAME]
    assert all(answer == {"amount": [("not_enough_points", ["Zoveel punten heeft u niet."])]} for answer in answers)


def test_with_points_every_recipient_that_cannot_get_them_gets_the_same_answer(two_jans):
    points = two_jans
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")  # Bram earns 6
    by_email = [_refusal(points, points["bram"], 1, email=email) for email in BY_EMAIL[1:]]
    by_name = [_refusal(points, points["bram"], 1, name=name, wijk_slug=slug) for name, slug in BY_NAME[1:]]
    assert all(answer == {"email": [("recipient_not_found", [NOT_FOUND])]} for answer in by_email)
    assert all(answer == {"name": [("recipient_not_found", [NOT_FOUND])]} for answer in by_name)
    assert not Transfer.objects.filter(kind="gift").exists()


def test_a_cross_wijk_probe_by_graphql_learns_nothing(two_jans, settings):
    settings.WIJKMARKT_RATE_LIMITS = {**settings.WIJKMARKT_RATE_LIMITS, "give_points": (20, 600)}
    points, bram = two_jans, two_jans["bram"].user
    probes = [{"email": email} for email in BY_EMAIL] + [{"name": name, "wijk": slug} for name, slug in BY_NAME]
    answers = [
        gql("parkwijk", GIVE, {"amount": 1, "key": f"k{n}", **probe}, user=bram).json()["data"]["givePoints"]
        for n, probe in enumerate(probes)
    ]
    expected = {
        "transfer": None,
        "errors": [{"field": "amount", "code": "NOT_ENOUGH_POINTS", "message": "Zoveel punten heeft u niet."}],
    }
    assert all(answer == expected for answer in answers)
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")
    answers = [
        gql("parkwijk", GIVE, {"amount": 1, "key": f"p{n}", **probe}, user=bram).json()["data"]["givePoints"]
        for n, probe in enumerate(probes[1:3] + probes[4:])
    ]
    assert {(e["code"], e["message"]) for answer in answers for e in answer["errors"]} == {
        ("RECIPIENT_NOT_FOUND", NOT_FOUND)
    }
    assert not Transfer.objects.filter(kind="gift").exists()


def test_a_cross_wijk_probe_on_the_page_learns_nothing(two_jans, settings):
    settings.WIJKMARKT_RATE_LIMITS = {**settings.WIJKMARKT_RATE_LIMITS, "give_points": (20, 600)}
    points = two_jans
    client = client_for("parkwijk", points["bram"].user)
    pages = [client.post("/punten/geven/", {"email": email, "amount": "1", "key": "k"}) for email in BY_EMAIL]
    pages += [
        client.post("/punten/geven/", {"name": name, "wijk": slug, "amount": "1", "key": "k"})
        for name, slug in BY_NAME[:2] + BY_NAME[3:4]
    ]
    assert {page.status_code for page in pages} == {400}
    assert all('id="id_amount_error">Zoveel punten heeft u niet.' in page.content.decode() for page in pages)
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")
    pages = [client.post("/punten/geven/", {"email": email, "amount": "1", "key": "k"}) for email in BY_EMAIL[1:]]
    pages += [
        client.post("/punten/geven/", {"name": name, "wijk": slug, "amount": "1", "key": "k"})
        for name, slug in BY_NAME[1:2] + BY_NAME[3:4]
    ]
    assert all(NOT_FOUND in page.content.decode() for page in pages)
    assert not Transfer.objects.filter(kind="gift").exists()


def test_one_account_may_try_only_so_often_by_page_and_graphql_together(points, settings):
    settings.WIJKMARKT_RATE_LIMITS = {**settings.WIJKMARKT_RATE_LIMITS, "give_points": (3, 600)}
    bram = points["bram"].user
    client = client_for("parkwijk", bram)
    for n in range(2):
        client.post("/punten/geven/", {"email": f"buur{n}@example.nl", "amount": "1", "key": "k"})
    third = gql("parkwijk", GIVE, {"amount": 1, "key": "k", "email": "buur2@example.nl"}, user=bram).json()
    assert third["data"]["givePoints"]["errors"][0]["code"] == "NOT_ENOUGH_POINTS"

    fourth = gql("parkwijk", GIVE, {"amount": 1, "key": "k", "email": "buur3@example.nl"}, user=bram).json()
    page = client.post("/punten/geven/", {"email": "buur4@example.nl", "amount": "1", "key": "k"})

    [error] = fourth["data"]["givePoints"]["errors"]
    assert (error["field"], error["code"]) == (None, "RATE_LIMITED")
    assert error["message"].startswith("U heeft dit te vaak geprobeerd. Probeer het over ")
    assert page.status_code == 400 and "U heeft dit te vaak geprobeerd." in page.content.decode()
    assert 'value="buur4@example.nl"' in page.content.decode()
    other = gql("parkwijk", GIVE, {"amount": 1, "key": "k", "email": "x@example.nl"}, user=points["anna"].user).json()
    assert other["data"]["givePoints"]["errors"][0]["code"] == "NOT_ENOUGH_POINTS"  # the limit is Bram's alone


def test_a_used_or_too_long_key_tells_nothing_about_the_recipient(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")  # Bram earns 6
    with tenant_context(points["parkwijk"]):
        give_points(
            actor=actor_for(points["bram"].user),
            giver=points["bram"],
            wijk=points["parkwijk"],
            amount=1,
            key="used",
            email="mien@example.nl",
        )
    probes = ["anna@example.nl", "kees@example.nl", "niemand@example.nl"]

    reused = []
    for email in probes:
        with tenant_context(points["parkwijk"]), pytest.raises(ValidationError) as refused:
            give_points(
                actor=actor_for(points["bram"].user),
                giver=points["bram"],
                wijk=points["parkwijk"],
                amount=1,
                key="used",
                email=email,
            )
        reused.append(refused.value.message_dict)
    too_long = []
    for email in probes:
        with tenant_context(points["parkwijk"]), pytest.raises(ValidationError) as refused:
            give_points(
                actor=actor_for(points["bram"].user),
                giver=points["bram"],
                wijk=points["parkwijk"],
                amount=1,
                key="k" * 121,
                email=email,
            )
        too_long.append(refused.value.message_dict)

    assert reused == [{"idempotency_key": ["Deze sleutel is al gebruikt voor een andere overboeking."]}] * 3
    assert too_long == [{"idempotency_key": ["Een sleutel is 1 tot 120 tekens."]}] * 3
    assert Transfer.objects.filter(kind="gift").count() == 1


def test_a_key_with_a_nul_is_refused_as_input_not_a_fault(points):
    """Issue 12, point 7: the key went to PostgreSQL unchecked, which refuses a NUL with an error."""
    assert _refusal(points, points["bram"], 1, email="mien@example.nl", key="a\x00b") == {
        "idempotency_key": [
            ("invalid_characters", ["Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw."])
        ]
    }
