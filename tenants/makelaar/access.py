"""Who may reach the makelaar's work. Cases and signals are the wijk's makelaars' only; a resident (and their proxy)
reaches a summary of their own cases; a reporter reaches only the receipt of their own signals. Missing, not theirs
and another wijk all raise the same NotFound, so nothing can be probed.

These functions decide access only; the pages and GraphQL types log each read of a case or signal by someone other
than the resident (tenants/privacy record_read)."""

from django.db.models import Q, QuerySet

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission
from wijkmarkt.tenants.makelaar.models import Case, HandOver, OfflineResident, Signal
from wijkmarkt.tenants.membership.access import NotFound, is_proxy_of
from wijkmarkt.tenants.membership.models import Membership


def keeps_cases(actor: Actor) -> bool:
    return has_permission(actor, Perm.KEEP_CASES)


def handles_signals(actor: Actor) -> bool:
    return has_permission(actor, Perm.HANDLE_SIGNALS)


def cases_kept_by(actor: Actor) -> QuerySet[Case]:
    """Every case of the wijk for its makelaars; nothing for anyone else."""
    return Case.objects.all() if keeps_cases(actor) else Case.objects.none()


def case_for(actor: Actor, case_id) -> Case:
    case = cases_kept_by(actor).select_related("member__user", "makelaar").filter(pk=case_id).first()
    if case is None:
        raise NotFound
    return case


def own_cases(actor: Actor) -> QuerySet[Case]:
    """The cases about the actor, or about a resident they are the registered proxy of: their summary."""
    if actor.user is None:
        return Case.objects.none()
    mine = Q(member__user=actor.user)
    as_proxy = Q(member__proxies__user=actor.user, member__proxies__revoked_at__isnull=True)
    return Case.objects.filter(pk__in=Case.objects.filter(mine | as_proxy).values("pk"))


def own_case_for(actor: Actor, case_id) -> Case:
    case = own_cases(actor).select_related("member__user").filter(pk=case_id).first()
    if case is None:
        raise NotFound
    return case


def hand_over_for(actor: Actor, hand_over_id) -> HandOver:
    found = HandOver.objects.filter(case__in=cases_kept_by(actor)).select_related("case__member__user")
    hand_over = found.filter(pk=hand_over_id).first()
    if hand_over is None:
        raise NotFound
    return hand_over


def signals_handled_by(actor: Actor) -> QuerySet[Signal]:
    return Signal.objects.all() if handles_signals(actor) else Signal.objects.none()


def signal_for(actor: Actor, signal_id) -> Signal:
    signal = signals_handled_by(actor).select_related("about_member__user", "reporter", "taken_by")
    signal = signal.filter(pk=signal_id).first()
    if signal is None:
        raise NotFound
    return signal


def signals_reported_by(actor: Actor) -> QuerySet[Signal]:
    """The reporter's own signals, of which they only ever see the receipt (status, never the outcome), while they
    are a member of this wijk: an account erased from it keeps nothing here."""
    if actor.user is None or not actor.is_member:
        return Signal.objects.none()
    return Signal.objects.filter(reporter=actor.user)


def may_see_resident(actor: Actor, member: Membership) -> bool:
    """The resident's own page of what was done for them: the resident, their proxy and the makelaar."""
    if actor.user is None:
        return False
    return member.user_id == actor.user.pk or is_proxy_of(actor.user, member) or keeps_cases(actor)


def resident_for(actor: Actor, member_id) -> Membership:
    """A member as the makelaar's resident page shows them (makelaars only)."""
    member = None
    if keeps_cases(actor):
        member = Membership.objects.select_related("user", "offline").filter(pk=member_id).first()
    if member is None:
        raise NotFound
    return member


def offline_of(member: Membership) -> OfflineResident | None:
    try:
        return member.offline
    except OfflineResident.DoesNotExist:
        return None
