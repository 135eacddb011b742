"""The access log: who read a resident's sensitive data (self-assessment answers, support plans, cases, signals).
Lives in the wijk's schema next to what it protects; rows are only ever added."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.membership.models import PlacedAs


class Sensitive(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("Eigen Kracht Wijzer")
    SUPPORT_PLAN = "support_plan", _("Ondersteuningsplan")
    CASE = "case", _("Dossier van de makelaar")
    SIGNAL = "signal", _("Signaal")
    EXPORT = "export", _("Download van alle gegevens")


class Channel(models.TextChoices):
    PAGE = "page", _("Website")
    GRAPHQL = "graphql", _("API")


class AccessLogEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The citywide account, not the membership: the log must outlive a reader who leaves the wijk.
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reader_role = models.CharField(max_length=20, blank=True)
    # Null once the subject is erased; the entry itself stays, so the reads remain accountable.
    subject = models.ForeignKey(
        "membership.Membership", null=True, on_delete=models.SET_NULL, related_name="access_log_entries"
    )
    what = models.CharField(max_length=20, choices=Sensitive.choices)
    object_id = models.PositiveBigIntegerField()
    via = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagen")
        indexes = [models.Index(fields=["subject", "-at"])]


class RequestKind(models.TextChoices):
    EXPORT = "export", _("Download van alle gegevens")
    ERASURE = "erasure", _("Verwijderen uit de wijk")


class PrivacyRequest(models.Model):
    """An export or erasure, asked by the resident or for them: who asked, for whom, when, what came of it. Read by
    the wijk's makelaar; rows are only ever added, and stay after the erasure they record."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=10, choices=RequestKind.choices)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_as = models.CharField(max_length=10, choices=PlacedAs.choices)  # the resident, a proxy, the makelaar
    # The membership row itself outlives an erasure (exchanges of others point at it), so this stays filled.
    subject = models.ForeignKey(
        "membership.Membership", null=True, on_delete=models.SET_NULL, related_name="privacy_requests"
    )
    via = models.CharField(max_length=10, choices=Channel.choices)
    # What was handed out or changed, per part ("marketplace.Listing.owner": 3): counts only, never content.
    summary = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("privacyverzoek")
        verbose_name_plural = _("privacyverzoeken")
        indexes = [models.Index(fields=["subject", "-at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["export", "erasure"]), name="privacy_request_kind_valid"
            )
        ]
