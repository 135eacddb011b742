"""Signals (signalering): a worry about a resident, reported by any member or partner professional, followed up
and closed with an outcome by the wijk's makelaar. The notification to the makelaars says only that a signal
arrived, never what it is about: notifications can be mailed."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission
from wijkmarkt.platform.errors import collect
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.makelaar.errors import MakelaarErrorCode as Code
from wijkmarkt.tenants.makelaar.errors import fail
from wijkmarkt.tenants.makelaar.models import Signal, SignalStatus
from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.models import NotificationKind
from wijkmarkt.tenants.membership.models import Membership


def report_signal(*, actor: Actor, about: str, worry: str, about_member: Membership | None = None) -> Signal:
    """Report a worry about someone in the wijk. It reaches the wijk's makelaars only."""
    require_permission(actor, Perm.REPORT_SIGNAL)
    values = collect(
        {
            "about": lambda: clean_text(about, field="about", max_length=200),
            "worry": lambda: clean_text(worry, field="worry", max_length=2000, multiline=True),
        }
    )
    with transaction.atomic():
        signal = Signal.objects.create(
            about_member=about_member, reporter=actor.user, reporter_role=actor.role or "", **values
        )
        url = reverse("makelaar:signal", args=[signal.pk])
        makelaars = Membership.objects.select_related("user").filter(role=Role.MAKELAAR, suspended_at__isnull=True)
        for makelaar in makelaars.exclude(user=actor.user):
            # Like a moderation message, always on: a worry about a resident must reach the makelaar whatever
            # their notification choices. The text names nobody.
            notify(makelaar, NotificationKind.MODERATION, _("Er is een nieuw signaal binnengekomen."), url)
    return signal


def _require_not_closed(signal: Signal) -> None:
    if signal.status == SignalStatus.CLOSED:
        raise fail(None, _("Dit signaal is al afgehandeld."), Code.WRONG_STATE)


def take_up_signal(*, actor: Actor, signal: Signal, follow_up: str = "") -> Signal:
    """The makelaar goes after it, and writes down what they do."""
    require_permission(actor, Perm.HANDLE_SIGNALS)
    text = clean_text(follow_up, field="follow_up", max_length=2000, required=False, multiline=True)
    with transaction.atomic():
        locked = Signal.objects.select_for_update().get(pk=signal.pk)
        _require_not_closed(locked)
        locked.status, locked.taken_by = SignalStatus.FOLLOWING_UP, actor.user
        if text:
            locked.follow_up = text
        locked.save(update_fields=["status", "taken_by", "follow_up"])
    signal.status, signal.taken_by, signal.follow_up = locked.status, locked.taken_by, locked.follow_up
    return signal


def close_signal(*, actor: Actor, signal: Signal, outcome: str) -> Signal:
    """Closed with an outcome, which only makelaars read; the reporter sees that it was handled."""
    require_permission(actor, Perm.HANDLE_SIGNALS)
    text = clean_text(outcome, field="outcome", max_length=2000, multiline=True)
    with transaction.atomic():
        locked = Signal.objects.select_for_update().get(pk=signal.pk)
        _require_not_closed(locked)
        locked.status, locked.outcome, locked.closed_at = SignalStatus.CLOSED, text, timezone.now()
        locked.taken_by = locked.taken_by or actor.user
        locked.save(update_fields=["status", "outcome", "closed_at", "taken_by"])
    for name in ("status", "outcome", "closed_at", "taken_by"):
        setattr(signal, name, getattr(locked, name))
    return signal


def link_signal_to_resident(*, actor: Actor, signal: Signal, member: Membership) -> Signal:
    """The makelaar found out whom the worry is about: the signal belongs to that resident from now on (their
    page, and the access log of later reads)."""
    require_permission(actor, Perm.HANDLE_SIGNALS)
    with transaction.atomic():
        updated = Signal.objects.filter(pk=signal.pk).exclude(status=SignalStatus.CLOSED).update(about_member=member)
    if not updated:
        raise fail(None, _("Dit signaal is al afgehandeld."), Code.WRONG_STATE)
    signal.about_member = member
    return signal
