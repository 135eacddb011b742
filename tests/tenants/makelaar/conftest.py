"""Builders for the makelaar tests: every row is made through the actions, as a person would."""

import pytest
from django_tenants.utils import tenant_context

from tests.conftest import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.makelaar.actions.cases import open_case
from wijkmarkt.tenants.makelaar.actions.residents import register_offline_resident
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.membership.selectors import actor_for


def register_oma(wijk, makelaar, first_name="Truus", **overrides):
    values = {"last_name": "de Vries", "street": "Zomerkade", "phone": "023 531 00 00",
              "reach": "Bellen na tienen", "consent_given": True, "consent_note": "Mondeling, bij de balie",
              "act_for_consent": True}  # fmt: skip
    return register_offline_resident(actor=actor_for(makelaar.user), wijk=wijk, first_name=first_name,
                                     **{**values, **overrides})  # fmt: skip


def case_for_member(makelaar, member, question="Wie helpt met boodschappen?", **kwargs):
    return open_case(actor=actor_for(makelaar.user), member=member, question=question, **kwargs)


def signal_by(reporter, about="Mevrouw op de hoek", worry="De gordijnen blijven dicht.", **kwargs):
    return report_signal(actor=actor_for(reporter.user), about=about, worry=worry, **kwargs)


@pytest.fixture
def in_parkwijk(parkwijk):
    with tenant_context(parkwijk):
        yield parkwijk


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
