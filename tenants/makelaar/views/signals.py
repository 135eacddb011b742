"""Signals on pages: any member reports a worry (and later sees only that it arrived and was handled); the wijk's
makelaars see the list and each signal, every view written to the access log, take it up and close it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.platform.forms import add_action_errors, as_int
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.makelaar.access import signal_for, signals_handled_by, signals_reported_by
from wijkmarkt.tenants.makelaar.actions.signals import (
    close_signal,
    link_signal_to_resident,
    report_signal,
    take_up_signal,
)
from wijkmarkt.tenants.makelaar.forms import FollowUpForm, OutcomeForm, ResidentSearchForm, SignalForm
from wijkmarkt.tenants.makelaar.models import SignalStatus
from wijkmarkt.tenants.makelaar.selectors import search_residents
from wijkmarkt.tenants.makelaar.views.pages import makelaar_page, member_page
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.pages import requires
from wijkmarkt.tenants.membership.selectors import neighbours
from wijkmarkt.tenants.privacy.actions import record_read
from wijkmarkt.tenants.privacy.models import Channel, Sensitive


@member_page
@requires(Perm.REPORT_SIGNAL)
@require_http_methods(["GET", "POST"])
def report(request):
    form = SignalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_signal(actor=request.actor, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Dank u wel. De sociaal makelaar heeft uw melding ontvangen en kijkt ernaar."))
            return redirect("makelaar:report")
    mine = signals_reported_by(request.actor).order_by("-created_at")[:20]
    status = 400 if request.method == "POST" else 200
    return render(
        request, "makelaar/report.html", {"form": form, "mine": mine, "closed": SignalStatus.CLOSED}, status=status
    )


@makelaar_page(Perm.HANDLE_SIGNALS)
def signal_list(request):
    show = request.GET.get("toon")
    signals = signals_handled_by(request.actor).select_related("about_member__user", "taken_by")
    signals = signals if show == "alle" else signals.exclude(status=SignalStatus.CLOSED)
    page = paginate(request, signals.order_by("-created_at", "-id"))
    for signal in page:  # the list names whom each signal is about: a read like any other
        record_read(
            request.actor, subject=signal.about_member, what=Sensitive.SIGNAL, object_id=signal.pk, via=Channel.PAGE
        )
    return render(request, "makelaar/signals.html", {"page": page, "show_all": show == "alle"})


def _signal_page(request, signal, follow_up_form=None, close_form=None, status=200):
    record_read(
        request.actor, subject=signal.about_member, what=Sensitive.SIGNAL, object_id=signal.pk, via=Channel.PAGE
    )
    search = ResidentSearchForm(request.GET)
    words = search.cleaned_data["q"] if search.is_valid() else ""
    context = {
        "search_form": search,
        "matches": search_residents(neighbours(), words)[:10] if words else None,
        "signal": signal,
        "is_open": signal.status != SignalStatus.CLOSED,
        "follow_up_form": follow_up_form or FollowUpForm(initial={"follow_up": signal.follow_up}),
        "close_form": close_form or OutcomeForm(),
    }
    return render(request, "makelaar/signal.html", context, status=status)


@makelaar_page(Perm.HANDLE_SIGNALS)
def signal_detail(request, signal_id: int):
    return _signal_page(request, signal_for(request.actor, signal_id))


@makelaar_page(Perm.HANDLE_SIGNALS)
@require_POST
def signal_take_up(request, signal_id: int):
    signal = signal_for(request.actor, signal_id)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            take_up_signal(actor=request.actor, signal=signal, follow_up=form.cleaned_data["follow_up"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("U gaat achter dit signaal aan. Het staat op uw naam."))
            return redirect("makelaar:signal", signal.pk)
    return _signal_page(request, signal, follow_up_form=form, status=400)


@makelaar_page(Perm.HANDLE_SIGNALS)
@require_POST
def signal_link(request, signal_id: int):
    signal = signal_for(request.actor, signal_id)
    member = neighbours().filter(pk=as_int(request.POST.get("bewoner"))).first()
    if member is None:
        raise NotFound
    try:
        link_signal_to_resident(actor=request.actor, signal=signal, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Het signaal hoort nu bij %(name)s.") % {"name": member.user.first_name})
    return redirect("makelaar:signal", signal.pk)


@makelaar_page(Perm.HANDLE_SIGNALS)
@require_POST
def signal_close(request, signal_id: int):
    signal = signal_for(request.actor, signal_id)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            close_signal(actor=request.actor, signal=signal, outcome=form.cleaned_data["outcome"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Het signaal is afgehandeld."))
            return redirect("makelaar:signals")
    return _signal_page(request, signal, close_form=form, status=400)
