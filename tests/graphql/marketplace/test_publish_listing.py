"""Placing, changing, withdrawing and renewing listings through GraphQL: typed errors for bad input that write
nothing, and placing for someone else as their proxy or as the makelaar."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.marketplace import category_id, consents_to_makelaar, gid, make_street, member_id, place, tomorrow
from tests.builders.members import make_member
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.tenants.marketplace.actions.categories import retire_category
from wijkmarkt.tenants.marketplace.actions.listings import expire_listings
from wijkmarkt.tenants.marketplace.actions.moderation import handle_report, report
from wijkmarkt.tenants.marketplace.models import Category, Listing
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.selectors import actor_for

PUBLISH = """mutation($input: ListingInput!, $ownerId: ID) {
  publishListing(input: $input, ownerId: $ownerId) {
    listing { id kind title description status placedAs when startsOn street { name } category { slug }
              owner { firstName } }
    errors { field code message }
  }
}"""


def listing_input(parkwijk, **overrides) -> dict:
    return {
        "kind": "REQUEST",
        "title": "Wie snoeit mijn heg?",
        "description": "De heg aan de voorkant is te hoog geworden.",
        "category": category_id(parkwijk, "tuin"),
        **overrides,
    }


def listings_in(wijk) -> int:
    with tenant_context(wijk):
        return Listing.objects.count()


def publish(parkwijk, user, owner_id=None, **overrides) -> dict:
    data = ok("parkwijk", PUBLISH, {"input": listing_input(parkwijk, **overrides), "ownerId": owner_id}, user=user)
    return data["publishListing"]


def test_member_places_a_request_with_date_and_street(parkwijk, people):
    zomerkade = make_street(parkwijk, "Zomerkade", 52.38, 4.66)

    result = publish(
        parkwijk,
        people["anna"].user,
        when="DATE",
        startsOn=tomorrow().isoformat(),
        street=gid("Street", "parkwijk", zomerkade.pk),
    )

    assert result["errors"] == []
    listing = result["listing"]
    assert listing | {"id": None} == {
        "id": None,
        "kind": "REQUEST",
        "title": "Wie snoeit mijn heg?",
        "description": "De heg aan de voorkant is te hoog geworden.",
        "status": "OPEN",
        "placedAs": "SELF",
        "when": "DATE",
        "startsOn": tomorrow().isoformat(),
        "street": {"name": "Zomerkade"},
        "category": {"slug": "tuin"},
        "owner": {"firstName": "Anna"},
    }
    assert listings_in(parkwijk) == 1


@pytest.mark.parametrize(
    ("overrides", "field", "code", "message"),
    [
        ({"title": "   "}, "title", "REQUIRED", "Vul dit veld in."),
        ({"title": "x" * 101}, "title", "TOO_LONG", "Dit is te lang: maximaal 100 tekens, u typte er 101."),
        (
            {"description": "Hallo\x00daar"},
            "description",
            "INVALID_CHARACTERS",
            "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw.",
        ),
        (
            {"title": "Heg\u202esnoeien"},
            "title",
            "INVALID_CHARACTERS",
            "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw.",
        ),
        (
            {"when": "DATE", "startsOn": "2020-01-01"},
            "startsOn",
            "DATE_IN_PAST",
            "Deze datum is al voorbij. Kies vandaag of later.",
        ),
        ({"when": "DATE"}, "startsOn", "REQUIRED", "Vul een datum in, bijvoorbeeld 14-3-2027."),
        (
            {"when": "WINDOW", "startsOn": "2099-05-02", "endsOn": "2099-05-01"},
            "endsOn",
            "WINDOW_REVERSED",
            "De laatste dag ligt vóór de eerste dag.",
        ),
        ({"durationMinutes": 2}, "durationMinutes", "INVALID_DURATION", "Geef een duur tussen 5 minuten en 24 uur."),
        ({"category": ""}, "category", "UNKNOWN_CATEGORY", "Kies een soort hulp uit de lijst."),
    ],
    ids=[
        "empty-title",
        "long-title",
        "control-character",
        "bidi-override",
        "date-in-past",
        "date-missing",
        "window-reversed",
        "too-short",
        "no-category",
    ],
)
def test_bad_input_is_a_typed_error_and_writes_nothing(parkwijk, people, overrides, field, code, message):
    result = publish(parkwijk, people["anna"].user, **overrides)

    assert result["listing"] is None
    assert {"field": field, "code": code, "message": message} in result["errors"]
    assert listings_in(parkwijk) == 0


def test_every_problem_is_reported_at_once(parkwijk, people):
    result = publish(parkwijk, people["anna"].user, title="", description="", when="DATE", startsOn="2020-01-01")

    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("title", "REQUIRED"),
        ("description", "REQUIRED"),
        ("startsOn", "DATE_IN_PAST"),
    }


def test_html_is_kept_as_plain_text_never_interpreted(parkwijk, people):
    # Text is stored as typed and escaped wherever it is shown (platform/plaintext.py): a script tag is just text.
    result = publish(parkwijk, people["anna"].user, title="<script>alert(1)</script> heg")

    assert result["errors"] == []
    assert result["listing"]["title"] == "<script>alert(1)</script> heg"


def test_retired_deleted_and_foreign_categories_are_refused_alike(parkwijk, centrum, people):
    with tenant_context(parkwijk):
        retired = Category.objects.get(slug="overig")
        retire_category(actor=actor_for(people["wim"].user), category=retired)
        unused_pk = Category.objects.order_by("-pk").first().pk + 1000

    as_retired = publish(parkwijk, people["anna"].user, category=gid("Category", "parkwijk", retired.pk))
    deleted = publish(parkwijk, people["anna"].user, category=gid("Category", "parkwijk", unused_pk))
    foreign = publish(parkwijk, people["anna"].user, category=category_id(centrum, "tuin"))
    garbage = publish(parkwijk, people["anna"].user, category="not-an-id")

    assert as_retired["errors"] == [
        {
            "field": "category",
            "code": "CATEGORY_RETIRED",
            "message": "Deze soort hulp wordt niet meer gebruikt. Kies een andere.",
        }
    ]
    assert deleted["errors"] == [
        {"field": "category", "code": "UNKNOWN_CATEGORY", "message": "Kies een soort hulp uit de lijst."}
    ]
    assert foreign["errors"] == garbage["errors"] == deleted["errors"]
    assert listings_in(parkwijk) == 0


def test_a_street_of_another_wijk_is_an_unknown_street(parkwijk, centrum, people):
    elsewhere = make_street(centrum, "Grote Markt", 52.381, 4.636)

    result = publish(parkwijk, people["anna"].user, street=gid("Street", "centrum", elsewhere.pk))

    assert result["errors"] == [
        {"field": "street", "code": "UNKNOWN_STREET", "message": "Kies een straat in deze wijk uit de lijst."}
    ]


def test_nobody_places_without_logging_in_or_for_a_neighbour_they_do_not_act_for(parkwijk, people):
    anonymous = run("parkwijk", PUBLISH, {"input": listing_input(parkwijk)})
    for_bram = run(
        "parkwijk",
        PUBLISH,
        {"input": listing_input(parkwijk), "ownerId": member_id(people["bram"])},
        user=people["anna"].user,
    )

    assert top_error(anonymous)["code"] == "PERMISSION_DENIED"
    assert top_error(for_bram) == {"code": "PERMISSION_DENIED", "message": "U heeft geen toegang tot deze gegevens."}
    assert for_bram["data"]["publishListing"] is None
    assert listings_in(parkwijk) == 0


def test_a_suspended_member_cannot_place_and_is_told_why(parkwijk, people):
    with tenant_context(parkwijk):
        complaint = report(
            actor=actor_for(people["bram"].user),
            reporter=people["bram"],
            member=people["anna"],
            reason="Scheldt andere buren uit",
        )
        handle_report(
            actor=actor_for(people["fatima"].user),
            moderator=people["fatima"],
            report=complaint,
            outcome="suspended",
            reason="Herhaaldelijk onaardig",
        )

    body = run("parkwijk", PUBLISH, {"input": listing_input(parkwijk)}, user=people["anna"].user)

    assert top_error(body) == {
        "code": "PERMISSION_DENIED",
        "message": "U bent geschorst: u kunt lezen, maar niets plaatsen of reageren.",
    }
    assert listings_in(parkwijk) == 0


def test_makelaar_places_a_request_for_a_resident_who_stays_its_owner(parkwijk, people):
    with tenant_context(parkwijk):
        consents_to_makelaar(people["fatima"], people["anna"])
    result = publish(parkwijk, people["fatima"].user, owner_id=member_id(people["anna"]))

    assert result["errors"] == []
    assert result["listing"]["placedAs"] == "MAKELAAR"
    assert result["listing"]["owner"] == {"firstName": "Anna"}
    mine = ok("parkwijk", "{ me { listings { edges { node { title placedAs } } } } }", user=people["anna"].user)
    assert mine["me"]["listings"]["edges"] == [{"node": {"title": "Wie snoeit mijn heg?", "placedAs": "MAKELAAR"}}]


def test_a_relative_registered_as_proxy_places_for_the_member_from_another_wijk(parkwijk, centrum, people):
    son = make_member(centrum, "Zoon")  # an account of Centrum, no member of Parkwijk
    with tenant_context(parkwijk):
        register_proxy(
            actor=actor_for(people["anna"].user), principal=people["anna"], proxy_email=son.user.email, relation="zoon"
        )

    named = publish(parkwijk, son.user, owner_id=member_id(people["anna"]))
    implied = publish(parkwijk, son.user)  # the proxy of one member acts for that member
    not_his = run(
        "parkwijk", PUBLISH, {"input": listing_input(parkwijk), "ownerId": member_id(people["bram"])}, user=son.user
    )

    for result in (named, implied):
        assert result["errors"] == []
        assert (result["listing"]["placedAs"], result["listing"]["owner"]) == ("PROXY", {"firstName": "Anna"})
    assert top_error(not_his)["code"] == "NOT_FOUND"  # he does not see neighbours: Bram is not his to name


UPDATE = """mutation($id: ID!, $input: ListingInput!) { updateListing(id: $id, input: $input) {
  listing { title status } errors { field code message } } }"""
WITHDRAW = "mutation($id: ID!) { withdrawListing(id: $id) { listing { status } errors { code message } } }"
RENEW = "mutation($id: ID!) { renewListing(id: $id) { listing { status expiresAt } errors { code message } } }"


def test_owner_changes_withdraws_and_then_cannot_change_any_more(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    listing_id = gid("Listing", "parkwijk", listing.pk)

    changed = ok(
        "parkwijk",
        UPDATE,
        {"id": listing_id, "input": listing_input(parkwijk, title="Nieuwe titel")},
        user=people["anna"].user,
    )["updateListing"]
    withdrawn = ok("parkwijk", WITHDRAW, {"id": listing_id}, user=people["anna"].user)["withdrawListing"]
    too_late = ok(
        "parkwijk",
        UPDATE,
        {"id": listing_id, "input": listing_input(parkwijk, title="Nog eens")},
        user=people["anna"].user,
    )["updateListing"]

    assert changed == {"listing": {"title": "Nieuwe titel", "status": "OPEN"}, "errors": []}
    assert withdrawn == {"listing": {"status": "WITHDRAWN"}, "errors": []}
    assert too_late == {
        "listing": None,
        "errors": [
            {
                "field": None,
                "code": "WRONG_STATE",
                "message": "Een afgesloten vraag of aanbod kunt u niet meer wijzigen.",
            }
        ],
    }
    with tenant_context(parkwijk):
        assert Listing.objects.get(pk=listing.pk).title == "Nieuwe titel"


def test_a_neighbour_cannot_change_or_withdraw_someone_elses_listing(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    listing_id = gid("Listing", "parkwijk", listing.pk)

    change = run(
        "parkwijk",
        UPDATE,
        {"id": listing_id, "input": listing_input(parkwijk, title="Van Bram")},
        user=people["bram"].user,
    )
    withdraw = run("parkwijk", WITHDRAW, {"id": listing_id}, user=people["bram"].user)

    assert top_error(change)["code"] == top_error(withdraw)["code"] == "PERMISSION_DENIED"
    with tenant_context(parkwijk):
        assert Listing.objects.get(pk=listing.pk).status == "open"


def test_an_expired_listing_is_renewed_with_one_click(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    with tenant_context(parkwijk):
        expire_listings(now=timezone.now() + dt.timedelta(days=61))

    renewed = ok("parkwijk", RENEW, {"id": gid("Listing", "parkwijk", listing.pk)}, user=people["anna"].user)[
        "renewListing"
    ]

    assert renewed["errors"] == []
    assert renewed["listing"]["status"] == "OPEN"
    assert renewed["listing"]["expiresAt"] > (timezone.now() + dt.timedelta(days=59)).isoformat()


def test_a_paused_wijk_can_be_read_but_takes_nothing_new(parkwijk, people):
    place(parkwijk, people["bram"], title="Van voor de pauze")
    Wijk.objects.filter(pk=parkwijk.pk).update(status=WijkStatus.PAUSED)  # rolled back with the test

    body = run("parkwijk", PUBLISH, {"input": listing_input(parkwijk)}, user=people["anna"].user)
    browse = ok("parkwijk", "{ listings { edges { node { title } } } }", user=people["anna"].user)

    assert top_error(body) == {
        "code": "PERMISSION_DENIED",
        "message": "Deze wijk is gepauzeerd: u kunt lezen, maar niets plaatsen of wijzigen.",
    }
    assert browse["listings"]["edges"] == [{"node": {"title": "Van voor de pauze"}}]
    assert listings_in(parkwijk) == 1


def test_a_suspended_member_cannot_place_as_someones_proxy_either(parkwijk, people):
    with tenant_context(parkwijk):
        register_proxy(
            actor=actor_for(people["anna"].user),
            principal=people["anna"],
            proxy_email=people["bram"].user.email,
            relation="buurman",
        )
        complaint = report(
            actor=actor_for(people["cor"].user), reporter=people["cor"], member=people["bram"], reason="Scheldt"
        )
        handle_report(
            actor=actor_for(people["fatima"].user),
            moderator=people["fatima"],
            report=complaint,
            outcome="suspended",
            reason="Scheldt",
        )

    body = run(
        "parkwijk",
        PUBLISH,
        {"input": listing_input(parkwijk), "ownerId": member_id(people["anna"])},
        user=people["bram"].user,
    )

    assert top_error(body)["message"] == "U bent geschorst: u kunt lezen, maar niets plaatsen of reageren."
    assert listings_in(parkwijk) == 0
