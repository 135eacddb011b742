"""Which providers and help requests an actor may reach. Missing, not theirs and another wijk all raise the same
NotFound, so nothing can be probed. Who may send for whom is marketplace.access.acting_as (self, proxy, makelaar)."""

from django.db.models import Q, QuerySet

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission
from wijkmarkt.tenants.care.models import HelpRequest, Provider
from wijkmarkt.tenants.marketplace.models import Proxy
from wijkmarkt.tenants.membership.access import NotFound


def may_read_directory(actor: Actor) -> bool:
    """Members read the directory; so does a relative registered as a member's proxy."""
    if has_permission(actor, Perm.VIEW_LISTINGS):
        return True
    return actor.user is not None and Proxy.objects.filter(user=actor.user, revoked_at__isnull=True).exists()


def visible_providers(actor: Actor) -> QuerySet[Provider]:
    return Provider.objects.all() if may_read_directory(actor) else Provider.objects.none()


def provider_for(actor: Actor, provider_id) -> Provider:
    provider = visible_providers(actor).select_related("street").filter(pk=provider_id).first()
    if provider is None:
        raise NotFound
    return provider


def is_staff_of(actor: Actor, provider: Provider) -> bool:
    """A provider user linked to this provider, who answers its requests."""
    return (
        actor.user is not None
        and not actor.suspended
        and provider.staff.filter(user=actor.user, suspended_at__isnull=True).exists()
    )


def help_requests_of(actor: Actor) -> QuerySet[HelpRequest]:
    """Requests the actor sent or may follow (their own, their principals', those they sent), those sent to a
    provider they work for, and for the makelaar all of the wijk."""
    if actor.user is None:
        return HelpRequest.objects.none()
    requests = HelpRequest.objects.select_related("provider", "member__user", "sent_by")
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        return requests
    user = actor.user
    mine = Q(member__user=user) | Q(sent_by=user)
    as_proxy = Q(member__proxies__user=user, member__proxies__revoked_at__isnull=True)
    as_staff = Q(provider__staff__user=user)
    return requests.filter(pk__in=HelpRequest.objects.filter(mine | as_proxy | as_staff).values("pk"))


def help_request_for(actor: Actor, request_id) -> HelpRequest:
    found = help_requests_of(actor).filter(pk=request_id).first()
    if found is None:
        raise NotFound
    return found
