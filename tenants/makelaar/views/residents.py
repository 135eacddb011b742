"""The makelaar's residents: registering someone who is not online, the resident's page (consent, cases, what was
done for them), a login later, and the resident's own page of their cases and of what others did for them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.makelaar.access import keeps_cases, may_see_resident, offline_of, own_cases, resident_for
from wijkmarkt.tenants.makelaar.actions.residents import (
    invite_to_log_in,
    is_placeholder_email,
    register_offline_resident,
)
from wijkmarkt.tenants.makelaar.forms import ConsentForm, InviteForm, RegisterResidentForm, ResidentSearchForm
from wijkmarkt.tenants.makelaar.selectors import acting_for_log, offline_residents, search_residents
from wijkmarkt.tenants.makelaar.views.pages import makelaar_page, member_page
from wijkmarkt.tenants.marketplace.selectors import notifications_of
from wijkmarkt.tenants.membership.access import NotFound, has_act_for_consent
from wijkmarkt.tenants.membership.actions.consent import record_consent, withdraw_consent
from wijkmarkt.tenants.membership.models import Consent, Membership
from wijkmarkt.tenants.membership.pages import me
from wijkmarkt.tenants.privacy.actions import record_read
from wijkmarkt.tenants.privacy.models import Channel, Sensitive


@makelaar_page(Perm.REGISTER_RESIDENTS)
def resident_list(request):
    form = ResidentSearchForm(request.GET)
    residents = offline_residents()
    if form.is_valid() and form.cleaned_data["q"]:
        residents = search_residents(Membership.objects.select_related("user", "offline"), form.cleaned_data["q"])
        residents = residents.order_by("user__first_name", "id")
    return render(
        request,
        "makelaar/residents.html",
        {
            "form": form,
            "page": paginate(request, residents),
            "searched": bool(form.is_valid() and form.cleaned_data["q"]),
        },
    )


@makelaar_page(Perm.REGISTER_RESIDENTS)
@require_http_methods(["GET", "POST"])
def register(request):
    form = RegisterResidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = register_offline_resident(actor=request.actor, wijk=request.tenant, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is ingeschreven. U kunt nu namens hem of haar hulp vragen.")
                % {"name": member.user.first_name},
            )
            return redirect("makelaar:resident", member.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "makelaar/register.html", {"form": form}, status=status)


def _resident_page(request, member, consent_form=None, invite_form=None, status=200):
    context = {
        "member": member,
        "offline": offline_of(member),
        "needs_login": is_placeholder_email(member.user.email),
        "consents": Consent.objects.filter(member=member).select_related("recorded_by", "withdrawn_by"),
        "may_act_for": has_act_for_consent(member),
        "cases": member.cases.select_related("makelaar").order_by("-opened_at"),
        "log": acting_for_log(member)[:100],
        # A resident who is not online never reads their notifications: the makelaar passes them on.
        "notifications": notifications_of(member)[:20] if offline_of(member) else [],
        "consent_form": consent_form or ConsentForm(),
        "invite_form": invite_form or InviteForm(),
    }
    return render(request, "makelaar/resident.html", context, status=status)


@makelaar_page(Perm.KEEP_CASES)
def resident(request, member_id: int):
    return _resident_page(request, resident_for(request.actor, member_id))


@makelaar_page(Perm.KEEP_CASES)
@require_POST
def consent_add(request, member_id: int):
    member = resident_for(request.actor, member_id)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            record_consent(actor=request.actor, member=member, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("De toestemming is genoteerd."))
            return redirect("makelaar:resident", member.pk)
    return _resident_page(request, member, consent_form=form, status=400)


@member_page
@require_POST
def consent_withdraw(request, consent_id: int):
    """The resident, their proxy or the makelaar writes down that a consent is withdrawn."""
    consent = Consent.objects.select_related("member__user").filter(pk=consent_id).first()
    if consent is None or not may_see_resident(request.actor, consent.member):
        raise NotFound
    try:
        withdraw_consent(actor=request.actor, consent=consent)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De toestemming is ingetrokken."))
    own = me(request)
    if keeps_cases(request.actor) and (own is None or own.pk != consent.member_id):
        return redirect("makelaar:resident", consent.member_id)
    return redirect("makelaar:mine")


@makelaar_page(Perm.REGISTER_RESIDENTS)
@require_POST
def invite(request, member_id: int):
    member = resident_for(request.actor, member_id)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invite_to_log_in(
                actor=request.actor,
                member=member,
                email=form.cleaned_data["email"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("De e-mail is verstuurd. De bewoner kiest daarmee zelf een wachtwoord."))
            return redirect("makelaar:resident", member.pk)
    return _resident_page(request, member, invite_form=form, status=400)


@member_page
def mine(request):
    """The resident's own page: their cases (summary), their consents and what others did in their name; a proxy
    sees the same for the residents they act for, and each case summary they read is logged."""
    people = []
    for member in _people_of(request):
        cases = list(own_cases(request.actor).filter(member=member).order_by("-opened_at"))
        for case in cases:
            record_read(request.actor, subject=member, what=Sensitive.CASE, object_id=case.pk, via=Channel.PAGE)
        people.append(
            {
                "member": member,
                "cases": cases,
                "consents": Consent.objects.filter(member=member).select_related("recorded_by"),
                "log": acting_for_log(member)[:50],
            }
        )
    return render(request, "makelaar/mine.html", {"people": people})


def _people_of(request) -> list[Membership]:
    """The viewer's own membership, then the residents they are the registered proxy of."""
    own = me(request)
    principals = Membership.objects.select_related("user").filter(
        proxies__user=request.actor.user, proxies__revoked_at__isnull=True
    )
    people = [own] if own is not None else []
    return people + [member for member in principals.distinct() if own is None or member.pk != own.pk]
