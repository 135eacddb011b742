"""Per-request facts about who is asking, worked out once and kept on `info.context` (the request): every domain's
resolvers and mutations ask `viewer(info)`.

Resolvers ask "may this viewer see suggestions / which side of this exchange are they on" for every row of a page;
answering from here costs the same queries for a page of 5 as for 50. Never cache at module level: a cache that
outlives the request would answer for another person or another wijk."""

from dataclasses import dataclass

from wijkmarkt.graphql.core.permissions import actor, current_wijk
from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import request_membership

_CONTEXT_KEY = "_wijkmarkt_viewer"


@dataclass(frozen=True)
class Viewer:
    """The actor of this request in this wijk: their own membership (None for a relative who is only a proxy) and
    the members they are the registered proxy of."""

    actor: Actor
    member: Membership | None
    principals: tuple[Membership, ...]

    @property
    def speaks_for(self) -> tuple[Membership, ...]:
        """Members this viewer speaks for as themselves or as proxy, their own membership first."""
        return (*((self.member,) if self.member is not None else ()), *self.principals)

    @property
    def speaks_for_ids(self) -> frozenset[int]:
        return frozenset(member.pk for member in self.speaks_for)

    @property
    def principal_ids(self) -> frozenset[int]:
        return frozenset(member.pk for member in self.principals)

    @property
    def is_makelaar(self) -> bool:
        return has_permission(self.actor, Perm.ACT_FOR_RESIDENTS)

    @property
    def is_moderator(self) -> bool:
        return has_permission(self.actor, Perm.MODERATE)

    @property
    def may_see_neighbours(self) -> bool:
        return has_permission(self.actor, Perm.VIEW_NEIGHBOURS)

    def may_act_for(self, member_id: int) -> bool:
        """Themselves, as proxy, or as the wijk's makelaar (the actions check the details again)."""
        return member_id in self.speaks_for_ids or self.is_makelaar


def viewer(info) -> Viewer:
    """The viewer of this request; two queries the first time, none after. On the portal nobody speaks for
    anyone: members live in the wijk schemas."""
    cached = getattr(info.context, _CONTEXT_KEY, None)
    if cached is not None:
        return cached
    current = actor(info)
    if current_wijk(info) is None or current.user is None:
        cached = Viewer(actor=current, member=None, principals=())
    else:
        principals = Membership.objects.select_related("user").filter(
            proxies__user=current.user, proxies__revoked_at__isnull=True
        )
        cached = Viewer(actor=current, member=request_membership(info.context), principals=tuple(principals.distinct()))
    setattr(info.context, _CONTEXT_KEY, cached)
    return cached
