import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.builders.marketplace import actor_of, consents_to_makelaar, post
from wijkmarkt.tenants.chat.selectors import exchange_thread
from wijkmarkt.tenants.marketplace.actions.exchanges import (
    agree_exchange,
    cancel_exchange,
    complete_unopposed_exchanges,
    confirm_done,
    consent_to_thank_you,
    object_to_done,
    post_message,
    respond_to_listing,
    thank,
)
from wijkmarkt.tenants.marketplace.actions.listings import withdraw_listing
from wijkmarkt.tenants.marketplace.actions.moderation import block_member
from wijkmarkt.tenants.marketplace.models import Exchange, ExchangeStatus, ListingStatus, Via
from wijkmarkt.tenants.marketplace.selectors import month_in_numbers


def respond(member, listing, message="Ik kan dinsdag komen."):
    return respond_to_listing(actor=actor_of(member), member=member, listing=listing, message=message)


def error_code(excinfo) -> str:
    return excinfo.value.error_list[0].code


def agreed(people, in_parkwijk):
    listing = post(in_parkwijk, people["anna"])
    exchange = respond(people["bram"], listing)
    when = timezone.now() + dt.timedelta(days=2)
    for member in (people["bram"], people["anna"]):
        exchange = agree_exchange(
            actor=actor_of(member), exchange=exchange, what="Tablet instellen", agreed_for=when, hours=Decimal("1.5")
        )
    return listing, exchange


def test_responding_to_a_request_makes_the_responder_the_helper_with_a_first_message(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])

    exchange = respond(people["bram"], listing)

    assert (exchange.helper, exchange.receiver) == (people["bram"], people["anna"])
    assert exchange.via == Via.WEBSITE
    assert exchange_thread(exchange).get().body == "Ik kan dinsdag komen."
    listing.refresh_from_db()
    assert listing.status == ListingStatus.IN_CONTACT


def test_responding_to_an_offer_makes_the_responder_the_receiver(in_parkwijk, people):
    offer = post(in_parkwijk, people["bram"], kind="offer", title="Ik help met computers")

    exchange = respond(people["anna"], offer, "Dat wil ik graag!")

    assert (exchange.helper, exchange.receiver) == (people["bram"], people["anna"])


