"""Builders for the Wijzer tests: people of Parkwijk with every role, a relative as proxy, and assessments made
through the actions, as a person would."""

import pytest
from django_tenants.utils import tenant_context

from tests.conftest import PASSWORD, make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.wijzer.actions import answer_question, finish_assessment, start_assessment

ANSWERS = {"taken": ["boodschappen", "zwaar_huishouden"], "netwerk": ["buren"], "zelf": ["boodschappen"],
           "urgentie": ["nu"]}  # fmt: skip


def take_wijzer(wijk, member, answers=None, *, by=None, finish=True):
    """An assessment of `member`, answered (and finished) through the actions by `by` (default the member)."""
    with tenant_context(wijk):
        actor = actor_for(getattr(by, "user", by) if by is not None else member.user)
        assessment = start_assessment(actor=actor, member=member)
        for question, values in (ANSWERS if answers is None else answers).items():
            answer_question(actor=actor, assessment=assessment, question=question, values=values)
        return finish_assessment(actor=actor, assessment=assessment) if finish else assessment


@pytest.fixture
def people(parkwijk, centrum):
    """Anna takes the Wijzer, Carla (her daughter, no member) is her proxy, Bram another resident; Fatima the
    makelaar, Henk a provider, Marleen the wijk admin, Joost a professional; Cor is Centrum's makelaar."""
    people = {
        "anna": make_member(parkwijk, "Anna"),
        "bram": make_member(parkwijk, "Bram"),
        "fatima": make_member(parkwijk, "Fatima", role=Role.MAKELAAR),
        "henk": make_member(parkwijk, "Henk", role=Role.PROVIDER),
        "marleen": make_member(parkwijk, "Marleen", role=Role.WIJK_ADMIN),
        "joost": make_member(parkwijk, "Joost", role=Role.PROFESSIONAL),
        "cor": make_member(centrum, "Cor", role=Role.MAKELAAR),
    }
    carla = create_account(email="carla@example.nl", first_name="Carla", password=PASSWORD)
    with tenant_context(parkwijk):
        register_proxy(actor=actor_for(people["anna"].user), principal=people["anna"], proxy_email=carla.email,
                       relation="dochter")  # fmt: skip
    return {**people, "carla": carla}
