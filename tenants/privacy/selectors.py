"""Reads of the privacy records, inside the active wijk's schema: who read a resident's sensitive data, the wijk's
export and erasure requests, and whether a member was erased."""

from django.db.models import QuerySet

from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.models import AccessLogEntry, PrivacyRequest, RequestKind


def reads_of(subject: Membership) -> QuerySet[AccessLogEntry]:
    """Who read this resident's sensitive data, newest first: shown to the resident and to the wijk's makelaar."""
    return AccessLogEntry.objects.filter(subject=subject).select_related("reader").order_by("-at")


def privacy_requests() -> QuerySet[PrivacyRequest]:
    """Every export and erasure asked in this wijk, newest first: the makelaar's privacy log."""
    return PrivacyRequest.objects.select_related("asked_by", "subject__user").order_by("-at", "-id")


def is_erased(member: Membership) -> bool:
    return PrivacyRequest.objects.filter(subject=member, kind=RequestKind.ERASURE).exists()
