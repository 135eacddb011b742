"""The sociaal makelaar's work in one wijk: residents registered without a login and their consent, the log of
everything done for a resident by someone else, cases (intake) with their warm hand-overs to partners, and signals
of worry about a resident.

Cases and signals are sensitive: only the wijk's makelaars read them (tenants/makelaar/access.py), and every read by
someone other than the resident is written to the access log (tenants/privacy). Models hold fields and constraints
only; every write is in actions/."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.partners.models import ContactPerson
from wijkmarkt.tenants.marketplace.models import PlacedAs
from wijkmarkt.tenants.membership.models import Membership


class OfflineResident(models.Model):
    """A resident the makelaar registered because they are not online: their account has an unusable password and
    a reserved address that can never receive mail (actions/residents.py), until they want a login."""

    member = models.OneToOneField(Membership, on_delete=models.CASCADE, related_name="offline")
    phone = models.CharField(max_length=30, blank=True)
    reach = models.CharField(max_length=300, blank=True, help_text="how to reach them: times, a neighbour, a relative")
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)
    login_invited_at = models.DateTimeField(null=True, blank=True)


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
        ordering = ["-given_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "topic"], condition=models.Q(withdrawn_at__isnull=True),
                                    name="one_active_consent_per_topic"),
        ]  # fmt: skip


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
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["member", "-at"])]


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Loopt")
    WAITING = "waiting", _("Wacht op een ander")
    CLOSED = "closed", _("Afgesloten")


class Case(models.Model):
    """The makelaar's short case for one resident: their question, what was agreed, when to follow up."""

    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="cases")
    makelaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    question = models.TextField(max_length=2000)
    agreements = models.TextField(max_length=4000, blank=True)
    follow_up_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    outcome = models.TextField(max_length=2000, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            # The worklist (selectors.worklist): cases that are not closed, by follow-up date, read in index order
            # so a page of 10 or 200 stops after its rows instead of sorting every open case
            # (tests/performance/bench_worklist.py).
            models.Index(fields=["follow_up_on", "id"], condition=~models.Q(status="closed"),
                         name="makelaar_case_worklist_open"),
        ]  # fmt: skip


class HandOverStatus(models.TextChoices):
    OPEN = "open", _("Overgedragen, nog geen uitkomst")
    DONE = "done", _("Uitkomst bekend")


class HandOver(models.Model):
    """A warm hand-over: the case goes to a named contact person of a partner organisation, with the resident's
    consent and a record of what was passed on; the outcome is written down later."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hand_overs")
    # The contact person in the citywide partner directory (public schema), when the makelaar picked one. No
    # database constraint: a partner leaving the directory must not be blocked by (or reach into) the hand-overs
    # of every wijk schema. Organisation, name and details below are what was recorded at the time, kept as the
    # record of whom the case went to, whatever later happens to the directory.
    contact = models.ForeignKey(
        ContactPerson, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    organisation = models.CharField(max_length=120)
    contact_name = models.CharField(max_length=120)
    contact_details = models.CharField(max_length=200, blank=True)
    passed_on = models.TextField(max_length=2000)
    consent_note = models.CharField(max_length=500, help_text="how the resident agreed to this hand-over")
    handed_over_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    handed_over_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=6, choices=HandOverStatus.choices, default=HandOverStatus.OPEN)
    outcome = models.TextField(max_length=2000, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-handed_over_at", "-id"]


class SignalStatus(models.TextChoices):
    RECEIVED = "received", _("Ontvangen")
    FOLLOWING_UP = "following", _("De makelaar gaat erachteraan")
    CLOSED = "closed", _("Afgehandeld")


class Signal(models.Model):
    """A worry about a resident, from any member or partner professional, for the wijk's makelaars only. It is no
    post: never in search, chat or any list but theirs. The reporter learns only that it arrived and was handled."""

    about_member = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals_about"
    )
    about = models.CharField(max_length=200, help_text="who it is about, as the reporter knows them")
    worry = models.TextField(max_length=2000)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reporter_role = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=SignalStatus.choices, default=SignalStatus.RECEIVED)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    follow_up = models.TextField(max_length=2000, blank=True)
    outcome = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
