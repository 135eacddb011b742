"""Object access: "does not exist", "not yours to see" and "another wijk" all raise the same NotFound. And who may
act for whom, the rule every wijk app asks before it writes in someone else's name.

Acting for someone else has one rule, `_may_act_for_others`, used by both `acting_as` (may this happen) and
`members_actor_may_act_for` (whom a "voor wie" choice lists): a proxy for the member who named them while the proxy
is not revoked; the makelaar for a member while that member's consent (ConsentTopic.ACT_FOR) is recorded and not
withdrawn. Consent lives in the wijk's own schema, so a consent given in another wijk never counts here."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_permission, require_writes_open
from wijkmarkt.tenants.membership.models import Consent, ConsentTopic, Membership, PlacedAs, Proxy
from wijkmarkt.tenants.membership.selectors import neighbours


class NotFound(ObjectDoesNotExist):
    pass


def neighbour_for(actor: Actor, membership_id: int) -> Membership:
    if not has_permission(actor, Perm.VIEW_NEIGHBOURS):
        raise NotFound
    membership = neighbours().filter(pk=membership_id).first()
    if membership is None:
        raise NotFound
    return membership


def is_proxy(actor: Actor) -> bool:
    """The actor is registered as proxy for some member of this wijk (a revoked proxy does not count)."""
    return actor.user is not None and Proxy.objects.filter(user=actor.user, revoked_at__isnull=True).exists()


def is_proxy_of(user: User, member: Membership) -> bool:
    return Proxy.objects.filter(principal=member, user=user, revoked_at__isnull=True).exists()


# The refusal `acting_as` raises when a makelaar has no recorded consent; pages and the API word it as such.
NO_CONSENT = "no_consent"


def _act_for_consents() -> QuerySet[Consent]:
    return Consent.objects.filter(topic=ConsentTopic.ACT_FOR, withdrawn_at__isnull=True)


def _may_act_for_others(actor: Actor) -> Q:
    """The one rule: the members (other than themselves) `actor` may act for, as a filter on Membership."""
    if actor.user is None:
        return Q(pk__in=[])
    allowed = Q(pk__in=Proxy.objects.filter(user=actor.user, revoked_at__isnull=True).values("principal_id"))
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        allowed |= Q(Exists(_act_for_consents().filter(member=OuterRef("pk"))))
    return allowed


def has_act_for_consent(member: Membership) -> bool:
    """The member's consent that the makelaar acts for them is on record and not withdrawn."""
    return _act_for_consents().filter(member=member).exists()


def acting_as(actor: Actor, member: Membership, perm: Perm) -> PlacedAs:
    """How `actor` may act for `member`: as themselves, as registered proxy, or as the wijk's makelaar with the
    member's consent."""
    if actor.user is None:
        raise PermissionDenied(perm)
    require_writes_open(actor)  # a paused wijk takes no writes, for anyone
    if actor.suspended or member.suspended_at is not None:
        raise PermissionDenied("suspended")
    if member.user_id == actor.user.pk:
        require_permission(actor, perm)
        return PlacedAs.SELF
    placed_as = acts_for(actor, member)
    if placed_as is not None:
        return placed_as
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        raise PermissionDenied(NO_CONSENT)
    raise PermissionDenied(perm)


def acts_for(actor: Actor, member: Membership) -> PlacedAs | None:
    """PROXY or MAKELAAR when the one rule lets `actor` act for `member`, someone other than themselves; else None.
    Suspension and permissions are the caller's (acting_as) to check."""
    if actor.user is None or member.user_id == actor.user.pk:
        return None
    if not Membership.objects.filter(_may_act_for_others(actor), pk=member.pk).exists():
        return None
    return PlacedAs.PROXY if is_proxy_of(actor.user, member) else PlacedAs.MAKELAAR


def members_actor_may_act_for(actor: Actor) -> QuerySet[Membership]:
    """The members in whose name this actor may post or respond: themselves, their principals while the proxy is
    active, and (makelaar) the members whose consent is on record."""
    if actor.user is None:
        return Membership.objects.none()
    members = Membership.objects.select_related("user").filter(suspended_at__isnull=True)
    own = Q(user=actor.user) if has_permission(actor, Perm.PUBLISH_LISTING) else Q(pk__in=[])
    return members.filter(own | _may_act_for_others(actor)).order_by("user__first_name")
