"""The marketplace's page forms. They only carry fields, labels and the parsing of what a browser sends (a date, a
number); every rule about the content lives in the actions, so a page and GraphQL refuse the same things with the
same Dutch message. Fields are `required=False` for that reason: an empty field reaches the action, which says
what to fill in."""

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.forms import as_int, date_field, text_field
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput
from wijkmarkt.tenants.marketplace.models import (
    ContactWay,
    DayPart,
    ListingKind,
    NotificationKind,
    Profile,
    Report,
    Visibility,
    Weekday,
    When,
)
from wijkmarkt.tenants.membership.pages import OnBehalfMixin

DURATIONS = [
    ("", _("Weet ik niet")),
    ("15", _("Een kwartier")),
    ("30", _("Een half uur")),
    ("60", _("Een uur")),
    ("90", _("Anderhalf uur")),
    ("120", _("Twee uur")),
    ("180", _("Drie uur")),
    ("240", _("Een halve dag")),
    ("480", _("Een hele dag")),
]


class ListingForm(OnBehalfMixin, forms.Form):
    kind = forms.CharField(
        label=_("Wat wilt u plaatsen?"),
        required=False,
        widget=forms.RadioSelect(
            choices=[
                (ListingKind.REQUEST, _("Een vraag: ik zoek hulp")),
                (ListingKind.OFFER, _("Een aanbod: ik bied hulp aan")),
            ]
        ),
    )
    title = text_field(_("Titel"), _("Kort en duidelijk, bijvoorbeeld: Wie helpt mij met boodschappen?"))
    description = text_field(
        _("Vertel er meer over"), _("Wat moet er gebeuren? Maximaal 2000 tekens."), multiline=True, rows=6
    )
    category = forms.CharField(label=_("Soort hulp"), required=False, widget=forms.Select())
    when = forms.CharField(label=_("Wanneer?"), required=False, widget=forms.RadioSelect(choices=When.choices))
    starts_on = date_field(_("Datum (of eerste dag)"), _("Alleen nodig bij 'Op een dag' of 'Tussen twee dagen'."))
    ends_on = date_field(_("Laatste dag"), _("Alleen nodig bij 'Tussen twee dagen'."))
    recurrence = text_field(_("Hoe vaak?"), _("Alleen bij 'Vaker, steeds terug'. Bijvoorbeeld: elke dinsdagochtend."))
    street = forms.CharField(
        label=_("In welke straat?"),
        required=False,
        widget=forms.Select(),
        help_text=_("Nooit uw huisnummer: buren zien alleen de straat."),
    )
    duration_minutes = forms.CharField(
        label=_("Hoe lang duurt het ongeveer?"), required=False, widget=forms.Select(choices=DURATIONS)
    )
    visibility = forms.CharField(
        label=_("Wie mag dit zien?"), required=False, widget=forms.RadioSelect(choices=Visibility.choices)
    )

    def __init__(self, *args, categories, streets, owners=None, current_category=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Kies een soort hulp"))] + [(str(c.pk), c.name) for c in categories]
        if current_category is not None and current_category.retired_at is not None:
            choices.append(
                (str(current_category.pk), _("%(name)s (niet meer in gebruik)") % {"name": current_category})
            )
        self.fields["category"].widget.choices = choices
        self.fields["street"].widget.choices = [("", _("Geen straat noemen"))] + [(str(s.pk), s.name) for s in streets]
        if owners is not None:
            self.add_on_behalf_field(owners, label=_("Voor wie plaatst u dit?"))
            if "on_behalf_of" in self.fields:
                self.order_fields(["on_behalf_of"])

    def clean_duration_minutes(self):
        value = self.cleaned_data.get("duration_minutes")
        if value in (None, ""):
            return None
        try:
            return int(value)
        except ValueError:
            raise ValidationError(_("Kies een duur uit de lijst."), code="invalid_duration") from None

    def to_input(self) -> ListingInput:
        data = self.cleaned_data
        return ListingInput(
            kind=data.get("kind") or "",
            title=data.get("title") or "",
            description=data.get("description") or "",
            category_id=as_int(data.get("category")),
            when=data.get("when") or When.FLEXIBLE,
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
            recurrence=data.get("recurrence") or "",
            street_id=as_int(data.get("street")),
            duration_minutes=data.get("duration_minutes"),
            visibility=data.get("visibility") or Visibility.WIJK,
        )

    @staticmethod
    def initial_from(listing) -> dict:
        return {
            "kind": listing.kind,
            "title": listing.title,
            "description": listing.description,
            "category": str(listing.category_id),
            "when": listing.when,
            "starts_on": listing.starts_on,
            "ends_on": listing.ends_on,
            "recurrence": listing.recurrence,
            "street": str(listing.street_id or ""),
            "duration_minutes": str(listing.duration_minutes or ""),
            "visibility": listing.visibility,
        }


class RespondForm(OnBehalfMixin, forms.Form):
    message = text_field(_("Uw bericht"), _("Stel u kort voor en zeg wanneer het u uitkomt."), multiline=True, rows=4)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_on_behalf_field(members, label=_("Namens wie reageert u?"))
        if "on_behalf_of" in self.fields:
            self.order_fields(["on_behalf_of"])


# Exchanges ---------------------------------------------------------------------------------------------------


class PartyForm(OnBehalfMixin, forms.Form):
    def __init__(self, *args, sides=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_on_behalf_field(sides)


class MessageForm(PartyForm):
    body = text_field(_("Nieuw bericht"), multiline=True, rows=4)


class AgreeForm(PartyForm):
    what = text_field(_("Wat spreekt u af?"), _("Bijvoorbeeld: boodschappen doen bij de Albert Heijn."))
    agreed_on = date_field(_("Op welke dag?"))
    agreed_at = forms.TimeField(
        label=_("Hoe laat?"),
        required=False,
        input_formats=["%H:%M", "%H.%M", "%H"],
        error_messages={"invalid": _("Vul een tijd in zoals 14:30.")},
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    hours = forms.CharField(
        label=_("Hoeveel uur ongeveer?"),
        required=False,
        help_text=_("Bijvoorbeeld 1 of 1,5."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def clean_hours(self):
        value = (self.cleaned_data.get("hours") or "").strip().replace(",", ".")
        if not value:
            return None
        try:
            return Decimal(value)
        except InvalidOperation:
            raise ValidationError(_("Vul een getal in, bijvoorbeeld 1,5."), code="invalid") from None

    def agreed_for(self) -> dt.datetime | None:
        day = self.cleaned_data.get("agreed_on")
        if day is None:
            return None
        moment = dt.datetime.combine(day, self.cleaned_data.get("agreed_at") or dt.time(12, 0))
        return timezone.make_aware(moment)

    @staticmethod
    def initial_from(exchange) -> dict:
        local = timezone.localtime(exchange.agreed_for) if exchange.agreed_for else None
        return {
            "what": exchange.what or exchange.listing.title[:200],
            "agreed_on": local.date() if local else None,
            "agreed_at": local.time() if local else None,
            "hours": str(exchange.hours).replace(".", ",") if exchange.hours is not None else "",
        }


class ReasonForm(PartyForm):
    reason = text_field(_("Waarom?"), _("De ander leest dit."), multiline=True, rows=3)


class ThankForm(PartyForm):
    text = text_field(_("Uw bedankje"), _("Een paar woorden is genoeg."), multiline=True, rows=3)
    show_on_home = forms.BooleanField(
        label=_("Dit bedankje mag op de voorpagina van de wijk (alleen als de ander dat ook goed vindt)"),
        required=False,
    )


# Rings -------------------------------------------------------------------------------------------------------

RING_STEPS = 6


class RingForm(forms.Form):
    """A ring proposed by hand: the requests in order; who helps follows from the order (each helps the next)."""

    def __init__(self, *args, requests=(), offers=(), **kwargs):
        super().__init__(*args, **kwargs)
        request_choices = [("", _("(geen)"))] + [(str(pk), label) for pk, label in requests]
        offer_choices = [("", _("Geen aanbod nodig"))] + [(str(pk), label) for pk, label in offers]
        for step in range(1, RING_STEPS + 1):
            self.fields[f"request_{step}"] = forms.CharField(
                label=_("Vraag %(n)s") % {"n": step}, required=False, widget=forms.Select(choices=request_choices)
            )
            self.fields[f"offer_{step}"] = forms.CharField(
                label=_("Met aanbod (bij vraag %(n)s)") % {"n": step},
                required=False,
                widget=forms.Select(choices=offer_choices),
            )

    def steps(self):
        return [(self[f"request_{n}"], self[f"offer_{n}"]) for n in range(1, RING_STEPS + 1)]

    def chosen(self) -> list[tuple[int, int | None]]:
        pairs = []
        for step in range(1, RING_STEPS + 1):
            request_id = as_int(self.cleaned_data.get(f"request_{step}"))
            if request_id is not None:
                pairs.append((request_id, as_int(self.cleaned_data.get(f"offer_{step}"))))
        return pairs


class RingDeclineForm(forms.Form):
    reason = text_field(_("Waarom doet u niet mee?"), _("De andere deelnemers lezen dit."), multiline=True, rows=3)


# Profile -----------------------------------------------------------------------------------------------------

SLOTS = [
    (f"{day}_{part}", f"{day_label} {part_label}")
    for day, day_label in Weekday.choices
    for part, part_label in DayPart.choices
]


def words(value: str) -> list[str]:
    return [word.strip() for word in (value or "").split(",") if word.strip()]


class ProfileForm(forms.Form):
    about = text_field(_("Over mij"), _("Wat wilt u buren over uzelf vertellen?"), multiline=True, rows=4)
    offers = text_field(
        _("Wat kunt u bieden?"), _("Bijvoorbeeld: ik kan goed met computers, ik wandel graag."), multiline=True, rows=4
    )
    talents = text_field(_("Talenten en vaardigheden"), _("Losse woorden, met komma's ertussen: koken, fietsen maken"))
    languages = text_field(_("Talen die u spreekt"), _("Met komma's ertussen: Nederlands, Turks, Engels"))
    could_use = text_field(_("Waar kunt u hulp bij gebruiken?"), multiline=True, rows=4)
    available = forms.MultipleChoiceField(
        label=_("Wanneer kunt u meestal?"), required=False, choices=SLOTS, widget=forms.CheckboxSelectMultiple
    )
    contact_way = forms.CharField(
        label=_("Hoe wilt u het liefst bereikt worden?"),
        required=False,
        widget=forms.RadioSelect(choices=ContactWay.choices),
    )
    street = forms.CharField(
        label=_("Uw straat"), required=False, widget=forms.Select(), help_text=_("Zo zien buren of u dichtbij woont.")
    )
    house_number = text_field(_("Huisnummer"))
    phone = text_field(_("Telefoonnummer"), autocomplete="tel")
    show_house_number = forms.BooleanField(label=_("Buren mogen mijn huisnummer zien"), required=False)
    show_phone = forms.BooleanField(label=_("Buren mogen mijn telefoonnummer zien"), required=False)
    show_email = forms.BooleanField(label=_("Buren mogen mijn e-mailadres zien"), required=False)
    notify_site = forms.MultipleChoiceField(
        label=_("Berichten op de site"),
        required=False,
        choices=NotificationKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    notify_email = forms.MultipleChoiceField(
        label=_("Berichten per e-mail"),
        required=False,
        choices=NotificationKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, streets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["street"].widget.choices = [("", _("Liever niet zeggen"))] + [(str(s.pk), s.name) for s in streets]

    def availability_grid(self) -> list[tuple[str, list[tuple[str, str, bool]]]]:
        """Rows of (weekday, [(value, part of day, checked)]) for a table of checkboxes."""
        chosen = set(self["available"].value() or [])
        return [
            (
                day_label,
                [(f"{day}_{part}", part_label, f"{day}_{part}" in chosen) for part, part_label in DayPart.choices],
            )
            for day, day_label in Weekday.choices
        ]

    def notification_grid(self) -> list[tuple[str, str, bool, bool]]:
        site = set(self["notify_site"].value() or [])
        email = set(self["notify_email"].value() or [])
        return [(kind, label, kind in site, kind in email) for kind, label in NotificationKind.choices]

    def to_input(self) -> ProfileInput:
        data = self.cleaned_data
        return ProfileInput(
            about=data.get("about") or "",
            offers=data.get("offers") or "",
            talents=words(data.get("talents")),
            languages=words(data.get("languages")),
            could_use=data.get("could_use") or "",
            available=list(data.get("available") or []),
            contact_way=data.get("contact_way") or ContactWay.SITE,
            street_id=as_int(data.get("street")),
            house_number=data.get("house_number") or "",
            phone=data.get("phone") or "",
            show_house_number=bool(data.get("show_house_number")),
            show_phone=bool(data.get("show_phone")),
            show_email=bool(data.get("show_email")),
            notify_site=list(data.get("notify_site") or []),
            notify_email=list(data.get("notify_email") or []),
        )

    @staticmethod
    def initial_from(profile: Profile) -> dict:
        return {
            "about": profile.about,
            "offers": profile.offers,
            "talents": ", ".join(profile.talents),
            "languages": ", ".join(profile.languages),
            "could_use": profile.could_use,
            "available": profile.available,
            "contact_way": profile.contact_way,
            "street": str(profile.street_id or ""),
            "house_number": profile.house_number,
            "phone": profile.phone,
            "show_house_number": profile.show_house_number,
            "show_phone": profile.show_phone,
            "show_email": profile.show_email,
            "notify_site": profile.notify_site,
            "notify_email": profile.notify_email,
        }


def profile_input_from(profile: Profile, **changes) -> ProfileInput:
    """The member's current profile as input, with a few changes (the three-step page sets the contact way)."""
    values = ProfileForm.initial_from(profile)
    data = ProfileInput(
        about=profile.about,
        offers=profile.offers,
        talents=list(profile.talents),
        languages=list(profile.languages),
        could_use=profile.could_use,
        available=list(profile.available),
        contact_way=profile.contact_way,
        street_id=profile.street_id,
        house_number=profile.house_number,
        phone=profile.phone,
        show_house_number=profile.show_house_number,
        show_phone=profile.show_phone,
        show_email=profile.show_email,
        notify_site=list(values["notify_site"]),
        notify_email=list(values["notify_email"]),
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


class ProxyForm(forms.Form):
    proxy_email = forms.CharField(
        label=_("E-mailadres van uw familielid"),
        required=False,
        help_text=_("Uw familielid heeft al een account op de Wijkmarkt (in welke wijk maakt niet uit)."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    relation = text_field(_("Wat is deze persoon van u?"), _("Bijvoorbeeld: dochter, neef, buurvrouw."))
    consent = forms.BooleanField(
        label=_("Ik geef deze persoon toestemming om namens mij vragen en aanbod te plaatsen en te reageren"),
        required=False,
    )

    def clean_consent(self):
        if not self.cleaned_data.get("consent"):
            raise ValidationError(_("Vink aan dat u toestemming geeft."), code="required")
        return True


# Moderation and categories -----------------------------------------------------------------------------------


class HandleReportForm(forms.Form):
    outcome = forms.CharField(
        label=_("Wat doet u met deze melding?"),
        required=False,
        widget=forms.RadioSelect(
            choices=[
                (Report.Outcome.DISMISSED, _("Niets aan de hand")),
                (Report.Outcome.HIDDEN, _("Verbergen")),
                (Report.Outcome.WARNED, _("Waarschuwen")),
                (Report.Outcome.SUSPENDED, _("Schorsen")),
            ]
        ),
    )
    reason = text_field(_("Reden"), _("Wordt bewaard. Bij waarschuwen leest het lid dit."), multiline=True, rows=3)


class CategoryForm(forms.Form):
    name = text_field(_("Naam"))


# "Hulp vragen" in three steps --------------------------------------------------------------------------------


class AskMoment:
    TODAY = "today"
    WEEK = "week"
    FLEXIBLE = "flexible"
    DATE = "date"
    choices = [
        (TODAY, _("Vandaag")),
        (WEEK, _("Deze week")),
        (FLEXIBLE, _("Maakt niet uit")),
        (DATE, _("Op een bepaalde dag")),
    ]


class AskForm(OnBehalfMixin, forms.Form):
    """All three steps in one form: each page shows one step's fields and carries the others as hidden fields."""

    category = forms.CharField(label=_("Waar heeft u hulp bij nodig?"), required=False)
    title = text_field(_("Zeg in een paar woorden wat u zoekt"), _("Bijvoorbeeld: iemand die mijn heg snoeit."))
    details = text_field(_("Wilt u er nog iets over vertellen? (mag leeg blijven)"), multiline=True, rows=4)
    moment = forms.CharField(
        label=_("Wanneer heeft u hulp nodig?"), required=False, widget=forms.RadioSelect(choices=AskMoment.choices)
    )
    on_date = date_field(_("Welke dag?"), _("Alleen als u 'Op een bepaalde dag' kiest."))
    contact_way = forms.CharField(
        label=_("Hoe kunnen buren u bereiken?"), required=False, widget=forms.RadioSelect(choices=ContactWay.choices)
    )
    phone = text_field(
        _("Uw telefoonnummer (mag leeg blijven)"),
        _("Alleen nodig als u gebeld wilt worden. Buren zien het alleen als u dat hieronder aanvinkt."),
        autocomplete="tel",
    )
    show_phone = forms.BooleanField(label=_("Buren mogen mijn telefoonnummer zien"), required=False)

    STEPS = {
        1: ("category", "title", "details"),
        2: ("moment", "on_date"),
        3: ("on_behalf_of", "contact_way", "phone", "show_phone"),
    }

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_on_behalf_field(members, label=_("Voor wie vraagt u hulp?"))

    def carried_fields(self, step: int):
        """The answers of the other steps, as hidden inputs, so going back and forth loses nothing."""
        shown = set(self.STEPS[step])
        return [self[name] for name in self.fields if name not in shown]

    def check_step(self, step: int) -> bool:
        """Only what a person must answer before going on; the action checks everything at the end."""
        data = self.cleaned_data
        if step == 1:
            if not data.get("category"):
                self.add_error("category", _("Kies waar u hulp bij nodig heeft."))
            if not (data.get("title") or "").strip():
                self.add_error("title", _("Vul in wat u zoekt."))
        elif step == 2:
            if not data.get("moment"):
                self.add_error("moment", _("Kies wanneer u hulp nodig heeft."))
            elif data.get("moment") == AskMoment.DATE and not data.get("on_date"):
                self.add_error("on_date", _("Vul de dag in, bijvoorbeeld 14-3-2027."))
        elif step == 3 and not data.get("contact_way"):
            self.add_error("contact_way", _("Kies hoe buren u kunnen bereiken."))
        return not any(self[name].errors for name in self.STEPS[step] if name in self.fields)

    def to_input(self, today: dt.date) -> ListingInput:
        data = self.cleaned_data
        title = (data.get("title") or "").strip()
        details = (data.get("details") or "").strip()
        moment = data.get("moment")
        when, starts_on, ends_on = When.FLEXIBLE, None, None
        if moment == AskMoment.TODAY:
            when, starts_on = When.DATE, today
        elif moment == AskMoment.WEEK:
            when, starts_on, ends_on = When.WINDOW, today, today + dt.timedelta(days=6 - today.weekday())
            if ends_on == starts_on:
                when, ends_on = When.DATE, None
        elif moment == AskMoment.DATE:
            when, starts_on = When.DATE, data.get("on_date")
        return ListingInput(
            kind=ListingKind.REQUEST,
            title=title,
            description=details or title,
            category_id=as_int(data.get("category")),
            when=when,
            starts_on=starts_on,
            ends_on=ends_on,
        )

    # Where the action's errors are shown: on the step that asked for it.
    ERROR_STEPS = {"title": 1, "description": 1, "category": 1, "starts_on": 2, "ends_on": 2, "when": 2}
    ERROR_FIELDS = {"description": "details", "starts_on": "on_date", "ends_on": "on_date", "when": "moment"}


def new_key() -> str:
    return f"page:{uuid.uuid4()}"


class GiveForm(OnBehalfMixin, forms.Form):
    """Giving points ("Mijn punten"). It carries an idempotency key made when the page is shown, so pressing the
    button twice (or resending after a lost answer) gives the points once."""

    email = text_field(
        _("E-mailadres van de ontvanger"),
        _("Weet u het e-mailadres niet? Vul dan de naam en de wijk in."),
        autocomplete="off",
    )
    name = text_field(_("Of: de naam van de ontvanger"), _("De voornaam, of voor- en achternaam"))
    wijk = forms.ChoiceField(label=_("In welke wijk woont de ontvanger?"), required=False)
    amount = text_field(_("Hoeveel punten?"), _("Een heel getal, bijvoorbeeld 5."), inputmode="numeric")
    note = text_field(_("Bericht (mag leeg blijven)"), _("Bijvoorbeeld: Voor mama, bedankt voor alles."))
    key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        wijken = Wijk.objects.filter(points_enabled=True, is_template=False).order_by("name")
        self.fields["wijk"].choices = [("", _("Kies een wijk")), *[(w.schema_name, w.name) for w in wijken]]
        self.add_on_behalf_field(members, label=_("Van wie zijn de punten?"))
        if "on_behalf_of" in self.fields:
            self.order_fields(["on_behalf_of"])
        if not self.is_bound:
            self.initial.setdefault("key", new_key())
