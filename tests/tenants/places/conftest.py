"""Builders for the "In de wijk" tests: places and partners are made through the actions, as a wijk admin and the
load_partners command would."""

from datetime import time

import pytest
from django_tenants.utils import tenant_context

from tests.conftest import get_wijk, make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.partners.actions import add_contact_person, link_partner_to_wijk, register_partner
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.places.actions import PlaceInput, save_place


def add_place(wijk, admin, **overrides):
    values = {"kind": "meeting_place", "name": "De Hamelink", "address": "Slachthuisplein 1", "postcode": "2033 AB",
              "hours": [(1, time(9), time(12)), (1, time(13), time(17)), (3, time(10), time(14))]}  # fmt: skip
    with tenant_context(wijk):
        return save_place(actor=actor_for(admin.user), data=PlaceInput(**{**values, **overrides}))


@pytest.fixture
def wijken(parkwijk, centrum):
    return {"parkwijk": parkwijk, "centrum": centrum, "slachthuisbuurt": get_wijk("slachthuisbuurt")}


@pytest.fixture
def admins(wijken):
    """Marleen runs Centrum's site, Piet runs Parkwijk's; Anna is a Centrum resident."""
    return {
        "marleen": make_member(wijken["centrum"], "Marleen", role=Role.WIJK_ADMIN),
        "piet": make_member(wijken["parkwijk"], "Piet", role=Role.WIJK_ADMIN),
        "anna": make_member(wijken["centrum"], "Anna"),
    }


@pytest.fixture
def places(wijken, admins):
    """Centrum has a counter and a meeting place; Parkwijk a meeting place of its own."""
    return {
        "loket": add_place(wijken["centrum"], admins["marleen"], kind="counter", name="Loket Grote Markt",
                           address="Grote Markt 2", hours=[(2, time(9), time(12, 30))]),
        "buurtkamer": add_place(wijken["centrum"], admins["marleen"], name="Buurtkamer Vijfhoek",
                                address="Barteljorisstraat 12"),
        "parkkamer": add_place(wijken["parkwijk"], admins["piet"], name="Buurtkamer Parkwijk",
                               address="Prinses Beatrixplein 4"),
    }  # fmt: skip


@pytest.fixture
def partners(wijken):
    """DOCK works in Parkwijk (contact Ilse), Kontext in Centrum (contact Ruud); Ymere in no wijk."""
    dock = register_partner(slug="dock-test", name="Stichting DOCK (test)", kind="welfare", offer="Opbouwwerk.")
    kontext = register_partner(slug="kontext-test", name="Stichting Kontext (test)", kind="welfare")
    ymere = register_partner(slug="ymere-test", name="Ymere (test)", kind="housing")
    ilse = add_contact_person(partner=dock, name="Ilse Vermeer", role="opbouwwerker", phone="023 555 41 01")
    ruud = add_contact_person(partner=kontext, name="Ruud Visser", role="sociaal makelaar", email="ruud@example.nl")
    link_partner_to_wijk(wijk=wijken["parkwijk"], partner=dock, offer="Activiteiten in de buurtkamer.", contact=ilse)
    link_partner_to_wijk(wijk=wijken["centrum"], partner=kontext, offer="De makelaar van de binnenstad.", contact=ruud)
    return {"dock": dock, "kontext": kontext, "ymere": ymere, "ilse": ilse, "ruud": ruud}
