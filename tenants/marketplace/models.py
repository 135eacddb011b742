"""The marketplace of one wijk (its own schema): profiles, categories, requests and offers, exchanges with their
messages, multi-party swaps, thank-yous, reports, blocks and notifications.

Models hold fields and constraints only; every write is in actions.py."""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.membership.models import Membership, PlacedAs


class Street(models.Model):
    """A street of the wijk with the point used for "near me"; addresses never go below street level."""

    name = models.CharField(max_length=80, unique=True)
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Weekday(models.TextChoices):
    MON = "mon", _("maandag")
    TUE = "tue", _("dinsdag")
    WED = "wed", _("woensdag")
    THU = "thu", _("donderdag")
    FRI = "fri", _("vrijdag")
    SAT = "sat", _("zaterdag")
    SUN = "sun", _("zondag")


class DayPart(models.TextChoices):
    MORNING = "morning", _("ochtend")
    AFTERNOON = "afternoon", _("middag")
    EVENING = "evening", _("avond")


class ContactWay(models.TextChoices):
    SITE = "site", _("Via berichten op de site")
    PHONE = "phone", _("Telefonisch")
    EMAIL = "email", _("Per e-mail")
    MAKELAAR = "makelaar", _("Via de sociaal makelaar")


class NotificationKind(models.TextChoices):
    RESPONSE = "response", _("Iemand reageert op mijn vraag of aanbod")
    EXCHANGE = "exchange", _("Er verandert iets aan een afspraak")
    MATCH = "match", _("Er is een buur die past bij mijn vraag")
    EXPIRY = "expiry", _("Mijn vraag of aanbod verloopt bijna")
    RING = "ring", _("Ik word gevraagd voor een ruil met meer buren")
    MODERATION = "moderation", _("Berichten van de moderatie (altijd aan)")


def default_site_notifications() -> list[str]:
    """Everything in the site, except match suggestions: those only for members who opt in."""
    return [kind for kind in NotificationKind.values if kind != NotificationKind.MATCH]


class Profile(models.Model):
    """A question and something to offer. Neighbours see first name, street and the texts; house number, phone and
    e-mail only when the member chooses."""

    member = models.OneToOneField(Membership, on_delete=models.CASCADE, related_name="profile")
    about = models.TextField(blank=True, max_length=1000)
    offers = models.TextField(blank=True, max_length=1000, help_text=_("Wat u kunt bieden"))
    talents = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    languages = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    could_use = models.TextField(blank=True, max_length=1000, help_text=_("Waar u hulp bij kunt gebruiken"))
    available = ArrayField(models.CharField(max_length=16), default=list, blank=True, help_text="mon_morning, ...")
    contact_way = models.CharField(max_length=10, choices=ContactWay.choices, default=ContactWay.SITE)
    street = models.ForeignKey(Street, null=True, blank=True, on_delete=models.SET_NULL)
    house_number = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    show_house_number = models.BooleanField(default=False)
    show_phone = models.BooleanField(default=False)
    show_email = models.BooleanField(default=False)
    notify_site = ArrayField(models.CharField(max_length=10), default=default_site_notifications, blank=True)
    notify_email = ArrayField(models.CharField(max_length=10), default=list, blank=True)


class Category(models.Model):
    name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class ListingKind(models.TextChoices):
    REQUEST = "request", _("Vraag")
    OFFER = "offer", _("Aanbod")


class When(models.TextChoices):
    DATE = "date", _("Op een dag")
    WINDOW = "window", _("Tussen twee dagen")
    RECURRING = "recurring", _("Vaker, steeds terug")
    FLEXIBLE = "flexible", _("Maakt niet uit")


class Visibility(models.TextChoices):
    WIJK = "wijk", _("Alleen in deze wijk")
    CITY = "city", _("Ook in de rest van Haarlem")


class ListingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_CONTACT = "in_contact", _("In contact")
    AGREED = "agreed", _("Afgesproken")
    DONE = "done", _("Gedaan")
    WITHDRAWN = "withdrawn", _("Ingetrokken")
    EXPIRED = "expired", _("Verlopen")


ACTIVE_LISTING_STATUSES = (ListingStatus.OPEN, ListingStatus.IN_CONTACT)


class ListingManager(models.Manager):
    def get_queryset(self):
        # The tsvector is for PostgreSQL's search only; fetching and decoding it for every row doubled page times.
        return super().get_queryset().defer("search")


