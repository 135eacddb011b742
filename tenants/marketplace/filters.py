"""The listing filters, shared by the browse page and the GraphQL connection (one way to filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.marketplace.models import Category, Listing, ListingKind, Street
from wijkmarkt.tenants.marketplace.selectors import near, text_search, urgent_first


class ListingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label=_("Zoeken"), max_length=200)
    kind = django_filters.ChoiceFilter(
        choices=ListingKind.choices, label=_("Vraag of aanbod"), empty_label=_("Allebei")
    )
    category = django_filters.ModelChoiceFilter(
        queryset=Category.objects.filter(retired_at__isnull=True), label=_("Soort hulp"), empty_label=_("Alle soorten")
    )
    date_from = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte", label=_("Vanaf datum"))
    date_to = django_filters.DateFilter(field_name="starts_on", lookup_expr="lte", label=_("Tot en met datum"))
    near_street = django_filters.ModelChoiceFilter(
        queryset=Street.objects.all(), method="filter_near", label=_("Dichtbij straat"), empty_label=_("Overal")
    )
    within_m = django_filters.NumberFilter(
        method="filter_nothing", label=_("Binnen (meter)"), min_value=50, max_value=5000
    )
    sort = django_filters.ChoiceFilter(
        choices=[
            ("newest", _("Nieuwste eerst")),
            ("urgent", _("Meest dringend eerst")),
            ("near", _("Dichtstbij eerst")),
        ],
        method="filter_nothing",
        label=_("Volgorde"),
        empty_label=None,
    )

    class Meta:
        model = Listing
        fields = ["q", "kind", "category", "date_from", "date_to", "near_street", "within_m", "sort"]

    def filter_text(self, queryset, name, value):
        return text_search(queryset, value) if value.strip() else queryset

    def filter_near(self, queryset, name, value):
        return near(queryset, value, self.form.cleaned_data.get("within_m"))

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied in `qs` below, after the other filters

    @property
    def qs(self):
        listings = super().qs
        sort = self.form.cleaned_data.get("sort") if self.form.is_valid() else None
        if sort == "urgent":
            return urgent_first(listings)
        if sort == "near" and self.form.cleaned_data.get("near_street"):
            return listings.order_by("distance_m", "-created_at")
        if self.form.is_valid() and (self.form.cleaned_data.get("q") or "").strip():
            return listings  # ranked by relevance
        return listings.order_by("-created_at")
