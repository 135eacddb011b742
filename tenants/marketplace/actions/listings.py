"""Placing, changing, withdrawing, renewing and expiring requests and offers."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.actions.matching import notify_matches
from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.citywide import sync_listings
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Category,
    Listing,
    ListingKind,
    ListingStatus,
    NotificationKind,
    Street,
    Visibility,
    When,
)
from wijkmarkt.tenants.membership.access import acting_as
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership

REMIND_DAYS_BEFORE_EXPIRY = 3


@dataclass
class ListingInput:
    """What a person fills in; the page form and the GraphQL input both become this."""

    kind: str
    title: str
    description: str
    category_id: int | None
    when: str = When.FLEXIBLE
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    recurrence: str = ""
    street_id: int | None = None
    duration_minutes: int | None = None
    visibility: str = Visibility.WIJK


def _collect(errors: dict, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except ValidationError as error:
        for field, field_errors in error.error_dict.items():
            errors.setdefault(field, []).extend(field_errors)
        return None


def _choice(value, choices, field):
    if value not in choices.values:
        raise fail(field, _("Kies een van de mogelijkheden."), Code.INVALID_CHOICE)
    return value


def _category(category_id) -> Category:
    category = Category.objects.filter(pk=category_id).first() if category_id else None
    if category is None:
        raise fail("category", _("Kies een soort hulp uit de lijst."), Code.UNKNOWN_CATEGORY)
    if category.retired_at is not None:
        raise fail("category", _("Deze soort hulp wordt niet meer gebruikt. Kies een andere."), Code.CATEGORY_RETIRED)
    return category


def _street(street_id) -> Street | None:
    if not street_id:
        return None
    street = Street.objects.filter(pk=street_id).first()
    if street is None:
        raise fail("street", _("Kies een straat in deze wijk uit de lijst."), Code.UNKNOWN_STREET)
    return street


def _schedule(data: ListingInput, today: dt.date, errors: dict) -> None:
    if data.when in (When.DATE, When.WINDOW):
        if data.starts_on is None:
            errors.setdefault("starts_on", []).append(
                ValidationError(_("Vul een datum in, bijvoorbeeld 14-3-2027."), code=Code.REQUIRED)
            )
        elif data.starts_on < today:
            errors.setdefault("starts_on", []).append(
                ValidationError(_("Deze datum is al voorbij. Kies vandaag of later."), code=Code.DATE_IN_PAST)
            )
    if data.when == When.WINDOW:
        if data.ends_on is None:
            errors.setdefault("ends_on", []).append(ValidationError(_("Vul de laatste dag in."), code=Code.REQUIRED))
        elif data.starts_on and data.ends_on < data.starts_on:
            errors.setdefault("ends_on", []).append(
                ValidationError(_("De laatste dag ligt vóór de eerste dag."), code=Code.WINDOW_REVERSED)
            )
    if data.when == When.RECURRING:
        _collect(errors, clean_text, data.recurrence, field="recurrence", max_length=100)
    elif data.recurrence:
        _collect(errors, clean_text, data.recurrence, field="recurrence", max_length=100, required=False)


def _validated(data: ListingInput, today: dt.date) -> dict:
    """Every problem at once, so a person sees all there is to fix in one go."""
    errors: dict[str, list[ValidationError]] = {}
    values = {
        "kind": _collect(errors, _choice, data.kind, ListingKind, "kind"),
        "title": _collect(errors, clean_text, data.title, field="title", max_length=100),
        "description": _collect(
            errors, clean_text, data.description, field="description", max_length=2000, multiline=True
        ),
        "category": _collect(errors, _category, data.category_id),
        "when": _collect(errors, _choice, data.when, When, "when"),
        "street": _collect(errors, _street, data.street_id),
        "visibility": _collect(errors, _choice, data.visibility, Visibility, "visibility"),
    }
    _schedule(data, today, errors)
    if data.duration_minutes is not None and not 5 <= data.duration_minutes <= 24 * 60:
        errors.setdefault("duration_minutes", []).append(
            ValidationError(_("Geef een duur tussen 5 minuten en 24 uur."), code=Code.INVALID_DURATION)
        )
    if errors:
        raise ValidationError(errors)
    keeps_dates = data.when in (When.DATE, When.WINDOW)
    return {
        **values,
        "starts_on": data.starts_on if keeps_dates else None,
        "ends_on": data.ends_on if data.when == When.WINDOW else None,
        "recurrence": (data.recurrence or "").strip() if data.when == When.RECURRING else "",
        "duration_minutes": data.duration_minutes,
    }


def _expiry(wijk: Wijk):
    return timezone.now() + dt.timedelta(days=wijk.listing_expiry_days)


def publish_listing(*, actor: Actor, wijk: Wijk, owner: Membership, data: ListingInput) -> Listing:
    """A new request or offer of `owner`, placed by the actor themselves, their proxy or the makelaar."""
    placed_as = acting_as(actor, owner, Perm.PUBLISH_LISTING)
    values = _validated(data, timezone.localdate())
    listing = Listing(owner=owner, placed_by=actor.user, placed_as=placed_as, expires_at=_expiry(wijk), **values)
    with transaction.atomic():
        listing.save()
        record_acting_for(actor, member=owner, placed_as=placed_as, what=ActingWhat.PUBLISH_LISTING, obj=listing)
        sync_listings(listing.pk)
    transaction.on_commit(lambda: notify_matches(listing))
    return listing


def update_listing(*, actor: Actor, listing: Listing, data: ListingInput) -> Listing:
    placed_as = acting_as(actor, listing.owner, Perm.PUBLISH_LISTING)
    if listing.status not in ACTIVE_LISTING_STATUSES:
        raise fail(None, _("Een afgesloten vraag of aanbod kunt u niet meer wijzigen."), Code.WRONG_STATE)
    values = _validated(data, timezone.localdate())
    with transaction.atomic():
        Listing.objects.filter(pk=listing.pk).update(**values)
        record_acting_for(actor, member=listing.owner, placed_as=placed_as, what=ActingWhat.UPDATE_LISTING, obj=listing)
        sync_listings(listing.pk)
    listing.refresh_from_db()
    return listing


def withdraw_listing(*, actor: Actor, listing: Listing) -> Listing:
    placed_as = acting_as(actor, listing.owner, Perm.PUBLISH_LISTING)
    if listing.status not in (*ACTIVE_LISTING_STATUSES, ListingStatus.EXPIRED):
        raise fail(None, _("Deze vraag of dit aanbod is al afgesloten."), Code.WRONG_STATE)
    with transaction.atomic():
        listing.status = ListingStatus.WITHDRAWN
        listing.save(update_fields=["status"])
        record_acting_for(
            actor, member=listing.owner, placed_as=placed_as, what=ActingWhat.WITHDRAW_LISTING, obj=listing
        )
        sync_listings(listing.pk)
    return listing


def renew_listing(*, actor: Actor, wijk: Wijk, listing: Listing) -> Listing:
    """One click: an expired (or soon expiring) listing is open again for the wijk's full expiry period."""
    placed_as = acting_as(actor, listing.owner, Perm.PUBLISH_LISTING)
    if listing.status not in (*ACTIVE_LISTING_STATUSES, ListingStatus.EXPIRED):
        raise fail(None, _("Alleen een open of verlopen vraag of aanbod kunt u verlengen."), Code.WRONG_STATE)
    with transaction.atomic():
        if listing.status == ListingStatus.EXPIRED:
            listing.status = ListingStatus.OPEN
        listing.expires_at = _expiry(wijk)
        listing.reminder_sent_at = None
        listing.save(update_fields=["status", "expires_at", "reminder_sent_at"])
        record_acting_for(actor, member=listing.owner, placed_as=placed_as, what=ActingWhat.RENEW_LISTING, obj=listing)
        sync_listings(listing.pk)
    return listing


