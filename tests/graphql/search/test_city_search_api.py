"""citySearch: the citywide search through the API, on the portal only, with typed errors."""

import pytest

from tests.builders.clients import gql
from wijkmarkt.platform.wijken.hosts import wijk_url

QUERY = """query($q: String!, $wijk: String, $page: Int) {
  citySearch(query: $q, wijk: $wijk, page: $page) {
    total pages typoFallback
    results { kind title wijkSlug wijkName url }
    wijkFacets { value label count chosen }
  }
}"""


@pytest.fixture
def items(parkwijk, centrum, search_members, publish):
    return {
        "bikes": publish(centrum, search_members["bram"], "Ik repareer fietsen"),
        "ride": publish(parkwijk, search_members["anna"], "Rondje fietsen door de Hout"),
        "private": publish(centrum, search_members["bram"], "Fietsen lenen", visibility="wijk"),
    }


def test_a_resident_searches_the_city_from_the_portal(items, search_members, centrum):
    data = gql(None, QUERY, {"q": "fietsen"}, user=search_members["anna"].user).json()

    page = data["data"]["citySearch"]
    assert page["total"] == 2 and not page["typoFallback"]
    assert {r["title"] for r in page["results"]} == {
        "Aanbod: Ik repareer fietsen",
        "Aanbod: Rondje fietsen door de Hout",
    }
    bikes = next(r for r in page["results"] if r["wijkSlug"] == "centrum")
    assert bikes == {
        "kind": "LISTING",
        "title": "Aanbod: Ik repareer fietsen",
        "wijkSlug": "centrum",
        "wijkName": "Centrum",
        "url": f"{wijk_url(centrum)}vraag-en-aanbod/{items['bikes'].pk}/",
    }
    assert {(f["value"], f["count"]) for f in page["wijkFacets"]} == {("centrum", 1), ("parkwijk", 1)}


def test_a_wijk_facet_narrows(items, search_members):
    page = gql(None, QUERY, {"q": "fietsen", "wijk": "parkwijk"}, user=search_members["anna"].user).json()["data"]

    assert [r["title"] for r in page["citySearch"]["results"]] == ["Aanbod: Rondje fietsen door de Hout"]


@pytest.mark.parametrize(
    "slug, logged_in, variables, code",
    [
        ("parkwijk", True, {"q": "fietsen"}, "WRONG_DOMAIN"),  # citywide fields only on the portal
        (None, False, {"q": "fietsen"}, "PERMISSION_DENIED"),
        (None, True, {"q": ""}, "BAD_REQUEST"),
        (None, True, {"q": "x" * 201}, "BAD_REQUEST"),
        (None, True, {"q": "fiets\x07"}, "BAD_REQUEST"),
        (None, True, {"q": "fietsen", "page": 0}, "BAD_REQUEST"),
    ],
)
def test_refusals_are_typed(items, search_members, slug, logged_in, variables, code):
    user = search_members["anna"].user if logged_in else None

    body = gql(slug, QUERY, variables, user=user).json()

    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == code
