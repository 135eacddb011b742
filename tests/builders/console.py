"""The console's rows: coordinators, and exchanges with known dates built through the marketplace actions (the
timestamps the actions set to "now" are then moved to the dates a test needs)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.members import PASSWORD
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, confirm_done, respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Exchange, Listing
from wijkmarkt.tenants.membership.selectors import actor_for

AMSTERDAM = timezone.get_fixed_timezone(60)  # winter time, so a test's hours are exact


def make_coordinator(first_name: str = "Sanne", email: str | None = None) -> User:
    user = create_account(
        email=email or f"{first_name.lower()}@stad.example.nl", first_name=first_name, password=PASSWORD
    )
    User.objects.filter(pk=user.pk).update(is_coordinator=True)
    user.refresh_from_db()
    return user


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=AMSTERDAM)


def seed_exchange(
    wijk,
    asker,
    helper,
    *,
    placed: dt.datetime,
    responded: dt.datetime,
    agreed: dt.datetime | None = None,
    done: dt.datetime | None = None,
    hours: str | None = None,
    via: str = "website",
    kind: str = "request",
) -> Exchange:
    """`asker` asks (or `helper` offers, for kind="offer"), the other responds; agreed and done when given."""
    with tenant_context(wijk):
        owner, responder = (asker, helper) if kind == "request" else (helper, asker)
        listing = publish_listing(
            actor=actor_for(owner.user),
            wijk=wijk,
            owner=owner,
            data=ListingInput(
                kind=kind,
                title="Hulp bij de boodschappen",
                description="Wie kan mij helpen?",
                category_id=Category.objects.order_by("pk").first().pk,
            ),
        )
        exchange = respond_to_listing(
            actor=actor_for(responder.user), member=responder, listing=listing, message="Dat kan ik doen."
        )
        if agreed or done:
            for party in (asker, helper):
                exchange = agree_exchange(
                    actor=actor_for(party.user),
                    exchange=exchange,
                    what="Boodschappen",
                    agreed_for=None,
                    hours=Decimal(hours) if hours else None,
                )
        if done:
            for party in (asker, helper):
                exchange = confirm_done(actor=actor_for(party.user), exchange=exchange)
        Listing.objects.filter(pk=listing.pk).update(created_at=placed)
        Exchange.objects.filter(pk=exchange.pk).update(
            created_at=responded,
            first_response_at=responded,
            via=via,
            helper_agreed_at=agreed,
            receiver_agreed_at=agreed,
            done_at=done,
        )
        exchange.refresh_from_db()
    return exchange
