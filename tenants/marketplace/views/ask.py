"""Hulp vragen in three steps, for people who find forms hard: 1 what, 2 when, 3 how to reach you. One question
per page, large buttons, back is always possible, no JavaScript: the answers travel along as hidden fields, so
nothing is stored until the last step, which places the request through the same actions as the full form."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wijkmarkt.platform.accounts.permissions import Perm, require_writes_open
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.tenants.marketplace import selectors
from wijkmarkt.tenants.marketplace.actions.listings import publish_listing
from wijkmarkt.tenants.marketplace.actions.profiles import update_profile
from wijkmarkt.tenants.marketplace.forms import AskForm, profile_input_from
from wijkmarkt.tenants.marketplace.models import Profile
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.access import acts_for
from wijkmarkt.tenants.membership.models import PlacedAs
from wijkmarkt.tenants.membership.pages import acting_choices, chosen_member

STEP_TITLES = {
    1: gettext_lazy("Waar heeft u hulp bij nodig?"),
    2: gettext_lazy("Wanneer heeft u hulp nodig?"),
    3: gettext_lazy("Hoe kunnen buren u bereiken?"),
}
ANSWER_FIELDS = (
    "category",
    "title",
    "details",
    "moment",
    "on_date",
    "contact_way",
    "phone",
    "show_phone",
    "on_behalf_of",
)


def _render(request, form, step: int):
    context = {
        "form": form,
        "step": step,
        "step_title": STEP_TITLES[step],
        "categories": selectors.categories_active(),
        "chosen_category": str(form["category"].value() or ""),
        "carried": form.carried_fields(step),
    }
    return render(request, "marketplace/ask.html", context)


def _answers(request) -> dict:
    return {name: request.POST.get(name) for name in ANSWER_FIELDS if request.POST.get(name) not in (None, "")}


def _may_update_profile(request, owner) -> bool:
    """update_profile accepts the member themselves and the makelaar with their consent; a proxy leaves the profile
    alone."""
    return owner.user_id == request.actor.user.pk or acts_for(request.actor, owner) == PlacedAs.MAKELAAR


def _contact_changes(form, profile: Profile) -> dict:
    data = form.cleaned_data
    changes = {"contact_way": data.get("contact_way") or profile.contact_way}
    if (data.get("phone") or "").strip():
        changes["phone"] = data["phone"]
        changes["show_phone"] = bool(data.get("show_phone"))
    return changes


@marketplace_page
@require_http_methods(["GET", "POST"])
def ask(request):
    require_writes_open(request.actor)  # the wizard's first page already leads to a write
    members = acting_choices(request)
    if not members:
        raise PermissionDenied("suspended" if request.actor.suspended else Perm.PUBLISH_LISTING)
    if request.method == "GET":
        initial = {"category": request.GET.get("soort", "")}
        own = Profile.objects.filter(member__user=request.user).first()
        if own is not None:
            initial.update(contact_way=own.contact_way, phone=own.phone, show_phone=own.show_phone)
        return _render(request, AskForm(initial=initial, members=members), 1)

    try:
        step = min(max(int(request.POST.get("step", 1)), 1), 3)
    except ValueError:
        step = 1
    if "back" in request.POST:
        return _render(request, AskForm(initial=_answers(request), members=members), max(step - 1, 1))
    form = AskForm(request.POST, members=members)
    form.is_valid()  # parses dates; what is missing is checked per step
    if not form.check_step(step):
        return _render(request, form, step)
    if step < 3:
        return _render(request, AskForm(initial=_answers(request), members=members), step + 1)
    return _publish(request, form, members)


def _publish(request, form: AskForm, members):
    owner = chosen_member(request, form.on_behalf_of_id(), members)
    try:
        with transaction.atomic():  # the contact way and the request are saved together, or neither
            if _may_update_profile(request, owner):
                profile = Profile.objects.filter(member=owner).first() or Profile(member=owner)
                update_profile(
                    actor=request.actor,
                    member=owner,
                    data=profile_input_from(profile, **_contact_changes(form, profile)),
                )
            listing = publish_listing(
                actor=request.actor, wijk=request.tenant, owner=owner, data=form.to_input(timezone.localdate())
            )
    except ValidationError as error:
        fields = getattr(error, "error_dict", {}).keys()
        step = min((AskForm.ERROR_STEPS.get(field, 3) for field in fields), default=3)
        add_action_errors(form, error, rename=AskForm.ERROR_FIELDS)
        return _render(request, form, step)
    messages.success(request, _("Uw vraag staat op de Wijkmarkt. U krijgt bericht als een buur reageert."))
    return redirect("marketplace:listing", listing.pk)
