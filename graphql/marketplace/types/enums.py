"""The marketplace's GraphQL enums, from the choices of tenants/marketplace/models.py."""

import graphene

from wijkmarkt.tenants.marketplace.models import (
    ContactWay,
    ExchangeStatus,
    ListingKind,
    ListingStatus,
    NotificationKind,
    Report,
    Ring,
    Via,
    Visibility,
    When,
)

ListingKindEnum = graphene.Enum.from_enum(ListingKind, description="A request (vraag) or an offer (aanbod).")
ListingWhenEnum = graphene.Enum.from_enum(
    When, name="ListingWhen", description="When: on a date, between two dates, recurring, or flexible."
)
ListingVisibilityEnum = graphene.Enum.from_enum(
    Visibility, name="ListingVisibility", description="Who may find a listing: this wijk only, or all of Haarlem."
)
ListingStatusEnum = graphene.Enum.from_enum(ListingStatus, description="Where a request or offer is in its life.")
ExchangeStatusEnum = graphene.Enum.from_enum(ExchangeStatus, description="Where an exchange is in its life.")
ViaEnum = graphene.Enum.from_enum(Via, description="How an exchange came about: via the website or the makelaar.")
RingStatusEnum = graphene.Enum.from_enum(Ring.Status, name="RingStatus", description="Where a ring stands.")
NotificationKindEnum = graphene.Enum.from_enum(NotificationKind, description="What a notification is about.")
ContactWayEnum = graphene.Enum.from_enum(ContactWay, description="How a member likes to be contacted.")
ReportTargetEnum = graphene.Enum.from_enum(Report.Target, name="ReportTarget", description="What was reported.")
ReportOutcomeEnum = graphene.Enum.from_enum(
    Report.Outcome, name="ReportOutcome", description="What moderation did with a report."
)
ExchangePartEnum = graphene.Enum(
    "ExchangePart", [("HELPER", "helper"), ("RECEIVER", "receiver")], description="A side of an exchange."
)
