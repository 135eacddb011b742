"""The demo marketplace and the benchmark generator (tenants/demo/marketplace/)."""

import pytest
from django.db import transaction
from django_tenants.utils import tenant_context

from tests.builders.database import rolled_back_afterwards
from tests.builders.members import get_wijk, make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.tenants.demo.marketplace.bulk import BULK_DOMAIN, AlreadyGenerated, generate_bulk
from wijkmarkt.tenants.demo.marketplace.seed import seed_demo_marketplace
from wijkmarkt.tenants.marketplace.models import Exchange, ExchangeStatus, Listing, ListingStatus, Ring, Via
from wijkmarkt.tenants.marketplace.rings import candidate_rings
from wijkmarkt.tenants.marketplace.selectors import moderation_queue, month_in_numbers, text_search
from wijkmarkt.tenants.membership.models import PlacedAs, Proxy


def demo_logins(parkwijk) -> dict[str, User]:
    """The demo logins that play a part in Parkwijk: Anna (resident), Fatima (makelaar), Carla (relative)."""
    anna = make_member(parkwijk, "Anna", email="bewoner@demo.wijkmarkt.nl")
    fatima = make_member(parkwijk, "Fatima", email="makelaar@demo.wijkmarkt.nl", role=Role.MAKELAAR)
    carla = create_account(email="familie@demo.wijkmarkt.nl", first_name="Carla", password="een-lang-test-wachtwoord")
    return {"bewoner": anna.user, "makelaar": fatima.user, "familie": carla}


@pytest.fixture
def logins(parkwijk):
    return demo_logins(parkwijk)


@pytest.fixture(scope="class")
def parkwijk_demo(django_db_setup, django_db_blocker):
    """Parkwijk's demo with the logins, seeded once for the tests of TestTheParkwijkDemo (seeding takes seconds) and
    rolled back after them."""
    with rolled_back_afterwards(django_db_blocker):
        parkwijk = get_wijk("parkwijk")
        logins = demo_logins(parkwijk)
        with tenant_context(parkwijk):
            summary = seed_demo_marketplace(wijk=parkwijk, logins=logins)
        yield logins, summary


def signature() -> list[tuple]:
    return list(Listing.objects.order_by("pk").values_list("title", "owner__user__first_name", "status", "kind"))


class TestTheParkwijkDemo:
    def test_parkwijk_demo_shows_every_state_and_the_logins_own_part_of_it(self, parkwijk, parkwijk_demo):
        logins, summary = parkwijk_demo
        with tenant_context(parkwijk):
            assert summary.members == 35  # 1% of Parkwijk's 3,542 inhabitants
            assert summary.listings >= 2 * summary.members
            assert {status for status in Exchange.objects.values_list("status", flat=True)} == set(
                ExchangeStatus.values
            )
            month = month_in_numbers()
            assert month.exchanges_done >= 4 and month.hours > 0 and month.thank_yous
            ring = Ring.objects.get()
            assert (ring.status, ring.via, ring.links.count()) == (Ring.Status.PROPOSED, Via.MAKELAAR, 3)
            assert "Anna" in {link.giver.user.first_name for link in ring.links.select_related("giver__user")}
            assert Proxy.objects.filter(user=logins["familie"], principal__user__first_name="Greet").exists()
            assert Listing.objects.filter(placed_by=logins["familie"], placed_as=PlacedAs.PROXY).count() == 2
            assert Listing.objects.filter(placed_by=logins["makelaar"], placed_as=PlacedAs.MAKELAAR).exists()
            assert [r.listing.title for r in moderation_queue()] == ["Goedkoop schilderwerk, bel 06-12345678"]
            anna = {e.status for e in Exchange.objects.filter(helper__user=logins["bewoner"])} | {
                e.status for e in Exchange.objects.filter(receiver__user=logins["bewoner"])
            }
            assert anna == {ExchangeStatus.PROPOSED, ExchangeStatus.AGREED, ExchangeStatus.DONE}
            # The ring the makelaar can still propose.
            assert ["Greet", "Youssef", "Ria"] in [[m.user.first_name for m in r.members] for r in candidate_rings()]
            # The documents' examples.
            titles = set(Listing.objects.values_list("title", flat=True))
            assert {"Heg snoeien", "Mee naar het ziekenhuis"} <= titles

    def test_a_second_run_changes_nothing_and_costs_one_query(
        self, parkwijk, parkwijk_demo, django_assert_max_num_queries
    ):
        logins, _ = parkwijk_demo  # the first run
        with tenant_context(parkwijk):
            before = signature()

            with django_assert_max_num_queries(2):  # the look-up, and django-tenants' SET search_path
                assert seed_demo_marketplace(wijk=parkwijk, logins=logins) is None

            assert signature() == before


@pytest.mark.slow
def test_the_same_seed_gives_the_same_demo_and_another_seed_another(parkwijk, logins):
    runs = []
    with tenant_context(parkwijk):
        for seed in (2010, 2010, 7):
            with transaction.atomic():
                seed_demo_marketplace(wijk=parkwijk, logins=logins, seed=seed)
                runs.append([row[:2] for row in signature()])  # primary keys differ between runs, texts do not
                transaction.set_rollback(True)

    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


@pytest.mark.slow
def test_every_pilot_wijk_gets_a_demo_sized_by_its_inhabitants_and_boerhaavewijk_none(db, boerhaavewijk):
    sizes = {}
    for slug in ("slachthuisbuurt", "centrum"):
        wijk = get_wijk(slug)
        with tenant_context(wijk):
            sizes[slug] = seed_demo_marketplace(wijk=wijk, logins={}).members
            assert Ring.objects.filter(status=Ring.Status.PROPOSED).count() == 1
            assert moderation_queue().count() == 1
    with tenant_context(boerhaavewijk):
        assert seed_demo_marketplace(wijk=boerhaavewijk, logins={}) is None
        assert not Listing.objects.exists()

    assert sizes == {"slachthuisbuurt": 55, "centrum": 103}


def test_the_bulk_generator_writes_the_asked_numbers_in_its_own_wijk_only(parkwijk, centrum):
    with tenant_context(centrum):
        summary = generate_bulk(
            wijk=centrum, listings=600, members=150, seed=3, open_share=0.5, progress=lambda m: None
        )

        assert Listing.objects.count() == 600
        active = Listing.objects.filter(status__in=[ListingStatus.OPEN, ListingStatus.IN_CONTACT]).count()
        assert active == summary.active and 240 < active < 360
        assert text_search(Listing.objects.all(), "boodschappen").exists()  # the generated column is filled
        with pytest.raises(AlreadyGenerated):
            generate_bulk(wijk=centrum, listings=10, members=5, seed=3, progress=lambda m: None)
    assert User.objects.filter(email__endswith=f"@{BULK_DOMAIN}").count() == 150
    with tenant_context(parkwijk):
        assert not Listing.objects.exists()
