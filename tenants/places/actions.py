"""Every write of the wijk's meeting places and counters: adding or changing one (with its opening hours, replaced
as a whole) and removing one. Wijk admins only (Perm.MANAGE_PLACES); pages, GraphQL, the demo and tests call these."""

from dataclasses import dataclass, field
from datetime import time
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission
from wijkmarkt.platform.errors import collect, fail
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import postcode_validator
from wijkmarkt.tenants.places.citywide import sync_places
from wijkmarkt.tenants.places.errors import PlacesErrorCode as Code
from wijkmarkt.tenants.places.hours import MAX_PERIODS_PER_DAY
from wijkmarkt.tenants.places.models import Day, OpeningHours, Place, PlaceKind

# One field per weekday on the page ("hours_1" .. "hours_7"), so an error lands next to the day it is about.
HOURS_FIELD = "hours_{day}"


@dataclass
class PlaceInput:
    kind: str
    name: str
    address: str
    postcode: str = ""
    description: str = ""
    phone: str = ""
    email: str = ""
    wheelchair_accessible: bool = False
    # (weekday 1-7, opens, closes); a weekday without periods is closed.
    hours: list[tuple[int, time, time]] = field(default_factory=list)


def _kind(value: str) -> str:
    if value not in PlaceKind.values:
        raise fail("kind", _("Kies uit de lijst."), Code.INVALID_CHOICE)
    return value


def _postcode(value: str) -> str:
    text = clean_text(value, field="postcode", max_length=7, required=False).upper()
    if text:
        try:
            postcode_validator(text)
        except ValidationError:  # the same rule as the wijk's postcodes, with this domain's code
            raise fail(
                "postcode",
                _("Een postcode is vier cijfers, eventueel met twee hoofdletters: 2032 of 2032 AB."),
                Code.INVALID_POSTCODE,
            ) from None
    return text


def _hours(periods: list[tuple[int, time, time]]) -> list[tuple[int, time, time]]:
    """Each day's periods in order, each closing after it opens, none overlapping, at most a few a day."""
    if len(periods) > MAX_PERIODS_PER_DAY * len(Day):
        raise fail("hours", _("Dat zijn te veel openingstijden."), Code.TOO_MANY)
    by_day: dict[int, list[tuple[time, time]]] = {}
    for day, opens, closes in periods:
        if day not in Day.values:
            raise fail("hours", _("Kies een dag van maandag tot en met zondag."), Code.INVALID_CHOICE)
        by_day.setdefault(day, []).append((opens, closes))
    errors = {}
    for day, spans in by_day.items():
        name, label = HOURS_FIELD.format(day=day), Day(day).label
        spans.sort()
        if len(spans) > MAX_PERIODS_PER_DAY:
            errors[name] = fail(
                name,
                _("Op %(day)s zijn dat te veel tijden: maximaal %(max)s.") % {"day": label, "max": MAX_PERIODS_PER_DAY},
                Code.TOO_MANY,
            )
        elif any(closes <= opens for opens, closes in spans):
            errors[name] = fail(
                name,
                _("Op %(day)s sluit het eerder dan het opengaat. Schrijf bijvoorbeeld 09:00-12:00.") % {"day": label},
                Code.CLOSES_BEFORE_OPENS,
            )
        elif any(later[0] < earlier[1] for earlier, later in pairwise(spans)):
            errors[name] = fail(name, _("Op %(day)s overlappen de tijden elkaar.") % {"day": label}, Code.OVERLAPPING)
    if errors:
        raise ValidationError({name: error.error_dict[name] for name, error in errors.items()})
    return [(day, opens, closes) for day in sorted(by_day) for opens, closes in by_day[day]]


def check_place(data: PlaceInput) -> dict:
    """Every field of `data` checked at once: the clean values, or a ValidationError with an error per field."""
    return collect(
        {
            "kind": lambda: _kind(data.kind),
            "name": lambda: clean_text(data.name, field="name", max_length=120),
            "address": lambda: clean_text(data.address, field="address", max_length=200),
            "postcode": lambda: _postcode(data.postcode),
            "description": lambda: clean_text(
                data.description, field="description", max_length=1000, required=False, multiline=True
            ),
            "phone": lambda: clean_text(data.phone, field="phone", max_length=30, required=False),
            "email": lambda: clean_text(data.email, field="email", max_length=120, required=False),
            "hours": lambda: _hours(data.hours),
        }
    )


def save_place(*, actor: Actor, data: PlaceInput, place: Place | None = None) -> Place:
    """Add a meeting place or counter (place None) or change one; its opening hours are replaced by `data.hours`."""
    require_permission(actor, Perm.MANAGE_PLACES)
    values = check_place(data)
    hours = values.pop("hours")
    duplicate = Place.objects.filter(kind=values["kind"], name__iexact=values["name"])
    if place is not None:
        duplicate = duplicate.exclude(pk=place.pk)
    message = _("Er is al een plek met deze naam.")
    if duplicate.exists():
        raise fail("name", message, Code.DUPLICATE)
    try:
        with transaction.atomic():
            if place is None:
                place = Place(**values, wheelchair_accessible=data.wheelchair_accessible)
            else:
                place = Place.objects.select_for_update().get(pk=place.pk)
                for name, value in values.items():
                    setattr(place, name, value)
                place.wheelchair_accessible = data.wheelchair_accessible
            place.save()
            place.hours.all().delete()
            OpeningHours.objects.bulk_create(
                OpeningHours(place=place, day=day, opens=opens, closes=closes) for day, opens, closes in hours
            )
            sync_places(place.pk)
    except IntegrityError:  # the same name saved twice at once
        raise fail("name", message, Code.DUPLICATE) from None
    return place


def remove_place(*, actor: Actor, place: Place) -> None:
    require_permission(actor, Perm.MANAGE_PLACES)
    with transaction.atomic():
        Place.objects.filter(pk=place.pk).delete()
        sync_places(place.pk)
