"""The marketplace tests' people and streets; the builders are in tests/builders/marketplace.py."""

import pytest

from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.marketplace.models import Street


@pytest.fixture
def people(in_parkwijk):
    """Anna asks, Bram helps, Cor is a third neighbour, Fatima is the makelaar."""
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
