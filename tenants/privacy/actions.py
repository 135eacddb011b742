"""Writing the access log. Every read of sensitive data by someone other than the resident goes through here."""

from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.models import AccessLogEntry, Channel, Sensitive


def record_read(
    actor: Actor, *, subject: Membership | None, what: Sensitive, object_id: int, via: Channel
) -> AccessLogEntry | None:
    """Log a read unless the resident reads their own data. Proxies, makelaars, providers and staff are all logged."""
    if actor.user is None:
        return None
    if subject is not None and subject.user_id == actor.user.pk:
        return None
    return AccessLogEntry.objects.create(
        reader=actor.user,
        reader_role=actor.role or "",
        subject=subject,
        what=what,
        object_id=object_id,
        via=via,
    )
