"""Reads of the makelaar's work, inside the active wijk's schema: the worklist of what is due, and the log of what
was done for a resident. Access is decided in access.py; these only shape and order."""

import datetime as dt
from enum import StrEnum

from django.db.models import Case as Switch
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from wijkmarkt.platform.partners.models import ContactPerson
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.makelaar.models import Case, CaseStatus
from wijkmarkt.tenants.membership.models import ActingFor, Membership


class Due(StrEnum):
    """Which cases the worklist shows by follow-up date."""

    OVERDUE = "overdue"  # the date has passed
    TODAY = "today"  # overdue or today: what must be done today
    WEEK = "week"  # due within seven days, overdue included
    ALL = "all"  # every case that is not closed, also those without a date


# Overdue first, then today, then later, then the cases without a follow-up date.
_OVERDUE, _TODAY, _LATER, _UNDATED = 0, 1, 2, 3


def worklist(
    cases: QuerySet[Case], *, due: str = Due.ALL, status: str = "", makelaar=None, today: dt.date | None = None
) -> QuerySet[Case]:
    """The cases that need the makelaar, most urgent first: overdue (oldest date first), due today, later, and
    cases without a date. `status` narrows to open or waiting (closed only when asked for); `makelaar` to one
    makelaar's own. One query, whatever the page size: resident and makelaar come along (select_related)."""
    today = today or timezone.localdate()
    cases = cases.filter(status=status) if status in CaseStatus.values else cases.exclude(status=CaseStatus.CLOSED)
    if makelaar is not None:
        cases = cases.filter(makelaar=makelaar)
    if due == Due.OVERDUE:
        cases = cases.filter(follow_up_on__lt=today)
    elif due == Due.TODAY:
        cases = cases.filter(follow_up_on__lte=today)
    elif due == Due.WEEK:
        cases = cases.filter(follow_up_on__lte=today + dt.timedelta(days=7))
    urgency = Switch(
        When(follow_up_on__lt=today, then=Value(_OVERDUE)),
        When(follow_up_on=today, then=Value(_TODAY)),
        When(follow_up_on__isnull=False, then=Value(_LATER)),
        default=Value(_UNDATED),
        output_field=IntegerField(),
    )
    # Ordered by date, undated last: the same order as by urgency (overdue < today < later), but one the worklist
    # index can deliver without sorting; `urgency` is only computed for the rows of the page.
    return (
        cases.select_related("member__user", "makelaar")
        .defer("question", "agreements", "outcome")  # the worklist never reads a case's content
        .annotate(urgency=urgency)
        .order_by(F("follow_up_on").asc(nulls_last=True), "id")
    )


def is_overdue(case: Case, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return case.status != CaseStatus.CLOSED and case.follow_up_on is not None and case.follow_up_on < today


def acting_for_log(member: Membership) -> QuerySet[ActingFor]:
    """What proxies and makelaars did for this resident, newest first."""
    return ActingFor.objects.filter(member=member).select_related("actor")


def offline_residents() -> QuerySet[Membership]:
    """Residents the makelaars registered, by name."""
    return (
        Membership.objects.filter(offline__isnull=False)
        .select_related("user", "offline")
        .order_by("user__first_name", "user__last_name", "id")
    )


def search_residents(members: QuerySet[Membership], text: str) -> QuerySet[Membership]:
    words = text.split()[:5]
    for word in words:
        members = members.filter(
            Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word) | Q(street__icontains=word)
        )
    return members


def hand_over_contacts(wijk: Wijk) -> list[ContactPerson]:
    """Contact persons a case can go to: those the partners named for this wijk first, then the other active
    contacts of the city's partners (a resident's question may need a partner not active in the wijk)."""
    people = list(
        ContactPerson.objects.filter(active=True, partner__active=True)
        .select_related("partner")
        .annotate(here=Count("wijk_links", filter=Q(wijk_links__wijk=wijk)))
        .order_by("-here", "partner__name", "name")
    )
    return people
