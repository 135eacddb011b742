"""Builders for marketplace tests: every row is made through the actions, as a person would."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.conftest import make_member
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Street
from wijkmarkt.tenants.membership.selectors import actor_for


def actor_of(member) -> Actor:
    return actor_for(member.user)


def category(slug: str = "computer") -> Category:
    return Category.objects.get(slug=slug)


def listing_input(**overrides) -> ListingInput:
    values = {
        "kind": "request",
        "title": "Hulp met mijn nieuwe tablet",
        "description": "Ik krijg de videobel-app niet werkend. Wie kan even komen kijken?",
        "category_id": category().pk,
    }
    return ListingInput(**{**values, **overrides})


def post(wijk, member, **overrides):
    return publish_listing(actor=actor_of(member), wijk=wijk, owner=member, data=listing_input(**overrides))


def consents_to_makelaar(makelaar, member):
    """`member` lets the makelaar act for them; the makelaar writes it down, as on the resident's page."""
    from wijkmarkt.tenants.membership.actions.consent import record_consent

    return record_consent(actor=actor_of(makelaar), member=member, topic="act_for", note="Aan de telefoon")


def tomorrow() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=1)


@pytest.fixture
def in_parkwijk(parkwijk):
    with tenant_context(parkwijk):
        yield parkwijk


@pytest.fixture
def people(in_parkwijk):
    """Anna asks, Bram helps, Cor is a third neighbour, Fatima is the makelaar."""
    from wijkmarkt.platform.accounts.models import Role

    return {
        "anna": make_member(in_parkwijk, "Anna"),
        "bram": make_member(in_parkwijk, "Bram"),
        "cor": make_member(in_parkwijk, "Cor"),
        "fatima": make_member(in_parkwijk, "Fatima", role=Role.MAKELAAR),
    }


@pytest.fixture
def streets(in_parkwijk):
    return {
        "zomer": Street.objects.create(name="Zomerkade", latitude=52.3800, longitude=4.6600),
        "ver": Street.objects.create(name="Verre Weg", latitude=52.3900, longitude=4.6800),
    }


def an_exchange(wijk):
    """Bram responds to Anna's request: an exchange whose thread (a chat conversation) has his first message."""
    from wijkmarkt.tenants.chat.models import Conversation
    from wijkmarkt.tenants.chat.selectors import exchange_thread
    from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing

    anna, bram = make_member(wijk, "Anna"), make_member(wijk, "Bram")
    with tenant_context(wijk):
        listing = post(wijk, anna, title="Hulp bij de computer")
        exchange = respond_to_listing(actor=actor_of(bram), member=bram, listing=listing, message="Ik kan helpen.")
        conversation = Conversation.objects.get(exchange=exchange)
        message = exchange_thread(exchange).get()
    return anna, bram, exchange, conversation, message
