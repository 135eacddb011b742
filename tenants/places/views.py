"""Pages of "In de wijk": the partners active in this wijk (their offer here and contact person), the meeting places
and the counters with opening hours, for everyone, logged in or not; and for the wijk admin, adding, changing and
removing places. Permissions are decided by the actions; a refusal becomes the shared refusal page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.partners.selectors import partners_in_wijk
from wijkmarkt.tenants.membership.pages import anyone, module_page
from wijkmarkt.tenants.places.access import place_for
from wijkmarkt.tenants.places.actions import remove_place, save_place
from wijkmarkt.tenants.places.forms import PlaceForm
from wijkmarkt.tenants.places.models import PlaceKind
from wijkmarkt.tenants.places.selectors import counters, meeting_places, places

# Open to everyone while the wijk's site is visible, in every wijk (no module switches it off); a write the actions
# refuse (a paused wijk, anyone without Perm.MANAGE_PLACES) is a page that says so; a place not in this wijk is a 404.
places_page = module_page(None, may_enter=anyone)


def _require_manager(request) -> None:
    if not has_permission(request.actor, Perm.MANAGE_PLACES):
        raise PermissionDenied(Perm.MANAGE_PLACES)


@places_page
def in_de_wijk(request):
    context = {
        "partners": partners_in_wijk(request.tenant),
        "meeting_places": meeting_places(),
        "counters": counters(),
        "may_manage": has_permission(request.actor, Perm.MANAGE_PLACES) and not request.actor.paused,
    }
    return render(request, "places/in_de_wijk.html", context)


@places_page
def manage(request):
    _require_manager(request)
    return render(request, "places/manage.html", {"places": places().order_by("kind", "name")})


def _form_page(request, form, place=None, status=200):
    return render(request, "places/place_form.html", {"form": form, "place": place}, status=status)


def _save(request, place=None):
    form = PlaceForm(request.POST)
    if form.is_valid():
        data = form.to_input()
        if data is not None:
            try:
                saved = save_place(actor=request.actor, data=data, place=place)
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, _("%(name)s is opgeslagen.") % {"name": saved.name})
                return redirect("places:manage")
    return _form_page(request, form, place, status=400)


@places_page
def add(request):
    _require_manager(request)
    if request.method == "POST":
        return _save(request)
    kind = PlaceKind.COUNTER if request.GET.get("soort") == "loket" else PlaceKind.MEETING_PLACE
    return _form_page(request, PlaceForm(initial={"kind": kind}))


@places_page
def change(request, place_id: int):
    _require_manager(request)
    place = place_for(place_id)
    if request.method == "POST":
        return _save(request, place)
    return _form_page(request, PlaceForm(initial=PlaceForm.initial_for(place)), place)


@places_page
@require_POST
def remove(request, place_id: int):
    _require_manager(request)
    place = place_for(place_id)
    remove_place(actor=request.actor, place=place)
    messages.success(request, _("%(name)s is verwijderd.") % {"name": place.name})
    return redirect("places:manage")
