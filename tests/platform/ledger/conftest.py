"""Ledger fixtures: Parkwijk and Centrum with points on (Slachthuisbuurt keeps them off), members made through the
actions, a done exchange through the marketplace's own actions; and after every ledger test the invariant check
command runs on what the test left (the sum of all accounts zero, nobody below zero, every transfer balanced)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django_tenants.utils import tenant_context

from tests.conftest import get_wijk, make_member
from tests.tenants.marketplace.conftest import actor_of, post
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, confirm_done, respond_to_listing


def points_on(*slugs: str, per_hour: int = 2) -> None:
    Wijk.objects.filter(schema_name__in=slugs).update(points_enabled=True, points_per_hour=per_hour)


@pytest.fixture
def points(db):
    """Parkwijk and Centrum have points on (2 per hour); Slachthuisbuurt off. Anna and Bram live in Parkwijk, Anna's
    mother Mien in Centrum, Kees in the Slachthuisbuurt; Fatima is Parkwijk's makelaar. After the test the invariant
    check command runs on what the test left (sum of all accounts zero, nobody below zero, every transfer balanced)."""
    points_on("parkwijk", "centrum")
    wijken = {slug: get_wijk(slug) for slug in ("parkwijk", "centrum", "slachthuisbuurt")}
    yield {
        **wijken,
        "anna": make_member(wijken["parkwijk"], "Anna", "anna@example.nl"),
        "bram": make_member(wijken["parkwijk"], "Bram", "bram@example.nl"),
        "fatima": make_member(wijken["parkwijk"], "Fatima", "fatima@example.nl", role="makelaar"),
        "mien": make_member(wijken["centrum"], "Mien", "mien@example.nl"),
        "kees": make_member(wijken["slachthuisbuurt"], "Kees", "kees@example.nl"),
    }
    call_command("check_ledger", stdout=StringIO())  # raises CommandError with what is wrong


def done_exchange(wijk, asker, helper, hours: str | None = "1.5"):
    """`helper` helped `asker` for `hours` hours, both said it was done."""
    import datetime as dt

    from django.utils import timezone

    with tenant_context(wijk):
        listing = post(wijk, asker, title="Hulp bij de boodschappen")
        exchange = respond_to_listing(actor=actor_of(helper), member=helper, listing=listing, message="Ik help.")
        when = timezone.now() + dt.timedelta(days=1)
        for member in (helper, asker):
            agree_exchange(actor=actor_of(member), exchange=exchange, what="Boodschappen", agreed_for=when,
                           hours=Decimal(hours) if hours else None)  # fmt: skip
        for member in (helper, asker):
            confirm_done(actor=actor_of(member), exchange=exchange)
        exchange.refresh_from_db()
    return exchange
