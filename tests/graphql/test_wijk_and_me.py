from tests.builders.clients import gql
from tests.builders.members import make_member

WIJK_QUERY = """{ wijk { id slug name status areas openForSignUp
  theme { name tagline primaryColour logoUrl }
  rules { modules pointsEnabled listingExpiryDays houseRules postcodes } } }"""


def test_wijk_domain_answers_with_its_own_wijk(parkwijk):
    data = gql("parkwijk", WIJK_QUERY).json()["data"]["wijk"]

    assert data["slug"] == "parkwijk"
    assert data["name"] == "Parkwijk"
    assert data["status"] == "PILOT"
    assert data["areas"] == ["Parkwijk"]
    assert data["theme"] == {
        "name": "zomerzone",
        "tagline": "Buren helpen buren in de Zomerzone",
        "primaryColour": "#8a4b00",
        "logoUrl": "/static/themes/zomerzone/logo.svg",
    }
    assert data["rules"]["pointsEnabled"] is False
    assert data["rules"]["listingExpiryDays"] == 60
    assert "MARKETPLACE" in data["rules"]["modules"]


def test_centrum_covers_its_small_buurten(centrum):
    data = gql("centrum", "{ wijk { name areas } }").json()["data"]["wijk"]

    assert data["name"] == "Centrum"
    assert {"Stationsbuurt", "Vijfhoek", "Heiliglanden/De Kamp"} <= set(data["areas"])


def test_wijk_is_null_on_the_portal(db):
    assert gql(None, "{ wijk { name } }").json() == {"data": {"wijk": None}}


def test_me_is_null_when_logged_out(parkwijk):
    assert gql("parkwijk", "{ me { firstName } }").json() == {"data": {"me": None}}


def test_me_lists_memberships_in_every_wijk_of_the_account(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    with_centrum = make_member(centrum, "Bert")
    from django_tenants.utils import tenant_context

    from wijkmarkt.tenants.membership.actions.joining import join_wijk

    with tenant_context(centrum):
        join_wijk(wijk=centrum, user=anna.user, accepted_house_rules=True)

    me = gql(
        "parkwijk", "{ me { firstName membership { role } memberships { wijkSlug wijkName role } } }", user=anna.user
    ).json()["data"]["me"]

    assert me["firstName"] == "Anna"
    assert me["membership"] == {"role": "RESIDENT"}
    assert me["memberships"] == [
        {"wijkSlug": "centrum", "wijkName": "Centrum", "role": "RESIDENT"},
        {"wijkSlug": "parkwijk", "wijkName": "Parkwijk", "role": "RESIDENT"},
    ]
    assert with_centrum.user.first_name not in str(me)


def test_me_on_a_wijk_where_the_account_is_not_a_member_has_no_membership(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")

    me = gql("centrum", "{ me { firstName membership { id } } }", user=anna.user).json()["data"]["me"]

    assert me == {"firstName": "Anna", "membership": None}


def test_wijken_on_the_portal_lists_public_fields_of_every_wijk(db):
    wijken = gql(None, "{ wijken { slug name status } }").json()["data"]["wijken"]

    assert {w["slug"]: w["status"] for w in wijken} == {
        "boerhaavewijk": "PLANNED",
        "centrum": "PILOT",
        "parkwijk": "PILOT",
        "slachthuisbuurt": "PILOT",
    }


def test_wijken_is_refused_on_a_wijk_domain(parkwijk):
    body = gql("parkwijk", "{ wijken { slug } }").json()

    assert body["errors"][0]["extensions"]["code"] == "WRONG_DOMAIN"


def test_wijk_global_id_resolves_as_a_node_on_the_portal(db):
    wijk_id = gql(None, "{ wijken { id slug } }").json()["data"]["wijken"][0]["id"]

    node = gql(None, "query($id: ID!) { node(id: $id) { ... on Wijk { slug } } }", {"id": wijk_id}).json()

    assert node["data"]["node"]["slug"] == "boerhaavewijk"
