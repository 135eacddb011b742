"""Mijn gegevens in a real browser: a resident opens her data from her profile, downloads it, asks to be erased,
forgets the confirmation (the error is next to the box), confirms, and is logged out; her neighbour's exchange page
then says Oud-lid. axe-core finds no serious or critical violations on the data page, the confirmation page with its
error and the done page.

The live server only sees committed rows, so the data is made through the actions and committed before the browser
starts, and removed again afterwards (by account id: the erasure changes the e-mail address)."""

import json
import secrets

import pytest
from django.db import connection
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, assert_accessible, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.search.models import SearchEntry
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation, Participant
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Exchange, Listing, Notification, Profile
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import ActingFor, Membership
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.models import AccessLogEntry, PrivacyRequest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeded(wijkmarkt_server, django_db_blocker):
    """Riet offers help citywide, Bram responded to it; committed, and removed afterwards."""
    tag = secrets.token_hex(3)
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        riet = create_account(email=f"riet-{tag}@example.nl", first_name=f"Riet{tag}", password=PASSWORD)
        bram = create_account(email=f"bram-{tag}@example.nl", first_name="Bram", password=PASSWORD)
        with tenant_context(wijk):
            riet_member = join_wijk(wijk=wijk, user=riet, accepted_house_rules=True)
            bram_member = join_wijk(wijk=wijk, user=bram, accepted_house_rules=True)
            data = ListingInput(
                kind="offer",
                title=f"Appeltaart van Riet{tag}",
                description="Elke zaterdag een.",
                category_id=Category.objects.first().pk,
                visibility="city",
            )
            offer = publish_listing(actor=actor_for(riet), wijk=wijk, owner=riet_member, data=data)
            exchange = respond_to_listing(
                actor=actor_for(bram), member=bram_member, listing=offer, message="Graag een stuk!"
            )
        connection.set_schema_to_public()
    yield {"riet": riet.email, "bram": bram.email, "tag": tag, "exchange": exchange.pk, "offer": offer.pk}
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        users = User.objects.filter(pk__in=[riet.pk, bram.pk])
        SearchEntry.objects.filter(wijk=wijk, object_id=offer.pk).delete()
        with tenant_context(wijk):
            members = Membership.objects.filter(pk__in=[riet_member.pk, bram_member.pk])
            PrivacyRequest.objects.filter(subject__in=members).delete()
            AccessLogEntry.objects.filter(subject__in=members).delete()
            ActingFor.objects.filter(actor__in=users).delete()
            conversations = Conversation.objects.filter(participants__member__in=members)
            ChatMessage.objects.filter(conversation__in=conversations).delete()
            Participant.objects.filter(conversation__in=conversations).delete()
            conversations.delete()
            Exchange.objects.filter(listing__owner__in=members).delete()
            Listing.objects.filter(owner__in=members).delete()
            Notification.objects.filter(member__in=members).delete()
            Profile.objects.filter(member__in=members).delete()
            members.delete()
            users.delete()
        connection.set_schema_to_public()


def test_resident_downloads_her_data_and_has_it_erased(seeded, page, site):
    tag = seeded["tag"]
    log_in(page, site, seeded["riet"])
    page.goto(site.url("parkwijk", "/profiel/"))
    page.get_by_role("link", name="Mijn gegevens").click()
    expect(page.locator("h1")).to_have_text("Mijn gegevens")
    expect(page.locator("main")).to_contain_text(f"Appeltaart van Riet{tag}")
    assert_accessible(page, "my-data")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Alles downloaden als bestand (JSON)").click()
    exported = json.loads(open(download_info.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert exported["account"]["email"] == seeded["riet"]

    page.get_by_role("link", name="Mijn gegevens uit deze wijk laten verwijderen").click()
    page.get_by_role("button", name="Definitief verwijderen").click()  # without the confirmation
    expect(page.locator("#id_confirm_error")).to_contain_text("Vink aan dat u begrijpt wat er gebeurt.")
    assert_accessible(page, "erase-with-error")
    page.get_by_label("Ik begrijp wat er gebeurt en wil de gegevens uit deze wijk laten verwijderen.").check()
    page.get_by_role("button", name="Definitief verwijderen").click()
    expect(page.locator("h1")).to_have_text("Gegevens verwijderd")
    assert_accessible(page, "erased")

    page.context.clear_cookies()
    log_in(page, site, seeded["bram"])
    page.goto(site.url("parkwijk", f"/afspraken/{seeded['exchange']}/"))
    expect(page.locator("main")).to_contain_text("Oud-lid")
    expect(page.locator("main")).not_to_contain_text(f"Riet{tag}")
