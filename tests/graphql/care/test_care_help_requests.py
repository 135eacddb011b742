"""sendHelpRequest, answerHelpRequest and withdrawHelpRequest through GraphQL: typed Dutch errors that write
nothing, following one's requests, the provider answering, and roles that may not cross."""

from django_tenants.utils import tenant_context

from tests.builders.care import request_in
from tests.builders.clients import gid, ok, run, top_error
from tests.builders.marketplace import consents_to_makelaar
from wijkmarkt.tenants.care.models import HelpRequest

SEND = """mutation($provider: ID!, $activities: [CareActivity!]!, $times: [CareTimeInput!], $note: String,
                   $for: ID) {
  sendHelpRequest(providerId: $provider, activities: $activities, times: $times, note: $note, onBehalfOf: $for) {
    helpRequest { id status via placedAs activities times { day part } note member { firstName } provider { name } }
    errors { field code message }
  }
}"""
ANSWER = """mutation($id: ID!, $accept: Boolean!, $message: String) {
  answerHelpRequest(requestId: $id, accept: $accept, message: $message) {
    helpRequest { status answer } errors { field code message }
  }
}"""
MINE = "{ helpRequests { edges { node { id status mayAnswer provider { name } member { firstName } } } } }"


def test_resident_sends_and_follows_a_request(parkwijk, care):
    data = ok(
        "parkwijk",
        SEND,
        {
            "provider": gid("Provider", care["spaarne"].pk),
            "activities": ["HEAVY", "LIGHT"],
            "times": [{"day": "TUE", "part": "MORNING"}],
            "note": "Bel eerst.",
        },
        user=care["anna"].user,
    )["sendHelpRequest"]
    assert data["errors"] == []
    assert data["helpRequest"] | {"id": None} == {
        "id": None,
        "status": "SENT",
        "via": "WEBSITE",
        "placedAs": "SELF",
        "activities": ["LIGHT", "HEAVY"],
        "times": [{"day": "TUE", "part": "MORNING"}],
        "note": "Bel eerst.",
        "member": {"firstName": "Anna"},
        "provider": {"name": "Thuiszorg Spaarne"},
    }
    mine = ok("parkwijk", MINE, user=care["anna"].user)["helpRequests"]["edges"]
    assert [edge["node"]["id"] for edge in mine] == [data["helpRequest"]["id"]]
    assert mine[0]["node"]["mayAnswer"] is False


def test_makelaar_sends_for_a_resident(parkwijk, care):
    with tenant_context(parkwijk):
        consents_to_makelaar(care["fatima"], care["anna"])
    data = ok(
        "parkwijk",
        SEND,
        {
            "provider": gid("Provider", care["mieke"].pk),
            "activities": ["LINEN"],
            "for": gid("Membership", care["anna"].pk),
        },
        user=care["fatima"].user,
    )
    request = data["sendHelpRequest"]["helpRequest"]
    assert (request["via"], request["placedAs"], request["member"]) == ("MAKELAAR", "MAKELAAR", {"firstName": "Anna"})


def test_bad_input_gives_typed_dutch_errors_and_writes_nothing(parkwijk, care):
    variables = {"provider": gid("Provider", care["mieke"].pk), "activities": ["HEAVY"], "note": "a\x00b" + "x" * 3000}
    data = ok("parkwijk", SEND, variables, user=care["anna"].user)["sendHelpRequest"]
    assert data["helpRequest"] is None
    assert data["errors"] == [
        {
            "field": "note",
            "code": "INVALID_CHARACTERS",
            "message": "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw.",
        }
    ]
    empty = ok("parkwijk", SEND, {**variables, "activities": [], "note": ""}, user=care["anna"].user)
    assert empty["sendHelpRequest"]["errors"] == [
        {"field": "activities", "code": "REQUIRED", "message": "Kies minstens één."}
    ]
    other = ok("parkwijk", SEND, {**variables, "note": "<b>hoi</b>"}, user=care["anna"].user)
    assert other["sendHelpRequest"]["errors"][0]["code"] == "NOT_OFFERED"
    with tenant_context(parkwijk):
        assert not HelpRequest.objects.exists()


