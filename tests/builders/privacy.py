"""A wijk where Riet has left traces everywhere: a citywide offer, an exchange with Bram and its messages, a case at
the makelaar and a worry Bram reported about her. Built through the apps' own actions."""

from dataclasses import dataclass

from django_tenants.utils import tenant_context

from tests.builders.makelaar import case_for_member, register_oma, signal_by
from tests.builders.marketplace import actor_of, post
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.marketplace.actions.exchanges import post_message, respond_to_listing
from wijkmarkt.tenants.marketplace.models import Exchange, Listing
from wijkmarkt.tenants.membership.models import Membership

WORRY = "Ik zie haar nooit meer buiten, de post stapelt zich op."


@dataclass
class Riets:
    riet: Membership
    bram: Membership
    makelaar: Membership
    truus: Membership
    offer: Listing
    exchange: Exchange


def riets_wijk(wijk, email="riet.privacy@example.nl") -> Riets:
    riet = make_member(wijk, "Riet", email)
    bram = make_member(wijk, "Bram", f"bram.{wijk.schema_name}@example.nl")
    makelaar = make_member(wijk, "Mustafa", f"mustafa.{wijk.schema_name}@example.nl", role=Role.MAKELAAR)
    with tenant_context(wijk):
        offer = post(
            wijk,
            riet,
            kind="offer",
            title="Rietjes appeltaart voor de buren",
            description="Elke zaterdag bak ik er een, Riet van de Zomerkade.",
            visibility="city",
        )
        request = post(wijk, bram, title="Hulp met de fietsband")
        exchange = respond_to_listing(
            actor=actor_of(riet), member=riet, listing=request, message="Ik plak hem morgen, groet van Riet."
        )
        post_message(actor=actor_of(bram), exchange=exchange, body="Fijn, tot morgen!")
        case_for_member(makelaar, riet, question="Riet zoekt iemand voor de boodschappen.")
        signal_by(bram, about="Riet op nummer 4", worry=WORRY, about_member=riet)
        truus = register_oma(wijk, makelaar)
    return Riets(riet, bram, makelaar, truus, offer, exchange)
