"""The wijk site's own pages: home, joining, and the neighbours of this wijk (members only)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from wijkmarkt.platform.accounts.client_address import client_address
from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.tenants.membership.access import NotFound, neighbour_for
from wijkmarkt.tenants.membership.actions import joining
from wijkmarkt.tenants.membership.forms import JoinForm, SignUpForm
from wijkmarkt.tenants.membership.selectors import neighbours


def _wijk_page_or_closed(request, template: str, context: dict | None = None, status: int = 200):
    if not request.tenant.site_visible:
        return render(request, "wijk/not_open.html", status=200)
    return render(request, template, context or {}, status=status)


def home(request):
    return _wijk_page_or_closed(request, "wijk/home.html")


def _not_member(request):
    return render(request, "wijk/members_only.html", status=403)


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if not request.tenant.open_for_sign_up:
        return render(request, "wijk/not_open.html")
    if request.user.is_authenticated:
        return redirect("wijk-join")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            joining.sign_up_resident(
                wijk=request.tenant,
                email=form.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                password=form.cleaned_data["password"],
                accepted_house_rules=form.cleaned_data["accept_house_rules"],
                client=client_address(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Nobody is logged in: a new address and a taken one get the same answer (joining.sign_up_resident).
            return redirect("wijk-sign-up-sent")
    return render(request, "wijk/sign_up.html", {"form": form})


def sign_up_sent(request):
    return _wijk_page_or_closed(request, "wijk/sign_up_sent.html")


@require_http_methods(["GET", "POST"])
def join(request):
    """An account from elsewhere in the city joins this wijk by accepting its house rules."""
    if not request.user.is_authenticated:
        return redirect("wijk-sign-up")
    if request.actor.is_member:
        return redirect("wijk-home")
    if not request.tenant.open_for_sign_up:
        return render(request, "wijk/not_open.html")
    form = JoinForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            joining.join_wijk(
                wijk=request.tenant,
                user=request.user,
                accepted_house_rules=form.cleaned_data["accept_house_rules"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("wijk-home")
    return render(request, "wijk/join.html", {"form": form})


def house_rules(request):
    return _wijk_page_or_closed(request, "wijk/house_rules.html")


def neighbour_list(request):
    if not has_permission(request.actor, Perm.VIEW_NEIGHBOURS):
        return _not_member(request)
    return _wijk_page_or_closed(request, "wijk/neighbours.html", {"neighbours": neighbours()[:200]})


def neighbour_detail(request, membership_id: int):
    if not request.actor.is_member:
        return _not_member(request)
    try:
        neighbour = neighbour_for(request.actor, membership_id)
    except NotFound:
        raise Http404 from None
    return _wijk_page_or_closed(request, "wijk/neighbour.html", {"neighbour": neighbour})
