"""Exchanges through GraphQL: respond, talk, agree, done, thank; cancel and object; and every refusal typed, with
nothing written."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.marketplace import consents_to_makelaar, gid, member_id, place, respond
from tests.builders.members import make_member
from wijkmarkt.tenants.chat.selectors import exchange_thread
from wijkmarkt.tenants.marketplace.actions.exchanges import post_message
from wijkmarkt.tenants.marketplace.actions.listings import expire_listings, withdraw_listing
from wijkmarkt.tenants.marketplace.actions.moderation import block_member, handle_report, report
from wijkmarkt.tenants.marketplace.models import Exchange, ThankYou
from wijkmarkt.tenants.membership.selectors import actor_for

EXCHANGE_FIELDS = (
    "id status myPart what hours helperAgreed receiverAgreed helperDone receiverDone via "
    "helper { firstName } receiver { firstName } messages { body author { firstName } }"
)
RESPOND = f"""mutation($listingId: ID!, $message: String!, $onBehalfOf: ID) {{
  respondToListing(listingId: $listingId, message: $message, onBehalfOf: $onBehalfOf) {{
    exchange {{ {EXCHANGE_FIELDS} }} errors {{ field code message }} }} }}"""
AGREE = f"""mutation($id: ID!, $what: String!, $when: DateTime, $hours: Decimal) {{
  agreeExchange(exchangeId: $id, what: $what, agreedFor: $when, hours: $hours) {{
    exchange {{ {EXCHANGE_FIELDS} }} errors {{ field code message }} }} }}"""
DONE = f"""mutation($id: ID!) {{ confirmDone(exchangeId: $id) {{
  exchange {{ {EXCHANGE_FIELDS} }} errors {{ field code message }} }} }}"""
MESSAGE = """mutation($id: ID!, $body: String!) { postMessage(exchangeId: $id, body: $body) {
  message { body } exchange { messages { body } } errors { field code message } } }"""
CANCEL = """mutation($id: ID!, $reason: String!) { cancelExchange(exchangeId: $id, reason: $reason) {
  exchange { status cancelledReason listing { status } } errors { field code message } } }"""
OBJECT = """mutation($id: ID!, $reason: String!) { objectToDone(exchangeId: $id, reason: $reason) {
  exchange { status helperDone receiverDone } errors { field code message } } }"""
THANK = """mutation($id: ID!, $text: String!, $show: Boolean!) { thank(exchangeId: $id, text: $text, showOnHome: $show) {
  thankYou { id text authorConsents otherConsents shownOnHome author { firstName } } errors { field code message } } }"""
CONSENT = """mutation($id: ID!) { consentToThankYou(thankYouId: $id) {
  thankYou { shownOnHome } errors { field code message } } }"""


def exchanges_in(wijk) -> int:
    with tenant_context(wijk):
        return Exchange.objects.count()


def test_from_response_to_thank_you(parkwijk, people):
    anna, bram = people["anna"], people["bram"]
    listing = place(parkwijk, anna, title="Hulp met mijn tablet")
    when = (timezone.now() + dt.timedelta(days=2)).replace(microsecond=0).isoformat()

    responded = ok(
        "parkwijk",
        RESPOND,
        {"listingId": gid("Listing", "parkwijk", listing.pk), "message": "Ik kan dinsdag komen."},
        user=bram.user,
    )["respondToListing"]
    exchange_id = responded["exchange"]["id"]
    talked = ok("parkwijk", MESSAGE, {"id": exchange_id, "body": "Graag, om 10 uur?"}, user=anna.user)["postMessage"]
    proposed = ok(
        "parkwijk", AGREE, {"id": exchange_id, "what": "Tablet instellen", "when": when, "hours": "1.5"}, user=bram.user
    )["agreeExchange"]
    agreed = ok(
        "parkwijk", AGREE, {"id": exchange_id, "what": "Tablet instellen", "when": when, "hours": "1.5"}, user=anna.user
    )["agreeExchange"]
    half_done = ok("parkwijk", DONE, {"id": exchange_id}, user=bram.user)["confirmDone"]
    done = ok("parkwijk", DONE, {"id": exchange_id}, user=anna.user)["confirmDone"]
    thanked = ok("parkwijk", THANK, {"id": exchange_id, "text": "Dank je wel, Bram!", "show": True}, user=anna.user)[
        "thank"
    ]
    consented = ok("parkwijk", CONSENT, {"id": thanked["thankYou"]["id"]}, user=bram.user)["consentToThankYou"]

    assert responded["errors"] == []
    assert responded["exchange"] | {"id": None} == {
        "id": None,
        "status": "PROPOSED",
        "myPart": "HELPER",
        "what": "",
        "hours": None,
        "helperAgreed": False,
        "receiverAgreed": False,
        "helperDone": False,
        "receiverDone": False,
        "via": "WEBSITE",
        "helper": {"firstName": "Bram"},
        "receiver": {"firstName": "Anna"},
        "messages": [{"body": "Ik kan dinsdag komen.", "author": {"firstName": "Bram"}}],
    }
    assert talked["message"] == {"body": "Graag, om 10 uur?"}
    assert [m["body"] for m in talked["exchange"]["messages"]] == ["Ik kan dinsdag komen.", "Graag, om 10 uur?"]
    assert (proposed["exchange"]["status"], proposed["exchange"]["helperAgreed"]) == ("PROPOSED", True)
    assert (agreed["exchange"]["status"], agreed["exchange"]["hours"], agreed["exchange"]["myPart"]) == (
        "AGREED",
        "1.5",
        "RECEIVER",
    )
    assert (half_done["exchange"]["status"], half_done["exchange"]["helperDone"]) == ("AGREED", True)
    assert done["exchange"]["status"] == "DONE"
    assert thanked["thankYou"] | {"id": None} == {
        "id": None,
        "text": "Dank je wel, Bram!",
        "authorConsents": True,
        "otherConsents": False,
        "shownOnHome": False,
        "author": {"firstName": "Anna"},
    }
    assert consented == {"thankYou": {"shownOnHome": True}, "errors": []}


def test_me_exchanges_lists_the_members_exchanges_with_their_side(parkwijk, people):
    listing = place(parkwijk, people["anna"], title="Boodschappen", category="boodschappen")
    respond(parkwijk, listing, people["bram"])
    query = "{ me { exchanges { edges { node { myPart listing { title } } } } } }"

    as_anna = ok("parkwijk", query, user=people["anna"].user)["me"]["exchanges"]["edges"]
    as_bram = ok("parkwijk", query, user=people["bram"].user)["me"]["exchanges"]["edges"]
    as_cor = ok("parkwijk", query, user=people["cor"].user)["me"]["exchanges"]["edges"]

    assert as_anna == [{"node": {"myPart": "RECEIVER", "listing": {"title": "Boodschappen"}}}]
    assert as_bram == [{"node": {"myPart": "HELPER", "listing": {"title": "Boodschappen"}}}]
    assert as_cor == []


def test_responding_to_your_own_listing_or_twice_is_refused(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    variables = {"listingId": gid("Listing", "parkwijk", listing.pk), "message": "Ik kan helpen"}

    own = ok("parkwijk", RESPOND, variables, user=people["anna"].user)["respondToListing"]
    first = ok("parkwijk", RESPOND, variables, user=people["bram"].user)["respondToListing"]
    second = ok("parkwijk", RESPOND, variables, user=people["bram"].user)["respondToListing"]

    assert own == {
        "exchange": None,
        "errors": [{"field": None, "code": "OWN_LISTING", "message": "Dit is uw eigen vraag of aanbod."}],
    }
    assert first["errors"] == []
    assert second == {
        "exchange": None,
        "errors": [
            {"field": None, "code": "ALREADY_RESPONDED", "message": "U heeft al gereageerd. Kijk bij uw afspraken."}
        ],
    }
    assert exchanges_in(parkwijk) == 1


def test_responding_to_a_withdrawn_or_expired_listing_is_refused(parkwijk, people):
    withdrawn = place(parkwijk, people["anna"], title="Ingetrokken")
    with tenant_context(parkwijk):
        withdraw_listing(actor=actor_for(people["anna"].user), listing=withdrawn)
    expired = place(parkwijk, people["cor"], title="Verloopt")
    with tenant_context(parkwijk):
        expire_listings(now=timezone.now() + dt.timedelta(days=61))

    results = [
        ok(
            "parkwijk",
            RESPOND,
            {"listingId": gid("Listing", "parkwijk", listing.pk), "message": "Ik kom"},
            user=people["bram"].user,
        )["respondToListing"]
        for listing in (withdrawn, expired)
    ]

    closed = {
        "exchange": None,
        "errors": [{"field": None, "code": "LISTING_CLOSED", "message": "Deze vraag of dit aanbod is niet meer open."}],
    }
    assert results == [closed, closed]
    assert exchanges_in(parkwijk) == 0


def test_empty_and_control_character_messages_are_refused(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    listing_id = gid("Listing", "parkwijk", listing.pk)

    empty = ok("parkwijk", RESPOND, {"listingId": listing_id, "message": "  "}, user=people["bram"].user)
    control = ok("parkwijk", RESPOND, {"listingId": listing_id, "message": "Hoi\x07"}, user=people["bram"].user)

    assert empty["respondToListing"]["errors"] == [
        {"field": "message", "code": "REQUIRED", "message": "Vul dit veld in."}
    ]
    assert control["respondToListing"]["errors"][0]["code"] == "INVALID_CHARACTERS"
    assert exchanges_in(parkwijk) == 0


def test_someone_outside_the_exchange_cannot_see_confirm_or_write_in_it(parkwijk, people):
    exchange = respond(parkwijk, place(parkwijk, people["anna"]), people["bram"])
    exchange_id = gid("Exchange", "parkwijk", exchange.pk)

    seen = ok("parkwijk", "query($id: ID!) { exchange(id: $id) { id } }", {"id": exchange_id}, user=people["cor"].user)
    confirm = run("parkwijk", DONE, {"id": exchange_id}, user=people["cor"].user)
    write = run("parkwijk", MESSAGE, {"id": exchange_id, "body": "Ik bemoei me ermee"}, user=people["cor"].user)

    assert seen == {"exchange": None}
    assert top_error(confirm) == top_error(write) == {"code": "NOT_FOUND", "message": "Niet gevonden."}
    with tenant_context(parkwijk):
        assert exchange_thread(exchange).count() == 1


def test_confirming_done_before_agreeing_and_agreeing_on_a_past_moment_are_refused(parkwijk, people):
    exchange = respond(parkwijk, place(parkwijk, people["anna"]), people["bram"])
    exchange_id = gid("Exchange", "parkwijk", exchange.pk)
    past = (timezone.now() - dt.timedelta(days=2)).isoformat()

    early = ok("parkwijk", DONE, {"id": exchange_id}, user=people["bram"].user)["confirmDone"]
    in_past = ok("parkwijk", AGREE, {"id": exchange_id, "what": "Tablet", "when": past}, user=people["bram"].user)[
        "agreeExchange"
    ]
    too_long = ok("parkwijk", AGREE, {"id": exchange_id, "what": "Tablet", "hours": "30"}, user=people["bram"].user)[
        "agreeExchange"
    ]

    assert early["errors"] == [
        {"field": None, "code": "WRONG_STATE", "message": "Dat kan niet meer: deze afspraak is voorgesteld."}
    ]
    assert in_past["errors"] == [
        {
            "field": "agreedFor",
            "code": "DATE_IN_PAST",
            "message": "Dit moment is al voorbij. Kies een moment in de toekomst.",
        }
    ]
    assert too_long["errors"][0]["code"] == "INVALID_DURATION"
    with tenant_context(parkwijk):
        assert Exchange.objects.get(pk=exchange.pk).helper_agreed_at is None


def test_cancelling_reopens_the_listing_and_objecting_withdraws_the_other_sides_done(parkwijk, people):
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    cancelled = respond(parkwijk, place(parkwijk, anna, title="Eerste"), bram)
    objected = respond(parkwijk, place(parkwijk, anna, title="Tweede"), cor)
    for member in (cor, anna):
        ok("parkwijk", AGREE, {"id": gid("Exchange", "parkwijk", objected.pk), "what": "Klusje"}, user=member.user)
    ok("parkwijk", DONE, {"id": gid("Exchange", "parkwijk", objected.pk)}, user=cor.user)

    cancel = ok(
        "parkwijk",
        CANCEL,
        {"id": gid("Exchange", "parkwijk", cancelled.pk), "reason": "Toch niet nodig"},
        user=anna.user,
    )["cancelExchange"]
    objection = ok(
        "parkwijk", OBJECT, {"id": gid("Exchange", "parkwijk", objected.pk), "reason": "Nog niet af"}, user=anna.user
    )["objectToDone"]

    assert cancel == {
        "exchange": {"status": "CANCELLED", "cancelledReason": "Toch niet nodig", "listing": {"status": "OPEN"}},
        "errors": [],
    }
    assert objection == {"exchange": {"status": "AGREED", "helperDone": False, "receiverDone": False}, "errors": []}


def test_thanking_twice_or_before_done_is_refused(parkwijk, people):
    exchange = respond(parkwijk, place(parkwijk, people["anna"]), people["bram"])
    exchange_id = gid("Exchange", "parkwijk", exchange.pk)

    early = ok("parkwijk", THANK, {"id": exchange_id, "text": "Dank!", "show": False}, user=people["anna"].user)

    assert early["thank"]["errors"][0]["code"] == "WRONG_STATE"
    with tenant_context(parkwijk):
        assert ThankYou.objects.count() == 0


def test_blocked_members_cannot_respond(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    with tenant_context(parkwijk):
        block_member(actor=actor_for(people["anna"].user), blocker=people["anna"], blocked=people["bram"])

    result = ok(
        "parkwijk",
        RESPOND,
        {"listingId": gid("Listing", "parkwijk", listing.pk), "message": "Hoi"},
        user=people["bram"].user,
    )["respondToListing"]

    assert result["errors"] == [
        {"field": None, "code": "BLOCKED", "message": "U kunt geen contact hebben met deze buur."}
    ]


def test_a_suspended_member_cannot_respond(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    with tenant_context(parkwijk):
        complaint = report(
            actor=actor_for(people["anna"].user),
            reporter=people["anna"],
            member=people["bram"],
            reason="Stuurt vervelende berichten",
        )
        handle_report(
            actor=actor_for(people["fatima"].user),
            moderator=people["fatima"],
            report=complaint,
            outcome="suspended",
            reason="Vervelende berichten",
        )

    body = run(
        "parkwijk",
        RESPOND,
        {"listingId": gid("Listing", "parkwijk", listing.pk), "message": "Hoi"},
        user=people["bram"].user,
    )

    assert top_error(body)["code"] == "PERMISSION_DENIED"
    assert "geschorst" in top_error(body)["message"]
    assert exchanges_in(parkwijk) == 0


def test_the_makelaar_responds_for_a_resident_and_the_exchange_records_it(parkwijk, people):
    with tenant_context(parkwijk):
        consents_to_makelaar(people["fatima"], people["cor"])
    listing = place(parkwijk, people["anna"])

    result = ok(
        "parkwijk",
        RESPOND,
        {
            "listingId": gid("Listing", "parkwijk", listing.pk),
            "message": "Cor helpt",
            "onBehalfOf": member_id(people["cor"]),
        },
        user=people["fatima"].user,
    )

    exchange = result["respondToListing"]["exchange"]
    assert (exchange["via"], exchange["helper"], exchange["myPart"]) == ("MAKELAAR", {"firstName": "Cor"}, None)


def test_hidden_messages_are_left_out_except_for_moderators(parkwijk, people):
    exchange = respond(parkwijk, place(parkwijk, people["anna"]), people["bram"], message="Netjes bericht")
    with tenant_context(parkwijk):
        rude = post_message(actor=actor_for(people["bram"].user), exchange=exchange, body="Onaardig bericht")
        complaint = report(
            actor=actor_for(people["anna"].user), reporter=people["anna"], message=rude, reason="Onaardig"
        )
        handle_report(
            actor=actor_for(people["fatima"].user),
            moderator=people["fatima"],
            report=complaint,
            outcome="hidden",
            reason="Niet volgens de huisregels",
        )
    query = "query($id: ID!) { exchange(id: $id) { messages { body hidden } } }"
    variables = {"id": gid("Exchange", "parkwijk", exchange.pk)}

    as_anna = ok("parkwijk", query, variables, user=people["anna"].user)["exchange"]["messages"]
    as_makelaar = ok("parkwijk", query, variables, user=people["fatima"].user)["exchange"]["messages"]

    assert as_anna == [{"body": "Netjes bericht", "hidden": False}]
    assert as_makelaar == [{"body": "Netjes bericht", "hidden": False}, {"body": "Onaardig bericht", "hidden": True}]


def test_me_shows_notifications_profile_and_whom_one_acts_for(parkwijk, people):
    listing = place(parkwijk, people["anna"], title="Boodschappen", category="boodschappen")
    respond(parkwijk, listing, people["bram"])
    query = """{ me { notifications { edges { node { kind text read member { firstName } } } }
      profile { about } actingFor { edges { node { firstName } } } proxies { relation } } }"""

    me = ok("parkwijk", query, user=people["anna"].user)["me"]
    marked = ok("parkwijk", "mutation { markNotificationsRead { marked errors { code } } }", user=people["anna"].user)
    unread = ok(
        "parkwijk", "{ me { notifications(unreadOnly: true) { edges { node { text } } } } }", user=people["anna"].user
    )

    assert me["notifications"]["edges"] == [
        {
            "node": {
                "kind": "RESPONSE",
                "text": "Bram reageerde op 'Boodschappen'.",
                "read": False,
                "member": {"firstName": "Anna"},
            }
        }
    ]
    assert me["profile"] is None
    assert me["actingFor"]["edges"] == [{"node": {"firstName": "Anna"}}]
    assert me["proxies"] == []
    assert marked["markNotificationsRead"] == {"marked": 1, "errors": []}
    assert unread["me"]["notifications"]["edges"] == []


def test_me_on_the_portal_has_no_marketplace(parkwijk, people):
    me = ok(
        None,
        "{ me { firstName listings { edges { node { id } } } exchanges { edges { node { id } } } profile { id } } }",
        user=people["anna"].user,
    )["me"]

    assert me == {"firstName": "Anna", "listings": {"edges": []}, "exchanges": {"edges": []}, "profile": None}


def test_a_member_of_another_wijk_cannot_respond_here(parkwijk, centrum, people):
    listing = place(parkwijk, people["anna"])
    zoe = make_member(centrum, "Zoe")

    body = run(
        "parkwijk", RESPOND, {"listingId": gid("Listing", "parkwijk", listing.pk), "message": "Hoi"}, user=zoe.user
    )

    assert top_error(body) == {"code": "NOT_FOUND", "message": "Niet gevonden."}
    assert exchanges_in(parkwijk) == 0
