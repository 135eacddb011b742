"""Acting for someone only with their say-so, through GraphQL (issue 12, point 1): without the member's recorded
consent the makelaar's publishListing (ownerId), respondToListing, givePoints and confirmRingPart (onBehalfOf) are
refused with PERMISSION_DENIED saying why, and write nothing; after recordConsent they work and land in the member's
actingForLog; after withdrawConsent they are refused again. `me.actingFor` lists only those the viewer may act for;
a revoked proxy drops out of it and is refused."""

from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.ledger import done_exchange, points_on
from tests.builders.marketplace import category_id, gid, member_id, place
from tests.builders.rings import CONFIRM, PROPOSE, three_way_input
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.ledger.models import Transfer
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.models import Exchange, Listing, RingLink
from wijkmarkt.tenants.membership.actions.proxies import register_proxy, revoke_proxy
from wijkmarkt.tenants.membership.selectors import actor_for

NO_CONSENT = (
    "Er is geen toestemming van deze bewoner genoteerd om namens hem of haar te handelen. Noteer eerst de "
    "toestemming in het dossier."
)
PUBLISH = """mutation($input: ListingInput!, $ownerId: ID) { publishListing(input: $input, ownerId: $ownerId) {
  listing { placedAs owner { firstName } } errors { field code message } } }"""
RESPOND = """mutation($listingId: ID!, $for: ID) { respondToListing(listingId: $listingId, message: "Ik help graag.",
  onBehalfOf: $for) { exchange { id } errors { field code message } } }"""
GIVE = """mutation($for: ID, $key: String!) { givePoints(amount: 1, idempotencyKey: $key,
  recipientEmail: "bram@example.nl", onBehalfOf: $for) { transfer { via } errors { field code message } } }"""
CONSENT = """mutation($id: ID!) { recordConsent(residentId: $id, topic: ACT_FOR, note: "Aan de telefoon") {
  consent { id } errors { field code message } } }"""
WITHDRAW = """mutation($id: ID!) { withdrawConsent(consentId: $id) { errors { field code message } } }"""
LOG = "query($id: ID!) { actingForLog(residentId: $id) { what placedAs } }"
ACTING_FOR = "{ me { actingFor { edges { node { firstName } } } } }"


def acting_for(user) -> set[str]:
    return {edge["node"]["firstName"] for edge in ok("parkwijk", ACTING_FOR, user=user)["me"]["actingFor"]["edges"]}


def listing_fields(parkwijk, title="Namens Anna") -> dict:
    return {"kind": "REQUEST", "title": title, "description": "Wie helpt?", "category": category_id(parkwijk)}


