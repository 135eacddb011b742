"""The "Mijn punten" page of a wijk with points on: the member's statement and a form to give points to a member of
any wijk with points on (by e-mail, or by name and wijk). In a wijk with points off the page does not exist (404).
Permissions and rules are decided by actions.points.give_points; a refusal becomes the shared refusal page."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.ledger.selectors import statement
from wijkmarkt.tenants.marketplace.actions.points import give_points
from wijkmarkt.tenants.marketplace.forms import GiveForm, new_key
from wijkmarkt.tenants.membership.pages import acting_choices, chosen_member, refused


def points_page(view):
    """Members of a visible wijk with points on; anything else is a 404 (points off shows no points anywhere) or,
    for visitors, the members-only page."""

    @wraps(view)
    def page(request, *args, **kwargs):
        wijk = request.tenant
        if not wijk.site_visible:
            return render(request, "wijk/not_open.html")
        if not wijk.points_enabled:
            raise Http404
        if not request.actor.is_member:
            return render(request, "wijk/members_only.html", status=403)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return refused(request, refusal)

    return page


def _page(request, form, status=200):
    context = {"statement": statement(request.user), "form": form}
    return render(request, "marketplace/points.html", context, status=status)


@points_page
def my_points(request):
    return _page(request, GiveForm(members=acting_choices(request)))


@points_page
@require_POST
def give(request):
    choices = acting_choices(request)
    form = GiveForm(request.POST, members=choices)
    if form.is_valid():
        giver = chosen_member(request, form.on_behalf_of_id(), choices)
        data = form.cleaned_data
        try:
            transfer = give_points(
                actor=request.actor,
                giver=giver,
                wijk=request.tenant,
                amount=data["amount"],
                key=data["key"] or new_key(),
                email=data["email"],
                name=data["name"],
                wijk_slug=data["wijk"],
                note=data["note"],
            )
        except ValidationError as error:
            add_action_errors(form, error, rename={"idempotency_key": None})
        else:
            recipient = transfer.to_account.user
            messages.success(
                request,
                _("%(giver)s gaf %(amount)s punten aan %(name)s (%(wijk)s).")
                % {
                    "giver": giver.user.first_name,
                    "amount": transfer.amount,
                    "name": recipient.first_name,
                    "wijk": transfer.to_wijk.name,
                },
            )
            return redirect("marketplace:points")
    return _page(request, form, status=400)
