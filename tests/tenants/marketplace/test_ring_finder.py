"""The ring finder (tenants/marketplace/rings.py): which multi-party swaps it proposes, and which it must not."""

import datetime as dt
import itertools
import random

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.marketplace import actor_of, category, post
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.actions.moderation import block_member, handle_report, report
from wijkmarkt.tenants.marketplace.actions.rings import propose_ring
from wijkmarkt.tenants.marketplace.models import Listing, Report, RingLink
from wijkmarkt.tenants.marketplace.rings import candidate_rings, find_rings


def offer(wijk, member, slug, title="Ik help graag"):
    return post(wijk, member, kind="offer", title=title, category_id=category(slug).pk)


def ask(wijk, member, slug, title="Wie helpt mij?"):
    return post(wijk, member, kind="request", title=title, category_id=category(slug).pk)


def ring_of_three(wijk, people):
    """Anna helps Bram with the computer, Bram does Cor's shopping, Cor prunes Anna's hedge."""
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    listings = {
        "anna_offer": offer(wijk, anna, "computer", "Ik help met computers"),
        "bram_request": ask(wijk, bram, "computer", "Mijn laptop doet raar"),
        "bram_offer": offer(wijk, bram, "boodschappen", "Ik doe boodschappen voor u"),
        "cor_request": ask(wijk, cor, "boodschappen", "Boodschappen op zaterdag"),
        "cor_offer": offer(wijk, cor, "tuin", "Ik snoei uw heg"),
        "anna_request": ask(wijk, anna, "tuin", "Heg snoeien"),
    }
    return listings


def members_of(ring) -> list[str]:
    return [member.user.first_name for member in ring.members]


def test_a_three_way_ring_is_found_once_with_links_propose_ring_accepts(in_parkwijk, people):
    listings = ring_of_three(in_parkwijk, people)

    rings = candidate_rings()

    assert len(rings) == 1
    ring = rings[0]
    assert members_of(ring) == ["Anna", "Bram", "Cor"]  # starts at the smallest member id, each helps the next
    assert [link.explanation for link in ring.links] == [
        "Anna helpt Bram met de computer",
        "Bram helpt Cor met boodschappen",
        "Cor helpt Anna in de tuin",
    ]
    first = ring.link_inputs()[0]
    assert (first.request_id, first.giver_id, first.offer_id) == (
        listings["bram_request"].pk,
        people["anna"].pk,
        listings["anna_offer"].pk,
    )
    proposed = propose_ring(actor=actor_of(people["fatima"]), links=ring.link_inputs())
    assert RingLink.objects.filter(ring=proposed).count() == 3


def test_a_request_already_in_a_proposed_ring_is_not_suggested_again(in_parkwijk, people):
    ring_of_three(in_parkwijk, people)
    propose_ring(actor=actor_of(people["fatima"]), links=candidate_rings()[0].link_inputs())

    assert candidate_rings() == []


def test_a_two_way_swap_is_not_a_ring(in_parkwijk, people):
    offer(in_parkwijk, people["anna"], "computer")
    ask(in_parkwijk, people["bram"], "computer")
    offer(in_parkwijk, people["bram"], "tuin")
    ask(in_parkwijk, people["anna"], "tuin")

    search = find_rings()

    assert search.rings == []
    assert search.found == 0


def test_an_offer_in_another_category_does_not_close_the_ring(in_parkwijk, people):
    offer(in_parkwijk, people["anna"], "computer")
    ask(in_parkwijk, people["bram"], "computer")
    offer(in_parkwijk, people["bram"], "boodschappen")
    ask(in_parkwijk, people["cor"], "boodschappen")
    offer(in_parkwijk, people["cor"], "taal")  # Anna wants help in the garden, not with language
    ask(in_parkwijk, people["anna"], "tuin")

    assert candidate_rings() == []


def test_members_who_blocked_each_other_share_no_ring(in_parkwijk, people):
    ring_of_three(in_parkwijk, people)
    block_member(actor=actor_of(people["cor"]), blocker=people["cor"], blocked=people["anna"])

    assert candidate_rings() == []


def test_a_block_between_members_who_are_not_neighbours_in_the_ring_also_excludes_it(in_parkwijk, people):
    dirk = make_member(in_parkwijk, "Dirk")
    ring_of_four(in_parkwijk, people, dirk)
    # Anna and Cor are opposite each other in Anna -> Bram -> Cor -> Dirk -> Anna.
    block_member(actor=actor_of(people["anna"]), blocker=people["anna"], blocked=people["cor"])

    assert find_rings(max_length=4).found == 0


def test_a_suspended_member_is_left_out(in_parkwijk, people):
    ring_of_three(in_parkwijk, people)
    complaint = report(
        actor=actor_of(people["anna"]), reporter=people["anna"], member=people["cor"], reason="Doet onaardig"
    )
    handle_report(
        actor=actor_of(people["fatima"]),
        moderator=people["fatima"],
        report=complaint,
        outcome=Report.Outcome.SUSPENDED,
        reason="Herhaaldelijk onaardig",
    )

    assert candidate_rings() == []


def test_an_expired_listing_is_left_out(in_parkwijk, people):
    listings = ring_of_three(in_parkwijk, people)
    # The listing's time ran out (the daily task marks it expired later; until then its date already counts).
    Listing.objects.filter(pk=listings["cor_offer"].pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))

    assert candidate_rings() == []


