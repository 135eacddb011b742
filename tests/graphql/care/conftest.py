"""Builders for the household-help GraphQL tests: rows through the actions, requests through /graphql on a wijk's
domain, as a client would."""

import pytest
from django_tenants.utils import tenant_context

from tests.conftest import make_member
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.care.actions import ProviderInput, register_provider, send_help_request
from wijkmarkt.tenants.marketplace.models import Street
from wijkmarkt.tenants.membership.selectors import actor_for


def provider_in(wijk, *, staff=(), street=None, **overrides):
    values = {"name": "Thuiszorg Spaarne", "kind": "contracted", "activities": ["light", "heavy", "shopping"],
              "available": ["tue_morning", "thu_afternoon"], "in_natura": True, "phone": "023 123 45 67"}  # fmt: skip
    with tenant_context(wijk):
        return register_provider(wijk=wijk, data=ProviderInput(**{**values, "street": street, **overrides}),
                                 staff=list(staff))  # fmt: skip


def request_in(wijk, member, provider, activities=("light",)):
    with tenant_context(wijk):
        return send_help_request(actor=actor_for(member.user), member=member, provider=provider,
                                 activities=list(activities))  # fmt: skip


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
    mieke = provider_in(parkwijk, name="Alfahulp Mieke", kind="independent", activities=["light", "linen"],
                        available=["tue_evening"], in_natura=False, pgb=True)  # fmt: skip
    return {**people, "zomer": zomer, "spaarne": spaarne, "mieke": mieke}


def gid(type_name: str, pk, schema: str = "parkwijk") -> str:
    return to_global_id(type_name, schema, pk)
