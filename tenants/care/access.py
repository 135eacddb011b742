"""Which providers, help requests and support plans an actor may reach. Missing, not theirs and another wijk all
raise the same NotFound, so nothing can be probed. Who may send for whom is membership.access.acting_as (self,
proxy, makelaar).

Support plans are sensitive: only the resident, their proxy, the wijk's makelaar and the staff of the provider on the
plan reach one, and every read of its content by someone other than the resident is written to the access log
(`read_plan`)."""

from django.db.models import Q, QuerySet

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission
from wijkmarkt.tenants.care.models import HelpRequest, Provider, SupportPlan
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.models import Proxy
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.actions import record_read
from wijkmarkt.tenants.privacy.models import Channel, Sensitive


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


def is_staff_of(actor: Actor, provider: Provider | None) -> bool:
    """A provider user linked to this provider, who answers its requests."""
    return (
        provider is not None
        and actor.user is not None
        and not actor.suspended
        and provider.staff.filter(user=actor.user, suspended_at__isnull=True).exists()
    )


def staffed_providers(actor: Actor) -> QuerySet[Provider]:
    """The providers whose entry, requests and plans this actor works on (a provider user; suspended: none)."""
    if actor.user is None or actor.suspended or not has_permission(actor, Perm.MANAGE_OWN_PROVIDER):
        return Provider.objects.none()
    return Provider.objects.filter(staff__user=actor.user, staff__suspended_at__isnull=True)


def own_provider_for(actor: Actor, provider_id) -> Provider:
    """A provider whose entry the actor may edit: only its own staff; anyone else gets NotFound."""
    provider = staffed_providers(actor).select_related("street").filter(pk=provider_id).first()
    if provider is None:
        raise NotFound
    return provider


def help_requests_of(actor: Actor) -> QuerySet[HelpRequest]:
    """Requests the actor may follow now: their own, their principals' while the proxy is active, those sent to a
    provider they work for, and for the makelaar all of the wijk. Having sent a request once grants nothing: a
    revoked proxy, or a member erased from the wijk, no longer reads it."""
    if actor.user is None:
        return HelpRequest.objects.none()
    requests = HelpRequest.objects.select_related("provider", "member__user", "sent_by")
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        return requests
    user = actor.user
    mine = Q(member__user=user)
    as_proxy = Q(member__proxies__user=user, member__proxies__revoked_at__isnull=True)
    as_staff = Q(provider__in=staffed_providers(actor))
    return requests.filter(pk__in=HelpRequest.objects.filter(mine | as_proxy | as_staff).values("pk"))


def may_follow(user: User, help_request: HelpRequest) -> bool:
    """Whether this account may follow the request now (to tell whoever sent it of the answer only while so)."""
    return help_requests_of(actor_for(user)).filter(pk=help_request.pk).exists()


def help_request_for(actor: Actor, request_id) -> HelpRequest:
    found = help_requests_of(actor).filter(pk=request_id).first()
    if found is None:
        raise NotFound
    return found


def support_plans_of(actor: Actor) -> QuerySet[SupportPlan]:
    """Plans the actor may reach: their own and their principals' (proxy), those of a provider they work for, and
    for the makelaar all of the wijk. Nobody else, not even another provider or a wijk admin."""
    if actor.user is None:
        return SupportPlan.objects.none()
    plans = SupportPlan.objects.select_related("member__user", "provider")
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        return plans
    user = actor.user
    mine = Q(member__user=user)
    as_proxy = Q(member__proxies__user=user, member__proxies__revoked_at__isnull=True)
    as_staff = Q(provider__in=staffed_providers(actor))
    return plans.filter(pk__in=SupportPlan.objects.filter(mine | as_proxy | as_staff).values("pk"))


def support_plan_for(actor: Actor, plan_id) -> SupportPlan:
    """The plan, without logging: for writes (the action then logs nothing; its page or payload read does)."""
    plan = support_plans_of(actor).filter(pk=plan_id).first()
    if plan is None:
        raise NotFound
    return plan


def read_plan(actor: Actor, plan: SupportPlan, *, via: Channel) -> SupportPlan:
    """Every read of a plan's content goes through here: a read by anyone but the resident is logged."""
    record_read(actor, subject=plan.member, what=Sensitive.SUPPORT_PLAN, object_id=plan.pk, via=via)
    return plan


def is_professional_on(actor: Actor, plan: SupportPlan) -> bool:
    """The professional side of a plan: staff of the provider on it, or the wijk's makelaar."""
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        return True
    return has_permission(actor, Perm.DRAW_UP_SUPPORT_PLAN) and is_staff_of(actor, plan.provider)
