"""Requests and offers: browse and search, the detail page with responding, placing and changing, withdrawing and
renewing, reporting, and the print views (one listing, and the A4 poster for the notice board)."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import DATE_FORMATS, add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.marketplace import selectors
from wijkmarkt.tenants.marketplace.access import exchanges_of, listing_for
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import (
    publish_listing,
    renew_listing,
    update_listing,
    withdraw_listing,
)
from wijkmarkt.tenants.marketplace.actions.moderation import report
from wijkmarkt.tenants.marketplace.citywide import citywide_listings
from wijkmarkt.tenants.marketplace.filters import ListingFilter
from wijkmarkt.tenants.marketplace.forms import ListingForm, RespondForm
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Category,
    ExchangeStatus,
    Listing,
    ListingKind,
    ListingStatus,
    Profile,
)
from wijkmarkt.tenants.marketplace.suggestions import suggestions_for
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.access import acts_for, is_proxy
from wijkmarkt.tenants.membership.pages import (
    acting_choices,
    chosen_member,
    me,
    module_page,
    refused,
    report_page,
    writes_paused,
)


class BrowseFilter(ListingFilter):
    """ListingFilter with the page's date pickers and search box (`near` keeps listings without a street, so the
    default "near my street" view hides nothing)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("date_from", "date_to"):
            field = self.form.fields[name]
            field.input_formats = DATE_FORMATS
            field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            field.error_messages["invalid"] = _("Vul een datum in zoals 14-3-2027.")
        self.form.fields["q"].widget.attrs["type"] = "search"


def _profile_of(member):
    return Profile.objects.filter(member=member).select_related("street").first() if member else None


@marketplace_page
def browse(request):
    data = request.GET.copy()
    own_profile = _profile_of(me(request))
    if "near_street" not in data and own_profile is not None and own_profile.street_id:
        data["near_street"] = str(own_profile.street_id)
    data.setdefault("sort", "newest")
    listings = selectors.open_listings(request.actor)
    filterset = BrowseFilter(data, queryset=listings)
    page = paginate(request, filterset.qs)
    searched = any(request.GET.get(name) for name in ("q", "kind", "category", "date_from", "date_to"))
    return render(
        request,
        "marketplace/browse.html",
        {"filter": filterset, "form": filterset.form, "page": page, "searched": searched},
    )


@marketplace_page
def mine(request):
    """The viewer's own requests and offers, those of the members they are proxy for, and (makelaar) those they
    placed. Each while the right lasts: having placed a listing once, as a proxy since revoked, grants nothing."""
    user = request.user
    own = Q(owner=me(request)) if me(request) else Q(pk__in=[])
    principals = Q(owner__proxies__user=user, owner__proxies__revoked_at__isnull=True)
    placed = Q(placed_by=user) if has_permission(request.actor, Perm.ACT_FOR_RESIDENTS) else Q(pk__in=[])
    listings = (
        Listing.objects.filter(own | principals | placed)
        .select_related("category", "owner__user", "street")
        .distinct()
        .order_by("-created_at")
    )
    return render(request, "marketplace/mine.html", {"page": paginate(request, listings)})


def may_manage(request, listing: Listing) -> bool:
    """Owner, their proxy or the makelaar with the owner's consent: the actions decide, this only chooses which
    buttons to show."""
    user = request.actor.user
    return user is not None and (listing.owner.user_id == user.pk or acts_for(request.actor, listing.owner) is not None)


def is_active(listing: Listing) -> bool:
    return listing.status in ACTIVE_LISTING_STATUSES and listing.expires_at > timezone.now() and not listing.hidden_at


