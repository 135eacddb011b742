"""updateProvider and the provider's worklist through GraphQL: a provider's staff change their own entry; staff of
another provider, residents, the makelaar and members of another wijk cannot (NOT_FOUND or PERMISSION_DENIED, nothing
written); bad input gives typed Dutch errors; incoming requests filtered by status."""

from django_tenants.utils import tenant_context

from tests.builders.care import request_in
from tests.builders.clients import gid, ok, run, top_error
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.care.models import Provider

UPDATE = """mutation($id: ID!, $entry: ProviderEntryInput!) {
  updateProvider(providerId: $id, entry: $entry) {
    provider { name kind activities available { day part } inNatura pgb phone street { name } }
    errors { field code message }
  }
}"""
ENTRY = {
    "activities": ["LINEN", "LIGHT"],
    "available": [{"day": "WED", "part": "MORNING"}],
    "inNatura": True,
    "pgb": True,
    "phone": "023 999 99 99",
}


def test_provider_staff_change_their_own_entry(parkwijk, care):
    own = ok("parkwijk", "{ ownCareProviders { name } }", user=care["henk"].user)["ownCareProviders"]
    assert own == [{"name": "Thuiszorg Spaarne"}]
    data = ok(
        "parkwijk",
        UPDATE,
        {"id": gid("Provider", care["spaarne"].pk), "entry": {**ENTRY, "streetId": gid("Street", care["zomer"].pk)}},
        user=care["henk"].user,
    )["updateProvider"]
    assert data == {
        "errors": [],
        "provider": {
            "name": "Thuiszorg Spaarne",
            "kind": "CONTRACTED",
            "activities": ["LIGHT", "LINEN"],
            "available": [{"day": "WED", "part": "MORNING"}],
            "inNatura": True,
            "pgb": True,
            "phone": "023 999 99 99",
            "street": {"name": "Zomerkade"},
        },
    }


def test_nobody_else_can_change_a_providers_entry(parkwijk, centrum, care):
    gerrit = make_member(parkwijk, "Gerrit", role=Role.PROVIDER)
    stranger = make_member(centrum, "Lotte", role=Role.PROVIDER)
    attempts = [
        ("parkwijk", care["henk"].user, care["mieke"].pk, "NOT_FOUND"),  # staff of another provider
        ("parkwijk", gerrit.user, care["spaarne"].pk, "NOT_FOUND"),
        ("parkwijk", care["anna"].user, care["spaarne"].pk, "NOT_FOUND"),
        ("parkwijk", care["fatima"].user, care["spaarne"].pk, "NOT_FOUND"),
        ("centrum", stranger.user, care["spaarne"].pk, "NOT_FOUND"),
        ("parkwijk", None, care["spaarne"].pk, "NOT_FOUND"),
    ]
    for slug, user, pk, code in attempts:
        body = run(slug, UPDATE, {"id": gid("Provider", pk, slug), "entry": ENTRY}, user=user)
        assert top_error(body)["code"] == code, (slug, user)
    with tenant_context(parkwijk):
        assert Provider.objects.get(pk=care["spaarne"].pk).phone == "023 123 45 67"
        assert Provider.objects.get(pk=care["mieke"].pk).activities == ["light", "linen"]


def test_bad_entry_gives_typed_dutch_errors_and_writes_nothing(parkwijk, care):
    entry = {
        **ENTRY,
        "activities": [],
        "phone": "1\x002",
        "email": "x" * 121,
        "areas": ["Nergenshuizen"],
        "streetId": gid("Street", care["zomer"].pk, "centrum"),
    }
    data = ok("parkwijk", UPDATE, {"id": gid("Provider", care["spaarne"].pk), "entry": entry}, user=care["henk"].user)[
        "updateProvider"
    ]
    assert data["provider"] is None
    assert data["errors"] == [{"field": "streetId", "code": "INVALID_CHOICE", "message": "Kies uit de lijst."}]
    del entry["streetId"]
    data = ok("parkwijk", UPDATE, {"id": gid("Provider", care["spaarne"].pk), "entry": entry}, user=care["henk"].user)[
        "updateProvider"
    ]
    assert {(e["field"], e["code"]) for e in data["errors"]} == {
        ("activities", "REQUIRED"),
        ("phone", "INVALID_CHARACTERS"),
        ("email", "TOO_LONG"),
        ("areas", "INVALID_CHOICE"),
    }
    with tenant_context(parkwijk):
        assert Provider.objects.get(pk=care["spaarne"].pk).phone == "023 123 45 67"


def test_provider_worklist_filters_incoming_requests_by_status(parkwijk, care):
    request_in(parkwijk, care["anna"], care["spaarne"])
    request_in(parkwijk, care["bram"], care["mieke"])
    query = "query($s: HelpRequestStatus) { helpRequests(status: $s) { edges { node { member { firstName } } } } }"
    waiting = ok("parkwijk", query, {"s": "SENT"}, user=care["henk"].user)["helpRequests"]["edges"]
    assert [edge["node"]["member"]["firstName"] for edge in waiting] == ["Anna"]
    assert ok("parkwijk", query, {"s": "ACCEPTED"}, user=care["henk"].user)["helpRequests"]["edges"] == []
