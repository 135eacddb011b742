"""The console's forms. They only carry what was typed; the actions (actions.py, evaluation.validate_period) decide
what is valid and their errors are shown next to the fields (add_action_errors)."""

from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.console.actions import logo_choices
from wijkmarkt.platform.wijken.models import Module, WijkStatus
from wijkmarkt.themes.registry import available_themes

if TYPE_CHECKING:  # django-stubs is a development dependency
    from django_stubs_ext import StrOrPromise

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


def _date_field(label: "StrOrPromise") -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.")},
    )


def _theme_choices():
    return [(theme, theme) for theme in sorted(available_themes())]


def _logo_choices():
    return [("", _("Geen logo"))] + [(logo, logo) for logo in logo_choices()]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=WijkStatus.choices, widget=forms.RadioSelect)


class BrandingForm(forms.Form):
    name = forms.CharField(label=_("Naam van de wijk"), required=False)
    tagline = forms.CharField(label=_("Ondertitel"), required=False, help_text=_("Hoogstens 160 tekens."))
    theme = forms.ChoiceField(label=_("Thema"), choices=_theme_choices)
    primary_colour = forms.CharField(
        label=_("Hoofdkleur"),
        required=False,
        help_text=_("Als #RRGGBB, bijvoorbeeld #1d4f91. Witte tekst moet er goed op leesbaar zijn (contrast 4,5:1)."),
    )
    logo = forms.ChoiceField(label=_("Logo"), choices=_logo_choices, required=False)


class RulesForm(forms.Form):
    modules = forms.MultipleChoiceField(
        label=_("Onderdelen die aan staan"),
        choices=Module.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    points_enabled = forms.BooleanField(label=_("Punten aan in deze wijk"), required=False)
    listing_expiry_days = forms.CharField(
        label=_("Dagen tot een vraag of aanbod verloopt"),
        help_text=_("Van 7 tot en met 365."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    done_objection_days = forms.CharField(
        label=_("Dagen om bezwaar te maken tegen 'gedaan'"),
        help_text=_("Van 1 tot en met 60."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    house_rules = forms.CharField(label=_("Huisregels"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    postcodes = forms.CharField(
        label=_("Postcodes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel of met komma's ertussen, bijvoorbeeld 2032 of 2032 AB."),
    )

    def postcode_list(self) -> list[str]:
        return [part for part in self.cleaned_data["postcodes"].replace(",", "\n").splitlines() if part.strip()]


class ProvisionForm(BrandingForm):
    slug = forms.CharField(
        label=_("Korte naam"),
        required=False,
        help_text=_("Kleine letters en cijfers, zonder spaties. Wordt het adres: <korte naam>.wijkmarkt.nl."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=WijkStatus.choices, initial=WijkStatus.PLANNED)
    areas = forms.CharField(label=_("Buurten"), required=False, help_text=_("Met komma's ertussen."))

    field_order = ["name", "slug", "status", "areas", "tagline", "theme", "primary_colour", "logo"]

    def area_list(self) -> list[str]:
        return [part for part in self.cleaned_data["areas"].split(",") if part.strip()]


class CoordinatorForm(forms.Form):
    email = forms.CharField(label=_("E-mailadres"), required=False, widget=forms.EmailInput())


class PartnerLinkForm(forms.Form):
    partner = forms.ChoiceField(label=_("Partner"))
    offer = forms.CharField(label=_("Aanbod in deze wijk"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.partners = list(partners)
        partner = cast(forms.ChoiceField, self.fields["partner"])
        partner.choices = [("", _("Kies een partner"))] + [(p.slug, p.name) for p in self.partners]

    def chosen_partner(self):
        """The partner picked, or None. Found among the choices, so what was sent never reaches a query (a NUL in
        it made PostgreSQL fail: HTTP 500)."""
        slug = self.data.get("partner", "")
        return next((partner for partner in self.partners if partner.slug == slug), None)


class PeriodForm(forms.Form):
    since = _date_field(_("Van"))
    until = _date_field(_("Tot en met"))
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        wijk = cast(forms.ChoiceField, self.fields["wijk"])
        wijk.choices = [("", _("Alle wijken"))] + [(w.slug, w.name) for w in wijken]


class AuditFilterForm(PeriodForm):
    coordinator = forms.ChoiceField(label=_("Coördinator"), required=False)

    def __init__(self, *args, coordinators=(), **kwargs):
        super().__init__(*args, **kwargs)
        coordinator = cast(forms.ChoiceField, self.fields["coordinator"])
        coordinator.choices = [("", _("Alle coördinatoren"))] + [(e, e) for e in coordinators]