def _detail(request, listing: Listing, respond_form=None, status=200):
    choices = acting_choices(request, exclude_pk=listing.owner_id)
    manage = may_manage(request, listing)
    active = is_active(listing)
    mine = list(exchanges_of(request.actor).filter(listing=listing).order_by("-created_at"))
    # Someone who can only speak for themselves and already has an open exchange here has nothing left to send.
    answered = len(choices) == 1 and any(
        e.status in (ExchangeStatus.PROPOSED, ExchangeStatus.AGREED) and choices[0][0] in (e.helper_id, e.receiver_id)
        for e in mine
    )
    context = {
        "listing": listing,
        "owner_profile": _profile_of(listing.owner),
        "manage": manage,
        "active": active,
        "respond_form": respond_form or RespondForm(members=choices),
        # A refused response comes back in its form, with what was typed.
        "may_respond": active
        and bool(choices)
        and not writes_paused(request)
        and (not answered or respond_form is not None),
        "my_exchanges": mine,
        "suggestions": suggestions_for(listing) if manage and active else [],
        "renewable": listing.status in (*ACTIVE_LISTING_STATUSES, ListingStatus.EXPIRED),
        "expired": listing.status == ListingStatus.EXPIRED or listing.expires_at <= timezone.now(),
    }
    return render(request, "marketplace/listing_detail.html", context, status=status)


def _member_or_citywide_visitor(request) -> bool:
    return request.actor.is_member or is_proxy(request.actor) or request.user.is_authenticated


@module_page(Module.MARKETPLACE, may_enter=_member_or_citywide_visitor)
def detail(request, listing_id: int):
    """Members see the full page. Anyone else with an account (found it in the citywide search) reads a listing its
    owner made citywide, and is shown how to respond: by joining this wijk or through its makelaar."""
    if request.actor.is_member or is_proxy(request.actor):
        return _detail(request, listing_for(request.actor, listing_id))
    listing = citywide_listings().select_related("category", "owner__user").filter(pk=listing_id).first()
    if listing is None:  # the same page as for any members' page, whether the listing exists or not
        return render(request, "wijk/members_only.html", status=403)
    return render(request, "marketplace/listing_citywide.html", {"listing": listing})


@marketplace_page
@require_POST
def respond(request, listing_id: int):
    listing = listing_for(request.actor, listing_id)
    if writes_paused(request):
        return refused(request)
    form = RespondForm(request.POST, members=acting_choices(request, exclude_pk=listing.owner_id))
    if form.is_valid():
        try:
            # Chosen among everyone the viewer may act for, the owner included: the action then says "your own".
            member = chosen_member(request, form.on_behalf_of_id(), acting_choices(request))
            exchange = respond_to_listing(
                actor=request.actor, member=member, listing=listing, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw reactie is verstuurd. Hier kunt u verder praten en afspreken."))
            return redirect("marketplace:exchange", exchange.pk)
    return _detail(request, listing, respond_form=form)


def _form_context(request, form, listing=None):
    return {"form": form, "listing": listing, "kind_from_url": request.GET.get("soort")}


def _listing_form(request, data=None, listing=None, owners=None, **kwargs):
    return ListingForm(
        data,
        categories=selectors.categories_active(),
        streets=selectors.streets(),
        owners=owners,
        current_category=listing.category if listing else None,
        **kwargs,
    )


def _prefill(query, owners) -> dict:
    """A request pre-filled from the address, as the Eigen Kracht Wijzer's "ask your neighbours" links it:
    ?titel=...&tekst=...&categorie=<slug>&voor=<member id>. Initial values only: posting checks them as typed."""
    values = {
        name: query[param][:2000] for param, name in (("titel", "title"), ("tekst", "description")) if query.get(param)
    }
    slug = query.get("categorie")
    category = Category.objects.filter(slug=slug, retired_at__isnull=True).first() if slug else None
    if category is not None:
        values["category"] = str(category.pk)
    if query.get("voor") in {str(pk) for pk, _label in owners}:
        values["on_behalf_of"] = query["voor"]
    return values


@marketplace_page
@require_http_methods(["GET", "POST"])
def new(request):
    if writes_paused(request):
        return refused(request)
    owners = acting_choices(request)
    if not owners:
        raise PermissionDenied("suspended" if request.actor.suspended else Perm.PUBLISH_LISTING)
    if request.method == "GET":
        kind = ListingKind.OFFER if request.GET.get("soort") == "aanbod" else ListingKind.REQUEST
        own_profile = _profile_of(me(request))
        initial = {
            "kind": kind,
            "when": "flexible",
            "visibility": "wijk",
            "street": str(own_profile.street_id or "") if own_profile else "",
        }
        initial.update(_prefill(request.GET, owners))
        form = _listing_form(request, owners=owners, initial=initial)
        return render(request, "marketplace/listing_form.html", _form_context(request, form))
    form = _listing_form(request, request.POST, owners=owners)
    if form.is_valid():
        try:
            owner = chosen_member(request, form.on_behalf_of_id(), owners)
            listing = publish_listing(actor=request.actor, wijk=request.tenant, owner=owner, data=form.to_input())
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Gelukt: het staat op de Wijkmarkt. Buren kunnen nu reageren."))
            return redirect("marketplace:listing", listing.pk)
    return render(request, "marketplace/listing_form.html", _form_context(request, form))


@marketplace_page
@require_http_methods(["GET", "POST"])
def edit(request, listing_id: int):
    listing = listing_for(request.actor, listing_id)
    if not may_manage(request, listing) or writes_paused(request):
        return refused(request)
    if request.method == "GET":
        form = _listing_form(request, listing=listing, initial=ListingForm.initial_from(listing))
        return render(request, "marketplace/listing_form.html", _form_context(request, form, listing))
    form = _listing_form(request, request.POST, listing=listing)
    if form.is_valid():
        try:
            update_listing(actor=request.actor, listing=listing, data=form.to_input())
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("De wijzigingen zijn bewaard."))
            return redirect("marketplace:listing", listing.pk)
    return render(request, "marketplace/listing_form.html", _form_context(request, form, listing))


