"""Whose data an actor may download or erase: their own, a principal's as registered proxy, or (the wijk's makelaar)
an offline resident's. Anything else, a missing member and a member of another wijk all raise the same NotFound, so
nothing can be probed."""

from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.membership.access import NotFound, acts_for
from wijkmarkt.tenants.membership.models import Membership, PlacedAs
from wijkmarkt.tenants.privacy.contributors import registered_offline


def asked_as(actor: Actor, member: Membership) -> PlacedAs:
    """How `actor` asks for `member`. A suspended resident keeps the right to their own data (AVG), so suspension
    is not checked for themselves; a suspended makelaar has lost ACT_FOR_RESIDENTS and is refused."""
    if actor.user is None:
        raise NotFound
    if member.user_id == actor.user.pk:
        return PlacedAs.SELF
    placed_as = acts_for(actor, member)  # a proxy, or the makelaar with the resident's consent on record
    if placed_as == PlacedAs.PROXY:
        return PlacedAs.PROXY
    if placed_as == PlacedAs.MAKELAAR and registered_offline(member):
        return PlacedAs.MAKELAAR
    raise NotFound


def subject_for(actor: Actor, member_id: int | None) -> tuple[Membership, PlacedAs]:
    """The member named by id (None: the actor's own membership in this wijk) and how the actor asks for them."""
    if actor.user is None:
        raise NotFound
    members = Membership.objects.select_related("user")
    member = members.filter(user=actor.user).first() if member_id is None else members.filter(pk=member_id).first()
    if member is None:
        raise NotFound
    return member, asked_as(actor, member)
