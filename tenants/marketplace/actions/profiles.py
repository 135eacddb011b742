"""A member's profile. The relatives who may act for them (proxies) are the wijk's shared core
(tenants/membership/actions/proxies.py)."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_writes_open
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import (
    ContactWay,
    DayPart,
    NotificationKind,
    Profile,
    Street,
    Weekday,
    default_site_notifications,
)
from wijkmarkt.tenants.membership.access import NO_CONSENT, acts_for
from wijkmarkt.tenants.membership.models import Membership, PlacedAs

AVAILABILITY_SLOTS = frozenset(f"{day}_{part}" for day in Weekday.values for part in DayPart.values)


@dataclass
class ProfileInput:
    about: str = ""
    offers: str = ""
    talents: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    could_use: str = ""
    available: list[str] = field(default_factory=list)
    contact_way: str = ContactWay.SITE
    street_id: int | None = None
    house_number: str = ""
    phone: str = ""
    show_house_number: bool = False
    show_phone: bool = False
    show_email: bool = False
    notify_site: list[str] = field(default_factory=default_site_notifications)
    notify_email: list[str] = field(default_factory=list)


def _words(values: list[str], field_name: str) -> list[str]:
    if len(values) > 20:
        raise fail(field_name, _("Maximaal 20 woorden."), Code.TOO_LONG)
    return [clean_text(v, field=field_name, max_length=40) for v in values if v and v.strip()]


def _subset(values: list[str], allowed, field_name: str) -> list[str]:
    if not set(values) <= set(allowed):
        raise fail(field_name, _("Kies een van de mogelijkheden."), Code.INVALID_CHOICE)
    return sorted(set(values))


def update_profile(*, actor: Actor, member: Membership, data: ProfileInput) -> Profile:
    require_writes_open(actor)
    # Someone else's profile: only the makelaar with the member's consent (access.acts_for); a proxy leaves it alone.
    if actor.user is None or (member.user_id != actor.user.pk and acts_for(actor, member) != PlacedAs.MAKELAAR):
        raise PermissionDenied(NO_CONSENT if has_permission(actor, Perm.ACT_FOR_RESIDENTS) else "profile")
    errors: dict = {}

    def take(name, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ValidationError as error:
            for key, items in error.error_dict.items():
                errors.setdefault(key, []).extend(items)
            return None

    values = {
        "about": take("about", clean_text, data.about, field="about", max_length=1000, required=False, multiline=True),
        "offers": take(
            "offers", clean_text, data.offers, field="offers", max_length=1000, required=False, multiline=True
        ),
        "could_use": take(
            "could_use", clean_text, data.could_use, field="could_use", max_length=1000, required=False, multiline=True
        ),
        "talents": take("talents", _words, data.talents, "talents"),
        "languages": take("languages", _words, data.languages, "languages"),
        "available": take("available", _subset, data.available, AVAILABILITY_SLOTS, "available"),
        "contact_way": take("contact_way", _subset, [data.contact_way], ContactWay.values, "contact_way"),
        "house_number": take(
            "house_number", clean_text, data.house_number, field="house_number", max_length=10, required=False
        ),
        "phone": take("phone", clean_text, data.phone, field="phone", max_length=20, required=False),
        "notify_site": take("notify_site", _subset, data.notify_site, NotificationKind.values, "notify_site"),
        "notify_email": take("notify_email", _subset, data.notify_email, NotificationKind.values, "notify_email"),
    }
    street = Street.objects.filter(pk=data.street_id).first() if data.street_id else None
    if data.street_id and street is None:
        errors.setdefault("street", []).append(
            ValidationError(_("Kies een straat uit de lijst."), code=Code.UNKNOWN_STREET)
        )
    if errors:
        raise ValidationError(errors)
    values["contact_way"] = values["contact_way"][0]
    with transaction.atomic():
        profile, _created = Profile.objects.update_or_create(
            member=member,
            defaults={
                **values,
                "street": street,
                "show_house_number": data.show_house_number,
                "show_phone": data.show_phone,
                "show_email": data.show_email,
            },
        )
    return profile
