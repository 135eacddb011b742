"""A member's own marketplace profile (what they offer, could use, when they are free, how to reach them, what
neighbours may see, which notifications they get), their proxies, a neighbour's profile as others see it, and the
notifications page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.marketplace import selectors
from wijkmarkt.tenants.marketplace.actions.moderation import block_member, report, unblock_member
from wijkmarkt.tenants.marketplace.actions.notifications import mark_notifications_read
from wijkmarkt.tenants.marketplace.actions.profiles import update_profile
from wijkmarkt.tenants.marketplace.forms import ProfileForm, ProxyForm
from wijkmarkt.tenants.marketplace.models import Block, ListingKind, Profile
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.access import neighbour_for
from wijkmarkt.tenants.membership.actions.proxies import register_proxy, revoke_proxy
from wijkmarkt.tenants.membership.models import Proxy
from wijkmarkt.tenants.membership.pages import me, refused, report_page


def _own_profile(member) -> Profile:
    """The saved profile, or an unsaved one with the defaults (a member who never filled it in)."""
    return Profile.objects.filter(member=member).first() or Profile(member=member)


def _profile_page(request, member, form, proxy_form=None, status=200):
    context = {
        "member": member,
        "form": form,
        "proxy_form": proxy_form or ProxyForm(),
        "proxies": Proxy.objects.filter(principal=member, revoked_at__isnull=True).select_related("user"),
        "principals": Proxy.objects.filter(user=request.user, revoked_at__isnull=True).select_related(
            "principal__user"
        ),
        "blocks": Block.objects.filter(blocker=member).select_related("blocked__user"),
    }
    return render(request, "marketplace/profile.html", context, status=status)


@marketplace_page
@require_http_methods(["GET", "POST"])
def profile(request):
    member = me(request)
    if member is None:  # a relative who is only here as proxy: their pages are their principals'
        return render(
            request,
            "marketplace/proxy_only.html",
            {
                "principals": Proxy.objects.filter(user=request.user, revoked_at__isnull=True).select_related(
                    "principal__user"
                )
            },
        )
    if request.method == "GET":
        form = ProfileForm(initial=ProfileForm.initial_from(_own_profile(member)), streets=selectors.streets())
        return _profile_page(request, member, form)
    form = ProfileForm(request.POST, streets=selectors.streets())
    if form.is_valid():
        try:
            update_profile(actor=request.actor, member=member, data=form.to_input())
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw profiel is bewaard."))
            return redirect("marketplace:profile")
    return _profile_page(request, member, form)


@marketplace_page
@require_POST
def proxy_add(request):
    member = me(request)
    if member is None:
        return refused(request)
    proxy_form = ProxyForm(request.POST)
    if proxy_form.is_valid():
        try:
            register_proxy(
                actor=request.actor,
                principal=member,
                proxy_email=proxy_form.cleaned_data["proxy_email"],
                relation=proxy_form.cleaned_data["relation"],
            )
        except ValidationError as error:
            add_action_errors(proxy_form, error)
        else:
            messages.success(request, _("Uw familielid mag nu namens u vragen en aanbod plaatsen en reageren."))
            return redirect(reverse("marketplace:profile") + "#gemachtigden")
    form = ProfileForm(initial=ProfileForm.initial_from(_own_profile(member)), streets=selectors.streets())
    return _profile_page(request, member, form, proxy_form=proxy_form)


@marketplace_page
@require_POST
def proxy_revoke(request, proxy_id: int):
    """The member revokes a relative, or the relative stops acting for the member."""
    user = request.actor.user
    # Someone else's proxy answers like a missing one, so ids cannot be probed.
    mine = Q(principal__user=user) | Q(user=user)
    proxy = get_object_or_404(
        Proxy.objects.select_related("principal").filter(mine), pk=proxy_id, revoked_at__isnull=True
    )
    revoke_proxy(actor=request.actor, proxy=proxy)
    messages.success(request, _("Gestopt: deze persoon kan niet meer namens u handelen."))
    return redirect(reverse("marketplace:profile") + "#gemachtigden")


@marketplace_page
def neighbour_profile(request, member_id: int):
    """What neighbours see: first name, street and the texts; house number, phone and e-mail only when chosen."""
    neighbour = neighbour_for(request.actor, member_id)
    shown = Profile.objects.filter(member=neighbour).select_related("street").first()
    own = me(request)
    listings = selectors.open_listings(request.actor).filter(owner=neighbour).order_by("-created_at")
    context = {
        "neighbour": neighbour,
        "shown": shown,
        "requests": listings.filter(kind=ListingKind.REQUEST)[:10],
        "offers": listings.filter(kind=ListingKind.OFFER)[:10],
        "is_self": own is not None and own.pk == neighbour.pk,
        "blocked": own is not None and Block.objects.filter(blocker=own, blocked=neighbour).exists(),
    }
    return render(request, "marketplace/neighbour_profile.html", context)


@marketplace_page
@require_http_methods(["GET", "POST"])
def report_member(request, member_id: int):
    neighbour = neighbour_for(request.actor, member_id)
    back = reverse("marketplace:neighbour", args=[neighbour.pk])
    return report_page(request, report, target={"member": neighbour}, what=neighbour.user.first_name, back_url=back)


@marketplace_page
@require_POST
def block(request, member_id: int):
    neighbour = neighbour_for(request.actor, member_id)
    blocker = me(request)
    if blocker is None:
        return refused(request)
    try:
        if request.POST.get("undo"):
            unblock_member(actor=request.actor, blocker=blocker, blocked=neighbour)
            messages.success(request, _("Niet meer geblokkeerd."))
        else:
            block_member(actor=request.actor, blocker=blocker, blocked=neighbour)
            messages.success(request, _("Geblokkeerd. U krijgt geen berichten meer van deze buur."))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(
        request.POST.get("next")
        if request.POST.get("next") == reverse("marketplace:profile")
        else reverse("marketplace:neighbour", args=[neighbour.pk])
    )


@marketplace_page
@require_http_methods(["GET", "POST"])
def notifications(request):
    member = me(request)
    if member is None:
        return render(request, "marketplace/notifications.html", {"page": None})
    if request.method == "POST":
        count = mark_notifications_read(member=member)
        if count:
            messages.success(request, _("Alle meldingen zijn gelezen."))
        return redirect("marketplace:notifications")
    page = paginate(request, selectors.notifications_of(member))
    unread = selectors.notifications_of(member).filter(read_at__isnull=True).exists()
    return render(request, "marketplace/notifications.html", {"page": page, "unread": unread})
