"""Listings, exchanges and searches of one wijk never reach another, through the selectors and access checks
(pages and GraphQL have their own crossing tests)."""

import pytest
from django_tenants.utils import tenant_context

from tests.builders.marketplace import actor_of, post
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.access import exchange_for, listing_for
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.selectors import open_listings, text_search
from wijkmarkt.tenants.membership.access import NotFound


def test_parkwijk_listing_is_not_found_or_searchable_from_centrum(parkwijk, centrum):
    with tenant_context(parkwijk):
        anna = make_member(parkwijk, "Anna")
        bram = make_member(parkwijk, "Bram")
        listing = post(parkwijk, anna, title="Heg snoeien aan de Zomerkade")
        exchange = respond_to_listing(actor=actor_of(bram), member=bram, listing=listing, message="Ik kom")
    with tenant_context(centrum):
        carla = make_member(centrum, "Carla")
        as_carla = actor_of(carla)

        assert not text_search(open_listings(as_carla), "heg snoeien").exists()
        found = open_listings(as_carla).filter(pk=listing.pk).first()
        assert found is None or found.title != listing.title
        with pytest.raises(NotFound):
            exchange_for(as_carla, exchange.pk)
        try:
            same_id = listing_for(as_carla, listing.pk)
        except NotFound:
            same_id = None
        assert same_id is None or same_id.owner.user != anna.user


def test_search_finds_stemmed_dutch_words_in_its_own_wijk(parkwijk):
    with tenant_context(parkwijk):
        anna = make_member(parkwijk, "Anna")
        listing = post(parkwijk, anna, title="Wie wil mijn heggen snoeien?", description="De heg is te hoog geworden.")

        assert list(text_search(open_listings(actor_of(anna)), "heg snoei")) == [listing]
        assert list(text_search(open_listings(actor_of(anna)), '"te hoog" -gras')) == [listing]
        assert not text_search(open_listings(actor_of(anna)), "computer").exists()
