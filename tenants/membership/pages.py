"""The page kit every wijk app's pages share: who may enter a page (members, relatives registered as proxy, or
anyone), the viewer's own membership, refusals in plain Dutch (suspended, not allowed, no consent, a paused wijk),
the "voor wie" choice for whoever may act for someone else, and the one page that sends a report to the moderation.

Pages never decide permissions themselves: the actions and access.py do, and a refusal they raise becomes a page
here."""

from collections.abc import Callable
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkmarkt.platform.accounts.permissions import PAUSED, Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors, as_int, text_field
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.membership.access import NO_CONSENT, NotFound, is_proxy, members_actor_may_act_for
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import request_membership

# Who may enter --------------------------------------------------------------------------------------------------


def anyone(request) -> bool:
    """`may_enter` for a page open to every visitor, logged in or not."""
    return True


def module_page(part: Module | Callable[[Wijk], bool] | None, may_enter=None):
    """A page of one part of the wijk's site, for members (and relatives acting as a member's proxy) unless
    `may_enter` says otherwise; a closed wijk shows why it is closed; a part switched off, and anything that is not
    there or not theirs, is a plain 404; a refused write (suspended, paused wijk) is a page that says so. `part` is
    one of the wijk's modules, a check whether a part that is no module is on in the wijk (points), or None for a
    part every wijk has (In de wijk), which cannot be switched off."""

    def decorator(view):
        @wraps(view)
        def page(request, *args, **kwargs):
            wijk = request.tenant
            if not wijk.site_visible:
                return render(request, "wijk/not_open.html")
            if not _is_on(part, wijk):
                raise Http404
            allowed = may_enter(request) if may_enter else request.actor.is_member or is_proxy(request.actor)
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


def _is_on(part: Module | Callable[[Wijk], bool] | None, wijk: Wijk) -> bool:
    if part is None:
        return True
    if isinstance(part, Module):
        return wijk.has_module(part)
    return part(wijk)


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


# The viewer and refusals ----------------------------------------------------------------------------------------


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


# "Voor wie": acting for someone else ----------------------------------------------------------------------------


def member_label(member) -> str:
    """How a makelaar or proxy recognises a member in a list: first name, last name if any, and the street."""
    name = " ".join(part for part in (member.user.first_name, member.user.last_name) if part)
    return f"{name} ({member.street})" if member.street else name


def acting_choices(request, exclude_pk=None) -> list[tuple[int, str]]:
    """Members the viewer may act for (themselves first), as (id, label) for a "voor wie" choice."""
    own = me(request)
    members = [m for m in members_actor_may_act_for(request.actor) if m.pk != exclude_pk]
    members.sort(key=lambda m: (own is None or m.pk != own.pk, m.user.first_name))
    return [(m.pk, member_label(m) if own is None or m.pk != own.pk else f"{member_label(m)} (uzelf)") for m in members]


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


class OnBehalfMixin:
    """A "namens wie" choice for whoever may speak for more than one side (a makelaar, a proxy of both); a plain
    member never sees it."""

    def add_on_behalf_field(self, choices, label=None):
        if len(choices) > 1:
            self.fields["on_behalf_of"] = forms.ChoiceField(
                label=label or gettext_lazy("Namens wie?"),
                choices=[(str(pk), name) for pk, name in choices],
                required=False,
            )

    def on_behalf_of_id(self) -> int | None:
        value = self.cleaned_data.get("on_behalf_of") if hasattr(self, "cleaned_data") else None
        return as_int(value)


# Reporting to the moderation ------------------------------------------------------------------------------------


class ReportForm(forms.Form):
    reason = text_field(
        gettext_lazy("Wat is er aan de hand?"),
        gettext_lazy("De moderatie leest dit. Wie u meldt, ziet niet dat u het was."),
        multiline=True,
        rows=4,
    )


def report_page(request, report, *, target: dict, what: str, back_url: str, quote: str = ""):
    """The one report page: a listing, a message or a member, sent to the wijk's moderation queue. `report` is the
    moderation's action (tenants.marketplace.actions.moderation.report), called with `target` (one of listing=,
    message= or member=); the pages pass it in, since the moderation lives in an app above this core."""
    reporter = me(request)
    if reporter is None:
        return refused(request)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            report(actor=request.actor, reporter=reporter, reason=form.cleaned_data["reason"], **target)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Dank u. De moderatie kijkt ernaar."))
            return redirect(back_url)
    context = {"form": form, "what": what, "quote": quote, "back_url": back_url}
    return render(request, "marketplace/report.html", context)
