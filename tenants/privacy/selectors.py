from django.db.models import QuerySet

from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.models import AccessLogEntry


def reads_of(subject: Membership) -> QuerySet[AccessLogEntry]:
    """Who read this resident's sensitive data, newest first: shown to the resident and to the wijk's makelaar."""
    return AccessLogEntry.objects.filter(subject=subject).select_related("reader").order_by("-at")
