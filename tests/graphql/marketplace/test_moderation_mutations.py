"""Reports, the moderation queue, hiding, suspending and lifting, and blocking, through GraphQL."""

from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.marketplace import category_id, gid, member_id, place, respond
from wijkmarkt.tenants.marketplace.actions.exchanges import post_message
from wijkmarkt.tenants.marketplace.models import Block, Report
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import actor_for

REPORT = """mutation($reason: String!, $listingId: ID, $messageId: ID, $memberId: ID) {
  report(reason: $reason, listingId: $listingId, messageId: $messageId, memberId: $memberId) {
    reported errors { field code message } } }"""
QUEUE = """{ moderationQueue { edges { node { id target reason outcome reporter { firstName }
  listing { title owner { firstName } } message { body author { firstName } } member { firstName } } } } }"""
HANDLE = """mutation($id: ID!, $outcome: ReportOutcome!, $reason: String!) {
  handleReport(reportId: $id, outcome: $outcome, reason: $reason) {
    report { outcome handledReason handledBy { firstName } } errors { field code message } } }"""
LISTINGS = "{ listings { edges { node { title } } } }"


def reports_in(wijk) -> int:
    with tenant_context(wijk):
        return Report.objects.count()


def test_a_reported_listing_reaches_the_queue_and_hiding_takes_it_out_of_browsing(parkwijk, people):
    listing = place(parkwijk, people["anna"], title="Koop mijn spullen")

    reported = ok(
        "parkwijk",
        REPORT,
        {"reason": "Dit is reclame", "listingId": gid("Listing", "parkwijk", listing.pk)},
        user=people["bram"].user,
    )
    queue = ok("parkwijk", QUEUE, user=people["fatima"].user)["moderationQueue"]["edges"]
    handled = ok(
        "parkwijk",
        HANDLE,
        {"id": queue[0]["node"]["id"], "outcome": "HIDDEN", "reason": "Reclame"},
        user=people["fatima"].user,
    )

    assert reported["report"] == {"reported": True, "errors": []}
    assert queue[0]["node"] | {"id": None} == {
        "id": None,
        "target": "LISTING",
        "reason": "Dit is reclame",
        "outcome": "OPEN",
        "reporter": {"firstName": "Bram"},
        "listing": {"title": "Koop mijn spullen", "owner": {"firstName": "Anna"}},
        "message": None,
        "member": None,
    }
    assert handled["handleReport"] == {
        "report": {"outcome": "HIDDEN", "handledReason": "Reclame", "handledBy": {"firstName": "Fatima"}},
        "errors": [],
    }
    assert ok("parkwijk", LISTINGS, user=people["cor"].user)["listings"]["edges"] == []
    assert ok("parkwijk", QUEUE, user=people["fatima"].user)["moderationQueue"]["edges"] == []


def test_a_message_can_be_reported_by_someone_in_the_exchange(parkwijk, people):
    exchange = respond(parkwijk, place(parkwijk, people["anna"]), people["bram"])
    with tenant_context(parkwijk):
        rude = post_message(actor=actor_for(people["bram"].user), exchange=exchange, body="Onaardig")
    message_id = gid("Message", "parkwijk", rude.pk)

    reported = ok("parkwijk", REPORT, {"reason": "Onaardig", "messageId": message_id}, user=people["anna"].user)
    outsider = run("parkwijk", REPORT, {"reason": "Onaardig", "messageId": message_id}, user=people["cor"].user)
    queue = ok("parkwijk", QUEUE, user=people["wim"].user)["moderationQueue"]["edges"]

    assert reported["report"]["reported"] is True
    assert top_error(outsider)["code"] == "NOT_FOUND"
    assert [edge["node"]["message"] for edge in queue] == [{"body": "Onaardig", "author": {"firstName": "Bram"}}]


def test_a_report_needs_one_target_and_a_reason(parkwijk, people):
    listing_id = gid("Listing", "parkwijk", place(parkwijk, people["anna"]).pk)

    two = ok(
        "parkwijk",
        REPORT,
        {"reason": "Twee", "listingId": listing_id, "memberId": member_id(people["anna"])},
        user=people["bram"].user,
    )
    none = ok("parkwijk", REPORT, {"reason": "Niets"}, user=people["bram"].user)
    no_reason = ok("parkwijk", REPORT, {"reason": " ", "listingId": listing_id}, user=people["bram"].user)

    assert (
        two["report"]["errors"]
        == none["report"]["errors"]
        == [{"field": None, "code": "INVALID_CHOICE", "message": "Meld één ding tegelijk."}]
    )
    assert no_reason["report"]["errors"] == [{"field": "reason", "code": "REQUIRED", "message": "Vul dit veld in."}]
    assert reports_in(parkwijk) == 0


