"""The marketplace GraphQL tests' people; the builders are in tests/builders/marketplace.py and clients.py."""

import pytest

from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role


@pytest.fixture
def people(parkwijk):
    """Parkwijk: Anna asks, Bram helps, Cor is a third neighbour, Fatima is the makelaar, Wim the wijk admin."""
    return {
        "anna": make_member(parkwijk, "Anna"),
        "bram": make_member(parkwijk, "Bram"),
        "cor": make_member(parkwijk, "Cor"),
        "fatima": make_member(parkwijk, "Fatima", role=Role.MAKELAAR),
        "wim": make_member(parkwijk, "Wim", role=Role.WIJK_ADMIN),
    }
