"""The provider search, shared by the directory page and the GraphQL connection (one way to search)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.care.models import Activity, Provider, ProviderKind
from wijkmarkt.tenants.care.selectors import available_in, doing, in_area, paid_by, providers_near, wanted_slots
from wijkmarkt.tenants.marketplace.models import DayPart, Street, Weekday

FUNDING_CHOICES = [
    ("natura", _("Zorg in natura (via de gemeente)")),
    ("pgb", _("Met een persoonsgebonden budget")),
    ("private", _("Niet in natura: ik betaal zelf of met een pgb")),
]


class ProviderFilter(django_filters.FilterSet):
    activity = django_filters.MultipleChoiceFilter(
        choices=Activity.choices,
        method="filter_activity",
        label=_("Waarmee wilt u hulp?"),
        widget=forms.CheckboxSelectMultiple,
    )
    days = django_filters.MultipleChoiceFilter(
        choices=Weekday.choices,
        method="filter_nothing",
        label=_("Op welke dagen?"),
        widget=forms.CheckboxSelectMultiple,
    )
    parts = django_filters.MultipleChoiceFilter(
        choices=DayPart.choices,
        method="filter_nothing",
        label=_("Welk deel van de dag?"),
        widget=forms.CheckboxSelectMultiple,
    )
    funding = django_filters.ChoiceFilter(
        choices=FUNDING_CHOICES, method="filter_funding", label=_("Hoe betaalt u?"), empty_label=_("Maakt niet uit")
    )
    kind = django_filters.ChoiceFilter(
        choices=ProviderKind.choices, label=_("Soort aanbieder"), empty_label=_("Alle soorten")
    )
    area = django_filters.ChoiceFilter(
        choices=[], method="filter_area", label=_("In welke buurt woont u?"), empty_label=_("De hele wijk")
    )
    near_street = django_filters.ModelChoiceFilter(
        queryset=Street.objects.all(), method="filter_near", label=_("Dichtbij straat"), empty_label=_("Overal")
    )
    within_m = django_filters.NumberFilter(
        method="filter_nothing", label=_("Binnen (meter)"), min_value=50, max_value=5000
    )

    class Meta:
        model = Provider
        fields = ["activity", "days", "parts", "funding", "kind", "area", "near_street", "within_m"]

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["area"].extra["choices"] = [(area, area) for area in areas]
        self.form.fields["area"].choices = [("", _("De hele wijk")), *((area, area) for area in areas)]

    def filter_area(self, queryset, name, value):
        return in_area(queryset, value)

    def filter_activity(self, queryset, name, value):
        return doing(queryset, list(value))

    def filter_funding(self, queryset, name, value):
        return paid_by(queryset, value)

    def filter_near(self, queryset, name, value):
        return providers_near(queryset, value, self.form.cleaned_data.get("within_m"))

    def filter_nothing(self, queryset, name, value):
        return queryset  # days and parts are applied together in `qs`, within_m by filter_near

    @property
    def slots(self) -> list[str]:
        if not self.form.is_valid():
            return []
        return wanted_slots(
            list(self.form.cleaned_data.get("days") or []), list(self.form.cleaned_data.get("parts") or [])
        )

    @property
    def qs(self):
        providers = available_in(super().qs, self.slots)
        if self.form.is_valid() and self.form.cleaned_data.get("near_street"):
            return providers.order_by("distance_m", "name")
        return providers.order_by("name")
