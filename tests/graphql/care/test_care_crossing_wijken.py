"""A Centrum member tries every GraphQL route to a Parkwijk provider or request and never reaches it: by global ID
(forged with either schema), by search, by sending a request and by answering one."""

from django_tenants.utils import tenant_context

from tests.builders.care import provider_in, request_in
from tests.builders.clients import gid, ok, run, top_error
from tests.builders.members import make_member
from wijkmarkt.tenants.care.models import HelpRequest


def test_centrum_member_never_reaches_parkwijk_providers_or_requests(parkwijk, centrum, care):
    spaarne = care["spaarne"]
    sent = request_in(parkwijk, care["anna"], spaarne)
    carla = make_member(centrum, "Carla")
    provider_in(centrum, name="Binnenstad Thuishulp", activities=["shopping"])
    user = carla.user

    for schema in ("parkwijk", "centrum"):
        query = (
            "query($p: ID!, $r: ID!) { careProvider(id: $p) { name } helpRequest(id: $r) { id } node(id: $p) { id } }"
        )
        data = ok(
            "centrum",
            query,
            {"p": gid("Provider", spaarne.pk, schema), "r": gid("HelpRequest", sent.pk, schema)},
            user=user,
        )
        assert data["helpRequest"] is None and data["node"] in (None, {"id": gid("Provider", spaarne.pk, "centrum")})
        assert data["careProvider"] is None or data["careProvider"]["name"] == "Binnenstad Thuishulp"

    search = ok("centrum", "{ careProviders { edges { node { name } } } }", user=user)
    assert [edge["node"]["name"] for edge in search["careProviders"]["edges"]] == ["Binnenstad Thuishulp"]
    assert ok("centrum", "{ helpRequests { edges { node { id } } } }", user=user)["helpRequests"]["edges"] == []

    send = """mutation($p: ID!) { sendHelpRequest(providerId: $p, activities: [LIGHT]) { errors { code } } }"""
    assert top_error(run("centrum", send, {"p": gid("Provider", spaarne.pk)}, user=user))["code"] == "NOT_FOUND"
    # On Parkwijk's own site Carla is no member: the provider is not hers to see, so it is not found there either.
    assert top_error(run("parkwijk", send, {"p": gid("Provider", spaarne.pk)}, user=user))["code"] == "NOT_FOUND"
    answer = "mutation($r: ID!) { answerHelpRequest(requestId: $r, accept: true) { errors { code } } }"
    assert top_error(run("centrum", answer, {"r": gid("HelpRequest", sent.pk)}, user=user))["code"] == "NOT_FOUND"
    with tenant_context(parkwijk):
        assert HelpRequest.objects.get().status == "sent"