def test_a_listing_hidden_by_moderation_is_left_out(in_parkwijk, people):
    listings = ring_of_three(in_parkwijk, people)
    complaint = report(
        actor=actor_of(people["anna"]), reporter=people["anna"], listing=listings["cor_request"], reason="Reclame"
    )
    handle_report(
        actor=actor_of(people["fatima"]),
        moderator=people["fatima"],
        report=complaint,
        outcome=Report.Outcome.HIDDEN,
        reason="Reclame hoort hier niet",
    )

    assert candidate_rings() == []


def ring_of_four(wijk, people, dirk):
    """Anna -> Bram -> Cor -> Dirk -> Anna, and no shorter way round."""
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    offer(wijk, anna, "computer")
    ask(wijk, bram, "computer")
    offer(wijk, bram, "boodschappen")
    ask(wijk, cor, "boodschappen")
    offer(wijk, cor, "tuin")
    ask(wijk, dirk, "tuin")
    offer(wijk, dirk, "taal")
    ask(wijk, anna, "taal")


def test_a_ring_of_four_is_found_with_max_length_four_and_not_with_three(in_parkwijk, people):
    dirk = make_member(in_parkwijk, "Dirk")
    ring_of_four(in_parkwijk, people, dirk)

    assert candidate_rings(max_length=3) == []
    rings = candidate_rings(max_length=4)
    assert [members_of(ring) for ring in rings] == [["Anna", "Bram", "Cor", "Dirk"]]
    assert rings[0].links[-1].explanation == "Dirk helpt Anna met de taal"


def test_shorter_rings_come_first_and_limit_caps_the_list_but_not_the_count(in_parkwijk, people):
    dirk = make_member(in_parkwijk, "Dirk")
    ring_of_four(in_parkwijk, people, dirk)
    # Cor asks for computer help too, which Anna offers: Anna -> Cor -> Dirk -> Anna is a ring of three.
    ask(in_parkwijk, people["cor"], "computer")

    search = find_rings(max_length=4, limit=1)

    assert search.found == 2
    assert search.by_length == {3: 1, 4: 1}
    assert [members_of(ring) for ring in search.rings] == [["Anna", "Cor", "Dirk"]]


def test_involving_gives_only_rings_with_that_member(in_parkwijk, people):
    ring_of_three(in_parkwijk, people)
    dirk, eva, frank = (make_member(in_parkwijk, name) for name in ("Dirk", "Eva", "Frank"))
    for giver, receiver, slug in ((dirk, eva, "vervoer"), (eva, frank, "maaltijden"), (frank, dirk, "huisdieren")):
        offer(in_parkwijk, giver, slug)
        ask(in_parkwijk, receiver, slug)

    assert len(candidate_rings()) == 2
    assert [members_of(ring) for ring in candidate_rings(involving=eva)] == [["Eva", "Frank", "Dirk"]]
    assert candidate_rings(involving=people["fatima"]) == []


def test_listings_of_another_wijk_never_appear(in_parkwijk, people, centrum):
    # Centrum has a complete ring, and members whose primary keys may equal Parkwijk's.
    with tenant_context(centrum):
        there = {
            name: make_member(centrum, name, email=f"{name.lower()}@centrum.example.nl")
            for name in ("Anna", "Bram", "Cor")
        }
        ring_of_three(centrum, {name.lower(): member for name, member in there.items()})
        assert len(candidate_rings()) == 1
    # Parkwijk holds only two of the three steps; the third would have to come from Centrum.
    offer(in_parkwijk, people["anna"], "computer")
    ask(in_parkwijk, people["bram"], "computer")
    offer(in_parkwijk, people["bram"], "boodschappen")
    ask(in_parkwijk, people["cor"], "boodschappen")

    search = find_rings()

    assert search.rings == []
    assert search.found == 0


def test_counts_match_a_brute_force_enumeration_for_both_search_paths(in_parkwijk, people):
    # A small random wijk: seven members, requests and offers in four categories, two blocks.
    rng = random.Random(13)
    members = [people["anna"], people["bram"], people["cor"]] + [
        make_member(in_parkwijk, name) for name in ("Dirk", "Eva", "Frank", "Gijs")
    ]
    slugs = ["computer", "tuin", "taal", "boodschappen"]
    asks, offers = {}, {}
    for member in members:
        for kind, store in (("request", asks), ("offer", offers)):
            for slug in rng.sample(slugs, rng.randint(1, 2)):
                post(in_parkwijk, member, kind=kind, category_id=category(slug).pk)
                store.setdefault(member.pk, set()).add(slug)
    blocks = [(members[0], members[3]), (members[5], members[2])]
    for blocker, blocked in blocks:
        block_member(actor=actor_of(blocker), blocker=blocker, blocked=blocked)
    blocked_pairs = {frozenset((a.pk, b.pk)) for a, b in blocks}

    def helps(giver, receiver) -> bool:
        return bool(offers[giver] & asks[receiver])

    expected = {}
    ids = [m.pk for m in members]
    for length in (3, 4, 5):
        for cycle in itertools.permutations(ids, length):
            if cycle[0] != min(cycle):  # each ring once, from its smallest member
                continue
            steps = zip(cycle, cycle[1:] + cycle[:1], strict=True)
            if all(helps(g, r) for g, r in steps) and not any(
                frozenset(pair) in blocked_pairs for pair in itertools.combinations(cycle, 2)
            ):
                expected[length] = expected.get(length, 0) + 1

    short = find_rings(max_length=4)  # the loops for three and four
    general = find_rings(max_length=5)  # the recursive search

    assert short.by_length == {n: count for n, count in expected.items() if n <= 4}
    assert general.by_length == expected
    assert expected == {3: 14, 4: 18, 5: 11}  # not trivial: the blocks remove 6 rings of three and 19 of four
