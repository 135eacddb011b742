"""The demo's points: Parkwijk and Centrum turn points on (the documents started without points, so the
Slachthuisbuurt and Boerhaavewijk keep them off), and every exchange already done in those two wijken earns its
helper points by the wijk's rule, through the same action the marketplace calls. Idempotent: each exchange earns once
(its key), so a second run books nothing. Development only."""

from collections.abc import Callable

from django_tenants.utils import tenant_context

from wijkmarkt.platform.wijken.actions import update_wijk
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.actions.points import earn_points_for_exchange
from wijkmarkt.tenants.marketplace.models import Exchange, ExchangeStatus

POINTS_WIJKEN = ("parkwijk", "centrum")


def seed_demo_points(*, progress: Callable[[str], None]) -> None:
    for wijk in Wijk.objects.filter(schema_name__in=POINTS_WIJKEN):
        if not wijk.points_enabled:
            wijk = update_wijk(wijk=wijk, changes={"points_enabled": True})
            progress(f"{wijk.name}: punten aan")
        with tenant_context(wijk):
            done = Exchange.objects.filter(status=ExchangeStatus.DONE).select_related("helper__user").order_by("pk")
            for exchange in done:
                earn_points_for_exchange(exchange=exchange, wijk=wijk)
