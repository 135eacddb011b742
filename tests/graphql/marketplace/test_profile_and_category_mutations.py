"""Profiles, proxies and the wijk admin's categories through GraphQL."""

from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.marketplace import category_id, consents_to_makelaar, gid, make_street, member_id
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.models import Category, Profile
from wijkmarkt.tenants.membership.models import Proxy

PROFILE = """mutation($input: ProfileInput!, $for: ID) { updateProfile(input: $input, onBehalfOf: $for) {
  profile { about offers talents available contactWay street { name } houseNumber showHouseNumber notifySite
            member { firstName } }
  errors { field code message } } }"""


def test_a_member_fills_in_the_profile_and_later_changes_one_field(parkwijk, people):
    zomerkade = make_street(parkwijk, "Zomerkade", 52.38, 4.66)
    first = {
        "about": "Gepensioneerd",
        "offers": "Computerhulp",
        "talents": ["computers", "koken"],
        "available": ["tue_morning"],
        "contactWay": "PHONE",
        "street": gid("Street", "parkwijk", zomerkade.pk),
        "houseNumber": "12",
        "notifySite": ["RESPONSE", "MATCH"],
    }

    filled = ok("parkwijk", PROFILE, {"input": first}, user=people["anna"].user)["updateProfile"]
    changed = ok("parkwijk", PROFILE, {"input": {"about": "Nu ook tuinieren"}}, user=people["anna"].user)
    own = ok("parkwijk", "{ me { profile { about offers street { name } } } }", user=people["anna"].user)

    assert filled["errors"] == []
    assert filled["profile"] == {
        "about": "Gepensioneerd",
        "offers": "Computerhulp",
        "talents": ["computers", "koken"],
        "available": ["tue_morning"],
        "contactWay": "PHONE",
        "street": {"name": "Zomerkade"},
        "houseNumber": "12",
        "showHouseNumber": False,
        "notifySite": ["MATCH", "RESPONSE"],
        "member": {"firstName": "Anna"},
    }
    assert changed["updateProfile"]["profile"]["about"] == "Nu ook tuinieren"
    assert changed["updateProfile"]["profile"]["offers"] == "Computerhulp"
    assert own["me"]["profile"] == {
        "about": "Nu ook tuinieren",
        "offers": "Computerhulp",
        "street": {"name": "Zomerkade"},
    }


def test_profile_refuses_unknown_slots_foreign_streets_and_other_peoples_profiles(parkwijk, centrum, people):
    elsewhere = make_street(centrum, "Grote Markt", 52.381, 4.636)

    slots = ok("parkwijk", PROFILE, {"input": {"available": ["someday"]}}, user=people["anna"].user)
    foreign = ok(
        "parkwijk", PROFILE, {"input": {"street": gid("Street", "centrum", elsewhere.pk)}}, user=people["anna"].user
    )
    too_long = ok("parkwijk", PROFILE, {"input": {"about": "x" * 1001}}, user=people["anna"].user)
    someone_else = run(
        "parkwijk",
        PROFILE,
        {"input": {"about": "Van Bram"}, "for": member_id(people["anna"])},
        user=people["bram"].user,
    )
    without_consent = run(
        "parkwijk",
        PROFILE,
        {"input": {"about": "Door Fatima"}, "for": member_id(people["anna"])},
        user=people["fatima"].user,
    )
    with tenant_context(parkwijk):
        consents_to_makelaar(people["fatima"], people["anna"])
    by_makelaar = ok(
        "parkwijk",
        PROFILE,
        {"input": {"about": "Door Fatima"}, "for": member_id(people["anna"])},
        user=people["fatima"].user,
    )

    assert slots["updateProfile"]["errors"] == [
        {"field": "available", "code": "INVALID_CHOICE", "message": "Kies een van de mogelijkheden."}
    ]
    assert foreign["updateProfile"]["errors"] == [
        {"field": "street", "code": "UNKNOWN_STREET", "message": "Kies een straat uit de lijst."}
    ]
    assert too_long["updateProfile"]["errors"][0]["code"] == "TOO_LONG"
    assert top_error(someone_else)["code"] == "PERMISSION_DENIED"
    assert top_error(without_consent)["code"] == "PERMISSION_DENIED"
    assert by_makelaar["updateProfile"]["profile"]["about"] == "Door Fatima"
    with tenant_context(parkwijk):
        assert Profile.objects.get().about == "Door Fatima"


PROXY = """mutation($email: String!, $relation: String!) { registerProxy(proxyEmail: $email, relation: $relation) {
  proxy { id firstName relation principal { firstName } } errors { field code message } } }"""
REVOKE = "mutation($id: ID!) { revokeProxy(id: $id) { proxy { revokedAt } errors { code } } }"


