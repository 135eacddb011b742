"""GraphQL of "In de wijk": partners of this wijk, meeting places and counters with opening hours, for anyone on a
wijk's domain; savePlace/removePlace for the wijk admin with typed errors and nothing written on error; a resident
gets PERMISSION_DENIED, a Parkwijk admin cannot reach Centrum's places by domain or global ID."""

from django_tenants.utils import tenant_context

from tests.builders.clients import gql
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.tenants.places.models import Place

IN_DE_WIJK = """{
  wijkPartners { partner { id name kind } offer contact { name role phone email } }
  counters { id name address openingHours { day opens closes } }
  meetingPlaces { name }
}"""

SAVE = """mutation($id: ID, $input: PlaceInput!) {
  savePlace(id: $id, input: $input) { place { id name openingHours { day opens closes } } errors { field code message } }
}"""
REMOVE = "mutation($id: ID!) { removePlace(id: $id) { removedId errors { code } } }"


def place_id(place, schema="centrum") -> str:
    return to_global_id("Place", schema, place.pk)


def test_anyone_reads_partners_places_and_hours_of_this_wijk(places, partners):
    data = gql("centrum", IN_DE_WIJK).json()["data"]
    assert data["wijkPartners"] == [
        {
            "partner": {
                "id": to_global_id("Partner", "public", partners["kontext"].pk),
                "name": "Stichting Kontext (test)",
                "kind": "WELFARE",
            },
            "offer": "De makelaar van de binnenstad.",
            "contact": {"name": "Ruud Visser", "role": "sociaal makelaar", "phone": "", "email": "ruud@example.nl"},
        }
    ]
    assert data["counters"] == [
        {
            "id": place_id(places["loket"]),
            "name": "Loket Grote Markt",
            "address": "Grote Markt 2",
            "openingHours": [{"day": "TUE", "opens": "09:00", "closes": "12:30"}],
        }
    ]
    assert data["meetingPlaces"] == [{"name": "Buurtkamer Vijfhoek"}]


def test_parkwijk_lists_only_its_own_places_and_partners(places, partners):
    data = gql("parkwijk", IN_DE_WIJK).json()["data"]
    assert [p["partner"]["name"] for p in data["wijkPartners"]] == ["Stichting DOCK (test)"]
    assert data["counters"] == [] and data["meetingPlaces"] == [{"name": "Buurtkamer Parkwijk"}]


def test_a_centrum_place_id_resolves_to_null_on_parkwijk(places):
    query = "query($id: ID!) { place(id: $id) { name } }"
    assert (
        gql("centrum", query, {"id": place_id(places["loket"])}).json()["data"]["place"]["name"] == "Loket Grote Markt"
    )
    assert gql("parkwijk", query, {"id": place_id(places["loket"])}).json()["data"]["place"] is None
    # The same primary key with Parkwijk's schema names Parkwijk's own row, never Centrum's.
    same_pk = gql("parkwijk", query, {"id": place_id(places["loket"], "parkwijk")}).json()["data"]["place"]
    assert same_pk is None or same_pk["name"] != "Loket Grote Markt"


def test_the_portal_has_no_places(places):
    body = gql(None, "{ counters { name } }").json()
    assert body["errors"][0]["extensions"]["code"] == "WRONG_DOMAIN"


def test_the_admin_adds_a_counter(wijken, admins):
    variables = {
        "input": {
            "kind": "COUNTER",
            "name": "Loket Haarlem",
            "address": "Grote Markt 2",
            "postcode": "2011 RD",
            "openingHours": [
                {"day": "MON", "opens": "9:00", "closes": "12:00"},
                {"day": "FRI", "opens": "13:00", "closes": "17:00"},
            ],
        }
    }
    result = gql("centrum", SAVE, variables, user=admins["marleen"].user).json()["data"]["savePlace"]
    assert result["errors"] == []
    assert result["place"]["openingHours"] == [
        {"day": "MON", "opens": "09:00", "closes": "12:00"},
        {"day": "FRI", "opens": "13:00", "closes": "17:00"},
    ]
    with tenant_context(wijken["centrum"]):
        assert Place.objects.get().name == "Loket Haarlem"