def test_the_makelaar_acts_for_a_member_only_while_their_consent_is_on_record(parkwijk, people):
    anna, bram, fatima = people["anna"], people["bram"], people["fatima"]
    makelaar = fatima.user
    points_on("parkwijk")
    done_exchange(Wijk.objects.get(pk=parkwijk.pk), bram, anna, hours="2")  # Anna helped Bram: points to give
    bram_asks = gid("Listing", "parkwijk", place(parkwijk, bram, title="Tuin").pk)
    ring_id = ok("parkwijk", PROPOSE, {"links": three_way_input(parkwijk, people)}, user=makelaar)["proposeRing"][
        "ring"
    ]["id"]
    with tenant_context(parkwijk):
        before = (Listing.objects.count(), Exchange.objects.count(), Transfer.objects.count())

    calls = {
        "publishListing": (PUBLISH, {"input": listing_fields(parkwijk), "ownerId": member_id(anna)}),
        "respondToListing": (RESPOND, {"listingId": bram_asks, "for": member_id(anna)}),
        "givePoints": (GIVE, {"for": member_id(anna), "key": "gift-anna"}),
        "confirmRingPart": (CONFIRM, {"id": ring_id, "for": member_id(anna)}),
    }
    for name, (query, variables) in calls.items():
        body = run("parkwijk", query, variables, user=makelaar)
        assert top_error(body) == {"code": "PERMISSION_DENIED", "message": NO_CONSENT}, name
    with tenant_context(parkwijk):
        assert (Listing.objects.count(), Exchange.objects.count(), Transfer.objects.count()) == before
        assert not RingLink.objects.filter(giver=anna, confirmed_at__isnull=False).exists()
    assert acting_for(makelaar) == {"Fatima"}

    consent = ok("parkwijk", CONSENT, {"id": member_id(anna)}, user=makelaar)["recordConsent"]
    assert consent["errors"] == []
    assert acting_for(makelaar) == {"Fatima", "Anna"}
    done = {name: ok("parkwijk", query, variables, user=makelaar)[name] for name, (query, variables) in calls.items()}
    assert all(result["errors"] == [] for result in done.values()), done
    assert done["publishListing"]["listing"] == {"placedAs": "MAKELAAR", "owner": {"firstName": "Anna"}}
    assert done["givePoints"]["transfer"] == {"via": "MAKELAAR"}
    log = ok("parkwijk", LOG, {"id": member_id(anna)}, user=anna.user)["actingForLog"]
    assert {"CONSENT", "PUBLISH_LISTING", "RESPOND", "RING"} <= {entry["what"] for entry in log}
    assert {entry["placedAs"] for entry in log} == {"MAKELAAR"}

    assert ok("parkwijk", WITHDRAW, {"id": consent["consent"]["id"]}, user=anna.user)["withdrawConsent"]["errors"] == []
    assert acting_for(makelaar) == {"Fatima"}
    again = run(
        "parkwijk", PUBLISH, {"input": listing_fields(parkwijk, "Nog eens"), "ownerId": member_id(anna)}, user=makelaar
    )
    assert top_error(again)["code"] == "PERMISSION_DENIED"
    assert top_error(run("parkwijk", GIVE, {"for": member_id(anna), "key": "gift-2"}, user=makelaar))["code"] == (
        "PERMISSION_DENIED"
    )
    with tenant_context(parkwijk):
        assert not Listing.objects.filter(title="Nog eens").exists()


def test_a_revoked_proxy_is_no_longer_listed_or_allowed(parkwijk, people):
    anna = people["anna"]
    carla = create_account(email="carla@example.nl", first_name="Carla", password="Geheim-wachtwoord-1")
    with tenant_context(parkwijk):
        proxy = register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email=carla.email, relation="dochter")
    assert acting_for(carla) == {"Anna"}
    placed = ok(
        "parkwijk", PUBLISH, {"input": listing_fields(parkwijk, "Voor mama"), "ownerId": member_id(anna)}, user=carla
    )["publishListing"]
    assert placed["errors"] == [] and placed["listing"]["placedAs"] == "PROXY"

    with tenant_context(parkwijk):
        revoke_proxy(actor=actor_for(anna.user), proxy=proxy)
    body = run(
        "parkwijk", PUBLISH, {"input": listing_fields(parkwijk, "Nog eens"), "ownerId": member_id(anna)}, user=carla
    )
    assert top_error(body)["code"] in ("PERMISSION_DENIED", "NOT_FOUND")
    with tenant_context(parkwijk):
        assert list(Listing.objects.filter(owner=anna).values_list("title", flat=True)) == ["Voor mama"]


def test_consent_in_another_wijk_does_not_let_this_wijks_makelaar_act(parkwijk, centrum, people):
    """Anna also lives in Centrum and gave Centrum's makelaar her consent; Parkwijk's makelaar has none."""
    from tests.builders.members import make_member
    from wijkmarkt.tenants.membership.actions.joining import join_wijk

    with tenant_context(centrum):
        cees = make_member(centrum, "Cees", role="makelaar")
        anna_there = join_wijk(
            wijk=Wijk.objects.get(pk=centrum.pk), user=people["anna"].user, accepted_house_rules=True
        )
    consent = run("centrum", CONSENT, {"id": member_id(anna_there, "centrum")}, user=cees.user)
    assert consent["data"]["recordConsent"]["errors"] == []
    assert acting_for(people["fatima"].user) == {"Fatima"}
    body = run(
        "parkwijk",
        PUBLISH,
        {"input": listing_fields(parkwijk), "ownerId": member_id(people["anna"])},
        user=people["fatima"].user,
    )
    assert top_error(body) == {"code": "PERMISSION_DENIED", "message": NO_CONSENT}
    with tenant_context(parkwijk):
        assert not Listing.objects.filter(title="Namens Anna").exists()
