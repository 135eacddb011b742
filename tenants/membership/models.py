"""Who belongs to this wijk, and as what. Lives in the wijk's schema: a membership never leaves its wijk."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import Role


class Membership(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    street = models.CharField(_("straat"), max_length=80, blank=True)
    accepted_house_rules_at = models.DateTimeField(_("huisregels geaccepteerd op"))
    joined_at = models.DateTimeField(auto_now_add=True)
    # Set by moderation (tenants/marketplace/actions/moderation.py): a suspended member can read but not act.
    suspended_at = models.DateTimeField(null=True, blank=True)
    suspended_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.CheckConstraint(condition=models.Q(role__in=Role.values), name="membership_role_valid")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
