"""The Eigen Kracht Wijzer of one wijk: the versioned rule set that maps answers to suggestions, the residents'
assessments (a draft to resume, or finished with the outcome and the rule version that produced it), and the
application to the municipality for the need that remains.

Answers are sensitive (tenants/privacy): only the resident, their proxy and the wijk's makelaar reach them, through
access.py. Models hold fields and constraints only; every write is in actions.py."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.membership.models import Membership, PlacedAs


class RuleSet(models.Model):
    """One version of the wijk's rules (rules.py describes the format). Never edited: a change is a new version,
    so every finished assessment can still be explained by the version it was made with."""

    version = models.PositiveIntegerField(unique=True)
    rules = models.JSONField()
    note = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Nog niet af")
    FINISHED = "finished", _("Af")


class Assessment(models.Model):
    """One run of the Wijzer for a resident. `answers` maps a question key to a list of codes (questions.py);
    `outcome` is the list of suggestions rules.evaluate gave with `rule_set` when it was finished."""

    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="wijzer_assessments")
    status = models.CharField(max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT)
    answers = models.JSONField(default=dict)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_as = models.CharField(max_length=10, choices=PlacedAs.choices, default=PlacedAs.SELF)
    rule_set = models.ForeignKey(RuleSet, null=True, blank=True, on_delete=models.PROTECT, related_name="assessments")
    outcome = models.JSONField(default=list, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_as = models.CharField(max_length=10, choices=PlacedAs.choices, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"], condition=models.Q(status="draft"), name="one_draft_assessment_per_member"
            ),
        ]


class Application(models.Model):
    """The application to the municipality for household help that remains after the other suggestions,
    pre-filled from the outcome and sent by the resident, their proxy or the makelaar for them."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="application")
    tasks = ArrayField(models.CharField(max_length=20))
    situation = models.TextField(max_length=2000)
    phone = models.CharField(max_length=30, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_as = models.CharField(max_length=10, choices=PlacedAs.choices, default=PlacedAs.SELF)
    sent_at = models.DateTimeField(auto_now_add=True)
