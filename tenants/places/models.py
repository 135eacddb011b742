"""The wijk's physical places (its own schema): meeting places (ontmoetingsruimten, e.g. De Hamelink in the
Slachthuisbuurt) and counters (balies, loketten) where residents get help in person, each with an address and
opening hours per weekday. The physical marketplace is inseparable from the website (seeds/INVENTORY.md 1.2, 8).

Models hold fields, constraints and tiny derived properties only; every write is in actions.py."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    MEETING_PLACE = "meeting_place", _("Ontmoetingsplek")
    COUNTER = "counter", _("Loket")


class Day(models.IntegerChoices):
    """ISO weekday numbers, so hours sort Monday first."""

    MON = 1, _("maandag")
    TUE = 2, _("dinsdag")
    WED = 3, _("woensdag")
    THU = 4, _("donderdag")
    FRI = 5, _("vrijdag")
    SAT = 6, _("zaterdag")
    SUN = 7, _("zondag")


@dataclass(frozen=True)
class DayHours:
    """One weekday of a place's week: its label and its opening periods, empty when closed."""

    day: int
    label: str
    periods: list

    @property
    def closed(self) -> bool:
        return not self.periods


class Place(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=PlaceKind.choices)
    name = models.CharField(_("naam"), max_length=120)
    address = models.CharField(_("adres"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    description = models.TextField(_("wat u er kunt doen"), max_length=1000, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.CharField(_("e-mailadres"), max_length=120, blank=True)
    wheelchair_accessible = models.BooleanField(_("toegankelijk met rolstoel"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("plek")
        verbose_name_plural = _("plekken")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=PlaceKind.values), name="place_kind_valid"),
            models.UniqueConstraint(fields=["kind", "name"], name="place_name_unique_per_kind"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def week(self) -> list[DayHours]:
        """Monday to Sunday with their opening periods; uses prefetched `hours` (the selectors prefetch them)."""
        hours = list(self.hours.all())
        return [
            DayHours(day=day.value, label=str(day.label), periods=[h for h in hours if h.day == day.value])
            for day in Day
        ]


class OpeningHours(models.Model):
    """One opening period on one weekday; a day may have several (09:00-12:00 and 13:00-17:00)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="hours", verbose_name=_("plek"))
    day = models.PositiveSmallIntegerField(_("dag"), choices=Day.choices)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("open tot"))

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["day", "opens"]
        constraints = [
            models.CheckConstraint(condition=models.Q(day__gte=1, day__lte=7), name="opening_hours_day_valid"),
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="opening_hours_closes_after"),
            models.UniqueConstraint(fields=["place", "day", "opens"], name="opening_hours_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_day_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"