def test_bad_input_returns_typed_errors_and_writes_nothing(wijken, admins):
    variables = {
        "input": {
            "kind": "COUNTER",
            "name": "",
            "address": "x" * 201,
            "postcode": "nope",
            "openingHours": [
                {"day": "WED", "opens": "17:00", "closes": "09:00"},
                {"day": "THU", "opens": "25:00", "closes": "26:00"},
            ],
        }
    }
    result = gql("centrum", SAVE, variables, user=admins["marleen"].user).json()["data"]["savePlace"]
    errors = {(e["field"], e["code"]) for e in result["errors"]}
    assert errors == {
        ("name", "REQUIRED"),
        ("address", "TOO_LONG"),
        ("postcode", "INVALID_POSTCODE"),
        ("hours3", "CLOSES_BEFORE_OPENS"),
        ("hours4", "INVALID_TIME"),
    }
    assert result["place"] is None
    variables["input"]["openingHours"] = variables["input"]["openingHours"][:1]
    result = gql("centrum", SAVE, variables, user=admins["marleen"].user).json()["data"]["savePlace"]
    by_field = {e["field"]: (e["code"], e["message"]) for e in result["errors"]}
    assert by_field["name"] == ("REQUIRED", "Vul dit veld in.")
    assert by_field["address"][0] == "TOO_LONG" and by_field["postcode"][0] == "INVALID_POSTCODE"
    assert by_field["hours3"] == (
        "CLOSES_BEFORE_OPENS",
        "Op woensdag sluit het eerder dan het opengaat. Schrijf bijvoorbeeld 09:00-12:00.",
    )
    with tenant_context(wijken["centrum"]):
        assert not Place.objects.exists()


def test_too_many_periods_is_a_bad_request(admins):
    periods = [{"day": "MON", "opens": "09:00", "closes": "09:30"}] * 29
    variables = {"input": {"kind": "COUNTER", "name": "Loket", "address": "Hier 1", "openingHours": periods}}
    body = gql("centrum", SAVE, variables, user=admins["marleen"].user).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_resident_gets_permission_denied_and_nothing_changes(places, admins, wijken):
    variables = {"input": {"kind": "COUNTER", "name": "Nep", "address": "Nep 1"}}
    body = gql("centrum", SAVE, variables, user=admins["anna"].user).json()
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    body = gql("centrum", REMOVE, {"id": place_id(places["loket"])}, user=admins["anna"].user).json()
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    with tenant_context(wijken["centrum"]):
        assert Place.objects.count() == 2


def test_a_parkwijk_admin_cannot_change_centrum_places(places, admins, wijken):
    piet = admins["piet"].user
    on_centrum = gql("centrum", REMOVE, {"id": place_id(places["loket"])}, user=piet).json()
    assert on_centrum["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    variables = {"id": place_id(places["loket"]), "input": {"kind": "COUNTER", "name": "Overgenomen", "address": "X 1"}}
    on_parkwijk = gql("parkwijk", SAVE, variables, user=piet).json()
    assert on_parkwijk["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    with tenant_context(wijken["centrum"]):
        assert Place.objects.filter(name="Loket Grote Markt").exists()


def test_the_admin_removes_a_place(places, admins, wijken):
    result = gql("centrum", REMOVE, {"id": place_id(places["buurtkamer"])}, user=admins["marleen"].user).json()
    assert result["data"]["removePlace"] == {"removedId": place_id(places["buurtkamer"]), "errors": []}
    with tenant_context(wijken["centrum"]):
        assert list(Place.objects.values_list("name", flat=True)) == ["Loket Grote Markt"]


def _queries_for(query: str, slug: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert "errors" not in gql(slug, query).json()
    return len(captured.captured_queries)


def test_list_queries_do_not_grow_with_the_number_of_places(wijken, admins, partners):
    from datetime import time

    from tests.builders.places import add_place

    query = "{ counters { name openingHours { day } } meetingPlaces { name } wijkPartners { partner { name } contact { name } } }"
    for number in range(2):
        add_place(
            wijken["centrum"], admins["marleen"], kind="counter", name=f"Loket {number}", hours=[(1, time(9), time(12))]
        )
    _queries_for(query, "centrum")  # the first request also looks the wijk up and fills caches
    few = _queries_for(query, "centrum")
    for number in range(2, 8):
        add_place(
            wijken["centrum"],
            admins["marleen"],
            kind="counter",
            name=f"Loket {number}",
            hours=[(1, time(9), time(12)), (2, time(9), time(12))],
        )
    many = _queries_for(query, "centrum")
    assert many == few, f"{few} queries for 2 counters, {many} for 8"
