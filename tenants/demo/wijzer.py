"""The Wijzer demo of Parkwijk, through the actions: Anna (bewoner@demo) has a finished Wijzer with explained
suggestions, and Carla (familie@demo) has started one for her mother that is saved halfway. Development only."""

from collections.abc import Callable, Mapping

from django.db import transaction

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.membership.models import Membership, Proxy
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.wijzer.actions import answer_question, finish_assessment, start_assessment
from wijkmarkt.tenants.wijzer.models import Assessment

DEMO_WIJK = "parkwijk"
FINISHED = {
    "taken": ["boodschappen", "zwaar_huishouden"],
    "netwerk": ["buren"],
    "zelf": ["boodschappen"],
    "urgentie": ["binnenkort"],
}
HALFWAY = {"taken": ["licht_huishouden", "was"], "netwerk": ["familie"]}


def seed_demo_wijzer(*, wijk: Wijk, logins: Mapping[str, User], progress: Callable[[str], None]) -> int:
    """Returns how many assessments were added (0 when the wijk has some already or is not the demo wijk)."""
    resident, relative = logins.get("bewoner"), logins.get("familie")
    if wijk.schema_name != DEMO_WIJK or not wijk.has_module(Module.CARE) or Assessment.objects.exists():
        return 0
    anna = Membership.objects.filter(user=resident).first() if resident else None
    proxy = Proxy.objects.select_related("principal").filter(user=relative, revoked_at__isnull=True).first()
    added = 0
    with transaction.atomic():
        if anna is not None:
            actor = actor_for(anna.user, anna)
            _answer(actor, start_assessment(actor=actor, member=anna), FINISHED, finish=True)
            added += 1
        if proxy is not None:
            actor = actor_for(relative)
            _answer(actor, start_assessment(actor=actor, member=proxy.principal), HALFWAY, finish=False)
            added += 1
    progress(f"{wijk.name}: {added} Eigen Kracht Wijzers (één af, één half ingevuld)")
    return added


def _answer(actor, assessment, answers: dict, *, finish: bool) -> None:
    for question, values in answers.items():
        answer_question(actor=actor, assessment=assessment, question=question, values=values)
    if finish:
        finish_assessment(actor=actor, assessment=assessment)
