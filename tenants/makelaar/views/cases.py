"""The makelaar's worklist and cases: what is due (overdue first, filters, keyboard friendly), opening a case for a
resident, the case page (every view is written to the access log), keeping it current, closing it, and the warm
hand-over to a partner's contact person with its outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.makelaar.access import case_for, cases_kept_by, hand_over_for, resident_for
from wijkmarkt.tenants.makelaar.actions.cases import (
    close_case,
    hand_over_case,
    open_case,
    record_hand_over_outcome,
    update_case,
)
from wijkmarkt.tenants.makelaar.forms import CaseForm, CaseUpdateForm, HandOverForm, OutcomeForm, WorklistForm
from wijkmarkt.tenants.makelaar.models import CaseStatus, HandOverStatus
from wijkmarkt.tenants.makelaar.selectors import Due, acting_for_log, hand_over_contacts, worklist
from wijkmarkt.tenants.makelaar.views.pages import makelaar_page
from wijkmarkt.tenants.privacy.actions import record_read
from wijkmarkt.tenants.privacy.models import Channel, Sensitive

# A working day fits on one page.
WORKLIST_PAGE = 50


@makelaar_page()
def worklist_page(request):
    form = WorklistForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    cases = worklist(
        cases_kept_by(request.actor),
        due=filters.get("due") or Due.ALL,
        status=filters.get("status") or "",
        makelaar=request.user if filters.get("mine") else None,
    )
    page = paginate(request, cases, per_page=WORKLIST_PAGE)
    return render(request, "makelaar/worklist.html", {"form": form, "page": page, "today": timezone.localdate()})


@makelaar_page()
@require_http_methods(["GET", "POST"])
def case_new(request, member_id: int):
    member = resident_for(request.actor, member_id)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = open_case(actor=request.actor, member=member, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Het dossier is aangemaakt."))
            return redirect("makelaar:case", case.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "makelaar/case_new.html", {"form": form, "member": member}, status=status)


def _case_page(
    request, case, *, update_form=None, close_form=None, hand_over_form=None, outcome_forms=None, status=200
):
    record_read(request.actor, subject=case.member, what=Sensitive.CASE, object_id=case.pk, via=Channel.PAGE)
    contacts = hand_over_contacts(request.tenant)
    hand_overs = list(case.hand_overs.select_related("handed_over_by"))
    outcome_forms = outcome_forms or {}
    context = {
        "case": case,
        "is_open": case.status != CaseStatus.CLOSED,
        "update_form": update_form
        or CaseUpdateForm(
            initial={
                "question": case.question,
                "agreements": case.agreements,
                "follow_up_on": case.follow_up_on,
                "status": case.status,
            }
        ),
        "close_form": close_form or OutcomeForm(prefix="afsluiten"),
        "hand_over_form": hand_over_form or HandOverForm(contacts=contacts),
        "hand_overs": [
            (hand_over, outcome_forms.get(hand_over.pk) or OutcomeForm(prefix=f"uitkomst-{hand_over.pk}"))
            for hand_over in hand_overs
        ],
        "open_status": HandOverStatus.OPEN,
        "log": acting_for_log(case.member)[:50],
        "today": timezone.localdate(),
    }
    return render(request, "makelaar/case.html", context, status=status)


@makelaar_page()
def case_detail(request, case_id: int):
    return _case_page(request, case_for(request.actor, case_id))


@makelaar_page()
@require_POST
def case_update(request, case_id: int):
    case = case_for(request.actor, case_id)
    form = CaseUpdateForm(request.POST)
    if form.is_valid():
        try:
            update_case(actor=request.actor, case=case, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Het dossier is bijgewerkt."))
            return redirect("makelaar:case", case.pk)
    return _case_page(request, case, update_form=form, status=400)


@makelaar_page()
@require_POST
def case_close(request, case_id: int):
    case = case_for(request.actor, case_id)
    form = OutcomeForm(request.POST, prefix="afsluiten")
    if form.is_valid():
        try:
            close_case(actor=request.actor, case=case, outcome=form.cleaned_data["outcome"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Het dossier is afgesloten."))
            return redirect("makelaar:case", case.pk)
    return _case_page(request, case, close_form=form, status=400)


@makelaar_page()
@require_POST
def case_hand_over(request, case_id: int):
    case = case_for(request.actor, case_id)
    contacts = list(hand_over_contacts(request.tenant))
    form = HandOverForm(request.POST, contacts=contacts)
    if form.is_valid():
        data = dict(form.cleaned_data)
        chosen = data.pop("contact")
        data["contact"] = next((person for person in contacts if str(person.pk) == chosen), None)
        if data["contact"] is None and not (data["organisation"] or data["contact_name"]):
            form.add_error("contact", _("Kies een contactpersoon, of vul hieronder naam en organisatie in."))
        else:
            try:
                hand_over_case(actor=request.actor, case=case, **data)
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, _("De overdracht is vastgelegd. Schrijf de uitkomst op als u die hoort."))
                return redirect("makelaar:case", case.pk)
    return _case_page(request, case, hand_over_form=form, status=400)


@makelaar_page()
@require_POST
def hand_over_outcome(request, hand_over_id: int):
    hand_over = hand_over_for(request.actor, hand_over_id)
    form = OutcomeForm(request.POST, prefix=f"uitkomst-{hand_over.pk}")
    if form.is_valid():
        try:
            record_hand_over_outcome(actor=request.actor, hand_over=hand_over, outcome=form.cleaned_data["outcome"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("De uitkomst van de overdracht is opgeschreven."))
            return redirect("makelaar:case", hand_over.case_id)
    case = case_for(request.actor, hand_over.case_id)
    return _case_page(request, case, outcome_forms={hand_over.pk: form}, status=400)
