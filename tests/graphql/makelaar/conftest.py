"""Builders for the makelaar's GraphQL tests: rows through the actions, requests through /graphql on a wijk's
domain, as a client would."""

import pytest
from django_tenants.utils import tenant_context

from tests.conftest import make_member
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.makelaar.actions.cases import open_case
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.membership.selectors import actor_for


def gid(type_name: str, pk, schema: str = "parkwijk") -> str:
    return to_global_id(type_name, schema, pk)


def case_in(wijk, makelaar, member, question="Wie helpt met boodschappen?", **kwargs):
    with tenant_context(wijk):
        return open_case(actor=actor_for(makelaar.user), member=member, question=question, **kwargs)


def signal_in(wijk, reporter, about="Mevrouw op de hoek", worry="De gordijnen blijven dicht."):
    with tenant_context(wijk):
        return report_signal(actor=actor_for(reporter.user), about=about, worry=worry)


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
