"""Citywide listings for the search tests, published through the action in their wijk."""

from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Visibility


def actor_of(member) -> Actor:
    return Actor(member.user, member.role)


def publish(
    wijk,
    member,
    title,
    description="Graag, op een doordeweekse dag.",
    *,
    kind="offer",
    visibility=Visibility.CITY,
    category=None,
):
    """A listing of `member` in `wijk` (the first category unless told), citywide unless told."""
    with tenant_context(wijk):
        category_id = (Category.objects.get(name=category) if category else Category.objects.first()).pk
        return publish_listing(
            actor=actor_of(member),
            wijk=wijk,
            owner=member,
            data=ListingInput(
                kind=kind,
                title=title,
                description=description,
                category_id=category_id,
                visibility=visibility,
            ),
        )
