"""Which listings and exchanges a member may reach. Everything that is missing, not theirs, hidden or of another wijk
raises the same NotFound, so nothing can be probed. Who may act for whom is the wijk's shared rule
(tenants/membership/access.py)."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode, fail
from wijkmarkt.tenants.marketplace.models import Block, Exchange, Listing
from wijkmarkt.tenants.membership.access import NotFound, is_proxy, is_proxy_of
from wijkmarkt.tenants.membership.models import Membership


def is_blocked_between(a: Membership, b: Membership) -> bool:
    return Block.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


def visible_listings(actor: Actor) -> QuerySet[Listing]:
    """Listings the actor may read: members see every listing that is not hidden; a moderator also hidden ones."""
    if not has_permission(actor, Perm.VIEW_LISTINGS) and not is_proxy(actor):
        return Listing.objects.none()
    listings = Listing.objects.all()
    if not has_permission(actor, Perm.MODERATE):
        listings = listings.filter(hidden_at__isnull=True)
    return listings


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