def test_provider_sees_only_their_requests_and_answers_them(parkwijk, care):
    to_henk = request_in(parkwijk, care["anna"], care["spaarne"])
    to_mieke = request_in(parkwijk, care["anna"], care["mieke"])
    henk = care["henk"].user
    mine = ok("parkwijk", MINE, user=henk)["helpRequests"]["edges"]
    assert [(e["node"]["provider"]["name"], e["node"]["mayAnswer"]) for e in mine] == [("Thuiszorg Spaarne", True)]

    too_long = ok(
        "parkwijk", ANSWER, {"id": gid("HelpRequest", to_henk.pk), "accept": True, "message": "x" * 1001}, user=henk
    )["answerHelpRequest"]
    assert too_long["errors"][0]["code"] == "TOO_LONG" and too_long["errors"][0]["field"] == "message"
    answered = ok(
        "parkwijk", ANSWER, {"id": gid("HelpRequest", to_henk.pk), "accept": False, "message": "Vol."}, user=henk
    )["answerHelpRequest"]
    assert answered == {"helpRequest": {"status": "DECLINED", "answer": "Vol."}, "errors": []}
    again = ok("parkwijk", ANSWER, {"id": gid("HelpRequest", to_henk.pk), "accept": True}, user=henk)
    assert again["answerHelpRequest"]["errors"][0]["code"] == "WRONG_STATE"

    not_his = run("parkwijk", ANSWER, {"id": gid("HelpRequest", to_mieke.pk), "accept": True}, user=henk)
    assert top_error(not_his)["code"] == "NOT_FOUND"


def test_resident_cannot_answer_and_neighbour_cannot_follow(parkwijk, care):
    sent = request_in(parkwijk, care["anna"], care["spaarne"])
    own = run("parkwijk", ANSWER, {"id": gid("HelpRequest", sent.pk), "accept": True}, user=care["anna"].user)
    assert top_error(own)["code"] == "PERMISSION_DENIED"
    assert ok("parkwijk", MINE, user=care["bram"].user)["helpRequests"]["edges"] == []
    query = "query($id: ID!) { helpRequest(id: $id) { id } node(id: $id) { id } }"
    assert ok("parkwijk", query, {"id": gid("HelpRequest", sent.pk)}, user=care["bram"].user) == {
        "helpRequest": None,
        "node": None,
    }


def test_withdraw(parkwijk, care):
    sent = request_in(parkwijk, care["anna"], care["spaarne"])
    mutation = "mutation($id: ID!) { withdrawHelpRequest(requestId: $id) { helpRequest { status } errors { code } } }"
    data = ok("parkwijk", mutation, {"id": gid("HelpRequest", sent.pk)}, user=care["anna"].user)
    assert data["withdrawHelpRequest"] == {"helpRequest": {"status": "WITHDRAWN"}, "errors": []}


def test_help_requests_query_count_does_not_grow_with_page_size(parkwijk, care):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.builders.clients import client_for
    from tests.builders.members import make_member

    for number in range(6):
        resident = make_member(parkwijk, f"Bewoner{number}")
        request_in(parkwijk, resident, care["spaarne"])
        request_in(parkwijk, resident, care["mieke"])
    query = """query($first: Int) { helpRequests(first: $first) { edges { node {
      id status mayAnswer times { day part } member { firstName street } provider { name street { name } } } } } }"""
    counts = []
    for first in (2, 12):
        client = client_for("parkwijk", care["fatima"].user)  # the makelaar follows every request of the wijk
        client.post("/graphql", {"query": "{ wijk { name } }"}, content_type="application/json")
        with CaptureQueriesContext(connection) as captured:
            body = client.post(
                "/graphql", {"query": query, "variables": {"first": first}}, content_type="application/json"
            ).json()
        assert len(body["data"]["helpRequests"]["edges"]) == first, body
        real = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]
        counts.append((len(real), "\n".join(real)))
    assert counts[0][0] == counts[1][0], counts[1][1]
