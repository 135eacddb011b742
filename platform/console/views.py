"""The coordinators' console on the portal: wijken (status, branding, local rules, partners), a new wijk, the
coordinators, the audit log and the evaluation figures with their CSV. Plain Django views that work without
JavaScript; every write goes through actions.py and every refusal or bad input comes back next to its field."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.console import actions
from wijkmarkt.platform.console.access import coordinator_page
from wijkmarkt.platform.console.charts import evaluation_charts, figures_table
from wijkmarkt.platform.console.errors import ConsoleErrorCode as Code
from wijkmarkt.platform.console.evaluation import (
    default_period,
    evaluate,
    rows_for_csv,
    validate_period,
    wijken_for_evaluation,
)
from wijkmarkt.platform.console.forms import (
    AuditFilterForm,
    BrandingForm,
    CoordinatorForm,
    PartnerLinkForm,
    PeriodForm,
    ProvisionForm,
    RulesForm,
    StatusForm,
)
from wijkmarkt.platform.console.models import AuditVia
from wijkmarkt.platform.console.selectors import (
    AUDIT_PAGE_SIZE,
    audit_coordinator_emails,
    audit_entries,
    coordinators,
    partners_with_wijken,
    status_meaning,
)
from wijkmarkt.platform.csv_export import write_rows
from wijkmarkt.platform.errors import fail
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.platform.partners.models import Partner
from wijkmarkt.platform.partners.selectors import active_partners, partners_in_wijk
from wijkmarkt.platform.wijken.hosts import wijk_url
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.platform.wijken.selectors import wijken_listed

PAGE = AuditVia.PAGE


def _status_choices():
    return [(value, label, status_meaning(value)) for value, label in WijkStatus.choices]


def _wijk_or_404(slug: str) -> Wijk:
    wijk = Wijk.objects.filter(schema_name=slug, is_template=False).first()
    if wijk is None:
        raise Http404
    return wijk


@coordinator_page
def home(request):
    wijken = [(wijk, wijk_url(wijk), status_meaning(wijk.status)) for wijk in wijken_listed()]
    return render(request, "console/home.html", {"wijken": wijken})


def _wijk_page(
    request, wijk: Wijk, *, status_form=None, branding_form=None, rules_form=None, link_form=None, status=200
):
    context = {
        "wijk_row": wijk,
        "site_url": wijk_url(wijk),
        "status_form": status_form or StatusForm(initial={"status": wijk.status}),
        "status_choices": _status_choices(),
        "branding_form": branding_form
        or BrandingForm(
            initial={
                "name": wijk.name,
                "tagline": wijk.tagline,
                "theme": wijk.theme,
                "primary_colour": wijk.primary_colour,
                "logo": wijk.logo,
            }
        ),
        "rules_form": rules_form
        or RulesForm(
            initial={
                "modules": wijk.modules,
                "points_enabled": wijk.points_enabled,
                "listing_expiry_days": wijk.listing_expiry_days,
                "done_objection_days": wijk.done_objection_days,
                "house_rules": wijk.house_rules,
                "postcodes": "\n".join(wijk.postcodes),
            }
        ),
        "link_form": link_form or PartnerLinkForm(partners=active_partners()),
        "links": partners_in_wijk(wijk),
    }
    return render(request, "console/wijk.html", context, status=status)


@coordinator_page
def wijk_detail(request, slug):
    return _wijk_page(request, _wijk_or_404(slug))


def _wijk_form_posted(request, slug: str, form_class, form_key: str, change, done):
    """One of the wijk page's forms was sent: `change(wijk)` calls the action; bad input shows the page again with
    this form's errors next to its fields and what was typed, anything else goes back to the page with `done`."""
    wijk = _wijk_or_404(slug)
    form = form_class(request.POST, **({"partners": active_partners()} if form_class is PartnerLinkForm else {}))
    form.is_valid()  # only to show what was typed again: the action decides what is valid
    form.errors.clear()
    try:
        wijk = change(wijk) or wijk
    except ValidationError as error:
        add_action_errors(form, error)
        return _wijk_page(request, wijk, status=400, **{form_key: form})
    messages.success(request, done(wijk))
    return redirect("console:wijk", slug=wijk.slug)


