"""The wijk registry (public schema): each wijk is a django-tenants tenant with its own schema and domains.

Theme settings and local rules are typed, validated columns rather than free JSON, so a wrong value is refused at
the edge with a message, and GraphQL can describe every field."""

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from wijkmarkt.themes.registry import validate_primary_colour, validate_theme_name


class WijkStatus(models.TextChoices):
    PLANNED = "planned", _("In voorbereiding")
    PILOT = "pilot", _("Proef")
    LIVE = "live", _("Open")
    PAUSED = "paused", _("Gepauzeerd")
    ENDED = "ended", _("Gestopt")


# What each status means for the site; read by pages and actions instead of comparing statuses everywhere.
OPEN_FOR_SIGN_UP = {WijkStatus.PILOT, WijkStatus.LIVE}
SITE_VISIBLE = {WijkStatus.PILOT, WijkStatus.LIVE, WijkStatus.PAUSED}


class Module(models.TextChoices):
    MARKETPLACE = "marketplace", _("Vraag en aanbod")
    CHAT = "chat", _("Chat met buren")
    BUURTKAMER = "buurtkamer", _("Buurtkamer (open chat)")
    CARE = "care", _("Hulp bij het huishouden en de Eigen Kracht Wijzer")


def default_modules() -> list[str]:
    return [Module.MARKETPLACE, Module.CHAT, Module.BUURTKAMER, Module.CARE]


postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3}( ?[A-Z]{2})?$",
    _("Een postcode is vier cijfers, eventueel met twee hoofdletters: 2032 of 2032 AB."),
    code="invalid_postcode",
)


class Wijk(TenantMixin):
    """A wijk: its schema name is its slug, the first label of its domain."""

    name = models.CharField(_("naam"), max_length=80)
    status = models.CharField(_("status"), max_length=10, choices=WijkStatus.choices, default=WijkStatus.PLANNED)
    # The template schema new wijken are cloned from; a tenant row so migrate_schemas keeps it current.
    is_template = models.BooleanField(default=False)
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)
    areas = ArrayField(models.CharField(max_length=80), default=list, blank=True, verbose_name=_("buurten"))

    theme = models.CharField(_("thema"), max_length=40, default="base", validators=[validate_theme_name])
    tagline = models.CharField(_("ondertitel"), max_length=160, blank=True)
    primary_colour = models.CharField(
        _("hoofdkleur"), max_length=7, default="#1d4f91", validators=[validate_primary_colour]
    )
    logo = models.CharField(_("logo"), max_length=200, blank=True, help_text=_("Pad binnen de statische bestanden"))

    modules = ArrayField(models.CharField(max_length=20, choices=Module.choices), default=default_modules, blank=True)
    points_enabled = models.BooleanField(_("punten aan"), default=False)
    # With points on: what a done exchange earns the helper per agreed hour (platform/ledger).
    points_per_hour = models.PositiveSmallIntegerField(
        _("punten per uur hulp"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    listing_expiry_days = models.PositiveSmallIntegerField(
        _("dagen tot een vraag of aanbod verloopt"),
        default=60,
        validators=[MinValueValidator(7), MaxValueValidator(365)],
    )
    done_objection_days = models.PositiveSmallIntegerField(
        _("dagen om bezwaar te maken tegen 'gedaan'"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Als één van beiden 'gedaan' meldt en de ander niets zegt, is de afspraak na zoveel dagen gedaan."),
    )
    # The makelaar's closed signals and cases (with their hand-overs) are deleted this long after closing
    # (./wijkmarkt manage purge_expired); open ones are kept whatever their age.
    makelaar_retention_months = models.PositiveSmallIntegerField(
        _("maanden dat afgehandelde signalen en dossiers bewaard blijven"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    house_rules = models.TextField(_("huisregels"), max_length=5000, blank=True)
    postcodes = ArrayField(models.CharField(max_length=7, validators=[postcode_validator]), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # provision_wijk creates the schema itself (clone_schema installed once per process, not before every clone).
    auto_create_schema = False

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=WijkStatus.values), name="wijk_status_valid"),
            models.CheckConstraint(
                condition=models.Q(listing_expiry_days__gte=7, listing_expiry_days__lte=365),
                name="wijk_listing_expiry_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(points_per_hour__gte=1, points_per_hour__lte=100),
                name="wijk_points_per_hour_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(makelaar_retention_months__gte=1, makelaar_retention_months__lte=120),
                name="wijk_makelaar_retention_in_range",
            ),
            # The colour is written into a stylesheet (themes/views.py): never anything but #RRGGBB.
            models.CheckConstraint(
                condition=models.Q(primary_colour__regex=r"^#[0-9a-fA-F]{6}$"), name="wijk_primary_colour_hex"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def slug(self) -> str:
        return self.schema_name

    @property
    def open_for_sign_up(self) -> bool:
        return self.status in OPEN_FOR_SIGN_UP

    @property
    def site_visible(self) -> bool:
        return self.status in SITE_VISIBLE

    def has_module(self, module: Module) -> bool:
        return module in self.modules


class Domain(DomainMixin):
    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
