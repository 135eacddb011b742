"""The makelaar tests' people; the builders are in tests/builders/makelaar.py."""

import pytest

from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role


@pytest.fixture
def people(in_parkwijk):
    """Fatima is Parkwijk's makelaar, Anna and Bram residents, Joost a partner professional, Henk a provider."""
    return {
        "fatima": make_member(in_parkwijk, "Fatima", role=Role.MAKELAAR),
        "anna": make_member(in_parkwijk, "Anna"),
        "bram": make_member(in_parkwijk, "Bram"),
        "joost": make_member(in_parkwijk, "Joost", role=Role.PROFESSIONAL),
        "henk": make_member(in_parkwijk, "Henk", role=Role.PROVIDER),
    }
