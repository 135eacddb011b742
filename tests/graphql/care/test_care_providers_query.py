"""Searching household-help providers through GraphQL: the same filters as the page, explained results, a capped
connection, bad filters as BAD_REQUEST, and a query count that does not grow with the page size."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders.care import provider_in
from tests.builders.clients import client_for, gid, ok, run, top_error

SEARCH = """query($days: [Weekday!], $parts: [DayPart!], $funding: CareFunding, $activities: [CareActivity!],
                  $near: ID, $first: Int) {
  careProviders(days: $days, parts: $parts, funding: $funding, activities: $activities, nearStreet: $near,
                first: $first) {
    edges { node { id name kind activities inNatura pgb phone distanceM why available { day part } } }
  }
}"""


def names(data) -> list[str]:
    return [edge["node"]["name"] for edge in data["careProviders"]["edges"]]


def test_search_by_time_funding_and_distance_with_explanation(care):
    data = ok(
        "parkwijk",
        SEARCH,
        {"days": ["TUE"], "parts": ["MORNING"], "funding": "NATURA", "near": gid("Street", care["zomer"].pk)},
        user=care["anna"].user,
    )
    node = data["careProviders"]["edges"][0]["node"]
    assert names(data) == ["Thuiszorg Spaarne"]
    assert node["why"] == "Werkt dinsdagochtend, 600 m van u, gecontracteerd door de gemeente"
    assert node["kind"] == "CONTRACTED" and node["activities"] == ["SHOPPING", "LIGHT", "HEAVY"]
    assert node["available"][0] == {"day": "TUE", "part": "MORNING"} and abs(node["distanceM"] - 600) < 5
    assert node["id"] == gid("Provider", care["spaarne"].pk)


def test_search_by_activity_and_pgb(care):
    user = care["anna"].user
    assert names(ok("parkwijk", SEARCH, {"activities": ["LINEN"]}, user=user)) == ["Alfahulp Mieke"]
    assert names(ok("parkwijk", SEARCH, {"funding": "PGB"}, user=user)) == ["Alfahulp Mieke"]
    assert names(ok("parkwijk", SEARCH, {"parts": ["EVENING"]}, user=user)) == ["Alfahulp Mieke"]


def test_page_size_is_capped_and_bad_filters_are_bad_requests(care):
    user = care["anna"].user
    assert top_error(run("parkwijk", SEARCH, {"first": 10_000}, user=user))["code"] == "PAGE_SIZE_TOO_LARGE"
    body = run("parkwijk", "{ careProviders(withinM: 2) { edges { node { id } } } }", user=user)
    assert top_error(body)["code"] == "BAD_REQUEST"
    assert body["errors"][0]["extensions"]["fields"] == ["withinM"]
    assert top_error(run("parkwijk", SEARCH, {"days": ["MON"] * 8}, user=user))["code"] == "BAD_REQUEST"


def test_strangers_and_the_portal_get_no_directory(care):
    assert top_error(run("parkwijk", SEARCH))["code"] == "PERMISSION_DENIED"
    assert top_error(run(None, SEARCH, user=care["anna"].user))["code"] == "WRONG_DOMAIN"


def _count(query, variables, user):
    client = client_for("parkwijk", user)  # logging in writes a session: not part of what is measured
    client.post("/graphql", {"query": "{ wijk { name } }"}, content_type="application/json")  # warms the host cache
    with CaptureQueriesContext(connection) as captured:
        body = client.post("/graphql", {"query": query, "variables": variables}, content_type="application/json").json()
    assert "errors" not in body, body
    # SET search_path depends on what the connection did before (TENANT_LIMIT_SET_CALLS): count real queries.
    real = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]
    return len(real), names(body["data"]), "\n".join(real)


def test_query_count_does_not_grow_with_page_size(parkwijk, care):
    for number in range(12):
        provider_in(parkwijk, name=f"Hulp {number:02d}", street=care["zomer"])
    variables = {"near": gid("Street", care["zomer"].pk), "days": ["TUE"]}
    small, found_small, _sql = _count(SEARCH, {**variables, "first": 2}, care["anna"].user)
    large, found_large, sql = _count(SEARCH, {**variables, "first": 12}, care["anna"].user)
    assert (len(found_small), len(found_large)) == (2, 12)
    assert small == large, sql


def test_a_wijk_without_household_help_answers_wrong_domain(parkwijk, care):
    from wijkmarkt.platform.wijken.models import Module, Wijk

    Wijk.objects.filter(pk=parkwijk.pk).update(modules=[Module.MARKETPLACE])
    error = top_error(run("parkwijk", SEARCH, user=care["anna"].user))
    assert error == {"code": "WRONG_DOMAIN", "message": "Hulp bij het huishouden staat in deze wijk niet aan."}
