"""grantCoordinator and revokeCoordinator through GraphQL, with typed errors; never the last coordinator."""

from tests.builders.clients import gql
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.console.models import AuditEntry

GRANT = "mutation($e: String!) { grantCoordinator(email: $e) { coordinator { email isCoordinator } errors { field code message } } }"
REVOKE = "mutation($e: String!) { revokeCoordinator(email: $e) { coordinator { email isCoordinator } errors { field code message } } }"


def test_grant_and_revoke(coordinator, parkwijk):
    anna = make_member(parkwijk, "Anna").user
    granted = gql(None, GRANT, {"e": "Anna@Example.nl"}, user=coordinator).json()["data"]["grantCoordinator"]
    assert granted == {"coordinator": {"email": "anna@example.nl", "isCoordinator": True}, "errors": []}
    revoked = gql(None, REVOKE, {"e": anna.email}, user=coordinator).json()["data"]["revokeCoordinator"]
    assert revoked["coordinator"]["isCoordinator"] is False
    assert not User.objects.get(pk=anna.pk).is_coordinator
    assert list(AuditEntry.objects.values_list("via", flat=True)) == ["graphql", "graphql"]


def test_typed_errors(coordinator):
    User.objects.exclude(pk=coordinator.pk).update(is_coordinator=False)
    cases = [
        (GRANT, "geen-adres", "INVALID_EMAIL"),
        (GRANT, "niemand@example.nl", "UNKNOWN_ACCOUNT"),
        (GRANT, coordinator.email, "ALREADY_COORDINATOR"),
        (REVOKE, coordinator.email, "LAST_COORDINATOR"),
    ]
    for mutation, email, code in cases:
        data = gql(None, mutation, {"e": email}, user=coordinator).json()["data"]
        result = next(iter(data.values()))
        assert result["coordinator"] is None
        assert [(e["field"], e["code"]) for e in result["errors"]] == [("email", code)]
    assert User.objects.get(pk=coordinator.pk).is_coordinator and not AuditEntry.objects.exists()
