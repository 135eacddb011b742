"""Reads of the marketplace, always inside the active wijk's schema."""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, QuerySet, Sum, Value
from django.db.models.functions import Cos, Radians, Sqrt
from django.utils import timezone

from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.marketplace.access import visible_listings
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Category,
    Exchange,
    ExchangeStatus,
    Listing,
    Notification,
    Report,
    Street,
    ThankYou,
)
from wijkmarkt.tenants.membership.models import Membership

METRES_PER_DEGREE_LATITUDE = 111_320


def categories_active() -> QuerySet[Category]:
    return Category.objects.filter(retired_at__isnull=True).order_by("position", "name")


def streets() -> QuerySet[Street]:
    return Street.objects.order_by("name")


def distance_from(street: Street, field: str = "street"):
    """Metres between `street` and the street in `field`: an equirectangular approximation, exact to a few metres
    inside a wijk, and plain arithmetic that PostgreSQL evaluates without an extension."""
    scale = Cos(Radians(Value(street.latitude)))
    dx = (F(f"{field}__longitude") - Value(street.longitude)) * scale * METRES_PER_DEGREE_LATITUDE
    dy = (F(f"{field}__latitude") - Value(street.latitude)) * METRES_PER_DEGREE_LATITUDE
    return ExpressionWrapper(Sqrt(dx * dx + dy * dy), output_field=FloatField())


def open_listings(actor: Actor) -> QuerySet[Listing]:
    """What browsing shows: open or in contact, not expired, not hidden; with what a list page needs."""
    return (
        visible_listings(actor)
        .filter(status__in=ACTIVE_LISTING_STATUSES, expires_at__gt=timezone.now(), hidden_at__isnull=True)
        .select_related("category", "owner__user", "street")
    )


def text_search(listings: QuerySet[Listing], text: str) -> QuerySet[Listing]:
    """Dutch full-text search with stemming: websearch syntax ("quotes", -not, or), best matches first."""
    query = SearchQuery(text, config="dutch", search_type="websearch")
    return listings.filter(search=query).annotate(rank=SearchRank(F("search"), query)).order_by("-rank", "-created_at")


def near(listings: QuerySet[Listing], street: Street, within_m: int | None = None) -> QuerySet[Listing]:
    """Annotate the distance; with a limit, keep only listings within it (listings without a street have no
    distance and sort last)."""
    listings = listings.annotate(distance_m=distance_from(street))
    if within_m:
        listings = listings.filter(distance_m__lte=within_m)
    return listings


def urgent_first(listings: QuerySet[Listing]) -> QuerySet[Listing]:
    return listings.order_by(F("starts_on").asc(nulls_last=True), "-created_at")


def listings_of(member: Membership) -> QuerySet[Listing]:
    return Listing.objects.filter(owner=member).select_related("category").order_by("-created_at")


def exchanges_of_member(member: Membership) -> QuerySet[Exchange]:
    return (
        Exchange.objects.filter(Q(helper=member) | Q(receiver=member))
        .select_related("listing", "helper__user", "receiver__user")
        .order_by("-created_at")
    )


def notifications_of(member: Membership) -> QuerySet[Notification]:
    return Notification.objects.filter(member=member)


def moderation_queue() -> QuerySet[Report]:
    return (
        Report.objects.filter(outcome=Report.Outcome.OPEN)
        .select_related("reporter__user", "listing", "message", "member__user")
        .order_by("created_at")
    )


@dataclass(frozen=True)
class MonthFigures:
    month: dt.date
    exchanges_done: int
    helpers: int
    hours: float
    thank_yous: list[ThankYou]


def month_in_numbers(today: dt.date | None = None) -> MonthFigures:
    """ "What our neighbourhood did this month": done exchanges, members who helped, hours given, and the
    thank-yous both members agreed to show."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    done = Exchange.objects.filter(status=ExchangeStatus.DONE, done_at__date__gte=first, done_at__date__lte=last)
    figures = done.aggregate(n=Count("id"), helpers=Count("helper", distinct=True), hours=Sum("hours"))
    thank_yous = list(
        ThankYou.objects.filter(author_consents=True, other_consents=True, exchange__in=done)
        .select_related("author__user", "exchange__listing")
        .order_by("-created_at")[:6]
    )
    return MonthFigures(first, figures["n"], figures["helpers"], float(figures["hours"] or 0), thank_yous)
