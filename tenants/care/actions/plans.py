"""Writes of support plans (ondersteuningsplan): drawing one up with a resident, revising it (a new version; old
versions and their agreements stay), each side agreeing to a version, and the satisfaction survey at the start, in
between and at the end. Who may do what is decided in access.py; these check it on every call."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_permission, require_writes_open
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.care.access import is_professional_on, is_staff_of
from wijkmarkt.tenants.care.actions.directory import tell
from wijkmarkt.tenants.care.errors import CareErrorCode as Code
from wijkmarkt.tenants.care.errors import collect, fail
from wijkmarkt.tenants.care.models import (
    DEFAULT_RESULT,
    SATISFACTION_QUESTIONS,
    HelpRequest,
    HelpRequestStatus,
    Moment,
    PlanAgreement,
    PlanSide,
    Provider,
    SatisfactionMeasurement,
    SupportPlan,
    SupportPlanVersion,
)
from wijkmarkt.tenants.marketplace.models import NotificationKind
from wijkmarkt.tenants.membership.access import NotFound, acting_as, acts_for, is_proxy_of
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership

MAX_REVIEW_DATES = 6
MAX_YEARS_AHEAD = 2


@dataclass(kw_only=True)
class PlanInput:
    result: str = field(default_factory=lambda: str(DEFAULT_RESULT))
    resident_part: str = ""
    network_part: str = ""
    provider_part: str = ""
    review_dates: list[dt.date] = field(default_factory=list)


def _review_dates(dates, today: dt.date) -> list[dt.date]:
    dates = list(dates or [])
    if any(not isinstance(day, dt.date) for day in dates):  # a page passes on what did not parse as a date
        raise fail("review_dates", _("Vul een datum in zoals 14-3-2027."), Code.INVALID_DATE)
    dates = sorted(set(dates))
    if not dates:
        raise fail("review_dates", _("Kies minstens één datum om samen terug te kijken."), Code.REQUIRED)
    if len(dates) > MAX_REVIEW_DATES:
        raise fail(
            "review_dates", _("Dat zijn te veel data: maximaal %(max)s.") % {"max": MAX_REVIEW_DATES}, Code.TOO_MANY
        )
    latest = today.replace(year=today.year + MAX_YEARS_AHEAD) if (today.month, today.day) != (2, 29) else today
    if any(not today <= day <= latest for day in dates):
        raise fail("review_dates", _("Kies data vanaf vandaag en binnen twee jaar."), Code.INVALID_DATE)
    return dates


def _plan_values(data: PlanInput) -> dict:
    today = timezone.localdate()
    part = {"max_length": 2000, "required": False, "multiline": True}
    return collect(
        {
            "result": lambda: clean_text(data.result, field="result", max_length=200),
            "resident_part": lambda: clean_text(data.resident_part, field="resident_part", **part),
            "network_part": lambda: clean_text(data.network_part, field="network_part", **part),
            "provider_part": lambda: clean_text(data.provider_part, field="provider_part", **part),
            "review_dates": lambda: _review_dates(data.review_dates, today),
        }
    )


def _plan_url(plan: SupportPlan) -> str:
    return f"/hulp-in-huis/plannen/{plan.pk}/"


def _ask_resident_to_agree(plan: SupportPlan, version: SupportPlanVersion) -> None:
    text = _("Er staat een ondersteuningsplan voor u klaar (versie %(number)s). Lees het en geef uw akkoord.") % {
        "number": version.number
    }
    tell(plan.member.user, plan.member, text, _plan_url(plan), kind=NotificationKind.EXCHANGE)


def start_support_plan(*, actor: Actor, member: Membership, provider: Provider | None, data: PlanInput) -> SupportPlan:
    """Draw up a plan with `member`: by the staff of `provider`, which must have accepted a request for help from
    them, or by the wijk's makelaar (with or without a provider) while the member's consent is on record. Writes
    version 1; nobody has agreed yet."""
    require_permission(actor, Perm.DRAW_UP_SUPPORT_PLAN)
    makelaar = has_permission(actor, Perm.ACT_FOR_RESIDENTS)
    if provider is None and not makelaar:
        raise fail("provider", _("Kies de aanbieder van dit plan."), Code.REQUIRED)
    if provider is not None and not makelaar and not is_staff_of(actor, provider):
        raise NotFound
    if makelaar and not (provider is not None and is_staff_of(actor, provider)) and acts_for(actor, member) is None:
        # The makelaar draws a plan up with a resident only with their consent on record, as for anything else
        # done for them (membership.access, the one rule); the page offers only those residents.
        raise PermissionDenied("no_consent")
    if (
        provider is not None
        and not HelpRequest.objects.filter(provider=provider, member=member, status=HelpRequestStatus.ACCEPTED).exists()
    ):
        raise fail(
            None,
            _("%(name)s heeft nog geen aangenomen verzoek om hulp bij %(provider)s.")
            % {"name": member.user.first_name, "provider": provider.name},
            Code.NO_ACCEPTED_REQUEST,
        )
    values = _plan_values(data)
    exists = _("Er is al een ondersteuningsplan van %(name)s met deze aanbieder. Pas dat plan aan.") % {
        "name": member.user.first_name
    }
    if SupportPlan.objects.filter(member=member, provider=provider).exists():
        raise fail(None, exists, Code.ALREADY_EXISTS)
    try:
        with transaction.atomic():
            plan = SupportPlan.objects.create(member=member, provider=provider, created_by=actor.user)
            version = SupportPlanVersion.objects.create(plan=plan, number=1, written_by=actor.user, **values)
            _ask_resident_to_agree(plan, version)
    except IntegrityError:  # two starts at once: the constraint keeps one
        raise fail(None, exists, Code.ALREADY_EXISTS) from None
    return plan


def revise_support_plan(*, actor: Actor, plan: SupportPlan, data: PlanInput) -> SupportPlanVersion:
    """A change is a new version; the earlier versions and what was agreed to them stay as they were."""
    require_permission(actor, Perm.DRAW_UP_SUPPORT_PLAN)
    if not is_professional_on(actor, plan):
        raise PermissionDenied(Perm.DRAW_UP_SUPPORT_PLAN)
    values = _plan_values(data)
    with transaction.atomic():
        locked = SupportPlan.objects.select_for_update().get(pk=plan.pk)
        number = (locked.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        version = SupportPlanVersion.objects.create(plan=locked, number=number, written_by=actor.user, **values)
        _ask_resident_to_agree(plan, version)
    return version


def _side_of(actor: Actor, plan: SupportPlan) -> tuple[str, str]:
    """(side, placed_as) the actor speaks for on this plan: the resident themselves or their proxy, else the
    professional side; anyone else is refused."""
    require_writes_open(actor)  # the professional side does not pass acting_as
    member = plan.member
    if actor.user is not None and (member.user_id == actor.user.pk or is_proxy_of(actor.user, member)):
        return PlanSide.RESIDENT, acting_as(actor, member, Perm.RESPOND)
    if is_professional_on(actor, plan):
        return PlanSide.PROFESSIONAL, "self"
    raise PermissionDenied(Code.NOT_A_PARTY)


def agree_support_plan(*, actor: Actor, plan: SupportPlan, version_number: int) -> PlanAgreement:
    """One side agrees to the newest version. `version_number` is the version the person read: when a newer one
    was written in the meantime, they are asked to read that first."""
    side, placed_as = _side_of(actor, plan)
    with transaction.atomic():
        locked = SupportPlan.objects.select_for_update().get(pk=plan.pk)
        version = locked.versions.order_by("-number").first()
        if version is None or version.number != version_number:
            raise fail(None, _("Er is intussen een nieuwere versie van dit plan. Lees die eerst."), Code.WRONG_STATE)
        if version.agreements.filter(side=side).exists():
            raise fail(None, _("U heeft al akkoord gegeven op deze versie."), Code.ALREADY_AGREED)
        agreement = PlanAgreement.objects.create(version=version, side=side, agreed_by=actor.user, placed_as=placed_as)
        if side == PlanSide.RESIDENT:
            record_acting_for(actor, member=plan.member, placed_as=placed_as, what=ActingWhat.SUPPORT_PLAN, obj=plan)
        if side == PlanSide.RESIDENT:
            text = _("%(name)s gaf akkoord op het ondersteuningsplan (versie %(number)s).") % {
                "name": plan.member.user.first_name,
                "number": version.number,
            }
            tell(version.written_by, None, text, _plan_url(plan), kind=NotificationKind.EXCHANGE, about=plan.member)
    return agreement


def record_satisfaction(
    *, actor: Actor, plan: SupportPlan, moment: str, scores: list[int | None], measured_on: dt.date | None = None
) -> SatisfactionMeasurement:
    """The fixed survey (SATISFACTION_QUESTIONS, 1 to 5 each) at the start, in between or at the end. The resident
    (or their proxy) fills it in, or the provider or makelaar with them; once at the start and once at the end."""
    side, _placed_as = _side_of(actor, plan)
    checks = {"moment": lambda: _moment(moment)}
    scores = list(scores or [])
    if len(scores) > len(SATISFACTION_QUESTIONS):
        raise fail("scores", _("Er zijn %(n)s vragen.") % {"n": len(SATISFACTION_QUESTIONS)}, Code.TOO_MANY)
    for number in range(len(SATISFACTION_QUESTIONS)):
        value = scores[number] if number < len(scores) else None
        checks[f"q{number + 1}"] = lambda value=value, number=number: _score(value, f"q{number + 1}")
    checks["measured_on"] = lambda: _measured_on(measured_on)
    values = collect(checks)
    answers = [values[f"q{number + 1}"] for number in range(len(SATISFACTION_QUESTIONS))]
    taken = _("Deze meting is al gedaan. Kies 'Tussendoor' voor een extra meting.")
    if values["moment"] != Moment.BETWEEN and plan.measurements.filter(moment=values["moment"]).exists():
        raise fail("moment", taken, Code.ALREADY_MEASURED)
    try:
        with transaction.atomic():
            return SatisfactionMeasurement.objects.create(
                plan=plan,
                moment=values["moment"],
                scores=answers,
                measured_on=values["measured_on"],
                recorded_by=actor.user,
                side=side,
            )
    except IntegrityError:
        raise fail("moment", taken, Code.ALREADY_MEASURED) from None


def _moment(value) -> str:
    if value not in Moment.values:
        raise fail(
            "moment", _("Kies wanneer deze meting is: bij de start, tussendoor of aan het einde."), Code.INVALID_CHOICE
        )
    return value


def _measured_on(day: dt.date | None) -> dt.date:
    today = timezone.localdate()
    if day is not None and not isinstance(day, dt.date):  # a page passes on what did not parse as a date
        raise fail("measured_on", _("Vul een datum in zoals 14-3-2027."), Code.INVALID_DATE)
    if day is not None and day > today:
        raise fail("measured_on", _("Deze datum ligt in de toekomst."), Code.INVALID_DATE)
    return day or today


def _score(value, field_name: str) -> int:
    if value in (None, ""):
        raise fail(field_name, _("Kies een antwoord."), Code.REQUIRED)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise fail(field_name, _("Kies een antwoord van 1 tot en met 5."), Code.OUT_OF_RANGE)
    return value
