"""Household help (hulp bij het huishouden) of one wijk: the directory of providers a resident can choose from and
the requests for help sent to them.

Models hold fields and constraints only; every write is in actions.py."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.marketplace.models import DayPart, Street, Via, Weekday
from wijkmarkt.tenants.membership.models import Membership, PlacedAs


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
            models.UniqueConstraint(
                fields=["provider", "member"],
                condition=models.Q(status="sent"),
                name="one_open_help_request_per_provider",
            ),
        ]


DEFAULT_RESULT = _("Een schoon en leefbaar huis")


class SupportPlan(models.Model):
    """An ondersteuningsplan (support plan) a provider or the wijk's makelaar draws up with a resident. Its content
    lives in versions: a change makes a new version and the old ones stay, each with its own agreements."""

    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="support_plans")
    # The provider on the plan (its staff draw it up); empty when the makelaar draws it up alone.
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.PROTECT, related_name="plans")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "provider"], name="one_support_plan_per_provider"),
            models.UniqueConstraint(
                fields=["member"], condition=models.Q(provider__isnull=True), name="one_makelaar_support_plan"
            ),
        ]


class SupportPlanVersion(models.Model):
    """One wording of the plan. Never changed after it is written; the newest is the one to agree to."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    result = models.CharField(max_length=200)
    resident_part = models.TextField(max_length=2000, blank=True)
    network_part = models.TextField(max_length=2000, blank=True)
    provider_part = models.TextField(max_length=2000, blank=True)
    review_dates = ArrayField(models.DateField(), default=list, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_support_plan_version_number")]


class PlanSide(models.TextChoices):
    RESIDENT = "resident", _("De bewoner")
    PROFESSIONAL = "professional", _("De aanbieder of sociaal makelaar")


class PlanAgreement(models.Model):
    """One side's agreement to one version: the resident (or their proxy) and the provider's staff or makelaar."""

    version = models.ForeignKey(SupportPlanVersion, on_delete=models.CASCADE, related_name="agreements")
    side = models.CharField(max_length=12, choices=PlanSide.choices)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_as = models.CharField(max_length=10, choices=PlacedAs.choices, default=PlacedAs.SELF)
    agreed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreed_at"]
        constraints = [models.UniqueConstraint(fields=["version", "side"], name="one_agreement_per_side")]


class Moment(models.TextChoices):
    START = "start", _("Bij de start")
    BETWEEN = "between", _("Tussendoor")
    END = "end", _("Aan het einde")


# The fixed satisfaction survey: a score of 1 (heel ontevreden) to 5 (heel tevreden) per question. Its order is the
# order of SatisfactionMeasurement.scores, so questions are only ever added at the end.
SATISFACTION_QUESTIONS = [
    _("Hoe tevreden bent u over hoe schoon en leefbaar uw huis is?"),
    _("Hoe tevreden bent u over de hulp die u krijgt?"),
    _("Hoe tevreden bent u over wat u zelf nog kunt doen?"),
    _("Hoe tevreden bent u over de hulp van familie, buren en vrienden?"),
    _("Hoe tevreden bent u over de afspraken in uw plan?"),
]
SCORES = [
    (1, _("Heel ontevreden")),
    (2, _("Ontevreden")),
    (3, _("Niet tevreden, niet ontevreden")),
    (4, _("Tevreden")),
    (5, _("Heel tevreden")),
]


class SatisfactionMeasurement(models.Model):
    """The answers to the fixed satisfaction survey (SATISFACTION_QUESTIONS, each 1 to 5) at one moment of a plan,
    for the evaluation of start against end (seeds/INVENTORY.md 5.4)."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="measurements")
    moment = models.CharField(max_length=8, choices=Moment.choices)
    scores = ArrayField(models.PositiveSmallIntegerField())
    measured_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Filled in by the resident (or their proxy), or with them by the provider or makelaar.
    side = models.CharField(max_length=12, choices=PlanSide.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measured_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "moment"],
                condition=~models.Q(moment="between"),
                name="one_start_and_one_end_measurement",
            ),
            models.CheckConstraint(
                condition=models.Q(moment__in=["start", "between", "end"]), name="satisfaction_moment_valid"
            ),
        ]
        indexes = [models.Index(fields=["moment", "measured_on"])]

    @property
    def average(self) -> float:
        return sum(self.scores) / len(self.scores)
