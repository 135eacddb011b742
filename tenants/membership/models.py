"""Who belongs to this wijk, and as what, and who may act for whom. Lives in the wijk's schema: a membership never
leaves its wijk.

Acting for someone else rests on three models every wijk app shares: a `Proxy` (a relative the member named), a
`Consent` (what the member agreed to, such as the makelaar acting for them) and the `ActingFor` log of everything
done in a member's name. The rules that read them are in access.py, their writes in actions/.

Proxy, Consent and ActingFor keep the tables they were created with (`marketplace_proxy`, `makelaar_consent`,
`makelaar_actingfor`): they moved here from the marketplace and the makelaar's app (issue 13) in the migration
state only (migrations/0003_acting_for_core.py), so every wijk schema keeps its rows and no table is rewritten."""

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


class PlacedAs(models.TextChoices):
    """In whose name something was done: the member themselves, their proxy, or the makelaar with their consent."""

    SELF = "self", _("Zelf")
    PROXY = "proxy", _("Door een familielid")
    MAKELAAR = "makelaar", _("Door de sociaal makelaar")


class Proxy(models.Model):
    """A relative (any citywide account, possibly outside Haarlem) who may act for a member, with consent."""

    principal = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="proxies")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=60)
    consent_recorded_at = models.DateTimeField()
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="the member or the makelaar"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "marketplace_proxy"  # its table from before the move (module docstring)
        constraints = [
            models.UniqueConstraint(
                fields=["principal", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_active_proxy_per_pair",
            ),
        ]


class ConsentTopic(models.TextChoices):
    REGISTRATION = "registration", _("Ingeschreven worden en gegevens laten bewaren door de makelaar")
    ACT_FOR = "act_for", _("De makelaar mag namens mij vragen plaatsen en reageren")
    SHARE_WITH_PARTNER = "share", _("Mijn vraag mag gedeeld worden met een partnerorganisatie")


class Consent(models.Model):
    """What a resident agreed to, when, and who wrote it down; withdrawn consent stays on record."""

    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="consents")
    topic = models.CharField(max_length=12, choices=ConsentTopic.choices)
    note = models.CharField(max_length=500, blank=True, help_text="in the resident's words, or how it was given")
    given_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        db_table = "makelaar_consent"  # its table from before the move (module docstring)
        ordering = ["-given_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "topic"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_topic",
            ),
        ]


class ActingWhat(models.TextChoices):
    """What someone did for a resident, as the resident reads it in their log."""

    REGISTER = "register", _("schreef u in bij de Wijkmarkt")
    CONSENT = "consent", _("schreef uw toestemming op")
    WITHDRAW_CONSENT = "consent_off", _("schreef op dat u uw toestemming intrekt")
    INVITE_LOGIN = "invite_login", _("stuurde u een e-mail om een wachtwoord te kiezen")
    PUBLISH_LISTING = "publish", _("plaatste een vraag of aanbod")
    UPDATE_LISTING = "update", _("wijzigde een vraag of aanbod")
    WITHDRAW_LISTING = "withdraw", _("trok een vraag of aanbod in")
    RENEW_LISTING = "renew", _("verlengde een vraag of aanbod")
    PHOTO = "photo", _("veranderde een foto bij een vraag of aanbod")
    RESPOND = "respond", _("reageerde op een vraag of aanbod")
    MESSAGE = "message", _("stuurde een bericht over een afspraak")
    AGREE = "agree", _("maakte een afspraak")
    DONE = "done", _("meldde dat een afspraak gedaan is")
    OBJECT = "object", _("meldde dat een afspraak niet gedaan is")
    CANCEL = "cancel", _("zegde een afspraak af")
    THANK = "thank", _("stuurde een bedankje")
    CONSENT_THANKS = "thanks_ok", _("gaf toestemming om een bedankje te tonen")
    REPORT = "report", _("meldde iets aan de moderatie")
    BLOCK = "block", _("blokkeerde of deblokkeerde iemand")
    RING = "ring", _("deed mee aan een ruil met meer buren")
    GIVE_POINTS = "points", _("gaf punten weg")
    PROXY = "proxy", _("schreef een gemachtigde voor u in of uit")
    # For household help and the Eigen Kracht Wijzer (tenants/care, tenants/wijzer) to call record_acting_for with.
    HELP_REQUEST = "help_request", _("vroeg huishoudelijke hulp aan")
    SELF_ASSESSMENT = "wijzer", _("vulde de Eigen Kracht Wijzer in")
    APPLICATION = "application", _("diende een aanvraag in bij de gemeente")
    SUPPORT_PLAN = "plan", _("sprak een ondersteuningsplan af")


class ActingFor(models.Model):
    """One thing a proxy or a makelaar did for a resident: who, for whom, what, on which object, when. Rows are only
    ever added; the resident, their proxy and the makelaar read them."""

    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_as = models.CharField(max_length=10, choices=PlacedAs.choices)
    # Null once the resident is erased; the entry stays, so what was done in their name remains accountable.
    member = models.ForeignKey(Membership, null=True, on_delete=models.SET_NULL, related_name="acted_for")
    what = models.CharField(max_length=12, choices=ActingWhat.choices)
    object_type = models.CharField(max_length=20, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        db_table = "makelaar_actingfor"  # its table from before the move (module docstring)
        ordering = ["-at", "-id"]
        # The index keeps the name it was given under its old table.
        indexes = [models.Index(fields=["member", "-at"], name="makelaar_ac_member__e45df9_idx")]
