import pytest
from django_tenants.utils import tenant_context

from tests.conftest import make_member
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Visibility


def actor_of(member) -> Actor:
    return Actor(member.user, member.role)


@pytest.fixture
def publish():
    """publish(wijk, member, title, ...) -> listing, through the action, in that wijk."""

    def _publish(wijk, member, title, description="Graag, op een doordeweekse dag.", *, kind="offer",
                 visibility=Visibility.CITY, category=None):  # fmt: skip
        with tenant_context(wijk):
            category_id = (Category.objects.get(name=category) if category else Category.objects.first()).pk
            return publish_listing(actor=actor_of(member), wijk=wijk, owner=member, data=ListingInput(
                kind=kind, title=title, description=description, category_id=category_id, visibility=visibility,
            ))  # fmt: skip

    return _publish


@pytest.fixture
def members(parkwijk, centrum):
    return {
        "anna": make_member(parkwijk, "Anna", "anna.zoek@example.nl"),
        "bram": make_member(centrum, "Bram", "bram.zoek@example.nl"),
    }
