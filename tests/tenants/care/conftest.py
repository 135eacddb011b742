"""The household-help tests' people, streets and providers; the builders are in tests/builders/care.py."""

import pytest

from tests.builders.care import add_provider
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.marketplace.models import Street


@pytest.fixture
def people(in_parkwijk):
    """Anna needs help, Bram is a neighbour, Fatima the makelaar, Henk works for the home-care provider."""
    return {
        "anna": make_member(in_parkwijk, "Anna"),
        "bram": make_member(in_parkwijk, "Bram"),
        "fatima": make_member(in_parkwijk, "Fatima", role=Role.MAKELAAR),
        "henk": make_member(in_parkwijk, "Henk", role=Role.PROVIDER),
    }


@pytest.fixture
def streets(in_parkwijk):
    return {
        "zomer": Street.objects.create(name="Zomerkade", latitude=52.3800, longitude=4.6600),
        "buur": Street.objects.create(name="Buurweg", latitude=52.3854, longitude=4.6600),
        "ver": Street.objects.create(name="Verre Weg", latitude=52.4100, longitude=4.7000),
    }


@pytest.fixture
def providers(in_parkwijk, people, streets):
    """A contracted provider 600 m from the Zomerkade (Henk answers for it), a student far away and a pgb help."""
    return {
        "spaarne": add_provider(in_parkwijk, street=streets["buur"], staff=[people["henk"]]),
        "student": add_provider(
            in_parkwijk,
            name="Sanne (student)",
            kind="student",
            activities=["shopping"],
            available=["sat_morning"],
            in_natura=False,
            street=streets["ver"],
        ),
        "alfa": add_provider(
            in_parkwijk,
            name="Alfahulp Mieke",
            kind="independent",
            activities=["light", "linen"],
            available=["tue_evening", "wed_morning"],
            in_natura=False,
            pgb=True,
        ),
    }