def expire_listings(*, now=None) -> tuple[int, int]:
    """Send reminders for listings about to expire and expire the overdue ones. Returns (reminded, expired)."""
    now = now or timezone.now()
    active = Listing.objects.filter(status__in=ACTIVE_LISTING_STATUSES).select_related("owner__user")
    reminded = 0
    with transaction.atomic():
        soon = active.filter(
            expires_at__gt=now,
            expires_at__lte=now + dt.timedelta(days=REMIND_DAYS_BEFORE_EXPIRY),
            reminder_sent_at__isnull=True,
        )
        for listing in soon.select_for_update(of=("self",)):
            notify(
                listing.owner,
                NotificationKind.EXPIRY,
                _("Uw %(kind)s '%(title)s' verloopt op %(date)s. Met één klik verlengt u het.")
                % {
                    "kind": listing.get_kind_display().lower(),
                    "title": listing.title,
                    "date": timezone.localtime(listing.expires_at).strftime("%d-%m-%Y"),
                },
                url=f"/vraag-en-aanbod/{listing.pk}/",
            )
            listing.reminder_sent_at = now
            listing.save(update_fields=["reminder_sent_at"])
            reminded += 1
        overdue = list(active.filter(expires_at__lte=now).values_list("pk", flat=True))
        expired = Listing.objects.filter(pk__in=overdue).update(status=ListingStatus.EXPIRED)
        sync_listings(*overdue)
    return reminded, expired
