"""Wijzer assessments answered (and finished) through the actions, as a person would."""

from django_tenants.utils import tenant_context

from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.wijzer.actions import answer_question, finish_assessment, start_assessment

ANSWERS = {
    "taken": ["boodschappen", "zwaar_huishouden"],
    "netwerk": ["buren"],
    "zelf": ["boodschappen"],
    "urgentie": ["nu"],
}


def take_wijzer(wijk, member, answers=None, *, by=None, finish=True):
    """An assessment of `member`, answered (and finished) through the actions by `by` (default the member)."""
    with tenant_context(wijk):
        actor = actor_for(getattr(by, "user", by) if by is not None else member.user)
        assessment = start_assessment(actor=actor, member=member)
        for question, values in (ANSWERS if answers is None else answers).items():
            answer_question(actor=actor, assessment=assessment, question=question, values=values)
        return finish_assessment(actor=actor, assessment=assessment) if finish else assessment
