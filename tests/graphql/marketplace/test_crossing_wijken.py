"""A Centrum member tries every GraphQL route to a Parkwijk listing, exchange or member and never reaches it: by
global ID (forged with either schema), by responding, reporting, searching, and by a ring proposal."""

import pytest
from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.marketplace import category_id, gid, place, respond
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.models import Exchange, Listing, Report


@pytest.fixture
def two_wijken(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    bram = make_member(parkwijk, "Bram")
    secret = place(parkwijk, anna, title="Heg snoeien aan de Zomerkade", category="tuin")
    exchange = respond(parkwijk, secret, bram)
    carla = make_member(centrum, "Carla")
    dirk = make_member(centrum, "Dirk")
    # Centrum has listings of its own, so a forged ID with Centrum's schema may well name a real Centrum row.
    own = [place(centrum, dirk, title=f"Centrum vraag {i}") for i in range(3)]
    return {
        "anna": anna,
        "bram": bram,
        "secret": secret,
        "exchange": exchange,
        "carla": carla,
        "dirk": dirk,
        "own": own,
    }


def test_a_parkwijk_listing_is_not_found_from_centrum_by_any_id(two_wijken):
    secret, carla = two_wijken["secret"], two_wijken["carla"]
    query = "query($id: ID!) { listing(id: $id) { title owner { firstName } } node(id: $id) { id } }"

    as_parkwijk = ok("centrum", query, {"id": gid("Listing", "parkwijk", secret.pk)}, user=carla.user)
    as_centrum = ok("centrum", query, {"id": gid("Listing", "centrum", secret.pk)}, user=carla.user)

    assert as_parkwijk == {"listing": None, "node": None}
    assert as_centrum["listing"] is None or as_centrum["listing"]["title"].startswith("Centrum vraag")
    assert "Anna" not in str(as_centrum)


def test_a_parkwijk_exchange_and_member_are_not_found_from_centrum(two_wijken):
    carla = two_wijken["carla"]
    query = "query($id: ID!) { exchange(id: $id) { id } node(id: $id) { id } }"

    exchange = ok("centrum", query, {"id": gid("Exchange", "parkwijk", two_wijken["exchange"].pk)}, user=carla.user)
    member = ok(
        "centrum",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": gid("Membership", "parkwijk", two_wijken["anna"].pk)},
        user=carla.user,
    )

    assert exchange == {"exchange": None, "node": None}
    assert member == {"node": None}


def test_centrum_cannot_respond_to_or_report_a_parkwijk_listing(two_wijken, parkwijk, centrum):
    carla, secret = two_wijken["carla"], two_wijken["secret"]
    respond_to = """mutation($id: ID!) { respondToListing(listingId: $id, message: "Ik kom") {
      exchange { id } errors { code } } }"""
    report = """mutation($id: ID!) { report(listingId: $id, reason: "Spam") { reported errors { code } } }"""

    for schema in ("parkwijk", "centrum"):
        listing_id = gid("Listing", schema, secret.pk)
        responded = run("centrum", respond_to, {"id": listing_id}, user=carla.user)
        reported = run("centrum", report, {"id": listing_id}, user=carla.user)
        # A forged Centrum ID may name a Centrum listing, which Carla may answer; a Parkwijk ID never resolves.
        if schema == "parkwijk":
            assert top_error(responded) == top_error(reported) == {"code": "NOT_FOUND", "message": "Niet gevonden."}

    with tenant_context(parkwijk):
        assert Exchange.objects.count() == 1
        assert Report.objects.count() == 0
        assert Listing.objects.get(pk=secret.pk).status == "in_contact"


def test_centrum_search_never_finds_parkwijk_listings(two_wijken):
    query = "query($q: String) { listings(q: $q) { edges { node { title } } } }"

    found = ok("centrum", query, {"q": "heg snoeien"}, user=two_wijken["carla"].user)
    everything = ok("centrum", query, {}, user=two_wijken["carla"].user)

    assert found == {"listings": {"edges": []}}
    assert {edge["node"]["title"] for edge in everything["listings"]["edges"]} == {
        "Centrum vraag 0",
        "Centrum vraag 1",
        "Centrum vraag 2",
    }


def test_a_parkwijk_member_on_the_centrum_domain_is_not_a_member_there(two_wijken):
    body = run("centrum", "{ listings { edges { node { title } } } }", user=two_wijken["anna"].user)
    mutation = run(
        "centrum",
        """mutation($id: ID!) { respondToListing(listingId: $id, message: "Hoi") {
      errors { code } } }""",
        {"id": gid("Listing", "centrum", two_wijken["own"][0].pk)},
        user=two_wijken["anna"].user,
    )

    assert top_error(body)["code"] == "PERMISSION_DENIED"
    assert top_error(mutation)["code"] == "NOT_FOUND"


def test_centrum_cannot_put_a_parkwijk_member_or_listing_in_a_ring(two_wijken, centrum):
    dirk, carla = two_wijken["dirk"], two_wijken["carla"]
    erik = make_member(centrum, "Erik")
    own = [place(centrum, member, title=f"Vraag van {member.user.first_name}") for member in (carla, erik)]
    propose = """mutation($links: [RingLinkInput!]!) { proposeRing(links: $links) {
      ring { id } errors { field code } } }"""
    links = [
        {
            "requestId": gid("Listing", "centrum", two_wijken["own"][0].pk),
            "giverId": gid("Membership", "centrum", erik.pk),
        },
        {"requestId": gid("Listing", "centrum", own[0].pk), "giverId": gid("Membership", "centrum", dirk.pk)},
        {
            "requestId": gid("Listing", "parkwijk", two_wijken["secret"].pk),
            "giverId": gid("Membership", "parkwijk", two_wijken["anna"].pk),
        },
    ]

    result = ok("centrum", propose, {"links": links}, user=dirk.user)["proposeRing"]

    assert result["ring"] is None
    assert result["errors"] == [{"field": "links", "code": "UNKNOWN_MEMBER"}]


def test_a_parkwijk_category_cannot_be_used_in_centrum(two_wijken, parkwijk):
    publish = """mutation($category: ID!) { publishListing(input: {kind: REQUEST, title: "Hulp", description: "Graag",
      category: $category}) { listing { id } errors { field code } } }"""

    result = ok("centrum", publish, {"category": category_id(parkwijk, "tuin")}, user=two_wijken["carla"].user)

    assert result["publishListing"] == {"listing": None, "errors": [{"field": "category", "code": "UNKNOWN_CATEGORY"}]}
