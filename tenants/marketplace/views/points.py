"""The "Mijn punten" page of a wijk with points on: the member's statement and a form to give points to a member of
any wijk with points on (by e-mail, or by name and wijk). In a wijk with points off the page does not exist (404).
Permissions and rules are decided by actions.points.give_points; a refusal becomes the shared refusal page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.ledger.selectors import statement
from wijkmarkt.tenants.marketplace.actions.points import give_points
from wijkmarkt.tenants.marketplace.forms import GiveForm, new_key
from wijkmarkt.tenants.membership.pages import acting_choices, chosen_member, module_page

# Points are no module but a switch on the wijk; the page is for its members only (not for their proxies).
points_page = module_page(lambda wijk: wijk.points_enabled, may_enter=lambda request: request.actor.is_member)


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
