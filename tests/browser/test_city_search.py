"""Zoeken in heel Haarlem in a real browser: on the portal someone who lives elsewhere finds a Centrum neighbour's
citywide offer, narrows to Centrum, and opens it on Centrum's site, where it explains how to respond; axe-core finds
no serious or critical violations on the results and the listing. Without JavaScript the same search works.

Rows are committed before the browser starts (inside Playwright's sync API the ORM refuses to run) and removed when
the module is done, the index row with them."""

import re
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
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Listing, Visibility
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import actor_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeded(wijkmarkt_server, django_db_blocker):
    """Rob in Centrum with a citywide offer; Els, who is in no wijk's membership of Centrum, searches for it."""
    tag = secrets.token_hex(3)
    with django_db_blocker.unblock():
        centrum = Wijk.objects.get(schema_name="centrum")
        rob = create_account(email=f"rob-{tag}@example.nl", first_name="Rob", password=PASSWORD)
        els = create_account(email=f"els-{tag}@example.nl", first_name="Els", password=PASSWORD)
        with tenant_context(centrum):
            member = join_wijk(wijk=centrum, user=rob, accepted_house_rules=True)
            offer = publish_listing(
                actor=actor_for(rob),
                wijk=centrum,
                owner=member,
                data=ListingInput(
                    kind="offer",
                    title=f"Computerhulp aan huis {tag}",
                    description="Tablet, telefoon of computer.",
                    category_id=Category.objects.get(slug="computer").pk,
                    visibility=Visibility.CITY,
                ),
            )
        connection.set_schema_to_public()
    yield {"els": els.email, "tag": tag, "offer": offer.pk}
    with django_db_blocker.unblock():
        with tenant_context(centrum):
            Listing.objects.filter(pk=offer.pk).delete()
            Membership.objects.filter(user__email=rob.email).delete()
            User.objects.filter(email__in=[rob.email, els.email]).delete()
        SearchEntry.objects.filter(wijk=centrum, object_id=offer.pk).delete()
        connection.set_schema_to_public()


def test_a_citywide_offer_from_centrum_is_found_on_the_portal_and_opens_on_centrums_site(seeded, browser, site):
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(5_000)
    page = context.new_page()
    try:
        log_in(page, site, seeded["els"], slug=None)
        page.get_by_role("link", name="Zoeken in Haarlem").click()
        page.get_by_label("Waar zoekt u naar?").fill(f"computerhulp {seeded['tag']}")
        page.get_by_role("button", name="Zoeken", exact=True).click()
        expect(page.locator("#resultaten")).to_contain_text("1 resultaat")
        result = page.get_by_role("link", name=f"Aanbod: Computerhulp aan huis {seeded['tag']}")
        expect(result).to_be_visible()
        expect(page.locator(".card .meta").first).to_contain_text("in Centrum")
        assert_accessible(page, "results")

        page.get_by_role("link", name="Centrum (1)").click()
        expect(page.locator("[aria-current=true]")).to_contain_text("Centrum (1)")
        page.get_by_role("link", name=f"Aanbod: Computerhulp aan huis {seeded['tag']}").click()

        # Centrum's site is another host with its own session: Els logs in there and comes back to the listing.
        expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina is alleen voor leden van de wijk")
        page.locator("main").get_by_role("link", name="Inloggen").click()
        page.locator("#id_username").fill(seeded["els"])
        page.locator("#id_password").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        expect(page).to_have_url(re.compile(rf"centrum\.localhost:\d+/vraag-en-aanbod/{seeded['offer']}/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Aanbod: Computerhulp aan huis {seeded['tag']}")
        expect(page.get_by_role("heading", name="Wilt u reageren?")).to_be_visible()
        assert_accessible(page, "citywide listing")
    finally:
        context.close()


def test_without_javascript_the_search_works_the_same(seeded, browser, site):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(5_000)
    page = context.new_page()
    try:
        log_in(page, site, seeded["els"], slug=None)
        page.goto(site.url(None, "/zoeken-in-haarlem/"))
        page.get_by_label("Waar zoekt u naar?").fill("x" * 201)
        page.get_by_role("button", name="Zoeken", exact=True).click()
        expect(page.locator(".error-message")).to_contain_text("Dit is te lang: maximaal 200 tekens")
        expect(page.get_by_label("Waar zoekt u naar?")).to_have_value("x" * 201)
        page.get_by_label("Waar zoekt u naar?").fill(f"computerhulp {seeded['tag']}")
        page.get_by_role("button", name="Zoeken", exact=True).click()
        expect(page.get_by_role("link", name=f"Aanbod: Computerhulp aan huis {seeded['tag']}")).to_be_visible()
    finally:
        context.close()
