"""What every marketplace page shares: who may enter (members, and relatives registered as proxy), the viewer's own
membership, refusals in plain Dutch (suspended, not allowed, paused wijk), and pagination.

Views never decide permissions themselves: the actions and access.py do, and a refusal they raise becomes a page
here."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from wijkmarkt.platform.accounts.permissions import PAUSED, Perm, has_permission
from wijkmarkt.platform.forms import as_int
from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.marketplace.forms import member_label
from wijkmarkt.tenants.membership.access import NO_CONSENT, NotFound, members_actor_may_act_for
from wijkmarkt.tenants.membership.models import Membership, Proxy
from wijkmarkt.tenants.membership.selectors import request_membership


def is_proxy(request) -> bool:
    actor = request.actor
    return actor.user is not None and Proxy.objects.filter(user=actor.user, revoked_at__isnull=True).exists()


def module_page(module: Module, may_enter=None):
    """A page of one of the wijk's modules, for members (and relatives acting as a member's proxy) unless `may_enter`
    says otherwise; a closed wijk shows why it is closed; a switched-off module, and anything that is not there or
    not theirs, is a plain 404; a refused write (suspended, paused wijk) is a page that says so."""

    def decorator(view):
        @wraps(view)
        def page(request, *args, **kwargs):
            wijk = request.tenant
            if not wijk.site_visible:
                return render(request, "wijk/not_open.html")
            if not wijk.has_module(module):
                raise Http404
            allowed = may_enter(request) if may_enter else request.actor.is_member or is_proxy(request)
            if not allowed:
                return render(request, "wijk/members_only.html", status=403)
            try:
                return view(request, *args, **kwargs)
            except NotFound:
                raise Http404 from None
            except PermissionDenied as refusal:
                return refused(request, refusal)

        return page

    return decorator


marketplace_page = module_page(Module.MARKETPLACE)


def requires(perm: Perm):
    """A page for a role (moderation, categories): members without it are told so, not shown a 404."""

    def decorator(view):
        @wraps(view)
        def page(request, *args, **kwargs):
            if not has_permission(request.actor, perm):
                raise PermissionDenied(perm)
            return view(request, *args, **kwargs)

        return page

    return decorator


def me(request) -> Membership | None:
    """The viewer's own membership in this wijk (None for a relative who only acts as proxy)."""
    return request_membership(request)


def refused(request, refusal: PermissionDenied | None = None, status: int = 403):
    """A refusal in words: suspended (oneself or the member one acts for), a paused wijk, or simply not allowed."""
    member = me(request)
    reason = str(refusal) if refusal is not None else ""
    context = {
        "suspended_self": bool(request.actor.suspended),
        "suspended_other": reason == "suspended" and not request.actor.suspended,
        "suspended_reason": member.suspended_reason if member is not None and request.actor.suspended else "",
        "paused": reason == PAUSED or request.actor.paused,
        "no_consent": reason == NO_CONSENT,
    }
    return render(request, "marketplace/refused.html", context, status=status)


def writes_paused(request) -> bool:
    """A paused wijk can be read but takes nothing new: whether to show a form. Refusing the write itself is the
    actions' job (permissions.require_writes_open); this only reads the same rule."""
    return request.actor.paused


def acting_choices(request, exclude_pk=None) -> list[tuple[int, str]]:
    """Members the viewer may act for (themselves first), as (id, label) for a "voor wie" choice."""
    own = me(request)
    members = [m for m in members_actor_may_act_for(request.actor) if m.pk != exclude_pk]
    members.sort(key=lambda m: (own is None or m.pk != own.pk, m.user.first_name))
    return [(m.pk, member_label(m) if own is None or m.pk != own.pk else f"{member_label(m)} (uzelf)")
            for m in members]  # fmt: skip


def chosen_member(request, member_id: int | None, choices: list[tuple[int, str]]) -> Membership:
    """The member picked in a "voor wie" choice, or the viewer's own membership. Never anyone outside the choices."""
    allowed = {pk for pk, _label in choices}
    if member_id is None:
        # A form offers no choice when there is only one; a member named anyway (a page from before a consent
        # was withdrawn or a proxy revoked) is refused below, never silently replaced by the viewer.
        member_id = as_int(request.POST.get("on_behalf_of"))
    if member_id is not None:
        if member_id not in allowed:
            raise PermissionDenied(NO_CONSENT if has_permission(request.actor, Perm.ACT_FOR_RESIDENTS) else "act_for")
        return Membership.objects.select_related("user").get(pk=member_id)
    own = me(request)
    if own is not None and own.pk in allowed:
        return own
    if len(allowed) == 1:
        return Membership.objects.select_related("user").get(pk=next(iter(allowed)))
    if own is not None and request.actor.suspended:
        raise PermissionDenied("suspended")
    raise PermissionDenied("act_for")
