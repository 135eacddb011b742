"""pointStatement and givePoints: a gift from Parkwijk to Centrum with a retry that books nothing twice, typed
errors that book nothing, WRONG_DOMAIN in a wijk with points off and on the portal, the wijk admin's totals."""

from tests.builders.clients import gql
from tests.builders.ledger import done_exchange
from wijkmarkt.platform.ledger.models import Transfer

GIVE = """mutation($amount: Int!, $key: String!, $email: String, $name: String, $wijk: String) {
  givePoints(amount: $amount, idempotencyKey: $key, recipientEmail: $email, recipientName: $name,
             recipientWijk: $wijk) {
    transfer { kind amount other via } balance errors { field code message }
  }
}"""
STATEMENT = "{ pointStatement { balance lines { kind amount other note via } } }"


def test_give_points_across_wijken_and_retry_safely(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="2")
    bram = points["bram"].user
    variables = {"amount": 3, "key": "gift-1", "email": "mien@example.nl"}
    first = gql("parkwijk", GIVE, variables, user=bram).json()["data"]["givePoints"]
    assert first == {
        "transfer": {"kind": "GIFT", "amount": -3, "other": "Mien (Centrum)", "via": "WEBSITE"},
        "balance": 1,
        "errors": [],
    }
    again = gql("parkwijk", GIVE, variables, user=bram).json()["data"]["givePoints"]
    assert again == first and Transfer.objects.filter(kind="gift").count() == 1
    mien = gql("centrum", STATEMENT, user=points["mien"].user).json()["data"]["pointStatement"]
    assert mien == {
        "balance": 3,
        "lines": [{"kind": "GIFT", "amount": 3, "other": "Bram (Parkwijk)", "note": "", "via": "WEBSITE"}],
    }


def test_errors_are_typed_and_book_nothing(points):
    bram = points["bram"].user
    body = gql("parkwijk", GIVE, {"amount": 0, "key": "k", "email": "kees@example.nl"}, user=bram).json()
    errors = {(e["field"], e["code"]) for e in body["data"]["givePoints"]["errors"]}
    assert errors == {("amount", "INVALID_AMOUNT")}  # nobody is looked up for a gift that cannot happen
    body = gql("parkwijk", GIVE, {"amount": 5, "key": "k", "email": "mien@example.nl"}, user=bram).json()
    assert body["data"]["givePoints"]["errors"] == [
        {"field": "amount", "code": "NOT_ENOUGH_POINTS", "message": "Zoveel punten heeft u niet."}
    ]
    body = gql("parkwijk", GIVE, {"amount": 1, "key": "k", "name": "Mien", "wijk": "slachthuisbuurt"}, user=bram).json()
    assert body["data"]["givePoints"]["errors"][0]["code"] == "NOT_ENOUGH_POINTS"
    assert not Transfer.objects.exists()


def test_a_wijk_with_points_off_and_the_portal_show_no_points(points):
    kees = points["kees"].user
    for slug in ("slachthuisbuurt", None):
        body = gql(slug, STATEMENT, user=kees).json()
        assert body["errors"][0]["extensions"]["code"] == "WRONG_DOMAIN"
    body = gql("slachthuisbuurt", GIVE, {"amount": 1, "key": "k", "email": "anna@example.nl"}, user=kees).json()
    assert body["errors"][0]["extensions"]["code"] == "WRONG_DOMAIN" and not Transfer.objects.exists()


def test_only_members_read_a_statement_and_only_admins_the_totals(points):
    from tests.builders.members import make_member

    assert gql("parkwijk", STATEMENT).json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert gql("parkwijk", STATEMENT, user=points["mien"].user).json()["errors"][0]["extensions"]["code"] == (
        "PERMISSION_DENIED"
    )
    totals = "{ pointTotals { earned exchanges giftsOut giftsIn inCirculation } }"
    denied = gql("parkwijk", totals, user=points["bram"].user).json()
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="2")
    admin = make_member(points["parkwijk"], "Piet", role="wijk_admin")
    assert gql("parkwijk", totals, user=admin.user).json()["data"]["pointTotals"] == {
        "earned": 4,
        "exchanges": 1,
        "giftsOut": 0,
        "giftsIn": 0,
        "inCirculation": 4,
    }