def test_own_listing_twice_withdrawn_and_blocked_are_refused_and_write_nothing(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    respond(people["bram"], listing)

    with pytest.raises(ValidationError) as own:
        respond(people["anna"], listing)
    with pytest.raises(ValidationError) as twice:
        respond(people["bram"], listing)
    block_member(actor=actor_of(people["anna"]), blocker=people["anna"], blocked=people["cor"])
    with pytest.raises(ValidationError) as blocked:
        respond(people["cor"], listing)
    withdraw_listing(actor=actor_of(people["anna"]), listing=listing)
    with pytest.raises(ValidationError) as closed:
        respond(people["cor"], listing)

    assert [error_code(e) for e in (own, twice, blocked, closed)] == [
        "own_listing",
        "already_responded",
        "blocked",
        "listing_closed",
    ]
    assert Exchange.objects.count() == 1


def test_makelaar_responds_for_a_resident_and_it_counts_as_via_makelaar(in_parkwijk, people):
    consents_to_makelaar(people["fatima"], people["cor"])
    listing = post(in_parkwijk, people["anna"])

    exchange = respond_to_listing(
        actor=actor_of(people["fatima"]), member=people["cor"], listing=listing, message="Cor helpt."
    )

    assert exchange.helper == people["cor"]
    assert exchange.via == Via.MAKELAAR


def test_both_confirming_the_same_terms_agrees_the_exchange(in_parkwijk, people):
    listing, exchange = agreed(people, in_parkwijk)

    assert exchange.status == ExchangeStatus.AGREED
    listing.refresh_from_db()
    assert listing.status == ListingStatus.AGREED


def test_changed_terms_need_the_other_side_again(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    exchange = respond(people["bram"], listing)
    agree_exchange(actor=actor_of(people["bram"]), exchange=exchange, what="Tablet", agreed_for=None)

    exchange = agree_exchange(
        actor=actor_of(people["anna"]), exchange=exchange, what="Tablet en telefoon", agreed_for=None
    )

    assert exchange.status == ExchangeStatus.PROPOSED
    assert exchange.helper_agreed_at is None and exchange.receiver_agreed_at is not None


def test_someone_outside_the_exchange_cannot_confirm_it(in_parkwijk, people):
    _listing, exchange = agreed(people, in_parkwijk)

    with pytest.raises(ValidationError) as refused:
        confirm_done(actor=actor_of(people["cor"]), exchange=exchange)

    assert error_code(refused) == "not_a_party"
    exchange.refresh_from_db()
    assert exchange.helper_done_at is None and exchange.receiver_done_at is None


def test_done_when_both_confirm_then_thanks_show_only_with_both_consents(in_parkwijk, people):
    listing, exchange = agreed(people, in_parkwijk)
    confirm_done(actor=actor_of(people["bram"]), exchange=exchange)
    exchange = confirm_done(actor=actor_of(people["anna"]), exchange=exchange)

    thanks = thank(actor=actor_of(people["anna"]), exchange=exchange, text="Dank je Bram!", show_on_home=True)
    before = month_in_numbers()
    consent_to_thank_you(actor=actor_of(people["bram"]), thank_you=thanks)
    after = month_in_numbers()

    assert exchange.status == ExchangeStatus.DONE
    listing.refresh_from_db()
    assert listing.status == ListingStatus.DONE
    assert (after.exchanges_done, after.helpers, after.hours) == (1, 1, 1.5)
    assert before.thank_yous == []
    assert [t.text for t in after.thank_yous] == ["Dank je Bram!"]


def test_one_side_done_completes_after_the_objection_period_unless_objected(in_parkwijk, people):
    _listing, exchange = agreed(people, in_parkwijk)
    confirm_done(actor=actor_of(people["bram"]), exchange=exchange)
    later = timezone.now() + dt.timedelta(days=in_parkwijk.done_objection_days + 1)

    assert complete_unopposed_exchanges(wijk=in_parkwijk, now=timezone.now()) == 0
    object_to_done(actor=actor_of(people["anna"]), exchange=exchange, reason="Hij is nog niet geweest")
    assert complete_unopposed_exchanges(wijk=in_parkwijk, now=later) == 0
    confirm_done(actor=actor_of(people["bram"]), exchange=exchange)
    assert complete_unopposed_exchanges(wijk=in_parkwijk, now=later) == 1
    exchange.refresh_from_db()
    assert exchange.status == ExchangeStatus.DONE


def test_cancel_needs_a_reason_and_reopens_the_listing(in_parkwijk, people):
    listing, exchange = agreed(people, in_parkwijk)

    with pytest.raises(ValidationError):
        cancel_exchange(actor=actor_of(people["anna"]), exchange=exchange, reason=" ")
    cancel_exchange(actor=actor_of(people["anna"]), exchange=exchange, reason="Ik ben ziek")

    listing.refresh_from_db()
    assert listing.status == ListingStatus.OPEN
    with pytest.raises(ValidationError) as too_late:
        confirm_done(actor=actor_of(people["bram"]), exchange=exchange)
    assert error_code(too_late) == "wrong_state"


def test_messages_between_blocked_members_are_refused(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    exchange = respond(people["bram"], listing)
    block_member(actor=actor_of(people["anna"]), blocker=people["anna"], blocked=people["bram"])

    with pytest.raises(ValidationError) as refused:
        post_message(actor=actor_of(people["bram"]), exchange=exchange, body="Hallo?")

    assert error_code(refused) == "blocked"
    assert exchange_thread(exchange).count() == 1
