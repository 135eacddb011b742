"""Support-plan pages: drawing one up from an accepted request, the plan with its versions and agreements, a new
version, agreeing, the print page, and the satisfaction survey. Every page that shows a plan's content reads it
through access.read_plan, so a read by anyone but the resident is in the access log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.care.access import (
    help_request_for,
    is_professional_on,
    read_plan,
    support_plan_for,
    support_plans_of,
)
from wijkmarkt.tenants.care.actions import (
    PlanInput,
    agree_support_plan,
    record_satisfaction,
    revise_support_plan,
    start_support_plan,
)
from wijkmarkt.tenants.care.forms import PlanForm, SatisfactionForm
from wijkmarkt.tenants.care.models import DEFAULT_RESULT, SATISFACTION_QUESTIONS, PlanSide, SupportPlan
from wijkmarkt.tenants.care.selectors import plan_state, with_versions
from wijkmarkt.tenants.care.views.pages import care_page
from wijkmarkt.tenants.membership.access import is_proxy_of
from wijkmarkt.tenants.membership.pages import acting_choices, chosen_member, requires, writes_paused
from wijkmarkt.tenants.privacy.models import Channel

# The form's three date fields carry the action's one `review_dates` error.
REVIEW_FIELDS = {"review_dates": "review_1"}


def _plan_input(form: PlanForm) -> PlanInput:
    data = form.cleaned_data
    return PlanInput(
        result=data["result"],
        resident_part=data["resident_part"],
        network_part=data["network_part"],
        provider_part=data["provider_part"],
        review_dates=form.review_dates(),
    )


def _read(request, plan_id: int) -> SupportPlan:
    plan = support_plan_for(request.actor, plan_id)
    plan = with_versions(SupportPlan.objects.select_related("member__user", "provider").filter(pk=plan.pk)).get()
    return read_plan(request.actor, plan, via=Channel.PAGE)


def _side(request, plan: SupportPlan) -> str | None:
    user = request.actor.user
    if plan.member.user_id == user.pk or is_proxy_of(user, plan.member):
        return PlanSide.RESIDENT
    return PlanSide.PROFESSIONAL if is_professional_on(request.actor, plan) else None


@care_page
def plan_list(request):
    plans = support_plans_of(request.actor).order_by("member__user__first_name", "-created_at")
    context = {"page": paginate(request, plans), "may_start": has_permission(request.actor, Perm.ACT_FOR_RESIDENTS)}
    return render(request, "care/plans.html", context)


@care_page
def plan_start(request, request_id: int):
    """The provider's staff (or the makelaar) draw up a plan from an accepted request for help."""
    help_request = help_request_for(request.actor, request_id)
    if not has_permission(request.actor, Perm.DRAW_UP_SUPPORT_PLAN):
        return redirect("care:request", help_request.pk)
    form = PlanForm(request.POST if request.method == "POST" else None, initial={"result": DEFAULT_RESULT})
    if form.is_bound and form.is_valid():
        try:
            plan = start_support_plan(
                actor=request.actor, member=help_request.member, provider=help_request.provider, data=_plan_input(form)
            )
        except ValidationError as error:
            add_action_errors(form, error, rename=REVIEW_FIELDS)
        else:
            messages.success(request, _("Het plan is opgeslagen. Lees het samen door en geef allebei akkoord."))
            return redirect("care:plan", plan.pk)
    context = {"form": form, "help_request": help_request, "member": help_request.member}
    return render(request, "care/plan_form.html", context, status=400 if form.is_bound else 200)


@care_page
@requires(Perm.ACT_FOR_RESIDENTS)
def plan_new(request):
    """The makelaar draws up a plan with a resident without a provider (their own network and the neighbourhood)."""
    choices = acting_choices(request)
    form = PlanForm(
        request.POST if request.method == "POST" else None, initial={"result": DEFAULT_RESULT}, members=choices
    )
    if form.is_bound and form.is_valid():
        try:
            member = chosen_member(request, form.on_behalf_of_id(), choices)
            plan = start_support_plan(actor=request.actor, member=member, provider=None, data=_plan_input(form))
        except ValidationError as error:
            add_action_errors(form, error, rename=REVIEW_FIELDS)
        else:
            messages.success(request, _("Het plan is opgeslagen. Lees het samen door en geef allebei akkoord."))
            return redirect("care:plan", plan.pk)
    return render(request, "care/plan_form.html", {"form": form}, status=400 if form.is_bound else 200)


@care_page
def plan_detail(request, plan_id: int):
    plan = _read(request, plan_id)
    state = plan_state(plan)
    side = _side(request, plan)
    writable = not writes_paused(request)
    context = {
        "plan": plan,
        "state": state,
        "versions": sorted(plan.versions.all(), key=lambda v: -v.number),
        "measurements": list(plan.measurements.all()),
        "questions": SATISFACTION_QUESTIONS,
        "may_agree": writable
        and side is not None
        and not (state.resident_agreed if side == PlanSide.RESIDENT else state.professional_agreed),
        "may_revise": writable and side == PlanSide.PROFESSIONAL,
        "may_measure": writable and side is not None,
    }
    return render(request, "care/plan.html", context)


@care_page
def plan_print(request, plan_id: int):
    plan = _read(request, plan_id)
    return render(request, "care/plan_print.html", {"plan": plan, "state": plan_state(plan)})


@care_page
def plan_revise(request, plan_id: int):
    plan = _read(request, plan_id)
    if not is_professional_on(request.actor, plan):
        raise PermissionDenied(Perm.DRAW_UP_SUPPORT_PLAN)
    current = plan_state(plan).current
    initial = {
        "result": current.result,
        "resident_part": current.resident_part,
        "network_part": current.network_part,
        "provider_part": current.provider_part,
        **{f"review_{n}": day for n, day in enumerate(current.review_dates[:3], start=1)},
    }
    form = PlanForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            version = revise_support_plan(actor=request.actor, plan=plan, data=_plan_input(form))
        except ValidationError as error:
            add_action_errors(form, error, rename=REVIEW_FIELDS)
        else:
            messages.success(
                request,
                _("Versie %(number)s is opgeslagen. Geef allebei opnieuw akkoord.") % {"number": version.number},
            )
            return redirect("care:plan", plan.pk)
    context = {"form": form, "plan": plan, "member": plan.member}
    return render(request, "care/plan_form.html", context, status=400 if form.is_bound else 200)


@care_page
@require_POST
def plan_agree(request, plan_id: int):
    plan = support_plan_for(request.actor, plan_id)
    try:
        number = int(request.POST.get("versie", ""))
    except ValueError:
        number = 0
    try:
        agree_support_plan(actor=request.actor, plan=plan, version_number=number)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Uw akkoord is opgeslagen."))
    return redirect("care:plan", plan.pk)


@care_page
def satisfaction(request, plan_id: int):
    plan = _read(request, plan_id)
    form = SatisfactionForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            record_satisfaction(
                actor=request.actor,
                plan=plan,
                moment=form.cleaned_data["moment"],
                scores=form.scores(),
                measured_on=form.day(),
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Dank u wel. De antwoorden zijn opgeslagen."))
            return redirect("care:plan", plan.pk)
    context = {"form": form, "plan": plan}
    return render(request, "care/satisfaction.html", context, status=400 if form.is_bound else 200)
