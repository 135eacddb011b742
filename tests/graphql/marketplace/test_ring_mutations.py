"""Multi-party swaps through GraphQL: candidate rings, proposing, confirming part by part, declining; who may see a
ring; members of another wijk never get into one."""

from django_tenants.utils import tenant_context

from tests.builders.clients import ok, run, top_error
from tests.builders.marketplace import consents_to_makelaar, gid, member_id
from tests.builders.members import make_member
from tests.builders.rings import CONFIRM, PROPOSE, three_way_input
from wijkmarkt.tenants.marketplace.models import Exchange, Ring

DECLINE = """mutation($id: ID!, $reason: String!) { declineRing(ringId: $id, reason: $reason) {
  ring { status } errors { field code message } } }"""
CANDIDATES = """{ candidateRings { size explanation links { giver { id firstName } receiver { firstName }
  request { id title } offer { id title } explanation } } }"""


def rings_in(wijk) -> int:
    with tenant_context(wijk):
        return Ring.objects.count()


def test_makelaar_finds_a_candidate_ring_proposes_it_and_it_becomes_exchanges(parkwijk, people):
    links = three_way_input(parkwijk, people)

    candidates = ok("parkwijk", CANDIDATES, user=people["fatima"].user)["candidateRings"]
    proposed = ok("parkwijk", PROPOSE, {"links": links}, user=people["fatima"].user)["proposeRing"]
    ring_id = proposed["ring"]["id"]
    confirmations = [
        ok("parkwijk", CONFIRM, {"id": ring_id}, user=people[name].user)["confirmRingPart"]
        for name in ("anna", "bram", "cor")
    ]

    assert len(candidates) == 1 and candidates[0]["size"] == 3
    assert {link["giver"]["firstName"] for link in candidates[0]["links"]} == {"Anna", "Bram", "Cor"}
    assert "Cor helpt Anna met boodschappen" in candidates[0]["explanation"]
    assert proposed["errors"] == []
    assert proposed["ring"]["status"] == "PROPOSED"
    assert proposed["ring"]["via"] == "MAKELAAR"
    assert [(link["giver"]["firstName"], link["receiver"]["firstName"]) for link in proposed["ring"]["links"]] == [
        ("Cor", "Anna"),
        ("Anna", "Bram"),
        ("Bram", "Cor"),
    ]
    assert [c["ring"]["status"] for c in confirmations] == ["PROPOSED", "PROPOSED", "CONFIRMED"]
    assert confirmations[-1]["ring"]["links"] == [{"confirmed": True}] * 3
    with tenant_context(parkwijk):
        assert Exchange.objects.filter(ring__isnull=False).count() == 3


def test_candidate_links_can_be_proposed_as_they_are(parkwijk, people):
    three_way_input(parkwijk, people)
    candidate = ok("parkwijk", CANDIDATES, user=people["anna"].user)["candidateRings"][0]
    links = [
        {"requestId": link["request"]["id"], "giverId": link["giver"]["id"], "offerId": link["offer"]["id"]}
        for link in candidate["links"]
    ]

    proposed = ok("parkwijk", PROPOSE, {"links": links}, user=people["anna"].user)["proposeRing"]

    assert proposed["errors"] == []
    assert proposed["ring"]["via"] == "WEBSITE"


def test_only_participants_and_the_makelaar_see_a_ring(parkwijk, people):
    ring_id = ok("parkwijk", PROPOSE, {"links": three_way_input(parkwijk, people)}, user=people["fatima"].user)[
        "proposeRing"
    ]["ring"]["id"]
    dirk = make_member(parkwijk, "Dirk")
    query = "query($id: ID!) { ring(id: $id) { status } }"

    assert ok("parkwijk", query, {"id": ring_id}, user=people["anna"].user) == {"ring": {"status": "PROPOSED"}}
    assert ok("parkwijk", query, {"id": ring_id}, user=dirk.user) == {"ring": None}
    assert top_error(run("parkwijk", CONFIRM, {"id": ring_id}, user=dirk.user))["code"] == "NOT_FOUND"


