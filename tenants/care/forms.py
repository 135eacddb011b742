"""Page forms of household help: fields, labels and parsing only. The rules live in the actions, so the page and
GraphQL refuse the same things with the same Dutch message; fields are `required=False` for that reason."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.forms import DATE_FORMATS, as_int, text_field
from wijkmarkt.tenants.care.models import SATISFACTION_QUESTIONS, SCORES, SLOTS, Activity, Moment
from wijkmarkt.tenants.care.selectors import slot_label
from wijkmarkt.tenants.membership.pages import OnBehalfMixin


class HelpRequestForm(OnBehalfMixin, forms.Form):
    activities = forms.MultipleChoiceField(
        label=_("Waarmee wilt u hulp?"), choices=Activity.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    times = forms.MultipleChoiceField(
        label=_("Wanneer komt het u goed uit?"),
        help_text=_("Kies niets als het u niet uitmaakt."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = text_field(
        _("Wilt u nog iets vertellen?"), _("Bijvoorbeeld: ik heb een hond, of bel eerst aan."), multiline=True, rows=4
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["times"].choices = [(slot, slot_label(slot)) for slot in SLOTS]
        self.add_on_behalf_field(members, label=_("Voor wie vraagt u hulp?"))
        if "on_behalf_of" in self.fields:
            self.order_fields(["on_behalf_of"])


class AnswerForm(forms.Form):
    message = text_field(_("Bericht aan de bewoner"), _("Bijvoorbeeld wanneer u langskomt."), multiline=True, rows=3)


def _choice_list(label, choices, help_text=""):
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, help_text=help_text, widget=forms.CheckboxSelectMultiple
    )


class ProviderEntryForm(forms.Form):
    """What a provider's staff change about their own entry (name and kind are the wijk's to set)."""

    description = text_field(
        _("Over uw organisatie"), _("Wat u doet en voor wie. Maximaal 1000 tekens."), multiline=True, rows=4
    )
    activities = _choice_list(_("Welke hulp biedt u?"), Activity.choices)
    areas = _choice_list(_("In welke buurten werkt u?"), [], _("Kies niets als u in de hele wijk werkt."))
    available = _choice_list(_("Wanneer werkt u?"), [], _("Kies niets als de tijden in overleg gaan."))
    in_natura = forms.BooleanField(label=_("Zorg in natura: de gemeente betaalt"), required=False)
    pgb = forms.BooleanField(label=_("Te betalen uit een persoonsgebonden budget (pgb)"), required=False)
    street = forms.ModelChoiceField(
        label=_("Straat van uw vestiging"),
        queryset=None,
        required=False,
        empty_label=_("Geen straat tonen"),
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    phone = text_field(_("Telefoon"))
    email = text_field(_("E-mail"))
    address = text_field(_("Adres"))
    website = text_field(_("Website"))

    def __init__(self, *args, areas=(), streets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = [(area, area) for area in areas]
        self.fields["available"].choices = [(slot, slot_label(slot)) for slot in SLOTS]
        self.fields["street"].queryset = streets


class PlanForm(OnBehalfMixin, forms.Form):
    result = text_field(_("Het resultaat dat u samen afspreekt"), _("Bijvoorbeeld: een schoon en leefbaar huis."))
    resident_part = text_field(
        _("Wat doet de bewoner zelf?"), _("Bijvoorbeeld: afwassen en de was vouwen."), multiline=True, rows=4
    )
    network_part = text_field(
        _("Wat doen familie, buren en vrienden?"),
        _("Bijvoorbeeld: dochter Carla doet elke zaterdag de boodschappen."),
        multiline=True,
        rows=4,
    )
    provider_part = text_field(
        _("Wat doet de aanbieder?"),
        _("Bijvoorbeeld: elke dinsdagochtend stofzuigen en de badkamer schoonmaken."),
        multiline=True,
        rows=4,
    )
    # Text, not DateField: a date that does not parse reaches the action, which names it next to the field together
    # with every other error of the plan (a form error would hide those until the date is fixed).
    review_1 = text_field(_("Eerste datum om samen terug te kijken"), _("Bijvoorbeeld 14-3-2027."), type="date")
    review_2 = text_field(_("Tweede datum (mag leeg blijven)"), type="date")
    review_3 = text_field(_("Derde datum (mag leeg blijven)"), type="date")

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_on_behalf_field(members, label=_("Met wie maakt u dit plan?"))
        if "on_behalf_of" in self.fields:
            self.order_fields(["on_behalf_of"])

    def review_dates(self) -> list:
        """The dates typed, parsed; what does not parse is passed on as typed, for the action to refuse."""
        typed = [(self.cleaned_data[name] or "").strip() for name in ("review_1", "review_2", "review_3")]
        return [_as_date(text) for text in typed if text]


def _as_date(text: str) -> dt.date | str:
    for layout in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return text


class SatisfactionForm(forms.Form):
    moment = forms.CharField(
        label=_("Wanneer is deze meting?"), required=False, widget=forms.RadioSelect(choices=Moment.choices)
    )
    measured_on = text_field(_("Datum van de meting"), _("Laat leeg voor vandaag."), type="date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(SATISFACTION_QUESTIONS, start=1):
            self.fields[f"q{number}"] = forms.CharField(
                label=question, required=False, widget=forms.RadioSelect(choices=SCORES)
            )

    def questions(self):
        return [self[f"q{number}"] for number in range(1, len(SATISFACTION_QUESTIONS) + 1)]

    def day(self) -> dt.date | str | None:
        text = (self.cleaned_data.get("measured_on") or "").strip()
        return _as_date(text) if text else None

    def scores(self) -> list[int | None]:
        """The answers as numbers for the action, which says what is wrong (an unknown answer is out of range)."""
        return [as_int(self.cleaned_data.get(f"q{number}")) for number in range(1, len(SATISFACTION_QUESTIONS) + 1)]
