import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.builders.marketplace import actor_of, consents_to_makelaar, post, tomorrow
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.actions.categories import add_category, move_category, rename_category
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
from wijkmarkt.tenants.marketplace.models import Category, Profile
from wijkmarkt.tenants.marketplace.selectors import categories_active, near, open_listings
from wijkmarkt.tenants.marketplace.suggestions import suggestions_for
from wijkmarkt.tenants.membership.actions.proxies import register_proxy, revoke_proxy


def test_profile_keeps_offers_availability_and_privacy_choices(in_parkwijk, people, streets):
    profile = update_profile(
        actor=actor_of(people["bram"]),
        member=people["bram"],
        data=ProfileInput(
            offers="Ik repareer computers",
            talents=["computers", "fietsen"],
            available=["tue_morning"],
            street_id=streets["zomer"].pk,
            house_number="12",
            show_house_number=False,
        ),
    )

    assert Profile.objects.get(member=people["bram"]) == profile
    assert profile.talents == ["computers", "fietsen"]
    assert not profile.show_house_number and not profile.show_phone and not profile.show_email


def test_profile_refuses_unknown_slots_and_other_peoples_profiles(in_parkwijk, people):
    with pytest.raises(ValidationError) as refused:
        update_profile(actor=actor_of(people["bram"]), member=people["bram"], data=ProfileInput(available=["someday"]))
    with pytest.raises(PermissionDenied):
        update_profile(actor=actor_of(people["bram"]), member=people["anna"], data=ProfileInput())

    assert refused.value.error_dict["available"][0].code == "invalid_choice"


def test_proxy_needs_an_existing_account_and_can_be_revoked(in_parkwijk, people):
    with pytest.raises(ValidationError) as unknown:
        register_proxy(
            actor=actor_of(people["anna"]), principal=people["anna"], proxy_email="niemand@example.nl", relation="zoon"
        )
    consents_to_makelaar(people["fatima"], people["anna"])
    proxy = register_proxy(
        actor=actor_of(people["fatima"]),
        principal=people["anna"],
        proxy_email=people["cor"].user.email,
        relation="buurman",
    )
    revoke_proxy(actor=actor_of(people["anna"]), proxy=proxy)

    assert unknown.value.error_dict["proxy_email"][0].code == "unknown_member"
    assert proxy.consent_recorded_by == people["fatima"].user
    assert proxy.revoked_at is not None


def test_wijk_admin_adds_renames_and_orders_categories(in_parkwijk):
    admin = make_member(in_parkwijk, "Admin", role="wijk_admin")

    added = add_category(actor=actor_of(admin), name="Fietsen repareren")
    rename_category(actor=actor_of(admin), category=added, name="Fietsreparatie")
    move_category(actor=actor_of(admin), category=added, up=True)

    names = [c.name for c in categories_active()]
    assert names[-2:] == ["Fietsreparatie", "Overig"]
    with pytest.raises(ValidationError) as duplicate:
        add_category(actor=actor_of(admin), name="fietsreparatie")
    assert duplicate.value.error_dict["name"][0].code == "duplicate"


def test_residents_cannot_manage_categories(in_parkwijk, people):
    with pytest.raises(PermissionDenied):
        add_category(actor=actor_of(people["anna"]), name="Iets")
    assert not Category.objects.filter(name="Iets").exists()


def test_suggestions_say_why_a_neighbour_fits(in_parkwijk, people, streets):
    update_profile(
        actor=actor_of(people["bram"]),
        member=people["bram"],
        data=ProfileInput(
            offers="Ik help met tablets en computers",
            available=[f"{['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][tomorrow().weekday()]}_morning"],
            street_id=streets["zomer"].pk,
        ),
    )
    post(in_parkwijk, people["bram"], kind="offer", title="Computerhulp aan huis")
    request = post(
        in_parkwijk,
        people["anna"],
        title="Hulp met mijn tablet",
        when="date",
        starts_on=tomorrow(),
        street_id=streets["ver"].pk,
    )

    [suggestion] = suggestions_for(request)

    assert suggestion.member == people["bram"]
    assert "biedt computerhulp aan" in suggestion.why
    assert "ochtend" in suggestion.why
    assert " m verderop" in suggestion.why


def test_near_orders_by_distance_from_a_street(in_parkwijk, people, streets):
    close = post(in_parkwijk, people["anna"], title="Dichtbij", street_id=streets["zomer"].pk)
    far = post(in_parkwijk, people["bram"], title="Ver weg", street_id=streets["ver"].pk)

    ranked = list(near(open_listings(actor_of(people["cor"])), streets["zomer"]).order_by("distance_m"))
    within = list(near(open_listings(actor_of(people["cor"])), streets["zomer"], within_m=500))

    assert ranked == [close, far]
    assert round(ranked[1].distance_m, -2) == 1800
    assert within == [close]
