"""The wijk's moderation queue (wijk admin and makelaar): each open report with hide, warn, suspend or dismiss and
a reason; suspended members with "lift suspension"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.marketplace import selectors
from wijkmarkt.tenants.marketplace.actions.moderation import handle_report, lift_suspension
from wijkmarkt.tenants.marketplace.forms import HandleReportForm
from wijkmarkt.tenants.marketplace.models import Report
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.pages import me, requires


def _queue(request, bound=None, status=200):
    page = paginate(request, selectors.moderation_queue())
    items = [
        (report, bound[1] if bound and bound[0] == report.pk else HandleReportForm(auto_id=f"melding_{report.pk}_%s"))
        for report in page
    ]
    suspended = Membership.objects.filter(suspended_at__isnull=False).select_related("user").order_by("suspended_at")
    return render(
        request, "marketplace/moderation.html", {"page": page, "items": items, "suspended": suspended}, status=status
    )


@marketplace_page
@requires(Perm.MODERATE)
def queue(request):
    return _queue(request)


@marketplace_page
@requires(Perm.MODERATE)
@require_POST
def handle(request, report_id: int):
    report = get_object_or_404(
        Report.objects.select_related("listing", "message", "member"), pk=report_id, outcome=Report.Outcome.OPEN
    )
    form = HandleReportForm(request.POST, auto_id=f"melding_{report.pk}_%s")
    if form.is_valid():
        try:
            handle_report(
                actor=request.actor,
                moderator=me(request),
                report=report,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_action_errors(form, error, rename={"handled_reason": "reason"})
        else:
            messages.success(
                request,
                _("De melding is afgehandeld: %(outcome)s.") % {"outcome": report.get_outcome_display().lower()},
            )
            return redirect("marketplace:moderation")
    return _queue(request, bound=(report.pk, form))


@marketplace_page
@requires(Perm.MODERATE)
@require_http_methods(["POST"])
def lift(request, member_id: int):
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, suspended_at__isnull=False)
    lift_suspension(actor=request.actor, member=member)
    messages.success(request, _("%(name)s is niet meer geschorst.") % {"name": member.user.first_name})
    return redirect("marketplace:moderation")
