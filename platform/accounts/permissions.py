"""The role -> permission table and the one checker. Every permission decision goes through here."""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied

from wijkmarkt.platform.accounts.models import Role, User


class Perm(StrEnum):
    VIEW_NEIGHBOURS = "view_neighbours"
    CONNECT_REALTIME = "connect_realtime"


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.RESIDENT: frozenset({Perm.VIEW_NEIGHBOURS, Perm.CONNECT_REALTIME}),
    Role.MAKELAAR: frozenset({Perm.VIEW_NEIGHBOURS, Perm.CONNECT_REALTIME}),
    Role.PROFESSIONAL: frozenset({Perm.VIEW_NEIGHBOURS, Perm.CONNECT_REALTIME}),
    Role.PROVIDER: frozenset({Perm.CONNECT_REALTIME}),
    Role.WIJK_ADMIN: frozenset({Perm.VIEW_NEIGHBOURS, Perm.CONNECT_REALTIME}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting, in the wijk of the current request: a citywide account and its role there (if any)."""

    user: User | None
    role: Role | None

    @property
    def is_member(self) -> bool:
        return self.role is not None


def has_permission(actor: Actor, perm: Perm) -> bool:
    if actor.user is None or not actor.user.is_active or actor.role is None:
        return False
    return perm in ROLE_PERMISSIONS[Role(actor.role)]


def require_permission(actor: Actor, perm: Perm) -> None:
    if not has_permission(actor, perm):
        raise PermissionDenied(perm)
