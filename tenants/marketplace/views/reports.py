"""The one report page: a listing, a message or a member, sent to the wijk's moderation queue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.tenants.marketplace.actions.moderation import report
from wijkmarkt.tenants.marketplace.forms import ReportForm
from wijkmarkt.tenants.marketplace.views.pages import me, refused


def report_page(request, *, target: dict, what: str, back_url: str, quote: str = ""):
    """`target` is one of listing=, message= or member= for the report action."""
    reporter = me(request)
    if reporter is None:
        return refused(request)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            report(actor=request.actor, reporter=reporter, reason=form.cleaned_data["reason"], **target)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Dank u. De moderatie kijkt ernaar."))
            return redirect(back_url)
    context = {"form": form, "what": what, "quote": quote, "back_url": back_url}
    return render(request, "marketplace/report.html", context)