@require_POST
@coordinator_page
def wijk_status(request, slug):
    def change(wijk):
        return actions.change_wijk_status(
            coordinator=request.user, wijk=wijk, status=request.POST.get("status", ""), via=PAGE
        )

    def done(wijk):
        return _("%(wijk)s is nu: %(status)s.") % {"wijk": wijk.name, "status": wijk.get_status_display()}

    return _wijk_form_posted(request, slug, StatusForm, "status_form", change, done)


@require_POST
@coordinator_page
def wijk_branding(request, slug):
    def change(wijk):
        data = {name: request.POST.get(name, "") for name in BrandingForm.base_fields}
        return actions.update_wijk_branding(coordinator=request.user, wijk=wijk, via=PAGE, **data)

    def done(wijk):
        return _("Het uiterlijk van %(wijk)s is opgeslagen.") % {"wijk": wijk.name}

    return _wijk_form_posted(request, slug, BrandingForm, "branding_form", change, done)


@require_POST
@coordinator_page
def wijk_rules(request, slug):
    def change(wijk):
        return actions.update_wijk_rules(
            coordinator=request.user,
            wijk=wijk,
            via=PAGE,
            modules=request.POST.getlist("modules"),
            points_enabled=bool(request.POST.get("points_enabled")),
            listing_expiry_days=request.POST.get("listing_expiry_days", ""),
            done_objection_days=request.POST.get("done_objection_days", ""),
            house_rules=request.POST.get("house_rules", ""),
            postcodes=request.POST.get("postcodes", "").replace(",", "\n").splitlines(),
        )

    def done(wijk):
        return _("De regels van %(wijk)s zijn opgeslagen.") % {"wijk": wijk.name}

    return _wijk_form_posted(request, slug, RulesForm, "rules_form", change, done)


@require_POST
@coordinator_page
def wijk_link_partner(request, slug):
    partner = PartnerLinkForm(request.POST, partners=active_partners()).chosen_partner()

    def change(wijk):
        if partner is None:
            raise fail("partner", _("Kies een partner uit de lijst."), Code.INVALID_CHOICE)
        actions.link_partner(
            coordinator=request.user, wijk=wijk, partner=partner, offer=request.POST.get("offer", ""), via=PAGE
        )

    def done(wijk):
        return _("%(partner)s is gekoppeld aan %(wijk)s.") % {"partner": partner.name, "wijk": wijk.name}

    return _wijk_form_posted(request, slug, PartnerLinkForm, "link_form", change, done)


@require_POST
@coordinator_page
def wijk_unlink_partner(request, slug, partner_slug):
    wijk = _wijk_or_404(slug)
    partner = Partner.objects.filter(slug=partner_slug).first()
    if partner is None:
        raise Http404
    actions.unlink_partner(coordinator=request.user, wijk=wijk, partner=partner, via=PAGE)
    messages.success(
        request, _("%(partner)s is losgekoppeld van %(wijk)s.") % {"partner": partner.name, "wijk": wijk.name}
    )
    return redirect("console:wijk", slug=wijk.slug)


@coordinator_page
def provision(request):
    if request.method != "POST":
        return render(request, "console/provision.html", {"form": ProvisionForm()})
    form = ProvisionForm(request.POST)
    form.is_valid()
    steps: list[str] = []
    try:
        provisioned = actions.provision_new_wijk(
            coordinator=request.user,
            via=PAGE,
            slug=request.POST.get("slug", ""),
            name=request.POST.get("name", ""),
            status=request.POST.get("status", ""),
            areas=request.POST.get("areas", "").split(","),
            theme=request.POST.get("theme", ""),
            tagline=request.POST.get("tagline", ""),
            primary_colour=request.POST.get("primary_colour", ""),
            logo=request.POST.get("logo", ""),
            progress=steps.append,
        )
    except ValidationError as error:
        form.errors.clear()
        add_action_errors(form, error)
        return render(request, "console/provision.html", {"form": form}, status=400)
    wijk = provisioned.wijk
    return render(request, "console/provisioned.html", {"new_wijk": wijk, "steps": steps, "site_url": wijk_url(wijk)})


def _coordinators_page(request, *, grant_form=None, revoke_form=None, status=200):
    return render(
        request,
        "console/coordinators.html",
        {
            "coordinators": coordinators(),
            "grant_form": grant_form or CoordinatorForm(prefix="grant"),
            "revoke_form": revoke_form or CoordinatorForm(prefix="revoke"),
        },
        status=status,
    )