class Listing(models.Model):
    kind = models.CharField(max_length=10, choices=ListingKind.choices)
    title = models.CharField(max_length=100)
    description = models.TextField(max_length=2000)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="listings")
    owner = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="listings")
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_as = models.CharField(max_length=10, choices=PlacedAs.choices, default=PlacedAs.SELF)
    when = models.CharField(max_length=10, choices=When.choices, default=When.FLEXIBLE)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    recurrence = models.CharField(max_length=100, blank=True)
    street = models.ForeignKey(Street, null=True, blank=True, on_delete=models.SET_NULL)
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.WIJK)
    status = models.CharField(max_length=12, choices=ListingStatus.choices, default=ListingStatus.OPEN)
    hidden_at = models.DateTimeField(null=True, blank=True, help_text="hidden by moderation")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    search = models.GeneratedField(
        # Dutch stemming, title weighs more than description; kept by PostgreSQL itself, never stale.
        expression=SearchVector("title", weight="A", config="dutch")
        + SearchVector("description", weight="B", config="dutch"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ListingManager()

    class Meta:
        indexes = [
            GinIndex(fields=["search"], name="listing_search_gin"),
            models.Index(fields=["status", "kind", "-created_at"], name="listing_browse"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ListingKind.values), name="listing_kind_valid"),
            models.CheckConstraint(condition=models.Q(status__in=ListingStatus.values), name="listing_status_valid"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="listing_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title


def photo_path(_photo, _filename) -> str:
    """Under the wijk's schema name, with a random name: the upload's own name never reaches the disk."""
    return f"{connection.schema_name}/listings/{uuid.uuid4().hex}.jpg"


class ListingPhoto(models.Model):
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=photo_path)
    description = models.CharField(max_length=200, blank=True, help_text="alt text")


class ExchangeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Voorgesteld")
    AGREED = "agreed", _("Afgesproken")
    DONE = "done", _("Gedaan")
    CANCELLED = "cancelled", _("Geannuleerd")


class Via(models.TextChoices):
    WEBSITE = "website", _("Via de website")
    MAKELAAR = "makelaar", _("Via de sociaal makelaar")


class Ring(models.Model):
    """A multi-party swap (meerhoeksruil): each participant helps the next; becomes linked exchanges."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Voorgesteld")
        CONFIRMED = "confirmed", _("Iedereen doet mee")
        CANCELLED = "cancelled", _("Gaat niet door")

    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.WEBSITE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)


class RingLink(models.Model):
    """One step of a ring: `giver` helps `receiver`, answering the receiver's request with the giver's offer."""

    ring = models.ForeignKey(Ring, on_delete=models.CASCADE, related_name="links")
    position = models.PositiveSmallIntegerField()
    giver = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    receiver = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["ring", "position"], name="ring_link_position_unique")]


class Exchange(models.Model):
    """Bemiddeling: two members about one listing. `helper` gives, `receiver` gets."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="exchanges")
    helper = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="exchanges_as_helper")
    receiver = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="exchanges_as_receiver")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.WEBSITE)
    ring = models.ForeignKey(Ring, null=True, blank=True, on_delete=models.SET_NULL, related_name="exchanges")
    status = models.CharField(max_length=10, choices=ExchangeStatus.choices, default=ExchangeStatus.PROPOSED)
    what = models.CharField(max_length=200, blank=True)
    agreed_for = models.DateTimeField(null=True, blank=True)
    hours = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    helper_agreed_at = models.DateTimeField(null=True, blank=True)
    receiver_agreed_at = models.DateTimeField(null=True, blank=True)
    helper_done_at = models.DateTimeField(null=True, blank=True)
    receiver_done_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    first_response_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(helper=models.F("receiver")), name="exchange_two_members"),
            models.UniqueConstraint(
                fields=["listing", "helper", "receiver"],
                condition=models.Q(status__in=["proposed", "agreed"]),
                name="one_open_exchange_per_pair",
            ),
        ]

    def party(self, member: Membership) -> str | None:
        if member.pk == self.helper_id:
            return "helper"
        if member.pk == self.receiver_id:
            return "receiver"
        return None


class ThankYou(models.Model):
    """Shown on the wijk home page only when both members of the exchange agreed to that."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="thank_yous")
    author = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=300)
    author_consents = models.BooleanField(default=False)
    other_consents = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["exchange", "author"], name="one_thank_you_per_author")]


class Report(models.Model):
    class Target(models.TextChoices):
        LISTING = "listing", _("Vraag of aanbod")
        MESSAGE = "message", _("Bericht")
        MEMBER = "member", _("Lid")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Nog niet bekeken")
        DISMISSED = "dismissed", _("Niets aan de hand")
        HIDDEN = "hidden", _("Verborgen")
        WARNED = "warned", _("Gewaarschuwd")
        SUSPENDED = "suspended", _("Geschorst")

    reporter = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    target = models.CharField(max_length=10, choices=Target.choices)
    listing = models.ForeignKey(Listing, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey("chat.ChatMessage", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Membership, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=500)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.OPEN)
    handled_by = models.ForeignKey(Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    handled_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)


class Block(models.Model):
    blocker = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(condition=~models.Q(blocker=models.F("blocked")), name="block_not_self"),
        ]


class Notification(models.Model):
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=10, choices=NotificationKind.choices)
    text = models.CharField(max_length=300)
    # The member the text names or quotes, so erasing them rewords it (tenants/privacy) without searching the text.
    about = models.ForeignKey(Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
