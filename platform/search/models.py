"""The citywide search index (public schema): one row per item a wijk made visible to the whole city. Wijken stay
isolated; this table is the one place their citywide items meet. Rows are written only by actions.sync, in the
transaction that changed the item, and hold nothing a resident did not make citywide."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.wijken.hosts import wijk_url


class Kind(models.TextChoices):
    LISTING = "listing", _("Vraag of aanbod")
    PARTNER_OFFER = "partner_offer", _("Aanbod van een partner")
    MEETING_PLACE = "meeting_place", _("Ontmoetingsplek")
    PROVIDER = "provider", _("Hulp in huis")


class SearchEntry(models.Model):
    wijk = models.ForeignKey("wijken.Wijk", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=400, blank=True)
    category = models.CharField(max_length=100, blank=True)
    # Where the item lives on its own wijk site, e.g. /vraag-en-aanbod/12/; its rules apply there.
    path = models.CharField(max_length=200)
    updated_at = models.DateTimeField(auto_now=True)
    document = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="dutch")
        + SearchVector("category", weight="B", config="dutch")
        + SearchVector("summary", weight="C", config="dutch"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("zoekregel")
        verbose_name_plural = _("zoekregels")
        constraints = [
            models.UniqueConstraint(fields=["wijk", "kind", "object_id"], name="search_entry_one_per_item"),
            models.CheckConstraint(condition=models.Q(kind__in=Kind.values), name="search_entry_kind_valid"),
        ]
        indexes = [
            GinIndex(fields=["document"], name="search_entry_document"),
            # The typo fallback: trigram similarity on the title (pg_trgm ignores case by itself).
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="search_entry_title_trgm"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def url(self) -> str:
        """The item on its own wijk site."""
        return wijk_url(self.wijk).rstrip("/") + self.path