@marketplace_page
@require_http_methods(["GET", "POST"])
def withdraw(request, listing_id: int):
    listing = listing_for(request.actor, listing_id)
    if not may_manage(request, listing):
        return refused(request)
    error = None
    if request.method == "POST":
        try:
            withdraw_listing(actor=request.actor, listing=listing)
        except ValidationError as refusal:
            error = refusal.messages[0]
        else:
            messages.success(request, _("Het is ingetrokken. Buren zien het niet meer."))
            return redirect("marketplace:listing", listing.pk)
    return render(request, "marketplace/listing_withdraw.html", {"listing": listing, "error": error})


@marketplace_page
@require_POST
def renew(request, listing_id: int):
    listing = listing_for(request.actor, listing_id)
    try:
        renew_listing(actor=request.actor, wijk=request.tenant, listing=listing)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
    else:
        messages.success(
            request,
            _("Verlengd: het staat weer op de Wijkmarkt tot %(date)s.")
            % {"date": timezone.localtime(listing.expires_at).strftime("%d-%m-%Y")},
        )
    return redirect("marketplace:listing", listing.pk)


@marketplace_page
@require_http_methods(["GET", "POST"])
def report_listing(request, listing_id: int):
    listing = listing_for(request.actor, listing_id)
    back = reverse("marketplace:listing", args=[listing.pk])
    return report_page(request, report, target={"listing": listing}, what=listing.title, back_url=back)


@marketplace_page
def print_listing(request, listing_id: int):
    listing = listing_for(request.actor, listing_id)
    return render(request, "marketplace/print_listing.html", {"listing": listing})


@marketplace_page
def poster(request):
    """ "Deze week op de Wijkmarkt": what was asked and offered this week, or is planned for the coming days."""
    today = timezone.localdate()
    week_ago = timezone.now() - dt.timedelta(days=7)
    this_week = selectors.open_listings(request.actor).filter(
        Q(created_at__gte=week_ago) | Q(starts_on__gte=today, starts_on__lte=today + dt.timedelta(days=7))
    )
    requests = list(this_week.filter(kind=ListingKind.REQUEST).order_by("-created_at")[:8])
    offers = list(this_week.filter(kind=ListingKind.OFFER).order_by("-created_at")[:8])
    context = {
        "requests": requests,
        "offers": offers,
        "today": today,
        "categories": Category.objects.filter(retired_at__isnull=True),
    }
    return render(request, "marketplace/poster.html", context)
