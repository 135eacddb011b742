"""Who may act for whom, and which listings and exchanges a member may reach. Everything that is missing, not
theirs, hidden or of another wijk raises the same NotFound, so nothing can be probed.

Acting for someone else has one rule, `_may_act_for_others`, used by both `acting_as` (may this happen) and
`members_actor_may_act_for` (whom a "voor wie" choice lists): a proxy for the member who named them while the proxy
is not revoked; the makelaar for a member while that member's consent (ConsentTopic.ACT_FOR) is recorded and not
withdrawn. Consent lives in the wijk's own schema, so a consent given in another wijk never counts here."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_permission, require_writes_open
from wijkmarkt.tenants.makelaar.models import Consent, ConsentTopic
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode, fail
from wijkmarkt.tenants.marketplace.models import Block, Exchange, Listing, PlacedAs, Proxy
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.models import Membership


def is_blocked_between(a: Membership, b: Membership) -> bool:
    return Block.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


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


def visible_listings(actor: Actor) -> QuerySet[Listing]:
    """Listings the actor may read: members see every listing that is not hidden; a moderator also hidden ones."""
    if not has_permission(actor, Perm.VIEW_LISTINGS) and not _is_proxy(actor):
        return Listing.objects.none()
    listings = Listing.objects.all()
    if not has_permission(actor, Perm.MODERATE):
        listings = listings.filter(hidden_at__isnull=True)
    return listings


def _is_proxy(actor: Actor) -> bool:
    return actor.user is not None and Proxy.objects.filter(user=actor.user, revoked_at__isnull=True).exists()


def listing_for(actor: Actor, listing_id) -> Listing:
    listing = visible_listings(actor).select_related("category", "owner__user", "street").filter(pk=listing_id).first()
    if listing is None:
        raise NotFound
    return listing


def exchanges_of(actor: Actor) -> QuerySet[Exchange]:
    """Exchanges where the actor (or someone they act for as proxy) is a party; a makelaar sees all of the wijk."""
    if actor.user is None:
        return Exchange.objects.none()
    exchanges = Exchange.objects.select_related("listing", "helper__user", "receiver__user")
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        return exchanges
    mine = Q(helper__user=actor.user) | Q(receiver__user=actor.user)
    as_proxy = Q(helper__proxies__user=actor.user, helper__proxies__revoked_at__isnull=True) | Q(
        receiver__proxies__user=actor.user, receiver__proxies__revoked_at__isnull=True
    )
    return exchanges.filter(mine | as_proxy).distinct()


def exchange_for(actor: Actor, exchange_id) -> Exchange:
    exchange = exchanges_of(actor).filter(pk=exchange_id).first()
    if exchange is None:
        raise NotFound
    return exchange


def party_for(actor: Actor, exchange: Exchange, on_behalf_of: Membership | None = None) -> Membership:
    """The side of the exchange the actor speaks for: their own or their principal's; a makelaar names the side."""
    for member in (exchange.helper, exchange.receiver):
        if on_behalf_of is not None and member.pk != on_behalf_of.pk:
            continue
        if actor.user is not None and (member.user_id == actor.user.pk or is_proxy_of(actor.user, member)):
            return member
        if on_behalf_of is not None and has_permission(actor, Perm.ACT_FOR_RESIDENTS):
            return member
    raise fail(None, _("U bent geen deelnemer aan deze afspraak."), MarketplaceErrorCode.NOT_A_PARTY)
