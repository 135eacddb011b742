"""The directory with its search, one provider with the request form, a provider's staff editing their own entry,
the list of one's requests, the provider's worklist, and one request with withdrawing (resident side) and answering
(provider side). Each write is a POST to its own address; permissions are decided by access.py and the actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.care.access import (
    help_request_for,
    help_requests_of,
    is_staff_of,
    own_provider_for,
    provider_for,
    staffed_providers,
    support_plans_of,
    visible_providers,
)
from wijkmarkt.tenants.care.actions import (
    ProviderEntry,
    answer_help_request,
    send_help_request,
    update_provider,
    withdraw_help_request,
)
from wijkmarkt.tenants.care.filters import ProviderFilter
from wijkmarkt.tenants.care.forms import AnswerForm, HelpRequestForm, ProviderEntryForm
from wijkmarkt.tenants.care.models import HelpRequest, HelpRequestStatus, Provider
from wijkmarkt.tenants.care.selectors import explain, worklist
from wijkmarkt.tenants.care.views.pages import care_page, help_facts
from wijkmarkt.tenants.marketplace.models import Profile, Street
from wijkmarkt.tenants.membership.pages import acting_choices, chosen_member, me, requires, writes_paused


@care_page
def directory(request):
    data = request.GET.copy()
    own = me(request)
    profile = Profile.objects.filter(member=own).first() if own else None
    if "near_street" not in data and profile is not None and profile.street_id:
        data["near_street"] = str(profile.street_id)
    filterset = ProviderFilter(
        data, queryset=visible_providers(request.actor).select_related("street"), areas=request.tenant.areas
    )
    page = paginate(request, filterset.qs if filterset.is_valid() else Provider.objects.none())
    slots = filterset.slots
    activities = list(filterset.form.cleaned_data.get("activity") or []) if filterset.is_valid() else []
    results = [(provider, explain(provider, slots, activities)) for provider in page]
    searched = any(request.GET.get(name) for name in ("activity", "days", "parts", "funding", "kind"))
    context = {
        "form": filterset.form,
        "page": page,
        "results": results,
        "searched": searched,
        "worklist": has_permission(request.actor, Perm.MANAGE_OWN_PROVIDER),
    }
    return render(request, "care/directory.html", context)


def _provider_page(request, provider: Provider, form=None, status=200):
    choices = acting_choices(request)
    context = {
        "provider": provider,
        **help_facts(provider.activities, provider.available),
        "form": form or HelpRequestForm(members=choices, initial={"activities": provider.activities[:1]}),
        "may_send": bool(choices) and not writes_paused(request),
        "staff": is_staff_of(request.actor, provider),
    }
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
                actor=request.actor,
                member=member,
                provider=provider,
                activities=form.cleaned_data["activities"],
                times=form.cleaned_data["times"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw verzoek is verstuurd. U ziet hier wanneer de aanbieder antwoordt."))
            return redirect("care:request", help_request.pk)
    return _provider_page(request, provider, form=form, status=400)


ENTRY_FIELDS = (
    "description",
    "activities",
    "areas",
    "available",
    "in_natura",
    "pgb",
    "street",
    "phone",
    "email",
    "address",
    "website",
)


@care_page
def provider_edit(request, provider_id: int):
    """A provider's own staff keep their entry up to date; for anyone else this page does not exist."""
    provider = own_provider_for(request.actor, provider_id)
    form = ProviderEntryForm(
        request.POST if request.method == "POST" else None,
        areas=request.tenant.areas,
        streets=Street.objects.all(),
        initial={name: getattr(provider, name) for name in ENTRY_FIELDS},
    )
    if form.is_bound and form.is_valid():
        try:
            update_provider(
                actor=request.actor, wijk=request.tenant, provider=provider, data=ProviderEntry(**form.cleaned_data)
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw gegevens zijn opgeslagen. Bewoners zien ze meteen."))
            return redirect("care:provider", provider.pk)
    context = {"provider": provider, "form": form}
    return render(request, "care/provider_edit.html", context, status=400 if form.is_bound else 200)


@care_page
def request_list(request):
    requests = help_requests_of(request.actor).order_by("-created_at")
    return render(request, "care/requests.html", {"page": paginate(request, requests)})


@care_page
@requires(Perm.MANAGE_OWN_PROVIDER)
def provider_worklist(request):
    """The provider's working day: requests to answer first, then the rest, with a status filter, and the
    support plans of their providers."""
    providers = list(staffed_providers(request.actor))
    status = request.GET.get("status") or ""
    if status not in HelpRequestStatus.values:
        status = ""
    requests = HelpRequest.objects.filter(provider__in=providers).select_related("provider", "member__user")
    plans = support_plans_of(request.actor).filter(provider__in=providers).order_by("member__user__first_name")
    context = {
        "providers": providers,
        "page": paginate(request, worklist(requests, status or None)),
        "status": status,
        "statuses": HelpRequestStatus.choices,
        "waiting": requests.filter(status=HelpRequestStatus.SENT).count(),
        "plans": plans,
        "may_answer": not writes_paused(request),
    }
    return render(request, "care/worklist.html", context)


def _request_page(request, help_request, answer_form=None, errors=None, status=200):
    staff = is_staff_of(request.actor, help_request.provider)
    writable = not writes_paused(request)
    context = {
        "help_request": help_request,
        **help_facts(help_request.activities, help_request.times),
        "staff": staff,
        "may_answer": staff and help_request.status == HelpRequestStatus.SENT and writable,
        "may_withdraw": help_request.status in (HelpRequestStatus.SENT, HelpRequestStatus.ACCEPTED)
        and not staff
        and writable,
        "may_plan": help_request.status == HelpRequestStatus.ACCEPTED
        and writable
        and (staff or has_permission(request.actor, Perm.ACT_FOR_RESIDENTS)),
        "plan": support_plans_of(request.actor)
        .filter(member=help_request.member, provider=help_request.provider)
        .first(),
        "answer_form": answer_form or AnswerForm(),
        "errors": errors or [],
    }
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
            answer_help_request(
                actor=request.actor,
                help_request=help_request,
                accept=decision == "aannemen",
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw antwoord is verstuurd."))
            if request.POST.get("terug") == "werklijst":
                return redirect("care:worklist")
            return redirect("care:request", help_request.pk)
    return _request_page(request, help_request, answer_form=form, status=400)
