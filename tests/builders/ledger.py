"""Points: wijken with points on, and a done exchange made through the marketplace's own actions."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.marketplace import actor_of, post
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, confirm_done, respond_to_listing


def points_on(*slugs: str, per_hour: int = 2) -> None:
    Wijk.objects.filter(schema_name__in=slugs).update(points_enabled=True, points_per_hour=per_hour)


def done_exchange(wijk, asker, helper, hours: str | None = "1.5"):
    """`helper` helped `asker` for `hours` hours, both said it was done."""
    with tenant_context(wijk):
        listing = post(wijk, asker, title="Hulp bij de boodschappen")
        exchange = respond_to_listing(actor=actor_of(helper), member=helper, listing=listing, message="Ik help.")
        when = timezone.now() + dt.timedelta(days=1)
        for member in (helper, asker):
            agree_exchange(
                actor=actor_of(member),
                exchange=exchange,
                what="Boodschappen",
                agreed_for=when,
                hours=Decimal(hours) if hours else None,
            )
        for member in (helper, asker):
            confirm_done(actor=actor_of(member), exchange=exchange)
        exchange.refresh_from_db()
    return exchange
