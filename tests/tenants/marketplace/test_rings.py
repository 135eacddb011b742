"""Proposing and confirming a multi-party swap (the finder has its own tests in test_ring_finder.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tenants.utils import tenant_context

from tests.builders.marketplace import actor_of
from tests.builders.members import make_member
from tests.builders.rings import three_way
from wijkmarkt.tenants.marketplace.actions.rings import LinkInput, confirm_ring_part, decline_ring, propose_ring
from wijkmarkt.tenants.marketplace.models import Exchange, Ring, Via


def test_makelaar_proposes_a_three_way_swap_and_it_becomes_exchanges_when_all_confirm(in_parkwijk, people):
    ring = propose_ring(actor=actor_of(people["fatima"]), links=three_way(in_parkwijk, people))

    for name in ("anna", "bram"):
        confirm_ring_part(actor=actor_of(people[name]), ring=ring, member=people[name])
    assert Exchange.objects.filter(ring=ring).count() == 0
    confirm_ring_part(actor=actor_of(people["cor"]), ring=ring, member=people["cor"])

    ring.refresh_from_db()
    assert ring.status == Ring.Status.CONFIRMED
    assert ring.via == Via.MAKELAAR
    pairs = {(e.helper.user.first_name, e.receiver.user.first_name) for e in Exchange.objects.filter(ring=ring)}
    assert pairs == {("Cor", "Anna"), ("Anna", "Bram"), ("Bram", "Cor")}


def test_a_participant_may_propose_but_an_outsider_may_not(in_parkwijk, people):
    links = three_way(in_parkwijk, people)
    outsider = make_member(in_parkwijk, "Dirk")

    assert propose_ring(actor=actor_of(people["anna"]), links=links).via == Via.WEBSITE
    with pytest.raises(PermissionDenied):
        propose_ring(actor=actor_of(outsider), links=links)


def test_links_that_do_not_close_a_ring_are_refused(in_parkwijk, people):
    links = three_way(in_parkwijk, people)
    broken = [links[0], links[2], links[1]]

    with pytest.raises(ValidationError) as refused:
        propose_ring(actor=actor_of(people["fatima"]), links=broken)
    with pytest.raises(ValidationError) as too_short:
        propose_ring(actor=actor_of(people["fatima"]), links=links[:2])

    assert refused.value.error_dict["links"][0].code == "ring_invalid"
    assert too_short.value.error_dict["links"][0].code == "ring_invalid"
    assert Ring.objects.count() == 0


def test_a_member_of_another_wijk_cannot_be_put_in_a_ring(in_parkwijk, people, centrum):
    links = three_way(in_parkwijk, people)
    with tenant_context(centrum):
        zoe = make_member(centrum, "Zoe", email="zoe@example.nl")
    swapped = [*links[:2], LinkInput(links[2].request_id, zoe.pk)]

    # Membership ids are per schema: Zoë's id names nobody here, or a Parkwijk member, never Zoë.
    with pytest.raises(ValidationError) as refused:
        propose_ring(actor=actor_of(people["fatima"]), links=swapped)

    assert refused.value.error_dict["links"][0].code in {"unknown_member", "ring_invalid"}
    assert Ring.objects.count() == 0


def test_declining_cancels_the_ring_for_everyone(in_parkwijk, people):
    ring = propose_ring(actor=actor_of(people["fatima"]), links=three_way(in_parkwijk, people))

    decline_ring(actor=actor_of(people["bram"]), ring=ring, member=people["bram"], reason="Ik ga op vakantie")

    ring.refresh_from_db()
    assert ring.status == Ring.Status.CANCELLED
    with pytest.raises(ValidationError) as too_late:
        confirm_ring_part(actor=actor_of(people["anna"]), ring=ring, member=people["anna"])
    assert too_late.value.error_list[0].code == "wrong_state"


def test_a_block_between_any_two_participants_rules_the_ring_out(in_parkwijk, people):
    from wijkmarkt.tenants.marketplace.actions.moderation import block_member

    links = three_way(in_parkwijk, people)
    block_member(actor=actor_of(people["bram"]), blocker=people["bram"], blocked=people["anna"])

    with pytest.raises(ValidationError) as refused:
        propose_ring(actor=actor_of(people["fatima"]), links=links)

    assert refused.value.error_dict["links"][0].code == "blocked"


def test_a_request_already_in_a_proposed_ring_cannot_be_in_another(in_parkwijk, people):
    links = three_way(in_parkwijk, people)
    propose_ring(actor=actor_of(people["fatima"]), links=links)

    with pytest.raises(ValidationError) as refused:
        propose_ring(actor=actor_of(people["fatima"]), links=links)

    assert refused.value.error_dict["links"][0].code == "ring_invalid"
