"""The makelaar's GraphQL tests' Parkwijk; the builders are in tests/builders/makelaar.py."""

import pytest

from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role


@pytest.fixture
def crew(parkwijk):
    """Parkwijk: Fatima the makelaar, Anna and Bram residents, Joost a partner professional, Henk a provider."""
    return {
        "fatima": make_member(parkwijk, "Fatima", role=Role.MAKELAAR),
        "anna": make_member(parkwijk, "Anna"),
        "bram": make_member(parkwijk, "Bram"),
        "joost": make_member(parkwijk, "Joost", role=Role.PROFESSIONAL),
        "henk": make_member(parkwijk, "Henk", role=Role.PROVIDER),
    }
