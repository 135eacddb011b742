"""Puts `request.actor` (account + role in this wijk) on every request, looked up at most once, when used."""

from django.utils.functional import SimpleLazyObject
from django_tenants.utils import get_public_schema_name

from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.membership.selectors import actor_for, request_membership


def _portal_actor(request) -> Actor:
    return Actor(user=request.user if request.user.is_authenticated else None, role=None)


class MembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.tenant.schema_name == get_public_schema_name():
            request.actor = SimpleLazyObject(lambda: _portal_actor(request))
        else:
            request.actor = SimpleLazyObject(lambda: actor_for(request.user, request_membership(request)))
        return self.get_response(request)
