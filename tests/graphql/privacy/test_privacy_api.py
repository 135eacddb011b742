"""myData and eraseMe: the same export and erasure as the Mijn gegevens pages, with typed errors; nobody reaches
another resident, and another wijk's IDs reach nothing."""

import json

from django_tenants.utils import tenant_context

from tests.builders.clients import gql
from tests.builders.members import make_member
from tests.builders.privacy import riets_wijk
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.search.models import SearchEntry
from wijkmarkt.tenants.privacy.models import AccessLogEntry, PrivacyRequest, Sensitive

MY_DATA = "query($who: ID) { myData(onBehalfOf: $who) }"
ERASE = "mutation($confirm: Boolean!, $who: ID) { eraseMe(confirm: $confirm, onBehalfOf: $who) { erased errors { field code message } } }"


def _member_id(member, wijk) -> str:
    return to_global_id("Membership", wijk.schema_name, member.pk)


def test_my_data_is_the_export_as_json(riets, parkwijk):
    body = gql("parkwijk", MY_DATA, user=riets.riet.user).json()
    data = json.loads(body["data"]["myData"])
    assert data["account"]["email"] == "riet.privacy@example.nl"
    titles = [
        row["title"]
        for part in data["onderdelen"]
        if part["onderdeel"] == "marketplace.Listing.owner"
        for row in part["rijen"]
    ]
    assert titles == [riets.offer.title]
    with tenant_context(parkwijk):
        assert PrivacyRequest.objects.get().via == "graphql"


def test_makelaar_reads_an_offline_residents_data_as_a_logged_read(riets, parkwijk):
    body = gql("parkwijk", MY_DATA, {"who": _member_id(riets.truus, parkwijk)}, user=riets.makelaar.user).json()
    assert json.loads(body["data"]["myData"])["account"]["first_name"] == "Truus"
    with tenant_context(parkwijk):
        assert AccessLogEntry.objects.get(what=Sensitive.EXPORT).via == "graphql"


def test_nobody_reads_another_residents_data_and_other_wijken_ids_reach_nothing(riets, parkwijk, centrum):
    in_centrum = riets_wijk(centrum, email="riet.gql.centrum@example.nl")
    provider = make_member(parkwijk, "Henk", "henk.gql@example.nl", role=Role.PROVIDER)
    attempts = [
        (riets.bram.user, _member_id(riets.riet, parkwijk)),
        (riets.makelaar.user, _member_id(riets.riet, parkwijk)),  # online: not the makelaar's to read
        (provider.user, _member_id(riets.riet, parkwijk)),
        (riets.makelaar.user, _member_id(in_centrum.truus, centrum)),  # a Centrum ID on Parkwijk
        (riets.riet.user, "onzin"),
    ]
    for user, who in attempts:
        body = gql("parkwijk", MY_DATA, {"who": who}, user=user).json()
        assert body["data"]["myData"] is None
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert "niet gevonden, of u mag niet namens hem of haar handelen" in body["errors"][0]["message"]
    with tenant_context(parkwijk):
        assert not PrivacyRequest.objects.exists()


def test_erase_me_without_confirmation_is_a_typed_error_and_changes_nothing(riets, parkwijk):
    body = gql("parkwijk", ERASE, {"confirm": False}, user=riets.riet.user).json()
    payload = body["data"]["eraseMe"]
    assert payload["erased"] is False
    assert payload["errors"] == [
        {
            "field": "confirm",
            "code": "CONFIRMATION_REQUIRED",
            "message": "Vink aan dat u begrijpt wat er gebeurt. Er is nog niets verwijderd.",
        }
    ]
    assert User.objects.get(pk=riets.riet.user_id).first_name == "Riet"
    with tenant_context(parkwijk):
        assert not PrivacyRequest.objects.exists()


def test_erase_me_for_a_neighbour_is_not_found_and_changes_nothing(riets, parkwijk):
    who = _member_id(riets.riet, parkwijk)
    payload = gql("parkwijk", ERASE, {"confirm": True, "who": who}, user=riets.bram.user).json()["data"]["eraseMe"]
    assert payload["erased"] is False
    assert payload["errors"][0]["code"] == "NOT_FOUND" and payload["errors"][0]["field"] == "onBehalfOf"
    assert User.objects.get(pk=riets.riet.user_id).first_name == "Riet"
    with tenant_context(parkwijk):
        assert not PrivacyRequest.objects.exists()


def test_erase_me_erases_and_a_second_time_says_so(riets, parkwijk):
    payload = gql("parkwijk", ERASE, {"confirm": True}, user=riets.riet.user).json()["data"]["eraseMe"]
    assert payload == {"erased": True, "errors": []}
    assert User.objects.get(pk=riets.riet.user_id).first_name == "Oud-lid"
    assert not SearchEntry.objects.filter(wijk=parkwijk, object_id=riets.offer.pk).exists()
    makelaar = riets.makelaar.user
    who = _member_id(riets.truus, parkwijk)
    assert gql("parkwijk", ERASE, {"confirm": True, "who": who}, user=makelaar).json()["data"]["eraseMe"]["erased"]
    # Erasure withdrew Truus's consent: the makelaar no longer acts for her, so a second erasure finds nobody.
    again = gql("parkwijk", ERASE, {"confirm": True, "who": who}, user=makelaar).json()["data"]["eraseMe"]
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("onBehalfOf", "NOT_FOUND")]


def test_my_data_needs_a_wijk_domain(riets):
    body = gql(None, MY_DATA, user=riets.riet.user).json()
    assert body["errors"][0]["extensions"]["code"] == "WRONG_DOMAIN"
