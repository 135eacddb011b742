"""The role -> permission table and the one checker. Every permission decision goes through here."""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import WijkStatus


class Perm(StrEnum):
    VIEW_NEIGHBOURS = "view_neighbours"
    CONNECT_REALTIME = "connect_realtime"
    VIEW_LISTINGS = "view_listings"
    PUBLISH_LISTING = "publish_listing"
    RESPOND = "respond"
    PROPOSE_RING = "propose_ring"
    REPORT = "report"
    ACT_FOR_RESIDENTS = "act_for_residents"
    MODERATE = "moderate"
    MANAGE_CATEGORIES = "manage_categories"
    MANAGE_PLACES = "manage_places"
    VIEW_POINT_TOTALS = "view_point_totals"  # a wijk's point totals (platform/ledger), when points are on
    # The makelaar's work (tenants/makelaar): register residents who are not online, keep cases, handle signals.
    REGISTER_RESIDENTS = "register_residents"
    KEEP_CASES = "keep_cases"
    HANDLE_SIGNALS = "handle_signals"
    REPORT_SIGNAL = "report_signal"
    MANAGE_OWN_PROVIDER = "manage_own_provider"  # a provider's staff edit their own directory entry
    DRAW_UP_SUPPORT_PLAN = "draw_up_support_plan"  # the provider on a plan, or the wijk's makelaar
    MANAGE_WIJZER_RULES = "manage_wijzer_rules"  # the Eigen Kracht Wijzer's rules of the wijk (tenants/wijzer)


# What a suspended member keeps: reading. Everything else is a write and is refused.
# (A paused wijk is different: nobody is sanctioned, so every role keeps what it may read; only writes stop. See
# require_writes_open.)
READ_PERMISSIONS = frozenset({Perm.VIEW_NEIGHBOURS, Perm.CONNECT_REALTIME, Perm.VIEW_LISTINGS})
_MEMBER = frozenset(
    {
        Perm.VIEW_NEIGHBOURS,
        Perm.CONNECT_REALTIME,
        Perm.VIEW_LISTINGS,
        Perm.PUBLISH_LISTING,
        Perm.RESPOND,
        Perm.PROPOSE_RING,
        Perm.REPORT,
        Perm.REPORT_SIGNAL,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.RESIDENT: _MEMBER,
    Role.MAKELAAR: _MEMBER
    | {
        Perm.ACT_FOR_RESIDENTS,
        Perm.MODERATE,
        Perm.DRAW_UP_SUPPORT_PLAN,
        Perm.REGISTER_RESIDENTS,
        Perm.KEEP_CASES,
        Perm.HANDLE_SIGNALS,
    },
    Role.PROFESSIONAL: _MEMBER,
    Role.PROVIDER: frozenset(
        {
            Perm.CONNECT_REALTIME,
            Perm.VIEW_LISTINGS,
            Perm.PUBLISH_LISTING,
            Perm.RESPOND,
            Perm.REPORT,
            Perm.MANAGE_OWN_PROVIDER,
            Perm.DRAW_UP_SUPPORT_PLAN,
            Perm.REPORT_SIGNAL,
        }
    ),
    Role.WIJK_ADMIN: _MEMBER
    | {Perm.MODERATE, Perm.MANAGE_CATEGORIES, Perm.MANAGE_PLACES, Perm.VIEW_POINT_TOTALS, Perm.MANAGE_WIJZER_RULES},
}


@dataclass(frozen=True)
class Actor:
    """Who is acting, in the wijk of the current request: a citywide account and its role there (if any)."""

    user: User | None
    role: Role | None
    suspended: bool = False
    paused: bool = False  # the wijk of the request is paused (wijk_paused): it can be read, but nothing changes

    @property
    def is_member(self) -> bool:
        return self.role is not None


def has_permission(actor: Actor, perm: Perm) -> bool:
    if actor.user is None or not actor.user.is_active or actor.role is None:
        return False
    if actor.suspended and perm not in READ_PERMISSIONS:
        return False
    return perm in ROLE_PERMISSIONS[Role(actor.role)]


# The reason a write in a paused wijk is refused, and its words for GraphQL (graphql/core/errors.py) and the socket
# (realtime/consumers/wijk.py); pages say it on the refusal page (marketplace/refused.html).
PAUSED = "paused"
PAUSED_MESSAGE = gettext_lazy("Deze wijk is gepauzeerd: u kunt lezen, maar niets plaatsen of wijzigen.")


def wijk_paused(wijk) -> bool:
    """Whether writes stop in this wijk: the one place its status decides that. `wijk` may be the public schema's
    portal or a FakeTenant (no status): those are never paused."""
    return getattr(wijk, "status", None) == WijkStatus.PAUSED


def require_writes_open(actor: Actor) -> None:
    """A paused wijk is read-only for everyone. Every write asks this first: through require_permission, through
    access.acting_as, and directly in the actions that check only membership (chat, profiles).

    Not has_permission: a makelaar's or moderator's permissions also decide what they may read (cases, signals,
    hidden listings), and reading goes on in a paused wijk.

    Deliberately not asked: a resident's data export and erasure (tenants/privacy), revoking a proxy and
    withdrawing consent. Those are rights under the AVG (GDPR articles 7, 15, 17 and 20), which a pause of the
    marketplace does not suspend. Read markers (chat, notifications) record reading and go on too."""
    if actor.paused:
        raise PermissionDenied(PAUSED)


def require_permission(actor: Actor, perm: Perm) -> None:
    """The gate of every action: a paused wijk refuses it whatever the role (reads use has_permission)."""
    require_writes_open(actor)
    if not has_permission(actor, perm):
        raise PermissionDenied(perm)
