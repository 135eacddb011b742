"""The coordinators' audit log (public schema): every coordinator action and every cross-wijk read the console does.

Rows refer to a wijk by its slug, never by a foreign key into a wijk schema (ARCHITECTURE.md: public tables hold no
foreign keys into tenant tables); the coordinator's e-mail is kept beside the account so an entry stays readable
after the account is gone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    SET_STATUS = "set_status", _("Status van een wijk gewijzigd")
    UPDATE_BRANDING = "branding", _("Uiterlijk van een wijk gewijzigd")
    UPDATE_RULES = "rules", _("Regels van een wijk gewijzigd")
    PROVISION = "provision", _("Nieuwe wijk aangemaakt")
    LINK_PARTNER = "link_partner", _("Partner aan een wijk gekoppeld")
    UNLINK_PARTNER = "unlink_partner", _("Partner van een wijk losgekoppeld")
    GRANT_COORDINATOR = "grant", _("Coördinator-rol gegeven")
    REVOKE_COORDINATOR = "revoke", _("Coördinator-rol afgenomen")
    READ_FIGURES = "read_figures", _("Cijfers van wijken bekeken")
    EXPORT_FIGURES = "export_figures", _("Cijfers van wijken gedownload")


class AuditVia(models.TextChoices):
    PAGE = "page", _("Website")
    GRAPHQL = "graphql", _("API")


class AuditEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    coordinator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    coordinator_email = models.CharField(max_length=254)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    via = models.CharField(max_length=10, choices=AuditVia.choices)
    # The wijken the action touched or read (slugs); empty for a citywide action such as granting a role.
    wijken = models.JSONField(default=list, blank=True)
    summary = models.CharField(max_length=500)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["coordinator", "-at"], name="audit_by_coordinator")]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek van coördinatoren")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.coordinator_email}: {self.summary}"
