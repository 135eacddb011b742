"""Mijn gegevens: everything this wijk holds about a member on one plain page and as one JSON download, the erasure
with a confirmation step that says what happens, and the makelaar's privacy log. `?voor=<member id>` asks for
someone else (a proxy's relative, the makelaar's offline resident); anyone else's id is a 404 that says so."""

from functools import wraps

from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.models import PlacedAs
from wijkmarkt.tenants.membership.pages import module_page, requires
from wijkmarkt.tenants.privacy.access import subject_for
from wijkmarkt.tenants.privacy.actions import erase_member, export_member_data
from wijkmarkt.tenants.privacy.errors import NOT_REACHABLE
from wijkmarkt.tenants.privacy.export import export_json
from wijkmarkt.tenants.privacy.forms import ErasureForm
from wijkmarkt.tenants.privacy.models import Channel
from wijkmarkt.tenants.privacy.selectors import is_erased, privacy_requests

member_page = module_page(Module.MARKETPLACE)


def for_subject(view):
    """A page about one member: the one `?voor=<id>` names, or the viewer. Someone the viewer may not act for, a
    wrong id and another wijk's id all get the same page that says so (404), and nothing is logged."""

    @wraps(view)
    def page(request):
        raw = request.GET.get("voor", "").strip()
        try:
            if raw and not raw.isdigit():
                raise NotFound
            member, as_ = subject_for(request.actor, int(raw) if raw else None)
        except NotFound:
            return render(request, "privacy/not_found.html", {"message": NOT_REACHABLE}, status=404)
        own = as_ == PlacedAs.SELF
        return view(request, member, as_, {"member": member, "own": own, "voor": "" if own else f"?voor={member.pk}"})

    return page


@member_page
@for_subject
def my_data(request, member, as_, context):
    export = export_member_data(request.actor, member=member, via=Channel.PAGE)
    may_read_log = has_permission(request.actor, Perm.KEEP_CASES)
    context = {**context, "export": export, "erased": is_erased(member), "may_read_log": may_read_log}
    return render(request, "privacy/mine.html", context)


@member_page
@for_subject
def download(request, member, as_, context):
    export = export_member_data(request.actor, member=member, via=Channel.PAGE)
    response = HttpResponse(export_json(export), content_type="application/json; charset=utf-8")
    filename = f"mijn-gegevens-{request.tenant.schema_name}-{export.made_at:%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@member_page
@for_subject
def erase(request, member, as_, context):
    form = ErasureForm(request.POST if request.method == "POST" else None)
    context = {**context, "form": form}
    if is_erased(member):
        return render(request, "privacy/erased.html", {**context, "already": True})
    if request.method == "POST" and form.is_valid():
        try:
            erase_member(request.actor, member=member, confirm=form.cleaned_data["confirm"], via=Channel.PAGE)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            if as_ == PlacedAs.SELF:
                logout(request)  # this wijk no longer knows them; an anonymised account cannot log in at all
            return render(request, "privacy/erased.html", context)
    return render(request, "privacy/erase.html", context, status=400 if form.errors else 200)


@member_page
@requires(Perm.KEEP_CASES)
def request_log(request):
    page = paginate(request, privacy_requests(), per_page=50)
    return render(request, "privacy/log.html", {"page": page})
