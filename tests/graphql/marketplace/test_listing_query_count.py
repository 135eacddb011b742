"""A page of 50 listings with their authors, categories and streets costs as many SQL queries as a page of 5, and so
does a page of exchanges with their threads. Compared, not pinned: django-tenants adds its own `SET search_path`."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.database import rolled_back_afterwards
from tests.builders.marketplace import gid, make_street, place, respond
from tests.builders.members import get_wijk, make_member
from wijkmarkt.tenants.marketplace.actions.exchanges import post_message
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
from wijkmarkt.tenants.membership.selectors import actor_for

PAGE = """query($first: Int, $q: String, $nearStreet: ID) {
  listings(first: $first, q: $q, nearStreet: $nearStreet) {
    edges { node { id title kind status placedAs distanceM createdAt
      category { id name slug }
      street { id name }
      owner { id firstName street houseNumber phone email contactWay } } }
  }
}"""

CATEGORIES = ["computer", "tuin", "boodschappen", "klusjes", "vervoer"]


def _queries(slug, query, variables, user, path):
    client = client_for(slug, user)  # logging in writes a session: not part of what is measured
    client.post("/graphql", {"query": "{ wijk { name } }"}, content_type="application/json")  # warms the host cache
    with CaptureQueriesContext(connection) as captured:
        body = client.post("/graphql", {"query": query, "variables": variables}, content_type="application/json").json()
    assert "errors" not in body, body
    items = body["data"]
    for key in path:
        items = items[key]
    # SET search_path depends on what the connection did before (TENANT_LIMIT_SET_CALLS): count real queries.
    return _without_search_path(captured), items, captured


def _sql(captured) -> str:
    return "\n".join(query["sql"] for query in captured.captured_queries)


def _without_search_path(captured) -> int:
    return sum(not query["sql"].startswith("SET search_path") for query in captured.captured_queries)


@pytest.fixture(scope="class")
def busy_parkwijk(django_db_setup, django_db_blocker):
    """Ten authors, half with a profile (street, shown phone), fifty listings over five categories and streets: made
    once for the three pages of TestAPageOfListings, rolled back after them."""
    with rolled_back_afterwards(django_db_blocker):
        yield _busy(get_wijk("parkwijk"))


def _busy(parkwijk) -> dict:
    streets = [make_street(parkwijk, f"Straat {i}", 52.38 + i / 1000, 4.66) for i in range(5)]
    authors = [make_member(parkwijk, f"Auteur{i}") for i in range(10)]
    with tenant_context(parkwijk):
        for i, author in enumerate(authors[::2]):
            update_profile(
                actor=actor_for(author.user),
                member=author,
                data=ProfileInput(street_id=streets[i].pk, phone="0612345678", show_phone=True),
            )
    for i in range(50):
        place(
            parkwijk,
            authors[i % 10],
            title=f"Hulp gezocht nummer {i}",
            category=CATEGORIES[i % 5],
            street_id=streets[i % 5].pk,
            kind="offer" if i % 3 else "request",
        )
    return {"streets": streets, "viewer": make_member(parkwijk, "Lezer")}


class TestAPageOfListings:
    @pytest.mark.parametrize(
        "filters",
        [{}, {"q": "hulp gezocht"}, {"near": True}],
        ids=["browse", "text-search", "near-street"],
    )
    def test_a_page_of_50_listings_costs_the_same_queries_as_a_page_of_5(self, parkwijk, busy_parkwijk, filters):
        variables = {"q": filters.get("q")}
        if filters.get("near"):
            variables["nearStreet"] = gid("Street", "parkwijk", busy_parkwijk["streets"][0].pk)
        user = busy_parkwijk["viewer"].user

        small, small_page, _ = _queries("parkwijk", PAGE, {**variables, "first": 5}, user, ["listings", "edges"])
        large, large_page, captured = _queries(
            "parkwijk", PAGE, {**variables, "first": 50}, user, ["listings", "edges"]
        )

        # The figures for the note (run with -s): statements per request, and those besides SET search_path.
        print(f"listings {filters or 'browse'}: {small} for 5, {large} for 50 ({_without_search_path(captured)} real)")
        assert (len(small_page), len(large_page)) == (5, 50)
        assert len({edge["node"]["owner"]["firstName"] for edge in large_page}) == 10
        assert len({edge["node"]["category"]["slug"] for edge in large_page}) == 5
        assert any(edge["node"]["owner"]["phone"] for edge in large_page)
        assert large == small, f"{small} queries for 5 listings, {large} for 50:\n{_sql(captured)}"


EXCHANGES = """query($first: Int) { me { exchanges(first: $first) { edges { node {
  id status myPart helperAgreed what
  listing { title category { name } owner { firstName street } street { name } }
  helper { firstName street phone } receiver { firstName street }
  messages { body author { firstName street } } thankYous { text } } } } } }"""


def test_a_page_of_exchanges_with_their_threads_costs_the_same_queries_for_any_size(parkwijk):
    asker = make_member(parkwijk, "Vrager")
    helpers = [make_member(parkwijk, f"Helper{i}") for i in range(12)]
    for i, helper in enumerate(helpers):
        listing = place(parkwijk, asker, title=f"Vraag {i}", category=CATEGORIES[i % 5])
        exchange = respond(parkwijk, listing, helper)
        with tenant_context(parkwijk):
            post_message(actor=actor_for(asker.user), exchange=exchange, body="Fijn, dank u!")

    small, small_page, _ = _queries("parkwijk", EXCHANGES, {"first": 3}, asker.user, ["me", "exchanges", "edges"])
    large, large_page, captured = _queries(
        "parkwijk", EXCHANGES, {"first": 12}, asker.user, ["me", "exchanges", "edges"]
    )

    print(f"me.exchanges: {small} for 3, {large} for 12 ({_without_search_path(captured)} real)")
    assert (len(small_page), len(large_page)) == (3, 12)
    assert all(len(edge["node"]["messages"]) == 2 for edge in large_page)
    assert {edge["node"]["myPart"] for edge in large_page} == {"RECEIVER"}
    assert large == small, f"{small} queries for 3 exchanges, {large} for 12:\n{_sql(captured)}"
