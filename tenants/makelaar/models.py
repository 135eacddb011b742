"""The sociaal makelaar's work in one wijk: residents registered without a login, cases (intake) with their warm
hand-overs to partners, and signals of worry about a resident. A resident's consent and the log of everything done
for them by someone else are the wijk's shared core (tenants/membership/models.py).

Cases and signals are sensitive: only the wijk's makelaars read them (tenants/makelaar/access.py), and every read by
someone other than the resident is written to the access log (tenants/privacy). Models hold fields and constraints
only; every write is in actions/."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.partners.models import ContactPerson
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
            models.Index(
                fields=["follow_up_on", "id"], condition=~models.Q(status="closed"), name="makelaar_case_worklist_open"
            ),
        ]


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
