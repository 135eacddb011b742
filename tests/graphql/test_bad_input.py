"""Issue 12, point 7: the findings one by one. A string no field takes (lone surrogate, NUL, control character,
bidi override, longer than any field) is refused with INVALID_ARGUMENT naming the argument before any resolver
runs, whether it came as a variable or as a literal; connections, ring search and IDs answer typed errors or null;
introspection follows settings.GRAPHQL_INTROSPECTION."""

import pytest
from django_tenants.utils import tenant_context

from tests.builders.clients import gql
from tests.builders.console import make_coordinator
from tests.builders.marketplace import category_id
from tests.builders.members import make_member
from wijkmarkt.graphql.core.text_inputs import STAND_IN, refused_text
from wijkmarkt.platform.partners.models import Partner, WijkPartner
from wijkmarkt.tenants.chat.actions import start_direct_conversation
from wijkmarkt.tenants.marketplace.models import Listing

SURROGATE, NUL, RTL = "a\ud800b", "a\x00b", "a\u202eb"

PUBLISH = """mutation($input: ListingInput!) { publishListing(input: $input) { errors { field code } } }"""


def codes(body: dict) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in body.get("errors", [])]


def refused(body: dict, argument: str) -> bool:
    return [(e["extensions"]["code"], e["extensions"]["argument"]) for e in body["errors"]] == [
        ("INVALID_ARGUMENT", argument)
    ]


@pytest.fixture
def anna(parkwijk):
    return make_member(parkwijk, "Anna")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SURROGATE, "INVALID_CHARACTERS"),
        (NUL, "INVALID_CHARACTERS"),
        (RTL, "INVALID_CHARACTERS"),
        ("x" * 20_001, "TOO_LONG"),
        ("x" * (1 << 20), "TOO_LONG"),
    ],
    ids=["surrogate", "NUL", "RTL", "20001", "1 MB"],
)
def test_a_hostile_string_in_a_mutation_input_is_the_fields_error_and_stores_nothing(parkwijk, anna, text, code):
    listing = {"kind": "REQUEST", "title": text, "description": "Wie helpt?", "category": category_id(parkwijk)}
    body = gql("parkwijk", PUBLISH, {"input": listing}, user=anna.user).json()
    assert body == {"data": {"publishListing": {"errors": [{"field": "title", "code": code}]}}}
    parkwijk.activate()
    assert not Listing.objects.exists()


def test_a_hostile_string_in_a_query_is_refused_by_name(parkwijk, anna):
    query = "query($q: String) { listings(q: $q) { edges { node { id } } } }"
    for text in (SURROGATE, NUL, "x" * 20_001):
        response = gql("parkwijk", query, {"q": text}, user=anna.user)
        assert response.status_code == 400 and refused(response.json(), "$q")


def test_a_long_text_within_the_global_cap_still_gets_the_fields_own_error(parkwijk, anna):
    listing = {"kind": "REQUEST", "title": "t" * 5000, "description": "Wie helpt?", "category": category_id(parkwijk)}
    body = gql("parkwijk", PUBLISH, {"input": listing}, user=anna.user).json()
    assert body["data"]["publishListing"]["errors"] == [{"field": "title", "code": "TOO_LONG"}]


def test_an_escaped_nul_in_a_literal_is_refused_too(parkwijk, anna):
    body = gql("parkwijk", '{ listings(q: "koffie\\u0000") { edges { node { id } } } }', user=anna.user).json()
    assert refused(body, "q")


def test_a_lone_surrogate_in_the_listing_search_and_the_city_search(parkwijk, anna):
    listings = gql(
        "parkwijk", "query($q: String) { listings(q: $q) { edges { node { id } } } }", {"q": SURROGATE}, user=anna.user
    ).json()
    city = gql(None, "query($q: String!) { citySearch(query: $q) { total } }", {"q": SURROGATE}).json()
    assert refused(listings, "$q") and refused(city, "$q")


