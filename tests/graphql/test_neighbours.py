from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders.clients import client_for, gql
from tests.builders.members import make_member

QUERY = "query($first: Int) { neighbours(first: $first) { edges { node { id firstName role } } } }"


def test_neighbours_need_membership(parkwijk):
    body = gql("parkwijk", QUERY, {"first": 5}).json()

    assert body["data"]["neighbours"] is None
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_page_size_above_the_cap_is_a_clear_error(parkwijk):
    anna = make_member(parkwijk, "Anna")

    body = gql("parkwijk", QUERY, {"first": 500}, user=anna.user).json()

    assert body["data"]["neighbours"] is None
    assert body["errors"][0]["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"
    assert body["errors"][0]["message"] == "`first` mag tussen 0 en 50 liggen; u vroeg 500."


def _queries_for_page(user, first: int) -> int:
    client = client_for("parkwijk", user)  # logging in and the first host lookup are not what is measured
    client.post("/graphql", {"query": "{ wijk { name } }"}, content_type="application/json")
    with CaptureQueriesContext(connection) as captured:
        body = client.post(
            "/graphql", {"query": QUERY, "variables": {"first": first}}, content_type="application/json"
        ).json()
    assert len(body["data"]["neighbours"]["edges"]) == first, body
    # SET search_path depends on what the connection did before (TENANT_LIMIT_SET_CALLS): count real queries.
    return sum(not q["sql"].startswith("SET search_path") for q in captured.captured_queries), captured


def test_listing_neighbours_costs_the_same_queries_for_any_page_size(parkwijk):
    members = [make_member(parkwijk, f"Buur{i}") for i in range(12)]

    small, _ = _queries_for_page(members[0].user, 2)
    large, captured = _queries_for_page(members[0].user, 12)

    assert large == small, "\n".join(q["sql"] for q in captured.captured_queries)
