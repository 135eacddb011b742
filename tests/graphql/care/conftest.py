"""The household-help GraphQL tests' Parkwijk; the builders are in tests/builders/care.py."""

import pytest
from django_tenants.utils import tenant_context

from tests.builders.care import provider_in
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.marketplace.models import Street


@pytest.fixture
def care(parkwijk):
    """Parkwijk: Anna needs help, Bram is a neighbour, Fatima the makelaar, Henk works for Thuiszorg Spaarne
    (600 m from the Zomerkade); Mieke is an alfahulp paid from a pgb."""
    people = {
        "anna": make_member(parkwijk, "Anna"),
        "bram": make_member(parkwijk, "Bram"),
        "fatima": make_member(parkwijk, "Fatima", role=Role.MAKELAAR),
        "henk": make_member(parkwijk, "Henk", role=Role.PROVIDER),
    }
    with tenant_context(parkwijk):
        zomer = Street.objects.create(name="Zomerkade", latitude=52.3800, longitude=4.6600)
        buur = Street.objects.create(name="Buurweg", latitude=52.3854, longitude=4.6600)
    spaarne = provider_in(parkwijk, staff=[people["henk"]], street=buur)
    mieke = provider_in(
        parkwijk,
        name="Alfahulp Mieke",
        kind="independent",
        activities=["light", "linen"],
        available=["tue_evening"],
        in_natura=False,
        pgb=True,
    )
    return {**people, "zomer": zomer, "spaarne": spaarne, "mieke": mieke}
