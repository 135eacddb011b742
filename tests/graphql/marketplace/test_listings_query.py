"""Browsing and searching listings: the Relay connection with the shared ListingFilter, one listing by ID, the
neighbour summary of its owner, suggestions, categories and streets."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.marketplace import category_id, gid, make_street, place, tomorrow
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.marketplace.actions.categories import retire_category
from wijkmarkt.tenants.marketplace.actions.listings import expire_listings, withdraw_listing
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
from wijkmarkt.tenants.marketplace.models import Category
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.selectors import actor_for

LISTINGS = """query($first: Int, $q: String, $kind: ListingKind, $category: ID, $dateFrom: Date, $dateTo: Date,
                    $nearStreet: ID, $withinM: Int, $sort: ListingSort) {
  listings(first: $first, q: $q, kind: $kind, category: $category, dateFrom: $dateFrom, dateTo: $dateTo,
           nearStreet: $nearStreet, withinM: $withinM, sort: $sort) {
    edges { node { id title kind status placedAs distanceM category { name } street { name }
                   owner { id firstName street houseNumber phone email } } }
  }
}"""


def titles(data) -> list[str]:
    return [edge["node"]["title"] for edge in data["listings"]["edges"]]


def test_member_browses_open_listings_newest_first_with_category_owner_and_street(parkwijk, people):
    zomerkade = make_street(parkwijk, "Zomerkade", 52.38, 4.66)
    place(parkwijk, people["anna"], title="Heg snoeien", category="tuin", street_id=zomerkade.pk)
    place(parkwijk, people["bram"], title="Ik help met de computer", kind="offer")

    data = ok("parkwijk", LISTINGS, {"first": 10}, user=people["cor"].user)

    assert titles(data) == ["Ik help met de computer", "Heg snoeien"]
    heg = data["listings"]["edges"][1]["node"]
    assert heg["kind"] == "REQUEST"
    assert heg["status"] == "OPEN"
    assert heg["placedAs"] == "SELF"
    assert heg["category"] == {"name": "Tuin (zoals heg snoeien)"}
    assert heg["street"] == {"name": "Zomerkade"}
    assert heg["owner"]["firstName"] == "Anna"
    assert heg["owner"]["id"] == gid("Membership", "parkwijk", people["anna"].pk)
    assert heg["distanceM"] is None


def test_owner_shows_first_name_and_street_but_no_house_number_phone_or_email_unless_chosen(parkwijk, people):
    zomerkade = make_street(parkwijk, "Zomerkade", 52.38, 4.66)
    with tenant_context(parkwijk):
        for name, show in (("anna", False), ("bram", True)):
            update_profile(
                actor=actor_for(people[name].user),
                member=people[name],
                data=ProfileInput(
                    street_id=zomerkade.pk,
                    house_number="12",
                    phone="0612345678",
                    show_house_number=show,
                    show_phone=show,
                    show_email=show,
                ),
            )
    place(parkwijk, people["anna"], title="Anna vraagt")
    place(parkwijk, people["bram"], title="Bram vraagt")

    data = ok("parkwijk", LISTINGS, {"first": 10}, user=people["cor"].user)
    owners = {edge["node"]["title"]: edge["node"]["owner"] for edge in data["listings"]["edges"]}

    assert owners["Anna vraagt"] | {"id": None} == {
        "id": None,
        "firstName": "Anna",
        "street": "Zomerkade",
        "houseNumber": None,
        "phone": None,
        "email": None,
    }
    assert owners["Bram vraagt"]["houseNumber"] == "12"
    assert owners["Bram vraagt"]["phone"] == "0612345678"
    assert owners["Bram vraagt"]["email"] == "bram@example.nl"


def test_text_search_uses_dutch_stemming(parkwijk, people):
    place(
        parkwijk,
        people["anna"],
        title="Wie wil mijn heggen snoeien?",
        description="De heg is te hoog geworden.",
        category="tuin",
    )
    place(parkwijk, people["bram"], title="Boodschappen op vrijdag", category="boodschappen")

    found = ok("parkwijk", LISTINGS, {"q": "heg snoei"}, user=people["cor"].user)
    nothing = ok("parkwijk", LISTINGS, {"q": "fietsles"}, user=people["cor"].user)

    assert titles(found) == ["Wie wil mijn heggen snoeien?"]
    assert titles(nothing) == []


def test_filters_by_kind_and_category(parkwijk, people):
    place(parkwijk, people["anna"], title="Vraag computer")
    place(parkwijk, people["anna"], title="Aanbod computer", kind="offer")
    place(parkwijk, people["bram"], title="Vraag tuin", category="tuin")

    offers = ok("parkwijk", LISTINGS, {"kind": "OFFER"}, user=people["cor"].user)
    garden = ok("parkwijk", LISTINGS, {"category": category_id(parkwijk, "tuin")}, user=people["cor"].user)
    computer_requests = ok(
        "parkwijk", LISTINGS, {"kind": "REQUEST", "category": category_id(parkwijk)}, user=people["cor"].user
    )

    assert titles(offers) == ["Aanbod computer"]
    assert titles(garden) == ["Vraag tuin"]
    assert titles(computer_requests) == ["Vraag computer"]


def test_filters_by_date_and_sorts_most_urgent_first(parkwijk, people):
    soon, later = tomorrow(), tomorrow() + dt.timedelta(days=10)
    place(parkwijk, people["anna"], title="Later", when="date", starts_on=later)
    place(parkwijk, people["anna"], title="Morgen", when="date", starts_on=soon)
    place(parkwijk, people["anna"], title="Maakt niet uit")

    urgent = ok("parkwijk", LISTINGS, {"sort": "URGENT"}, user=people["bram"].user)
    window = ok(
        "parkwijk",
        LISTINGS,
        {"dateFrom": soon.isoformat(), "dateTo": (soon + dt.timedelta(days=2)).isoformat()},
        user=people["bram"].user,
    )

    assert titles(urgent) == ["Morgen", "Later", "Maakt niet uit"]
    assert titles(window) == ["Morgen"]


def test_near_street_gives_distances_and_leaves_out_what_is_too_far(parkwijk, people):
    here = make_street(parkwijk, "Zomerkade", 52.3800, 4.6600)
    close = make_street(parkwijk, "Lentestraat", 52.3810, 4.6600)  # about 111 m north
    far = make_street(parkwijk, "Verre Weg", 52.3900, 4.6800)  # about 1.8 km
    place(parkwijk, people["anna"], title="Ver weg", street_id=far.pk)
    place(parkwijk, people["anna"], title="Dichtbij", street_id=close.pk)
    place(parkwijk, people["anna"], title="Zonder straat")
    street = gid("Street", "parkwijk", here.pk)

    nearest = ok("parkwijk", LISTINGS, {"nearStreet": street, "sort": "NEAR"}, user=people["bram"].user)
    within = ok("parkwijk", LISTINGS, {"nearStreet": street, "withinM": 500}, user=people["bram"].user)

    assert titles(nearest) == ["Dichtbij", "Ver weg", "Zonder straat"]
    distances = [edge["node"]["distanceM"] for edge in nearest["listings"]["edges"]]
    assert 100 < distances[0] < 125 and 1500 < distances[1] < 2000 and distances[2] is None
    assert titles(within) == ["Dichtbij"]


def test_withdrawn_expired_and_hidden_listings_are_not_browsed(parkwijk, people):
    withdrawn = place(parkwijk, people["anna"], title="Ingetrokken")
    place(parkwijk, people["anna"], title="Verlopen")
    with tenant_context(parkwijk):
        withdraw_listing(actor=actor_for(people["anna"].user), listing=withdrawn)
        expire_listings(now=timezone.now() + dt.timedelta(days=61))
    place(parkwijk, people["anna"], title="Open")

    assert titles(ok("parkwijk", LISTINGS, {}, user=people["bram"].user)) == ["Open"]


def test_a_bad_filter_is_a_clear_error_and_a_deleted_or_foreign_category_answer_alike(parkwijk, centrum, people):
    with tenant_context(parkwijk):
        retired = Category.objects.get(slug="overig")
        retire_category(actor=actor_for(people["wim"].user), category=retired)
        unused_pk = Category.objects.order_by("-pk").first().pk + 1000

    deleted = run("parkwijk", LISTINGS, {"category": gid("Category", "parkwijk", unused_pk)}, user=people["bram"].user)
    foreign = run("parkwijk", LISTINGS, {"category": category_id(centrum, "tuin")}, user=people["bram"].user)
    retired_one = run(
        "parkwijk", LISTINGS, {"category": gid("Category", "parkwijk", retired.pk)}, user=people["bram"].user
    )
    too_far = run("parkwijk", LISTINGS, {"withinM": 99999}, user=people["bram"].user)

    assert top_error(deleted)["code"] == "BAD_REQUEST"
    assert top_error(foreign) == top_error(deleted)
    assert top_error(retired_one) == top_error(deleted)
    assert deleted["errors"][0]["extensions"]["fields"] == ["category"]
    assert top_error(too_far)["code"] == "BAD_REQUEST"
    assert "withinM" in top_error(too_far)["message"]


def test_listings_need_membership_and_the_page_size_is_capped(parkwijk, people):
    anonymous = run("parkwijk", LISTINGS, {"first": 5})
    too_many = run("parkwijk", LISTINGS, {"first": 51}, user=people["anna"].user)
    portal = run(None, LISTINGS, {"first": 5}, user=people["anna"].user)

    assert top_error(anonymous)["code"] == "PERMISSION_DENIED"
    assert top_error(too_many) == {
        "code": "PAGE_SIZE_TOO_LARGE",
        "message": "`first` mag tussen 0 en 50 liggen; u vroeg 51.",
    }
    assert top_error(portal)["code"] == "WRONG_DOMAIN"


LISTING = """query($id: ID!) { listing(id: $id) { title status placedAs owner { firstName }
  suggestions { member { firstName } reasons why } } }"""


def test_one_listing_by_id_with_suggestions_only_for_its_owner_and_the_makelaar(parkwijk, people):
    request = place(parkwijk, people["anna"], title="Hulp met de computer")
    place(parkwijk, people["bram"], title="Ik help met computers", kind="offer")
    listing_id = gid("Listing", "parkwijk", request.pk)

    as_owner = ok("parkwijk", LISTING, {"id": listing_id}, user=people["anna"].user)["listing"]
    as_makelaar = ok("parkwijk", LISTING, {"id": listing_id}, user=people["fatima"].user)["listing"]
    as_neighbour = ok("parkwijk", LISTING, {"id": listing_id}, user=people["cor"].user)["listing"]

    assert as_owner["title"] == "Hulp met de computer"
    assert [s["member"]["firstName"] for s in as_owner["suggestions"]] == ["Bram"]
    assert as_owner["suggestions"][0]["reasons"] == ["biedt computerhulp aan"]
    assert as_owner["suggestions"][0]["why"] == "biedt computerhulp aan"
    assert as_makelaar["suggestions"] == as_owner["suggestions"]
    assert as_neighbour["suggestions"] is None


def test_a_withdrawn_listing_can_still_be_read_by_id_and_an_unknown_id_is_null(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    with tenant_context(parkwijk):
        withdraw_listing(actor=actor_for(people["anna"].user), listing=listing)

    found = ok("parkwijk", LISTING, {"id": gid("Listing", "parkwijk", listing.pk)}, user=people["bram"].user)
    missing = ok("parkwijk", LISTING, {"id": gid("Listing", "parkwijk", listing.pk + 1000)}, user=people["bram"].user)
    garbage = ok("parkwijk", LISTING, {"id": "bm9uc2Vucw=="}, user=people["bram"].user)
    other_type = ok("parkwijk", LISTING, {"id": gid("Category", "parkwijk", listing.pk)}, user=people["bram"].user)

    assert found["listing"]["status"] == "WITHDRAWN"
    assert missing == garbage == other_type == {"listing": None}


def test_categories_streets_and_retired_categories_for_the_wijk_admin(parkwijk, people):
    make_street(parkwijk, "Zomerkade", 52.38, 4.66)
    with tenant_context(parkwijk):
        retire_category(actor=actor_for(people["wim"].user), category=Category.objects.get(slug="overig"))
    query = "query($all: Boolean) { categories(includeRetired: $all) { name slug retired } streets { name } }"

    plain = ok("parkwijk", query, {"all": False}, user=people["anna"].user)
    everything = ok("parkwijk", query, {"all": True}, user=people["wim"].user)
    refused = run("parkwijk", query, {"all": True}, user=people["anna"].user)

    assert plain["categories"][0] == {"name": "Boodschappen", "slug": "boodschappen", "retired": False}
    assert "overig" not in {c["slug"] for c in plain["categories"]}
    assert {"name": "Overig", "slug": "overig", "retired": True} in everything["categories"]
    assert plain["streets"] == [{"name": "Zomerkade"}]
    assert top_error(refused)["code"] == "PERMISSION_DENIED"


def test_a_relative_registered_as_proxy_may_browse_without_being_a_member(parkwijk, centrum, people):
    daughter = make_member(centrum, "Dochter")  # lives in Centrum, not a member of Parkwijk
    with tenant_context(parkwijk):
        register_proxy(
            actor=actor_for(people["anna"].user),
            principal=people["anna"],
            proxy_email=daughter.user.email,
            relation="dochter",
        )
    place(parkwijk, people["bram"], title="Bram vraagt")

    data = ok("parkwijk", LISTINGS, {}, user=daughter.user)

    assert titles(data) == ["Bram vraagt"]


def test_a_provider_without_view_neighbours_still_browses(parkwijk, people):
    henk = make_member(parkwijk, "Henk", role=Role.PROVIDER)
    place(parkwijk, people["anna"], title="Hulp in huis")

    assert titles(ok("parkwijk", LISTINGS, {}, user=henk.user)) == ["Hulp in huis"]


PAGE = """query($first: Int, $after: String) {
  listings(first: $first, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }"""


def test_pages_follow_each_other_and_say_when_there_is_no_next_page(parkwijk, people):
    for title in ("Eerste", "Tweede", "Derde"):
        place(parkwijk, people["anna"], title=title)

    first = ok("parkwijk", PAGE, {"first": 2}, user=people["bram"].user)["listings"]
    rest = ok("parkwijk", PAGE, {"first": 2, "after": first["pageInfo"]["endCursor"]}, user=people["bram"].user)[
        "listings"
    ]

    assert [e["node"]["title"] for e in first["edges"]] == ["Derde", "Tweede"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["title"] for e in rest["edges"]] == ["Eerste"]
    assert rest["pageInfo"]["hasNextPage"] is False
