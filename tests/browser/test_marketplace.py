"""The marketplace in a real browser: a resident posts a request, finds it and opens it; axe-core finds no serious
or critical violations on the browse page, a listing, the new-listing form with errors, the three-step page, an
exchange and the A4 poster.

The live server only sees committed rows, and inside Playwright's sync API the ORM refuses to run, so the data is
made (through the actions) and committed before the browser starts, and removed again when the module is done."""

import re
import secrets

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Exchange, Listing, Notification, Profile, Street
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import actor_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def seeded(wijkmarkt_server, django_db_blocker):
    """Two Parkwijk residents, a street, Bram's offer and an exchange about it; committed, and removed afterwards."""
    tag = secrets.token_hex(3)
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        users = [
            create_account(email=f"{name.lower()}-{tag}@example.nl", first_name=name, password=PASSWORD)
            for name in ("Anna", "Bram")
        ]
        with tenant_context(wijk):
            anna, bram = (join_wijk(wijk=wijk, user=user, accepted_house_rules=True) for user in users)
            street = Street.objects.create(name=f"Zomerkade {tag}", latitude=52.38, longitude=4.66)
            offer = publish_listing(
                actor=actor_for(bram.user),
                wijk=wijk,
                owner=bram,
                data=ListingInput(
                    kind="offer",
                    title=f"Soep koken {tag}",
                    description="Elke week verse soep.",
                    category_id=Category.objects.get(slug="maaltijden").pk,
                    street_id=street.pk,
                ),
            )
            exchange = respond_to_listing(
                actor=actor_for(anna.user), member=anna, listing=offer, message="Ik lust graag soep!"
            )
            data = {
                "anna": anna.user.email,
                "bram": bram.user.email,
                "tag": tag,
                "offer": offer.pk,
                "exchange": exchange.pk,
            }
        connection.set_schema_to_public()
    yield data
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        with tenant_context(wijk):
            members = Membership.objects.filter(user__email__in=[data["anna"], data["bram"]])
            Exchange.objects.filter(listing__owner__in=members).delete()
            Listing.objects.filter(owner__in=members).delete()
            Notification.objects.filter(member__in=members).delete()
            Profile.objects.filter(member__in=members).delete()
            members.delete()
            Street.objects.filter(name=f"Zomerkade {tag}").delete()
            # Inside the wijk: deleting an account checks the wijk's tables that point to it (proxies, listings).
            User.objects.filter(email__in=[data["anna"], data["bram"]]).delete()
        connection.set_schema_to_public()


@pytest.fixture
def page(seeded, browser):
    """The shared `page`, but only after the data is committed (Playwright blocks the ORM once it runs)."""
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(5_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_resident_posts_a_request_finds_it_and_opens_it(seeded, page, site):
    log_in(page, site, seeded["anna"])
    title = f"Hulp met mijn tablet {seeded['tag']}"

    page.get_by_role("link", name="Vraag en aanbod").first.click()
    page.get_by_role("link", name="Iets aanbieden").click()
    page.get_by_label("Een vraag: ik zoek hulp").check()
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Vertel er meer over").fill("De videobel-app doet het niet meer.")
    page.get_by_label("Soort hulp").select_option(label="Computerhulp")
    page.get_by_role("button", name="Plaatsen").click()

    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main")).to_contain_text("Gelukt: het staat op de Wijkmarkt.")

    page.goto(site.url("parkwijk", "/vraag-en-aanbod/"))
    page.locator("#id_q").fill(f"tablet {seeded['tag']}")
    page.get_by_role("button", name="Zoeken").click()
    result = page.locator(".listing-card", has_text=title)
    expect(result).to_have_count(1)
    result.get_by_role("link", name=title).click()

    expect(page.locator("h1")).to_have_text(title)
    expect(page.get_by_role("heading", name="Beheren")).to_be_visible()


def _submit_empty_listing(page):
    page.get_by_label("Titel").fill("")
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.locator(".error-summary")).to_be_visible()


def _ask_step_two(page):
    page.locator(".choice-tiles label").first.click()
    page.get_by_label("Zeg in een paar woorden wat u zoekt").fill("Iemand die mijn heg snoeit")
    page.get_by_role("button", name="Volgende stap").click()
    expect(page.locator(".step-count")).to_have_text("Stap 2 van 3")


AXE_PAGES = {
    "browse": ("/vraag-en-aanbod/", None),
    "listing": ("/vraag-en-aanbod/{offer}/", None),
    "new-listing-with-errors": ("/vraag-en-aanbod/nieuw/", _submit_empty_listing),
    "ask-step-1": ("/hulp-vragen/", None),
    "ask-step-2": ("/hulp-vragen/", _ask_step_two),
    "exchange": ("/afspraken/{exchange}/", None),
    "poster": ("/prikbord/", None),
    "profile": ("/profiel/", None),
}


@pytest.mark.parametrize("name", AXE_PAGES)
def test_marketplace_page_has_no_serious_or_critical_axe_violations(seeded, page, site, name):
    path, then = AXE_PAGES[name]
    log_in(page, site, seeded["anna"])
    page.goto(site.url("parkwijk", path.format(**seeded)))
    if then is not None:
        then(page)
    expect(page.locator("h1")).to_have_count(1)

    results = Axe().run(page)

    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} ({v['helpUrl']})\n"
        + "\n".join(f"    {', '.join(map(str, node['target']))}" for node in v["nodes"])
        for v in blocking
    )
    assert not blocking, f"{name} ({page.url}):\n{report}"


def test_three_step_page_works_without_javascript(seeded, browser, site):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(5_000)
    page = context.new_page()
    try:
        log_in(page, site, seeded["bram"])
        page.goto(site.url("parkwijk", "/hulp-vragen/"))
        page.get_by_role("button", name="Volgende stap").click()
        expect(page.locator("#id_category_error")).to_have_text(re.compile("Kies waar u hulp bij nodig heeft."))

        _ask_step_two(page)
        page.get_by_label("Maakt niet uit").check()
        page.get_by_role("button", name="Volgende stap").click()
        expect(page.locator(".step-count")).to_have_text("Stap 3 van 3")
        page.get_by_role("button", name="Vorige stap").click()
        expect(page.get_by_label("Maakt niet uit")).to_be_checked()
    finally:
        context.close()
