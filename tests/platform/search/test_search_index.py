"""The citywide index holds exactly the items residents made citywide, in step with every change, and nothing else."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from tests.builders.search import actor_of
from wijkmarkt.platform.search.models import SearchEntry
from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, cancel_exchange, respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import (
    ListingInput,
    expire_listings,
    renew_listing,
    update_listing,
    withdraw_listing,
)
from wijkmarkt.tenants.marketplace.actions.moderation import handle_report, report
from wijkmarkt.tenants.marketplace.models import Listing, ListingKind, Visibility


def indexed(wijk=None) -> set[str]:
    entries = SearchEntry.objects.filter(wijk=wijk) if wijk else SearchEntry.objects.all()
    return set(entries.values_list("title", flat=True))


def test_only_citywide_listings_are_indexed_whatever_their_kind(parkwijk, search_members, publish):
    anna = search_members["anna"]
    for kind in ListingKind.values:
        for visibility in Visibility.values:
            publish(parkwijk, anna, f"{kind} {visibility}", kind=kind, visibility=visibility)

    assert indexed() == {"Aanbod: offer city", "Vraag: request city"}
    row = SearchEntry.objects.get(title="Aanbod: offer city")
    assert (row.wijk, row.kind, row.path) == (parkwijk, "listing", f"/vraag-en-aanbod/{row.object_id}/")


def test_the_row_follows_edits_and_leaves_when_withdrawn(parkwijk, search_members, publish):
    anna = search_members["anna"]
    listing = publish(parkwijk, anna, "Fietsen repareren")
    with tenant_context(parkwijk):
        update_listing(
            actor=actor_of(anna),
            listing=listing,
            data=ListingInput(
                kind="offer",
                title="Fietsen en brommers repareren",
                description="Ook in het weekend.",
                category_id=listing.category_id,
                visibility=Visibility.CITY,
            ),
        )
        assert indexed() == {"Aanbod: Fietsen en brommers repareren"}
        assert SearchEntry.objects.get().summary == "Ook in het weekend."
        update_listing(
            actor=actor_of(anna),
            listing=listing,
            data=ListingInput(
                kind="offer",
                title="Fietsen repareren",
                description="Alleen voor buren.",
                category_id=listing.category_id,
                visibility=Visibility.WIJK,
            ),
        )
        assert indexed() == set()
        update_listing(
            actor=actor_of(anna),
            listing=listing,
            data=ListingInput(
                kind="offer",
                title="Fietsen repareren",
                description="Toch voor iedereen.",
                category_id=listing.category_id,
                visibility=Visibility.CITY,
            ),
        )
        withdraw_listing(actor=actor_of(anna), listing=listing)
        assert indexed() == set()


def test_expired_listings_leave_and_come_back_when_renewed(parkwijk, search_members, publish):
    anna = search_members["anna"]
    listing = publish(parkwijk, anna, "Samen wandelen")
    with tenant_context(parkwijk):
        expire_listings(now=timezone.now() + dt.timedelta(days=400))
        assert indexed() == set()
        renew_listing(actor=actor_of(anna), wijk=parkwijk, listing=Listing.objects.get(pk=listing.pk))
        assert indexed() == {"Aanbod: Samen wandelen"}


def test_agreement_removes_and_cancelling_restores(parkwijk, search_members, publish):
    anna = search_members["anna"]
    cor = make_member(parkwijk, "Cor", "cor.zoek@example.nl")
    listing = publish(parkwijk, anna, "Hulp met de computer", kind="request")
    with tenant_context(parkwijk):
        exchange = respond_to_listing(actor=actor_of(cor), member=cor, listing=listing, message="Ik kom graag.")
        assert indexed() == {"Vraag: Hulp met de computer"}  # in contact: still looking
        for side in (cor, anna):
            agree_exchange(actor=actor_of(side), exchange=exchange, what="Dinsdag", agreed_for=None, hours=Decimal("1"))
            exchange.refresh_from_db()
        assert indexed() == set()
        cancel_exchange(actor=actor_of(anna), exchange=exchange, reason="Ziek")
        assert indexed() == {"Vraag: Hulp met de computer"}


def test_a_listing_hidden_by_moderation_leaves_the_index(parkwijk, search_members, publish):
    anna = search_members["anna"]
    cor = make_member(parkwijk, "Cor", "cor.melder@example.nl")
    admin = make_member(parkwijk, "Mo", "mo.zoek@example.nl", role="wijk_admin")
    listing = publish(parkwijk, anna, "Goedkope zonnebrillen")
    with tenant_context(parkwijk):
        filed = report(actor=actor_of(cor), reporter=cor, reason="Reclame", listing=listing)
        handle_report(actor=actor_of(admin), moderator=admin, report=filed, outcome="hidden", reason="Reclame")
        assert indexed() == set()


def test_a_change_that_rolls_back_leaves_the_index_as_it_was(parkwijk, search_members, publish):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(parkwijk, search_members["anna"], "Nooit gepubliceerd")
        raise RuntimeError("the page failed after publishing")
    assert indexed() == set()


def test_check_reports_every_kind_of_disagreement_and_rebuild_repairs_them(
    parkwijk, centrum, search_members, publish, capsys
):
    kept = publish(parkwijk, search_members["anna"], "Oppassen op de hond")
    lost = publish(parkwijk, search_members["anna"], "Planten water geven")
    publish(centrum, search_members["bram"], "Kaarten maken")
    call_command("check_search_index")  # in step after the actions
    with tenant_context(parkwijk):
        SearchEntry.objects.filter(object_id=kept.pk, wijk=parkwijk).update(title="Oude titel")
        SearchEntry.objects.filter(object_id=lost.pk, wijk=parkwijk).delete()
        private = publish(parkwijk, search_members["anna"], "Alleen voor de wijk", visibility=Visibility.WIJK)
        SearchEntry.objects.create(wijk=parkwijk, kind="listing", object_id=private.pk, title="Gelekt", path="/")
    capsys.readouterr()

    with pytest.raises(CommandError, match="3 zoekregel"):
        call_command("check_search_index")
    report_text = capsys.readouterr().out
    assert f"listing {kept.pk} staat er met oude tekst in" in report_text
    assert f"listing {lost.pk} staat niet in de index" in report_text
    assert f"listing {private.pk} staat erin maar is niet (meer) voor heel Haarlem" in report_text

    call_command("rebuild_search_index")
    call_command("check_search_index")
    assert indexed(parkwijk) == {"Aanbod: Oppassen op de hond", "Aanbod: Planten water geven"}
    assert indexed(centrum) == {"Aanbod: Kaarten maken"}
    assert connection.schema_name == "public"


def test_meeting_places_and_partner_offers_are_citywide_but_counters_are_not(parkwijk, centrum):
    from wijkmarkt.platform.accounts.models import Role
    from wijkmarkt.platform.partners.actions import link_partner_to_wijk, register_partner, unlink_partner_from_wijk
    from wijkmarkt.tenants.places.actions import PlaceInput, remove_place, save_place

    admin = make_member(parkwijk, "Beheer", "beheer.zoek@example.nl", role=Role.WIJK_ADMIN)
    with tenant_context(parkwijk):
        hamelink = save_place(
            actor=actor_of(admin),
            data=PlaceInput(
                kind="meeting_place",
                name="Buurthuis De Zon",
                address="Zonnelaan 1",
                description="Koffie op dinsdag.",
            ),
        )
        save_place(actor=actor_of(admin), data=PlaceInput(kind="counter", name="Wijkloket", address="Zonnelaan 2"))
    partner = register_partner(name="Stichting Buurtsport", kind="welfare", offer="Sporten in de wijk.")
    link_partner_to_wijk(wijk=centrum, partner=partner, offer="Wandelvoetbal op het plein.")

    assert indexed(parkwijk) == {"Buurthuis De Zon"}
    assert indexed(centrum) == {"Stichting Buurtsport"}
    assert SearchEntry.objects.get(wijk=centrum).summary == "Wandelvoetbal op het plein."
    call_command("check_search_index")

    with tenant_context(parkwijk):
        remove_place(actor=actor_of(admin), place=hamelink)
    unlink_partner_from_wijk(wijk=centrum, partner=partner)
    assert indexed() == set()


def test_the_index_is_dutch_whatever_language_the_author_reads_in(parkwijk, search_members, publish):
    from django.utils import translation

    with translation.override("en"):
        publish(parkwijk, search_members["anna"], "Soep koken")

    assert indexed() == {"Aanbod: Soep koken"}
