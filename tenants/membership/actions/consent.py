"""A resident's consent, written down and withdrawn: by the resident, their proxy or the makelaar. What a consent
allows is decided in access.py (ConsentTopic.ACT_FOR lets the makelaar act for them)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_writes_open
from wijkmarkt.platform.errors import collect
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.membership.access import is_proxy_of
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.errors import MembershipErrorCode as Code
from wijkmarkt.tenants.membership.errors import fail
from wijkmarkt.tenants.membership.models import ActingWhat, Consent, ConsentTopic, Membership, PlacedAs


def _placed_as_for_consent(actor: Actor, member: Membership) -> str:
    """The resident themselves, their proxy, or the makelaar may write consent down."""
    if actor.user is None or actor.suspended:
        raise PermissionDenied(Perm.REGISTER_RESIDENTS)
    if member.user_id == actor.user.pk:
        return PlacedAs.SELF
    if is_proxy_of(actor.user, member):
        return PlacedAs.PROXY
    if has_permission(actor, Perm.REGISTER_RESIDENTS):
        return PlacedAs.MAKELAAR
    raise PermissionDenied(Perm.REGISTER_RESIDENTS)


def _topic(topic: str) -> str:
    if topic not in ConsentTopic.values:
        raise fail("topic", _("Kies uit de lijst."), Code.INVALID_CHOICE)
    return topic


def record_consent(*, actor: Actor, member: Membership, topic: str, note: str = "") -> Consent:
    require_writes_open(actor)  # withdraw_consent is not refused: a pause never keeps anyone from withdrawing consent
    placed_as = _placed_as_for_consent(actor, member)
    values = collect(
        {
            "topic": lambda: _topic(topic),
            "note": lambda: clean_text(note, field="note", max_length=500, required=False),
        }
    )
    if Consent.objects.filter(member=member, topic=values["topic"], withdrawn_at__isnull=True).exists():
        raise fail("topic", _("Deze toestemming staat al genoteerd."), Code.ALREADY_GIVEN)
    with transaction.atomic():
        consent = Consent.objects.create(
            member=member, topic=values["topic"], note=values["note"], given_at=timezone.now(), recorded_by=actor.user
        )
        record_acting_for(actor, member=member, placed_as=placed_as, what=ActingWhat.CONSENT, obj=consent)
    return consent


def withdraw_consent(*, actor: Actor, consent: Consent) -> Consent:
    placed_as = _placed_as_for_consent(actor, consent.member)
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None:
            raise fail(None, _("Deze toestemming is al ingetrokken."), Code.WRONG_STATE)
        locked.withdrawn_at, locked.withdrawn_by = timezone.now(), actor.user
        locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
        record_acting_for(
            actor, member=consent.member, placed_as=placed_as, what=ActingWhat.WITHDRAW_CONSENT, obj=locked
        )
    consent.withdrawn_at, consent.withdrawn_by = locked.withdrawn_at, locked.withdrawn_by
    return consent
