"""API input that once reached INTERNAL, or state a client could overwrite."""

import base64

from django_tenants.utils import tenant_context

from tests.builders.clients import gql
from tests.builders.marketplace import place
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.tenants.marketplace.actions.moderation import handle_report, report
from wijkmarkt.tenants.membership.selectors import actor_for


def test_a_wijk_type_id_on_the_portal_is_just_not_found(db):
    for type_name in ("Listing", "Category", "Exchange"):
        node_id = base64.b64encode(f"{type_name}:public:1".encode()).decode()

        body = gql(None, "query($id: ID!) { node(id: $id) { id } }", {"id": node_id}).json()

        assert body == {"data": {"node": None}}


def test_bad_cursors_are_a_clear_error_not_a_crash(parkwijk, people):
    for raw in ("arrayconnection:-5", "arrayconnection:99999999999999999999"):
        cursor = base64.b64encode(raw.encode()).decode()

        body = gql(
            "parkwijk",
            "query($c: String) { listings(after: $c) { edges { node { id } } } }",
            {"c": cursor},
            user=people["anna"].user,
        ).json()

        assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_handled_report_cannot_be_handled_again(parkwijk, people):
    listing = place(parkwijk, people["bram"])
    moderator = people["fatima"]
    with tenant_context(parkwijk):
        filed = report(actor=actor_for(people["anna"].user), reporter=people["anna"], listing=listing, reason="Vreemd")
        handle_report(
            actor=actor_for(moderator.user),
            moderator=moderator,
            report=filed,
            outcome="dismissed",
            reason="Niets aan de hand",
        )
    mutation = """mutation($id: ID!) { handleReport(reportId: $id, outcome: SUSPENDED, reason: "toch") {
        errors { code } } }"""

    body = gql("parkwijk", mutation, {"id": to_global_id("Report", "parkwijk", filed.pk)}, user=moderator.user).json()

    assert body["data"]["handleReport"]["errors"] == [{"code": "WRONG_STATE"}]
    filed.refresh_from_db()
    assert filed.handled_reason == "Niets aan de hand"
