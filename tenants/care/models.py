"""Household help (hulp bij het huishouden) of one wijk: the directory of providers a resident can choose from and
the requests for help sent to them.

Models hold fields and constraints only; every write is in actions.py."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.marketplace.models import DayPart, PlacedAs, Street, Via, Weekday
from wijkmarkt.tenants.membership.models import Membership


class ProviderKind(models.TextChoices):
    """The provider types the 2010 project definition names (seeds/INVENTORY.md 5.2)."""

    CONTRACTED = "contracted", _("Zorgaanbieder, gecontracteerd door de gemeente")
    INDEPENDENT = "independent", _("Alfahulp of witte werkster")
    STUDENT = "student", _("Scholier of student")
    COMPANY = "company", _("Schoonmaakbedrijf")
    TEAM = "team", _("Buurtteam")


class Activity(models.TextChoices):
    """Category-1 household help."""

    SHOPPING = "shopping", _("dagelijkse boodschappen")
    HOT_MEAL = "hot_meal", _("warme maaltijd")
    BREAD_MEAL = "bread_meal", _("broodmaaltijd")
    LIGHT = "light", _("licht huishoudelijk werk")
    HEAVY = "heavy", _("zwaar huishoudelijk werk")
    LINEN = "linen", _("verzorging van kleding en linnengoed")


# A time a provider works or a resident wants help: "tue_morning", in week order.
SLOTS = [f"{day}_{part}" for day in Weekday.values for part in DayPart.values]


class Provider(models.Model):
    """A household-help provider in this wijk's directory. `available` holds slots like "tue_morning"
    (marketplace Weekday x DayPart); `areas` are names from the wijk's areas."""

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=12, choices=ProviderKind.choices)
    description = models.TextField(max_length=1000, blank=True)
    activities = ArrayField(models.CharField(max_length=12, choices=Activity.choices), default=list)
    areas = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    available = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    in_natura = models.BooleanField(default=False, help_text="works in natura (paid by the municipality)")
    pgb = models.BooleanField(default=False, help_text="can be paid from a personal budget")
    street = models.ForeignKey(Street, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    phone = models.CharField(max_length=30, blank=True)
    email = models.CharField(max_length=120, blank=True)
    address = models.CharField(max_length=200, blank=True)
    website = models.CharField(max_length=200, blank=True)
    staff = models.ManyToManyField(Membership, blank=True, related_name="care_providers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HelpRequestStatus(models.TextChoices):
    SENT = "sent", _("Verstuurd")
    ACCEPTED = "accepted", _("Aangenomen")
    DECLINED = "declined", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class HelpRequest(models.Model):
    """A request for household help from a resident (sent by them, their proxy or the makelaar) to one provider."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="requests")
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="help_requests")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_as = models.CharField(max_length=10, choices=PlacedAs.choices, default=PlacedAs.SELF)
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.WEBSITE)
    activities = ArrayField(models.CharField(max_length=12, choices=Activity.choices), default=list)
    times = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=HelpRequestStatus.choices, default=HelpRequestStatus.SENT)
    answer = models.TextField(max_length=1000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "member"], condition=models.Q(status="sent"),
                                    name="one_open_help_request_per_provider"),
        ]  # fmt: skip