@coordinator_page
def coordinators_page(request):
    if request.method != "POST":
        return _coordinators_page(request)
    revoking = "revoke-email" in request.POST
    prefix = "revoke" if revoking else "grant"
    form = CoordinatorForm(request.POST, prefix=prefix)
    form.is_valid()
    action = actions.revoke_coordinator if revoking else actions.grant_coordinator
    try:
        user = action(coordinator=request.user, email=request.POST.get(f"{prefix}-email", ""), via=PAGE)
    except ValidationError as error:
        form.errors.clear()
        add_action_errors(form, error)
        return _coordinators_page(request, status=400, **{f"{prefix}_form": form})
    done = _("%(email)s is geen coördinator meer.") if revoking else _("%(email)s is nu coördinator.")
    messages.success(request, done % {"email": user.email})
    return redirect("console:coordinators")


@coordinator_page
def partners_page(request):
    return render(request, "console/partners.html", {"partners": partners_with_wijken()})


@coordinator_page
def audit_log(request):
    wijken = list(wijken_listed())
    form = AuditFilterForm(request.GET or None, wijken=wijken, coordinators=audit_coordinator_emails())
    entries = audit_entries()
    status = 200
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            if data["since"] and data["until"]:
                validate_period(data["since"], data["until"])
            entries = audit_entries(
                coordinator_email=data["coordinator"], wijk=data["wijk"], since=data["since"], until=data["until"]
            )
        except ValidationError as error:
            add_action_errors(form, error)
            entries, status = entries.none(), 400
    elif form.is_bound:
        entries, status = entries.none(), 400
    page = paginate(request, entries, per_page=AUDIT_PAGE_SIZE)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request, "console/audit.html", {"form": form, "page": page, "query": query.urlencode()}, status=status
    )


def _evaluation_request(request):
    """The period and wijk asked for (the last twelve months and every wijk by default), or the form with errors."""
    wijken = wijken_for_evaluation()
    form = PeriodForm(request.GET or None, wijken=wijken)
    if not form.is_bound:
        since, until = default_period()
        form = PeriodForm(initial={"since": since, "until": until}, wijken=wijken)
        return form, since, until, wijken
    if not form.is_valid():
        return form, None, None, None
    data = form.cleaned_data
    try:
        since, until = validate_period(data["since"], data["until"])
    except ValidationError as error:
        add_action_errors(form, error)
        return form, None, None, None
    chosen = [w for w in wijken if w.slug == data["wijk"]] if data["wijk"] else wijken
    return form, since, until, chosen


def _figures_summary(evaluation) -> str:
    return _("Cijfers %(since)s t/m %(until)s") % {"since": evaluation.since, "until": evaluation.until}


@coordinator_page
def evaluation(request):
    form, since, until, wijken = _evaluation_request(request)
    if since is None:
        return render(request, "console/evaluation.html", {"form": form}, status=400)
    result = evaluate(since=since, until=until, wijken=wijken)
    actions.record_figures_read(
        coordinator=request.user, wijken=result.slugs, summary=_figures_summary(result), via=PAGE
    )
    query = f"since={since:%Y-%m-%d}&until={until:%Y-%m-%d}"
    if len(wijken) == 1:
        query += f"&wijk={wijken[0].slug}"
    return render(
        request,
        "console/evaluation.html",
        {
            "form": form,
            "evaluation": result,
            "charts": evaluation_charts(result),
            "table": figures_table(result),
            "csv_query": query,
        },
    )


@coordinator_page
def evaluation_csv(request):
    form, since, until, wijken = _evaluation_request(request)
    if since is None:
        return render(request, "console/evaluation.html", {"form": form}, status=400)
    result = evaluate(since=since, until=until, wijken=wijken)
    actions.record_figures_read(
        coordinator=request.user, wijken=result.slugs, summary=_figures_summary(result), via=PAGE, export=True
    )
    scope = wijken[0].slug if len(wijken) == 1 else "haarlem"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wijkmarkt-cijfers-{scope}-{since}-{until}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with accents correctly only with a byte order mark
    write_rows(response, rows_for_csv(result))
    return response
