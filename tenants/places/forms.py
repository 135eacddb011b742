"""The page form for a meeting place or counter: fields, labels and parsing only. The rules live in
actions.save_place, so the page and GraphQL refuse the same things with the same Dutch message; fields are
`required=False` for that reason. Opening hours are one text field per weekday ("09:00-12:00, 13:00-17:00")."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.forms import add_action_errors, text_field
from wijkmarkt.tenants.places.actions import HOURS_FIELD, PlaceInput, check_place
from wijkmarkt.tenants.places.hours import format_day, parse_day
from wijkmarkt.tenants.places.models import Day, Place, PlaceKind


class PlaceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort plek"), choices=PlaceKind.choices, required=False, widget=forms.RadioSelect)
    name = text_field(_("Naam"), _("Bijvoorbeeld: De Hamelink"))
    address = text_field(_("Adres"), _("Straat en huisnummer"), autocomplete="street-address")
    postcode = text_field(_("Postcode"), _("Bijvoorbeeld: 2032 AB"), autocomplete="postal-code")
    description = text_field(
        _("Wat kunt u er doen?"),
        _("Bijvoorbeeld: koffie, vragen stellen, de computer gebruiken"),
        multiline=True,
        rows=4,
    )
    phone = text_field(_("Telefoon"), autocomplete="tel")
    email = text_field(_("E-mailadres"), autocomplete="email")
    wheelchair_accessible = forms.BooleanField(label=_("Toegankelijk met een rolstoel"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for day in Day:
            self.fields[HOURS_FIELD.format(day=day.value)] = text_field(
                day.label.capitalize(), _("Bijvoorbeeld 09:00-12:00, 13:00-17:00. Leeg laten als het dicht is.")
            )

    @property
    def hour_fields(self):
        return [self[HOURS_FIELD.format(day=day.value)] for day in Day]

    @classmethod
    def initial_for(cls, place: Place) -> dict:
        initial = {
            name: getattr(place, name)
            for name in (
                "kind",
                "name",
                "address",
                "postcode",
                "description",
                "phone",
                "email",
                "wheelchair_accessible",
            )
        }
        for day in place.week:
            initial[HOURS_FIELD.format(day=day.day)] = format_day((p.opens, p.closes) for p in day.periods)
        return initial

    def to_input(self) -> PlaceInput | None:
        """The typed input for the action, or None when an opening-hours field could not be read: then that error
        and those of every other field are on the form, so one submit shows everything to fix."""
        data = self.cleaned_data
        hours, unreadable = [], False
        for day in Day:
            name = HOURS_FIELD.format(day=day.value)
            try:
                hours += [(day.value, opens, closes) for opens, closes in parse_day(data.get(name), name)]
            except ValidationError as error:
                add_action_errors(self, error)
                unreadable = True
        typed = self._typed(hours)
        if unreadable:
            try:
                check_place(typed)
            except ValidationError as error:
                add_action_errors(self, error)
            return None
        return typed

    def _typed(self, hours) -> PlaceInput:
        data = self.cleaned_data
        return PlaceInput(
            kind=data.get("kind") or "",
            name=data.get("name") or "",
            address=data.get("address") or "",
            postcode=data.get("postcode") or "",
            description=data.get("description") or "",
            phone=data.get("phone") or "",
            email=data.get("email") or "",
            wheelchair_accessible=bool(data.get("wheelchair_accessible")),
            hours=hours,
        )
