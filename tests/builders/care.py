"""Household help made through the actions: providers and help requests."""

from django_tenants.utils import tenant_context

from wijkmarkt.tenants.care.actions import ProviderInput, register_provider, send_help_request
from wijkmarkt.tenants.membership.selectors import actor_for

PROVIDER = {
    "name": "Thuiszorg Spaarne",
    "kind": "contracted",
    "activities": ["light", "heavy", "shopping"],
    "available": ["tue_morning", "thu_afternoon"],
    "in_natura": True,
    "phone": "023 123 45 67",
}


def add_provider(wijk, *, staff=(), **overrides):
    """A provider of `wijk` (Thuiszorg Spaarne unless told); call inside the wijk's tenant context."""
    return register_provider(wijk=wijk, data=ProviderInput(**{**PROVIDER, **overrides}), staff=list(staff))


def provider_in(wijk, *, staff=(), street=None, **overrides):
    with tenant_context(wijk):
        return add_provider(wijk, staff=staff, street=street, **overrides)


def request_in(wijk, member, provider, activities=("light",)):
    with tenant_context(wijk):
        return send_help_request(
            actor=actor_for(member.user), member=member, provider=provider, activities=list(activities)
        )
