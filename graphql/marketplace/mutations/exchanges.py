"""Exchanges: responding to a listing, the thread, agreeing, done or not, cancelling, and thank-yous."""

import graphene

from wijkmarkt.graphql.core.lookups import acting_member, find_node
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.mutations.base import (
    MarketplaceMutation,
    listing_id_argument,
    on_behalf_of_argument,
    on_behalf_of_member,
)
from wijkmarkt.graphql.marketplace.related import with_exchange_relations
from wijkmarkt.graphql.marketplace.types.exchanges import MESSAGE_TYPE, ExchangeType, ThankYouType
from wijkmarkt.graphql.marketplace.types.listings import ListingType
from wijkmarkt.tenants.marketplace.actions import exchanges as exchange_actions
from wijkmarkt.tenants.marketplace.models import Exchange


def _exchange_payload(exchange: Exchange) -> dict:
    # Read again with its thread and relations, so the answer shows the state the action left.
    return {"exchange": with_exchange_relations(Exchange.objects.filter(pk=exchange.pk)).get()}


def _exchange_id_argument():
    return graphene.ID(required=True, description="The exchange (an Exchange ID).")


class RespondToListing(MarketplaceMutation):
    """'Ik kan helpen' on a request, 'Dit wil ik graag' on an offer: starts an exchange with a first message."""

    class Arguments:
        listing_id = listing_id_argument("respond to")
        message = graphene.String(required=True, description="The first message to the owner.")
        on_behalf_of = on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The new exchange.")

    @classmethod
    def act(cls, info, wijk, listing_id, message, on_behalf_of=None) -> dict:
        listing = find_node(ListingType, info, listing_id)
        member = acting_member(info, on_behalf_of)
        exchange = exchange_actions.respond_to_listing(
            actor=viewer(info).actor, member=member, listing=listing, message=message
        )
        return _exchange_payload(exchange)


class PostMessage(MarketplaceMutation):
    """A message in an exchange's thread."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        body = graphene.String(required=True, description="The message, plain text, at most 2000 characters.")
        on_behalf_of = on_behalf_of_argument()

    message = graphene.Field(MESSAGE_TYPE, description="The new message.")
    exchange = graphene.Field(ExchangeType, description="The exchange with its thread.")

    @classmethod
    def act(cls, info, wijk, exchange_id, body, on_behalf_of=None) -> dict:
        exchange = find_node(ExchangeType, info, exchange_id)
        message = exchange_actions.post_message(
            actor=viewer(info).actor, exchange=exchange, body=body, on_behalf_of=on_behalf_of_member(info, on_behalf_of)
        )
        return {"message": message, **_exchange_payload(exchange)}


class AgreeExchange(MarketplaceMutation):
    """Confirm what and when. Changed terms need the other side's confirmation again; with both, it is agreed."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        what = graphene.String(required=True, description="What will happen, at most 200 characters.")
        agreed_for = graphene.DateTime(description="When, not in the past.")
        hours = graphene.Decimal(description="How many hours, 0.1 to 24.")
        on_behalf_of = on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, what, agreed_for=None, hours=None, on_behalf_of=None) -> dict:
        exchange = find_node(ExchangeType, info, exchange_id)
        exchange_actions.agree_exchange(
            actor=viewer(info).actor,
            exchange=exchange,
            what=what,
            agreed_for=agreed_for,
            hours=hours,
            on_behalf_of=on_behalf_of_member(info, on_behalf_of),
        )
        return _exchange_payload(exchange)


class ConfirmDone(MarketplaceMutation):
    """Say it was done. With both sides, or when the other does not object in time, the exchange is done."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        on_behalf_of = on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, on_behalf_of=None) -> dict:
        exchange = find_node(ExchangeType, info, exchange_id)
        exchange_actions.confirm_done(
            actor=viewer(info).actor, exchange=exchange, on_behalf_of=on_behalf_of_member(info, on_behalf_of)
        )
        return _exchange_payload(exchange)


class ObjectToDone(MarketplaceMutation):
    """'Het is nog niet gedaan': withdraws the other side's 'done'; the exchange stays agreed."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        reason = graphene.String(required=True, description="What is still to do, at most 300 characters.")
        on_behalf_of = on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, reason, on_behalf_of=None) -> dict:
        exchange = find_node(ExchangeType, info, exchange_id)
        exchange_actions.object_to_done(
            actor=viewer(info).actor,
            exchange=exchange,
            reason=reason,
            on_behalf_of=on_behalf_of_member(info, on_behalf_of),
        )
        return _exchange_payload(exchange)


class CancelExchange(MarketplaceMutation):
    """Call an exchange off, with a reason the other member sees."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        reason = graphene.String(required=True, description="Why, at most 300 characters.")
        on_behalf_of = on_behalf_of_argument()

    exchange = graphene.Field(ExchangeType, description="The cancelled exchange.")

    @classmethod
    def act(cls, info, wijk, exchange_id, reason, on_behalf_of=None) -> dict:
        exchange = find_node(ExchangeType, info, exchange_id)
        exchange_actions.cancel_exchange(
            actor=viewer(info).actor,
            exchange=exchange,
            reason=reason,
            on_behalf_of=on_behalf_of_member(info, on_behalf_of),
        )
        return _exchange_payload(exchange)


class Thank(MarketplaceMutation):
    """A short thank-you after a done exchange; on the wijk's home page only when both members agree."""

    class Arguments:
        exchange_id = _exchange_id_argument()
        text = graphene.String(required=True, description="The thank-you, at most 300 characters.")
        show_on_home = graphene.Boolean(required=True, description="You agree to show it on the wijk's home page.")
        on_behalf_of = on_behalf_of_argument()

    thank_you = graphene.Field(ThankYouType, description="The thank-you.")

    @classmethod
    def act(cls, info, wijk, exchange_id, text, show_on_home, on_behalf_of=None) -> dict:
        exchange = find_node(ExchangeType, info, exchange_id)
        thank_you = exchange_actions.thank(
            actor=viewer(info).actor,
            exchange=exchange,
            text=text,
            show_on_home=show_on_home,
            on_behalf_of=on_behalf_of_member(info, on_behalf_of),
        )
        return {"thank_you": thank_you}


class ConsentToThankYou(MarketplaceMutation):
    """The other member agrees that a thank-you may appear on the wijk's home page."""

    class Arguments:
        thank_you_id = graphene.ID(required=True, description="The thank-you (a ThankYou ID).")
        on_behalf_of = on_behalf_of_argument()

    thank_you = graphene.Field(ThankYouType, description="The thank-you.")

    @classmethod
    def act(cls, info, wijk, thank_you_id, on_behalf_of=None) -> dict:
        thank_you = find_node(ThankYouType, info, thank_you_id)
        thank_you = exchange_actions.consent_to_thank_you(
            actor=viewer(info).actor, thank_you=thank_you, on_behalf_of=on_behalf_of_member(info, on_behalf_of)
        )
        return {"thank_you": thank_you}