def test_a_member_registers_a_relative_as_proxy_and_revokes_it(parkwijk, centrum, people):
    daughter = make_member(centrum, "Dochter")

    registered = ok("parkwijk", PROXY, {"email": daughter.user.email, "relation": "dochter"}, user=people["anna"].user)[
        "registerProxy"
    ]
    listed = ok(
        "parkwijk", "{ me { proxies { relation } actingFor { edges { node { firstName } } } } }", user=daughter.user
    )
    unknown = ok("parkwijk", PROXY, {"email": "niemand@example.nl", "relation": "neef"}, user=people["anna"].user)
    twice = ok("parkwijk", PROXY, {"email": daughter.user.email, "relation": "dochter"}, user=people["anna"].user)
    revoked = ok("parkwijk", REVOKE, {"id": registered["proxy"]["id"]}, user=people["anna"].user)["revokeProxy"]

    assert registered["errors"] == []
    assert registered["proxy"] | {"id": None} == {
        "id": None,
        "firstName": "Dochter",
        "relation": "dochter",
        "principal": {"firstName": "Anna"},
    }
    assert listed["me"]["actingFor"]["edges"] == [{"node": {"firstName": "Anna"}}]
    assert unknown["registerProxy"]["errors"][0] | {"message": None} == {
        "field": "proxyEmail",
        "code": "UNKNOWN_MEMBER",
        "message": None,
    }
    assert twice["registerProxy"]["errors"] == unknown["registerProxy"]["errors"]  # no oracle of who has an account
    assert revoked["errors"] == [] and revoked["proxy"]["revokedAt"] is not None
    with tenant_context(parkwijk):
        assert not Proxy.objects.filter(revoked_at__isnull=True).exists()


ADD = "mutation($name: String!) { addCategory(name: $name) { category { id name slug position retired } errors { field code message } } }"
RENAME = (
    "mutation($id: ID!, $name: String!) { renameCategory(id: $id, name: $name) { category { name } errors { code } } }"
)
MOVE = "mutation($id: ID!, $up: Boolean!) { moveCategory(id: $id, up: $up) { categories { slug } errors { code } } }"
RETIRE = "mutation($id: ID!) { retireCategory(id: $id) { category { retired } errors { code } } }"
RESTORE = "mutation($id: ID!) { restoreCategory(id: $id) { category { retired } errors { code } } }"


def test_the_wijk_admin_adds_renames_moves_retires_and_restores_categories(parkwijk, people):
    wim = people["wim"].user

    added = ok("parkwijk", ADD, {"name": "Fietsen repareren"}, user=wim)["addCategory"]
    category = added["category"]["id"]
    renamed = ok("parkwijk", RENAME, {"id": category, "name": "Fietsreparatie"}, user=wim)["renameCategory"]
    moved = ok("parkwijk", MOVE, {"id": category, "up": True}, user=wim)["moveCategory"]
    retired = ok("parkwijk", RETIRE, {"id": category}, user=wim)["retireCategory"]
    restored = ok("parkwijk", RESTORE, {"id": category}, user=wim)["restoreCategory"]

    assert added["errors"] == []
    assert added["category"] | {"id": None} == {
        "id": None,
        "name": "Fietsen repareren",
        "slug": "fietsen-repareren",
        "position": 14,
        "retired": False,
    }
    assert renamed == {"category": {"name": "Fietsreparatie"}, "errors": []}
    assert [c["slug"] for c in moved["categories"]][-2:] == ["fietsen-repareren", "overig"]
    assert retired == {"category": {"retired": True}, "errors": []}
    assert restored == {"category": {"retired": False}, "errors": []}


def test_category_names_are_checked_and_residents_cannot_manage_categories(parkwijk, centrum, people):
    duplicate = ok("parkwijk", ADD, {"name": "boodschappen"}, user=people["wim"].user)["addCategory"]
    empty = ok("parkwijk", ADD, {"name": ""}, user=people["wim"].user)["addCategory"]
    resident = run("parkwijk", ADD, {"name": "Mijn soort"}, user=people["anna"].user)
    foreign = run("parkwijk", RETIRE, {"id": category_id(centrum, "tuin")}, user=people["wim"].user)

    assert duplicate["errors"] == [
        {"field": "name", "code": "DUPLICATE", "message": "Er is al een soort hulp met deze naam."}
    ]
    assert empty["errors"] == [{"field": "name", "code": "REQUIRED", "message": "Vul dit veld in."}]
    assert top_error(resident)["code"] == "PERMISSION_DENIED"
    assert top_error(foreign)["code"] == "NOT_FOUND"
    with tenant_context(parkwijk):
        assert Category.objects.count() == 13
        assert not Category.objects.filter(retired_at__isnull=False).exists()
    with tenant_context(centrum):
        assert not Category.objects.filter(retired_at__isnull=False).exists()
