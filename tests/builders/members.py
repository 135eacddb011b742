"""Wijken and their members: citywide accounts that join a wijk through the actions."""

from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.membership.actions.joining import join_wijk

PASSWORD = "een-lang-test-wachtwoord"


def get_wijk(slug: str) -> Wijk:
    return Wijk.objects.get(schema_name=slug)


def make_member(wijk: Wijk, first_name: str, email: str | None = None, role=None):
    """A citywide account that is a member of `wijk`, built through the actions."""
    user = create_account(email=email or f"{first_name.lower()}@example.nl", first_name=first_name, password=PASSWORD)
    with tenant_context(wijk):
        kwargs = {"role": role} if role else {}
        membership = join_wijk(wijk=wijk, user=user, accepted_house_rules=True, **kwargs)
    return membership
