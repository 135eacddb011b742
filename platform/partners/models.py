"""The citywide partner directory (public schema): the covenant's partner organisations, their contact persons, and
which partner is active in which wijk with what offer and which contact person there.

Public tables never hold foreign keys into tenant tables; tenant tables may point here (a hand-over in a wijk names a
ContactPerson). Models hold fields and constraints only; every write is in actions.py."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.wijken.models import Wijk


class PartnerKind(models.TextChoices):
    """The covenant's groups of partners (seeds/INVENTORY.md 4, Bijlage 2)."""

    WELFARE = "welfare", _("Welzijnsorganisatie")
    CARE = "care", _("Zorgaanbieder")
    HOUSING = "housing", _("Woningcorporatie")
    COUNTER = "counter", _("Loket")
    LIBRARY = "library", _("Bibliotheek")
    OTHER = "other", _("Andere partner")


class Partner(models.Model):
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(_("soort"), max_length=10, choices=PartnerKind.choices)
    offer = models.TextField(_("wat de partner biedt"), max_length=2000, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.CharField(_("e-mailadres"), max_length=120, blank=True)
    # Partners may join and leave (the covenant); a partner that left keeps its history but is shown nowhere.
    active = models.BooleanField(_("doet mee"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partnerorganisatie")
        verbose_name_plural = _("partnerorganisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="partner_name_unique_ci"),
            models.CheckConstraint(condition=models.Q(kind__in=PartnerKind.values), name="partner_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name


class ContactPerson(models.Model):
    """A named, mandated contact person of a partner (aandachtsfunctionaris): a hand-over goes to one of them."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partner"))
    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(_("functie"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.CharField(_("e-mailadres"), max_length=120, blank=True)
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "name"], name="contact_person_unique_per_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner.name})" if self.partner_id else self.name


class WijkPartner(models.Model):
    """A partner active in a wijk: what it offers there and whom to contact there."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="partner_links", verbose_name=_("wijk"))
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="wijk_links", verbose_name=_("partner"))
    offer = models.TextField(_("aanbod in de wijk"), max_length=2000, blank=True)
    # Must be a contact of the same partner: actions.link_partner_to_wijk checks it.
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wijk_links",
        verbose_name=_("contactpersoon in de wijk"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partner in de wijk")
        verbose_name_plural = _("partners in de wijk")
        constraints = [models.UniqueConstraint(fields=["wijk", "partner"], name="wijk_partner_unique")]

    def __str__(self) -> str:
        return f"{self.partner} in {self.wijk}"
