"""Issue 12, point 7: a NUL in givePoints' idempotency key (a field no text rule of the action reads) was INTERNAL."""

from tests.builders.clients import gql
from tests.builders.ledger import done_exchange
from wijkmarkt.platform.ledger.models import Transfer


def test_a_nul_in_the_idempotency_key_of_give_points_books_nothing(points):
    """The key reaches no rule of the action that would refuse it: the stand-in is rolled back, the field refused."""
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="2")
    query = """mutation($key: String!) { givePoints(amount: 1, idempotencyKey: $key, recipientEmail: "mien@example.nl")
                 { errors { field code } } }"""
    body = gql("parkwijk", query, {"key": "k\x00"}, user=points["bram"].user).json()
    assert body == {"data": {"givePoints": {"errors": [{"field": "idempotencyKey", "code": "INVALID_CHARACTERS"}]}}}
    assert not Transfer.objects.filter(kind="gift").exists()
