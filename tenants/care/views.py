"""Household-help pages: the directory with its search, one provider with the request form, the list of one's
requests, and one request with withdrawing (resident side) and answering (provider side). Each write is a POST to
its own address; permissions are decided by access.py and the actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.care.access import (
    help_request_for,
    help_requests_of,
    is_staff_of,
    may_read_directory,
    provider_for,
    visible_providers,
)
from wijkmarkt.tenants.care.actions import answer_help_request, send_help_request, withdraw_help_request
from wijkmarkt.tenants.care.filters import ProviderFilter
from wijkmarkt.tenants.care.forms import AnswerForm, HelpRequestForm
from wijkmarkt.tenants.care.models import HelpRequestStatus, Provider
from wijkmarkt.tenants.care.selectors import activity_labels, explain, slot_label
from wijkmarkt.tenants.marketplace.forms import add_action_errors
from wijkmarkt.tenants.marketplace.models import Profile
from wijkmarkt.tenants.marketplace.views.pages import (
    acting_choices,
    chosen_member,
    me,
    module_page,
    paginate,
    writes_paused,
)

# Members of a wijk with household help switched on, and relatives acting as a member's proxy.
care_page = module_page(Module.CARE, may_enter=lambda request: may_read_directory(request.actor))


@care_page
def directory(request):
    data = request.GET.copy()
    own = me(request)
    profile = Profile.objects.filter(member=own).first() if own else None
    if "near_street" not in data and profile is not None and profile.street_id:
        data["near_street"] = str(profile.street_id)
    filterset = ProviderFilter(data, queryset=visible_providers(request.actor).select_related("street"))
    page = paginate(request, filterset.qs if filterset.is_valid() else Provider.objects.none())
    slots = filterset.slots
    activities = list(filterset.form.cleaned_data.get("activity") or []) if filterset.is_valid() else []
    results = [(provider, explain(provider, slots, activities)) for provider in page]
    searched = any(request.GET.get(name) for name in ("activity", "days", "parts", "funding", "kind"))
    return render(request, "care/directory.html", {"form": filterset.form, "page": page, "results": results,
                                                   "searched": searched})  # fmt: skip


def _provider_page(request, provider: Provider, form=None, status=200):
    choices = acting_choices(request)
    context = {
        "provider": provider,
        "activities": activity_labels(provider.activities),
        "times": [slot_label(slot) for slot in provider.available],
        "form": form or HelpRequestForm(members=choices, initial={"activities": provider.activities[:1]}),
        "may_send": bool(choices) and not writes_paused(request),
        "staff": is_staff_of(request.actor, provider),
    }  # fmt: skip
    return render(request, "care/provider.html", context, status=status)


@care_page
def provider_detail(request, provider_id: int):
    return _provider_page(request, provider_for(request.actor, provider_id))


@care_page
@require_POST
def send(request, provider_id: int):
    provider = provider_for(request.actor, provider_id)
    choices = acting_choices(request)
    form = HelpRequestForm(request.POST, members=choices)
    if form.is_valid():
        try:
            member = chosen_member(request, form.on_behalf_of_id(), choices)
            help_request = send_help_request(
                actor=request.actor, member=member, provider=provider, activities=form.cleaned_data["activities"],
                times=form.cleaned_data["times"], note=form.cleaned_data["note"],
            )  # fmt: skip
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw verzoek is verstuurd. U ziet hier wanneer de aanbieder antwoordt."))
            return redirect("care:request", help_request.pk)
    return _provider_page(request, provider, form=form, status=400)


@care_page
def request_list(request):
    requests = help_requests_of(request.actor).order_by("-created_at")
    return render(request, "care/requests.html", {"page": paginate(request, requests)})


def _request_page(request, help_request, answer_form=None, errors=None, status=200):
    staff = is_staff_of(request.actor, help_request.provider)
    context = {
        "help_request": help_request,
        "activity_labels": activity_labels(help_request.activities),
        "times": [slot_label(slot) for slot in help_request.times],
        "staff": staff,
        "may_answer": staff and help_request.status == HelpRequestStatus.SENT and not writes_paused(request),
        "may_withdraw": help_request.status in (HelpRequestStatus.SENT, HelpRequestStatus.ACCEPTED)
        and not staff and not writes_paused(request),
        "answer_form": answer_form or AnswerForm(),
        "errors": errors or [],
    }  # fmt: skip
    return render(request, "care/request.html", context, status=status)


@care_page
def request_detail(request, request_id: int):
    return _request_page(request, help_request_for(request.actor, request_id))


@care_page
@require_POST
def withdraw(request, request_id: int):
    help_request = help_request_for(request.actor, request_id)
    try:
        withdraw_help_request(actor=request.actor, help_request=help_request)
    except ValidationError as error:
        return _request_page(request, help_request, errors=error.messages, status=400)
    messages.success(request, _("Uw verzoek is ingetrokken."))
    return redirect("care:request", help_request.pk)


@care_page
@require_POST
def answer(request, request_id: int):
    help_request = help_request_for(request.actor, request_id)
    form = AnswerForm(request.POST)
    decision = request.POST.get("besluit")
    if decision not in ("aannemen", "afwijzen"):
        form.add_error(None, _("Kies Aannemen of Afwijzen."))
    if form.is_valid():
        try:
            answer_help_request(actor=request.actor, help_request=help_request, accept=decision == "aannemen",
                                message=form.cleaned_data["message"])  # fmt: skip
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw antwoord is verstuurd."))
            return redirect("care:request", help_request.pk)
    return _request_page(request, help_request, answer_form=form, status=400)
