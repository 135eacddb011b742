"""The makelaar's cases: opening one for a resident, keeping question, agreements and follow-up date current,
closing it with an outcome, and the warm hand-over to a named contact person of a partner organisation."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission
from wijkmarkt.platform.errors import collect
from wijkmarkt.platform.partners.models import ContactPerson
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.makelaar.actions.checks import choice
from wijkmarkt.tenants.makelaar.errors import MakelaarErrorCode as Code
from wijkmarkt.tenants.makelaar.errors import fail
from wijkmarkt.tenants.makelaar.models import Case, CaseStatus, HandOver, HandOverStatus
from wijkmarkt.tenants.membership.models import Membership

# A follow-up date far in the past or future is a typing error (2205 for 2025), not a plan.
FOLLOW_UP_PAST = dt.timedelta(days=366)
FOLLOW_UP_FUTURE = dt.timedelta(days=2 * 366)


def _follow_up(value: dt.date | None) -> dt.date | None:
    if value is None:
        return None
    today = timezone.localdate()
    if not today - FOLLOW_UP_PAST <= value <= today + FOLLOW_UP_FUTURE:
        raise fail("follow_up_on", _("Kies een datum tussen een jaar geleden en twee jaar vooruit."), Code.INVALID_DATE)
    return value


def _case_fields(question: str, agreements: str, follow_up_on: dt.date | None) -> dict:
    return collect(
        {
            "question": lambda: clean_text(question, field="question", max_length=2000, multiline=True),
            "agreements": lambda: clean_text(
                agreements, field="agreements", max_length=4000, required=False, multiline=True
            ),
            "follow_up_on": lambda: _follow_up(follow_up_on),
        }
    )


def open_case(
    *, actor: Actor, member: Membership, question: str, agreements: str = "", follow_up_on: dt.date | None = None
) -> Case:
    """A new case for a resident of the active wijk, kept by the makelaar who opens it."""
    require_permission(actor, Perm.KEEP_CASES)
    values = _case_fields(question, agreements, follow_up_on)
    with transaction.atomic():
        return Case.objects.create(member=member, makelaar=actor.user, **values)


def _require_open(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise fail(None, _("Dit dossier is afgesloten."), Code.WRONG_STATE)


def update_case(
    *,
    actor: Actor,
    case: Case,
    question: str,
    agreements: str,
    follow_up_on: dt.date | None,
    status: str = CaseStatus.OPEN,
) -> Case:
    """Keep the case current; closing goes through close_case, with an outcome."""
    require_permission(actor, Perm.KEEP_CASES)
    values = _case_fields(question, agreements, follow_up_on)
    values["status"] = choice(status, [CaseStatus.OPEN, CaseStatus.WAITING], "status")
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        _require_open(locked)
        for name, value in values.items():
            setattr(locked, name, value)
        locked.save(update_fields=[*values, "updated_at"])
    for name in (*values, "updated_at"):
        setattr(case, name, getattr(locked, name))
    return case


def close_case(*, actor: Actor, case: Case, outcome: str) -> Case:
    require_permission(actor, Perm.KEEP_CASES)
    text = clean_text(outcome, field="outcome", max_length=2000, multiline=True)
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        _require_open(locked)
        locked.status, locked.outcome, locked.closed_at = CaseStatus.CLOSED, text, timezone.now()
        locked.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    case.status, case.outcome, case.closed_at = locked.status, locked.outcome, locked.closed_at
    return case


def hand_over_case(
    *,
    actor: Actor,
    case: Case,
    passed_on: str,
    consent_given: bool,
    consent_note: str,
    contact: ContactPerson | None = None,
    organisation: str = "",
    contact_name: str = "",
    contact_details: str = "",
) -> HandOver:
    """Warm hand-over: what the neighbourhood cannot answer goes to a named person at a partner, with the
    resident's consent. The person is a contact from the partner directory (`contact`), or, for an organisation
    not in it, typed in. The case waits for the partner until the outcome is written down."""
    require_permission(actor, Perm.KEEP_CASES)
    if contact is not None:
        if not (contact.active and contact.partner.active):
            raise fail("contact", _("Kies uit de lijst."), Code.INVALID_CHOICE)
        details = " · ".join(part for part in (contact.role, contact.phone, contact.email) if part)
        organisation, contact_name, contact_details = contact.partner.name, contact.name, details[:200]

    def consent() -> bool:
        if not consent_given:
            raise fail(
                "consent_given",
                _("Vraag eerst of de bewoner het goed vindt dat u dit doorgeeft, en vink dat aan."),
                Code.CONSENT_REQUIRED,
            )
        return True

    values = collect(
        {
            "organisation": lambda: clean_text(organisation, field="organisation", max_length=120),
            "contact_name": lambda: clean_text(contact_name, field="contact_name", max_length=120),
            "contact_details": lambda: clean_text(
                contact_details, field="contact_details", max_length=200, required=False
            ),
            "passed_on": lambda: clean_text(passed_on, field="passed_on", max_length=2000, multiline=True),
            "consent_note": lambda: clean_text(consent_note, field="consent_note", max_length=500),
            "consent_given": consent,
        }
    )
    del values["consent_given"]
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        _require_open(locked)
        hand_over = HandOver.objects.create(case=locked, contact=contact, handed_over_by=actor.user, **values)
        locked.status = CaseStatus.WAITING
        locked.save(update_fields=["status", "updated_at"])
    case.status = locked.status
    return hand_over


def record_hand_over_outcome(*, actor: Actor, hand_over: HandOver, outcome: str) -> HandOver:
    """What came of the hand-over, as the partner reported it back."""
    require_permission(actor, Perm.KEEP_CASES)
    text = clean_text(outcome, field="outcome", max_length=2000, multiline=True)
    with transaction.atomic():
        locked = HandOver.objects.select_for_update().get(pk=hand_over.pk)
        if locked.status != HandOverStatus.OPEN:
            raise fail(None, _("De uitkomst van deze overdracht staat er al."), Code.WRONG_STATE)
        locked.status, locked.outcome, locked.outcome_at = HandOverStatus.DONE, text, timezone.now()
        locked.save(update_fields=["status", "outcome", "outcome_at"])
    hand_over.status, hand_over.outcome, hand_over.outcome_at = locked.status, locked.outcome, locked.outcome_at
    return hand_over