def test_an_outsider_may_not_propose_and_broken_rings_are_refused(parkwijk, people):
    links = three_way_input(parkwijk, people)
    dirk = make_member(parkwijk, "Dirk")

    outsider = run("parkwijk", PROPOSE, {"links": links}, user=dirk.user)
    broken = ok("parkwijk", PROPOSE, {"links": [links[0], links[2], links[1]]}, user=people["fatima"].user)
    too_short = ok("parkwijk", PROPOSE, {"links": links[:2]}, user=people["fatima"].user)

    assert top_error(outsider)["code"] == "PERMISSION_DENIED"
    assert broken["proposeRing"]["errors"] == [
        {
            "field": "links",
            "code": "RING_INVALID",
            "message": "Deze deelnemers vormen geen ring: ieder helpt de volgende.",
        }
    ]
    assert too_short["proposeRing"]["errors"] == [
        {"field": "links", "code": "RING_INVALID", "message": "Een ruil met meer buren heeft 3 tot 6 deelnemers."}
    ]
    assert rings_in(parkwijk) == 0


def test_declining_cancels_the_ring(parkwijk, people):
    ring_id = ok("parkwijk", PROPOSE, {"links": three_way_input(parkwijk, people)}, user=people["fatima"].user)[
        "proposeRing"
    ]["ring"]["id"]

    declined = ok("parkwijk", DECLINE, {"id": ring_id, "reason": "Ik ben op vakantie"}, user=people["bram"].user)
    after = ok("parkwijk", CONFIRM, {"id": ring_id}, user=people["anna"].user)

    assert declined["declineRing"] == {"ring": {"status": "CANCELLED"}, "errors": []}
    assert [(e["field"], e["code"]) for e in after["confirmRingPart"]["errors"]] == [(None, "WRONG_STATE")]


def test_the_makelaar_confirms_a_part_for_a_participant(parkwijk, people):
    with tenant_context(parkwijk):
        consents_to_makelaar(people["fatima"], people["cor"])
    ring_id = ok("parkwijk", PROPOSE, {"links": three_way_input(parkwijk, people)}, user=people["fatima"].user)[
        "proposeRing"
    ]["ring"]["id"]

    confirmed = ok("parkwijk", CONFIRM, {"id": ring_id, "for": member_id(people["cor"])}, user=people["fatima"].user)

    assert confirmed["confirmRingPart"]["errors"] == []
    assert sorted(link["confirmed"] for link in confirmed["confirmRingPart"]["ring"]["links"]) == [False, False, True]


def test_a_member_of_another_wijk_cannot_be_put_in_a_ring(parkwijk, centrum, people):
    links = three_way_input(parkwijk, people)
    zoe = make_member(centrum, "Zoe")
    with tenant_context(centrum):
        zoe_here = gid("Membership", "centrum", zoe.pk)
    forged = gid("Membership", "parkwijk", zoe.pk)  # the same number in Parkwijk names someone else, or nobody

    foreign = ok(
        "parkwijk", PROPOSE, {"links": [*links[:2], {**links[2], "giverId": zoe_here}]}, user=people["fatima"].user
    )["proposeRing"]
    renumbered = ok(
        "parkwijk", PROPOSE, {"links": [*links[:2], {**links[2], "giverId": forged}]}, user=people["fatima"].user
    )["proposeRing"]

    assert foreign["errors"] == [
        {"field": "links", "code": "UNKNOWN_MEMBER", "message": "Een van de deelnemers is geen lid van deze wijk."}
    ]
    assert renumbered["ring"] is None
    assert renumbered["errors"][0]["code"] in {"UNKNOWN_MEMBER", "RING_INVALID"}
    assert rings_in(parkwijk) == 0
