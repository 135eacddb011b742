"""Points and privacy: a member's export shows the points booked in that wijk only; after erasure the transfers stay
(others' balances depend on them) and the account holder is Oud-lid; the ledger still adds up (check_ledger runs
after each test through the `points` fixture)."""

import json

from tests.builders.clients import client_for
from tests.builders.ledger import done_exchange
from wijkmarkt.platform.ledger.actions import book_gift
from wijkmarkt.platform.ledger.models import Account, Entry, Via


def _ledger_rows(slug, user):
    data = json.loads(client_for(slug, user).get("/mijn-gegevens/download/").content)
    return next(part for part in data["onderdelen"] if part["onderdeel"] == "ledger.Entry")["rijen"]


def test_export_shows_this_wijks_points_only(points):
    anna, bram, mien = points["anna"], points["bram"], points["mien"]
    done_exchange(points["parkwijk"], asker=anna, helper=bram, hours="2")
    book_gift(
        giver=bram.user,
        recipient=mien.user,
        from_wijk=points["parkwijk"],
        to_wijk=points["centrum"],
        amount=1,
        key="privacy-gift",
        booked_by=bram.user,
        via=Via.WEBSITE,
        note="Voor de soep",
    )
    assert [(row["kind"], row["amount"]) for row in _ledger_rows("parkwijk", bram.user)] == [
        ("Verdiend met hulp", 4),
        ("Geschonken", -1),
    ]
    assert [(row["amount"], row["note"]) for row in _ledger_rows("centrum", mien.user)] == [(1, "Voor de soep")]
    assert _ledger_rows("parkwijk", anna.user) == []


def test_after_erasure_transfers_stay_and_the_account_holder_is_oud_lid(points):
    anna, bram = points["anna"], points["bram"]
    done_exchange(points["parkwijk"], asker=anna, helper=bram, hours="2")
    response = client_for("parkwijk", bram.user).post("/mijn-gegevens/verwijderen/", {"confirm": "on"})
    assert response.status_code == 200
    account = Account.objects.select_related("user").get(user=bram.user_id)
    assert (account.user.first_name, account.balance) == ("Oud-lid", 4)
    assert Entry.objects.filter(account=account).count() == 1