def test_only_moderators_see_the_queue_and_handle_reports(parkwijk, people):
    ok("parkwijk", REPORT, {"reason": "Vervelend", "memberId": member_id(people["anna"])}, user=people["bram"].user)
    with tenant_context(parkwijk):
        report_id = gid("Report", "parkwijk", Report.objects.get().pk)

    queue = run("parkwijk", QUEUE, user=people["cor"].user)
    handle = run(
        "parkwijk", HANDLE, {"id": report_id, "outcome": "DISMISSED", "reason": "Niets"}, user=people["cor"].user
    )
    by_node = ok("parkwijk", "query($id: ID!) { node(id: $id) { id } }", {"id": report_id}, user=people["cor"].user)

    assert top_error(queue)["code"] == top_error(handle)["code"] == "PERMISSION_DENIED"
    assert by_node == {"node": None}


def test_a_suspended_member_is_told_so_until_a_moderator_lifts_it(parkwijk, people):
    ok("parkwijk", REPORT, {"reason": "Scheldt", "memberId": member_id(people["anna"])}, user=people["bram"].user)
    report_id = ok("parkwijk", QUEUE, user=people["fatima"].user)["moderationQueue"]["edges"][0]["node"]["id"]
    ok("parkwijk", HANDLE, {"id": report_id, "outcome": "SUSPENDED", "reason": "Scheldt"}, user=people["fatima"].user)
    lift = "mutation($id: ID!) { liftSuspension(memberId: $id) { member { firstName } errors { code } } }"
    publish = """mutation($category: ID!) { publishListing(input: {kind: OFFER, title: "Hulp", description: "Ik help",
      category: $category}) { listing { title } errors { code } } }"""
    category = category_id(parkwijk, "klusjes")

    suspended = run("parkwijk", publish, {"category": category}, user=people["anna"].user)
    not_by_a_resident = run("parkwijk", lift, {"id": member_id(people["anna"])}, user=people["bram"].user)
    lifted = ok("parkwijk", lift, {"id": member_id(people["anna"])}, user=people["fatima"].user)
    after = ok("parkwijk", publish, {"category": category}, user=people["anna"].user)

    assert top_error(suspended)["message"] == "U bent geschorst: u kunt lezen, maar niets plaatsen of reageren."
    assert top_error(not_by_a_resident)["code"] == "PERMISSION_DENIED"
    assert lifted["liftSuspension"] == {"member": {"firstName": "Anna"}, "errors": []}
    assert after["publishListing"] == {"listing": {"title": "Hulp"}, "errors": []}
    with tenant_context(parkwijk):
        assert Membership.objects.get(pk=people["anna"].pk).suspended_at is None


def test_blocking_and_unblocking_a_member(parkwijk, people):
    block = "mutation($id: ID!) { blockMember(memberId: $id) { blocked { firstName } errors { code message } } }"
    unblock = "mutation($id: ID!) { unblockMember(memberId: $id) { unblocked { firstName } errors { code } } }"

    blocked = ok("parkwijk", block, {"id": member_id(people["bram"])}, user=people["anna"].user)
    self_block = ok("parkwijk", block, {"id": member_id(people["anna"])}, user=people["anna"].user)
    with tenant_context(parkwijk):
        assert Block.objects.filter(blocker=people["anna"], blocked=people["bram"]).exists()
    unblocked = ok("parkwijk", unblock, {"id": member_id(people["bram"])}, user=people["anna"].user)

    assert blocked["blockMember"] == {"blocked": {"firstName": "Bram"}, "errors": []}
    assert self_block["blockMember"]["errors"] == [
        {"code": "INVALID_CHOICE", "message": "U kunt uzelf niet blokkeren."}
    ]
    assert unblocked["unblockMember"] == {"unblocked": {"firstName": "Bram"}, "errors": []}
    with tenant_context(parkwijk):
        assert not Block.objects.exists()
