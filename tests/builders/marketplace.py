"""Marketplace rows made through the actions, as a person would: listings, responses, exchanges, streets, consent for
the makelaar; and the marketplace API tests' IDs."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Street
from wijkmarkt.tenants.membership.selectors import actor_for

LISTING = {
    "kind": "request",
    "title": "Hulp met mijn nieuwe tablet",
    "description": "Ik krijg de videobel-app niet werkend. Wie kan even komen kijken?",
}


def actor_of(member) -> Actor:
    return actor_for(member.user)


def category(slug: str = "computer") -> Category:
    return Category.objects.get(slug=slug)


def listing_input(**overrides) -> ListingInput:
    return ListingInput(**{**LISTING, "category_id": category().pk, **overrides})


def post(wijk, member, **overrides):
    """A listing of `member`, published by them; call inside the wijk's tenant context."""
    return publish_listing(actor=actor_of(member), wijk=wijk, owner=member, data=listing_input(**overrides))


def place(wijk, owner, *, by=None, category: str = "computer", **overrides):
    """A listing of `owner` in `wijk`, placed through the action by `by` (default the owner themselves)."""
    with tenant_context(wijk):
        data = ListingInput(**{**LISTING, "category_id": Category.objects.get(slug=category).pk, **overrides})
        return publish_listing(actor=actor_for((by or owner).user), wijk=wijk, owner=owner, data=data)


def respond(wijk, listing, member, message: str = "Ik kan helpen!"):
    with tenant_context(wijk):
        return respond_to_listing(actor=actor_for(member.user), member=member, listing=listing, message=message)


def make_street(wijk, name: str, latitude: float, longitude: float) -> Street:
    with tenant_context(wijk):
        return Street.objects.create(name=name, latitude=latitude, longitude=longitude)


def consents_to_makelaar(makelaar, member):
    """`member` lets the makelaar act for them; the makelaar writes it down, as on the resident's page."""
    from wijkmarkt.tenants.membership.actions.consent import record_consent

    return record_consent(actor=actor_of(makelaar), member=member, topic="act_for", note="Aan de telefoon")


def tomorrow() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=1)


def an_exchange(wijk):
    """Bram responds to Anna's request: an exchange whose thread (a chat conversation) has his first message."""
    from wijkmarkt.tenants.chat.models import Conversation
    from wijkmarkt.tenants.chat.selectors import exchange_thread

    anna, bram = make_member(wijk, "Anna"), make_member(wijk, "Bram")
    with tenant_context(wijk):
        listing = post(wijk, anna, title="Hulp bij de computer")
        exchange = respond_to_listing(actor=actor_of(bram), member=bram, listing=listing, message="Ik kan helpen.")
        conversation = Conversation.objects.get(exchange=exchange)
        message = exchange_thread(exchange).get()
    return anna, bram, exchange, conversation, message


def gid(type_name: str, schema: str, pk) -> str:
    """The global ID of a row of `schema` (note the order: schema before pk; tests/builders/clients.py has the
    `gid(type_name, pk, schema="parkwijk")` of the other API tests)."""
    return to_global_id(type_name, schema, pk)


def member_id(member, schema: str = "parkwijk") -> str:
    return gid("Membership", schema, member.pk)


def category_id(wijk, slug: str = "computer") -> str:
    with tenant_context(wijk):
        return gid("Category", wijk.schema_name, Category.objects.get(slug=slug).pk)
