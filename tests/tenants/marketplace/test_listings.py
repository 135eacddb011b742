import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.builders.marketplace import actor_of, category, consents_to_makelaar, listing_input, post, tomorrow
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.actions.categories import retire_category
from wijkmarkt.tenants.marketplace.actions.listings import (
    expire_listings,
    publish_listing,
    renew_listing,
    update_listing,
    withdraw_listing,
)
from wijkmarkt.tenants.marketplace.models import Listing, ListingStatus, Notification
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.models import PlacedAs


def codes(error: ValidationError) -> dict:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_resident_places_a_request_that_expires_after_the_wijks_days(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"], when="date", starts_on=tomorrow())

    assert listing.status == ListingStatus.OPEN
    assert listing.placed_as == PlacedAs.SELF
    assert listing.owner == people["anna"]
    expected = timezone.now() + dt.timedelta(days=in_parkwijk.listing_expiry_days)
    assert abs((listing.expires_at - expected).total_seconds()) < 60


def test_every_problem_is_reported_at_once_and_nothing_is_written(in_parkwijk, people):
    with pytest.raises(ValidationError) as refused:
        post(
            in_parkwijk,
            people["anna"],
            title="",
            description="x" * 2001,
            when="window",
            starts_on=timezone.localdate() - dt.timedelta(days=1),
            ends_on=None,
            kind="vraag",
        )

    assert codes(refused.value) == {
        "kind": ["invalid_choice"],
        "title": ["required"],
        "description": ["too_long"],
        "starts_on": ["date_in_past"],
        "ends_on": ["required"],
    }
    assert Listing.objects.count() == 0


def test_window_end_before_start_is_refused(in_parkwijk, people):
    with pytest.raises(ValidationError) as refused:
        post(
            in_parkwijk, people["anna"], when="window", starts_on=tomorrow() + dt.timedelta(days=3), ends_on=tomorrow()
        )

    assert codes(refused.value) == {"ends_on": ["window_reversed"]}


def test_control_characters_are_refused_but_html_is_kept_as_text(in_parkwijk, people):
    with pytest.raises(ValidationError) as refused:
        post(in_parkwijk, people["anna"], title="Hulp\x07 gezocht")
    listing = post(in_parkwijk, people["anna"], title="<script>alert(1)</script> hulp")

    assert codes(refused.value) == {"title": ["invalid_characters"]}
    assert listing.title == "<script>alert(1)</script> hulp"


def test_retired_and_unknown_categories_are_refused(in_parkwijk, people):
    old = category("huisdieren")
    retire_category(actor=actor_of(make_member(in_parkwijk, "Admin", role="wijk_admin")), category=old)

    with pytest.raises(ValidationError) as retired:
        post(in_parkwijk, people["anna"], category_id=old.pk)
    with pytest.raises(ValidationError) as unknown:
        post(in_parkwijk, people["anna"], category_id=999_999)

    assert codes(retired.value) == {"category": ["category_retired"]}
    assert codes(unknown.value) == {"category": ["unknown_category"]}


def test_a_neighbour_cannot_place_a_listing_for_someone_else(in_parkwijk, people):
    with pytest.raises(PermissionDenied):
        publish_listing(actor=actor_of(people["bram"]), wijk=in_parkwijk, owner=people["anna"], data=listing_input())

    assert Listing.objects.count() == 0


def test_makelaar_places_a_listing_for_a_resident_who_stays_its_owner(in_parkwijk, people):
    consents_to_makelaar(people["fatima"], people["anna"])
    listing = publish_listing(
        actor=actor_of(people["fatima"]), wijk=in_parkwijk, owner=people["anna"], data=listing_input()
    )

    assert listing.owner == people["anna"]
    assert listing.placed_as == PlacedAs.MAKELAAR
    assert listing.placed_by == people["fatima"].user


def test_registered_proxy_from_outside_the_wijk_places_a_listing(in_parkwijk, people):
    from wijkmarkt.platform.accounts.actions import create_account
    from wijkmarkt.platform.accounts.permissions import Actor

    carla = create_account(email="carla@example.nl", first_name="Carla", password="een-lang-test-wachtwoord")
    register_proxy(
        actor=actor_of(people["anna"]), principal=people["anna"], proxy_email="carla@example.nl", relation="dochter"
    )
    as_carla = Actor(user=carla, role=None)

    listing = publish_listing(actor=as_carla, wijk=in_parkwijk, owner=people["anna"], data=listing_input())

    assert listing.placed_as == PlacedAs.PROXY
    assert listing.owner == people["anna"]
    with pytest.raises(PermissionDenied):
        publish_listing(actor=as_carla, wijk=in_parkwijk, owner=people["bram"], data=listing_input())


def test_suspended_member_cannot_post(in_parkwijk, people):
    from wijkmarkt.tenants.membership.models import Membership

    Membership.objects.filter(pk=people["anna"].pk).update(suspended_at=timezone.now())
    people["anna"].refresh_from_db()

    with pytest.raises(PermissionDenied):
        post(in_parkwijk, people["anna"])


def test_withdrawn_listing_cannot_be_changed(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    withdraw_listing(actor=actor_of(people["anna"]), listing=listing)

    with pytest.raises(ValidationError) as refused:
        update_listing(actor=actor_of(people["anna"]), listing=listing, data=listing_input(title="Nieuw"))

    assert refused.value.error_list[0].code == "wrong_state"
    assert Listing.objects.get(pk=listing.pk).title == "Hulp met mijn nieuwe tablet"


def test_expiry_reminds_first_then_expires_and_one_click_renews(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    almost = listing.expires_at - dt.timedelta(days=2)

    assert expire_listings(now=almost) == (1, 0)
    assert expire_listings(now=almost) == (0, 0)
    assert Notification.objects.filter(member=people["anna"], kind="expiry").count() == 1
    assert expire_listings(now=listing.expires_at + dt.timedelta(minutes=1)) == (0, 1)
    listing.refresh_from_db()
    assert listing.status == ListingStatus.EXPIRED

    renew_listing(actor=actor_of(people["anna"]), wijk=in_parkwijk, listing=listing)

    listing.refresh_from_db()
    assert listing.status == ListingStatus.OPEN
    assert listing.expires_at > timezone.now() + dt.timedelta(days=in_parkwijk.listing_expiry_days - 1)