def test_a_nul_in_the_coordinators_partner_link_and_filters(parkwijk):
    Partner.objects.create(slug="buurthuis", name="Buurthuis De Brug", kind="welfare", active=True)
    coordinator = make_coordinator()
    link = gql(
        None,
        'mutation { linkPartnerToWijk(wijk: "parkwijk", partner: "buurthuis\\u0000") { linked'
        " errors { field code } } }",
        user=coordinator,
    ).json()
    audit = gql(None, "query($w: String) { auditLog(wijk: $w) { summary } }", {"w": NUL}, user=coordinator).json()
    figures = gql(
        None,
        'query($w: String) { evaluationFigures(from: "2026-01-01", to: "2026-02-01", wijk: $w) { errors { code } } }',
        {"w": NUL},
        user=coordinator,
    ).json()
    assert codes(link) == ["NOT_FOUND"]  # "Deze partner bestaat niet.": the NUL never reached the query
    assert refused(audit, "$w") and refused(figures, "$w")
    assert not WijkPartner.objects.exists()


@pytest.mark.parametrize(
    "arguments",
    ['offset: 1, before: "YXJyYXljb25uZWN0aW9uOjU="', 'offset: 1, after: "geen-cursor"', 'before: "geen-cursor"'],
)
def test_connections_answer_a_typed_error_for_arguments_that_do_not_go_together(parkwijk, anna, arguments):
    for query in (
        f"{{ neighbours({arguments}) {{ edges {{ node {{ id }} }} }} }}",
        f"{{ me {{ listings({arguments}) {{ edges {{ node {{ id }} }} }} }} }}",
    ):
        assert codes(gql("parkwijk", query, user=anna.user).json()) == ["BAD_REQUEST"], query


def test_candidate_rings_with_a_null_max_length_uses_the_default(parkwijk, anna):
    body = gql("parkwijk", "{ candidateRings(maxLength: null, limit: null) { __typename } }", user=anna.user).json()
    assert "errors" not in body and body["data"]["candidateRings"] == []


@pytest.mark.parametrize("garbage", ["!!", "TWVtYmVyc2hpcDpwYXJrd2lqazo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "eA=="])
def test_an_id_that_decodes_to_nothing_is_null(parkwijk, anna, garbage):
    body = gql("parkwijk", "query($id: ID!) { node(id: $id) { id } }", {"id": garbage}, user=anna.user).json()
    assert body == {"data": {"node": None}}


INTROSPECTION = "{ __schema { queryType { name } } }"


def test_introspection_is_refused_when_switched_off(parkwijk, settings):
    settings.GRAPHQL_INTROSPECTION = False
    body = gql("parkwijk", INTROSPECTION).json()
    assert codes(body) == ["INTROSPECTION_DISABLED"]
    assert codes(gql("parkwijk", '{ __type(name: "Query") { name } }').json()) == ["INTROSPECTION_DISABLED"]
    assert gql("parkwijk", "{ __typename }").json() == {"data": {"__typename": "Query"}}


def test_introspection_answers_when_switched_on(parkwijk, settings):
    settings.GRAPHQL_INTROSPECTION = True
    assert gql("parkwijk", INTROSPECTION).json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


@pytest.mark.parametrize("arguments", ["first: -1", "last: -1", 'before: "geen-cursor"', 'after: "geen-cursor"'])
def test_chat_history_pages_answer_typed_errors_for_bad_arguments(parkwijk, anna, arguments):
    bram = make_member(parkwijk, "Bram")
    with tenant_context(parkwijk):
        start_direct_conversation(member=anna, other=bram)
    query = f"{{ conversations {{ messages({arguments}) {{ edges {{ node {{ id }} }} }} }} }}"
    body = gql("parkwijk", query, user=anna.user).json()
    assert "INTERNAL" not in codes(body), body


@pytest.mark.parametrize("text", [SURROGATE, NUL, RTL, "a\x07b", "a\u2066b", "a\x85b"])
def test_every_refused_character_gives_a_mutation_the_same_stand_in(text):
    """The sweep sends a mutation the NUL and the lone surrogate; every other refused character takes this path."""
    cleaned, error = refused_text({"note": text, "kind": "REQUEST", "items": [text, "ok"]})
    assert cleaned == {"note": STAND_IN, "kind": "REQUEST", "items": [STAND_IN, "ok"]}
    assert error.error_dict["note"][0].code == "invalid_characters"
