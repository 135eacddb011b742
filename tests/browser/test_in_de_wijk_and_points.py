"""In a real browser: Centrum's wijk admin adds a counter with opening hours without JavaScript (a mistake first,
shown next to the day), a visitor finds it on "In de wijk" with the partners of Centrum only; Bram in Parkwijk
(points on) gives points to his mother Mien in Centrum (points on) and both see it on "Mijn punten". axe-core finds
no serious or critical violations on these pages.

The live server only sees committed rows and Playwright's sync API blocks the ORM, so everything is made through the
actions and committed first, and removed again afterwards (points switched off again)."""

import re
import secrets
import time

import pytest
from django.db import connection
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, assert_accessible, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.ledger.actions import Booking, _book, member_account, wijk_account
from wijkmarkt.platform.ledger.models import Account, Entry, Transfer, TransferKind, Via
from wijkmarkt.platform.partners.actions import add_contact_person, link_partner_to_wijk, register_partner
from wijkmarkt.platform.partners.models import Partner
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.places.models import Place

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOST_CACHE_SECONDS = 2  # the test server caches a wijk's row per host this long (tests/browser/conftest.py)


@pytest.fixture(scope="module")
def seeded(wijkmarkt_server, django_db_blocker):
    tag = secrets.token_hex(3)
    with django_db_blocker.unblock():
        wijken = {w.schema_name: w for w in Wijk.objects.filter(schema_name__in=["parkwijk", "centrum"])}
        points_before = {w.pk: w.points_enabled for w in wijken.values()}
        Wijk.objects.filter(pk__in=[w.pk for w in wijken.values()]).update(points_enabled=True)
        people = {}
        for name, slug, role in (
            ("Marleen", "centrum", "wijk_admin"),
            ("Bram", "parkwijk", "resident"),
            ("Mien", "centrum", "resident"),
        ):
            user = create_account(email=f"{name.lower()}-{tag}@example.nl", first_name=name, password=PASSWORD)
            with tenant_context(wijken[slug]):
                join_wijk(wijk=wijken[slug], user=user, accepted_house_rules=True, role=role)
            people[name.lower()] = user.email
        source = wijk_account(wijken["parkwijk"])
        bram_user = User.objects.get(email=people["bram"])
        _book(
            Booking(
                kind=TransferKind.EARNED,
                from_account=source,
                to_account=member_account(bram_user),
                amount=6,
                wijk=wijken["parkwijk"],
                via=Via.AUTOMATIC,
                note="Boodschappen",
            ),
            f"browser:{tag}",
        )
        partner = register_partner(name=f"Stichting Kontext {tag}", kind="welfare", slug=f"kontext-{tag}")
        ruud = add_contact_person(partner=partner, name="Ruud Visser", role="sociaal makelaar")
        link_partner_to_wijk(
            wijk=wijken["centrum"], partner=partner, offer="De makelaar van de binnenstad.", contact=ruud
        )
        connection.set_schema_to_public()
    yield {**people, "tag": tag}
    with django_db_blocker.unblock():
        users = list(User.objects.filter(email__in=people.values()))
        accounts = list(Account.objects.filter(user__in=users))
        transfers = Transfer.objects.filter(from_account__in=accounts) | Transfer.objects.filter(
            to_account__in=accounts
        )
        ids = list(transfers.values_list("pk", flat=True))
        Entry.objects.filter(transfer__in=ids).delete()
        Transfer.objects.filter(pk__in=ids).delete()
        Account.objects.filter(pk__in=[a.pk for a in accounts]).delete()
        with connection.cursor() as cursor:  # the wijk's account gave Bram his points: its balance follows its entries
            cursor.execute(
                "UPDATE public.ledger_account a SET balance = (SELECT COALESCE(SUM(e.amount), 0) FROM "
                "public.ledger_entry e WHERE e.account_id = a.id) WHERE a.kind = 'wijk'"
            )
        Partner.objects.filter(slug=f"kontext-{tag}").delete()
        for pk, enabled in points_before.items():
            Wijk.objects.filter(pk=pk).update(points_enabled=enabled)
        for wijk in wijken.values():
            with tenant_context(wijk):
                Place.objects.filter(name=f"Loket {tag}").delete()
                Membership.objects.filter(user__in=users).delete()
        with connection.cursor() as cursor:  # raw: the ORM's cascade would look for memberships in the public schema
            cursor.execute("DELETE FROM public.accounts_user WHERE id = ANY(%s)", [[u.pk for u in users]])
        connection.set_schema_to_public()


def open_when_points_are_on(page, url: str) -> None:
    """The server learns that points were switched on when its host cache expires."""
    deadline = time.monotonic() + HOST_CACHE_SECONDS
    while page.goto(url).status == 404 and time.monotonic() < deadline:
        time.sleep(1)


def test_the_admin_adds_a_counter_without_javascript_and_a_visitor_finds_it(seeded, page_without_javascript, site):
    page = page_without_javascript
    log_in(page, site, seeded["marleen"], slug="centrum")
    page.goto(site.url("centrum", "/in-de-wijk/"))
    page.get_by_role("link", name="Ontmoetingsplekken en loketten beheren").click()
    page.get_by_role("link", name="Loket toevoegen").click()
    page.get_by_label("Naam", exact=True).fill(f"Loket {seeded['tag']}")
    page.get_by_label("Adres", exact=True).fill("Grote Markt 2")
    page.get_by_label("Maandag").fill("09:00-12:00, 13:00-17:00")
    page.get_by_label("Woensdag").fill("17:00-09:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_hours_3_error")).to_contain_text("Op woensdag sluit het eerder dan het opengaat.")
    expect(page.get_by_label("Maandag")).to_have_value("09:00-12:00, 13:00-17:00")
    page.get_by_label("Woensdag").fill("09:00-12:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text(f"Loket {seeded['tag']} is opgeslagen.")

    page.context.clear_cookies()
    page.goto(site.url("centrum", "/in-de-wijk/"))
    counter = page.locator(".place", has_text=f"Loket {seeded['tag']}")
    expect(counter.get_by_role("row", name=re.compile("Maandag"))).to_contain_text(
        "09:00 \u2013 12:00, 13:00 \u2013 17:00"
    )
    expect(page.locator("main")).to_contain_text(f"Stichting Kontext {seeded['tag']}")
    expect(page.locator("main")).to_contain_text("Ruud Visser, sociaal makelaar")
    page.goto(site.url("parkwijk", "/in-de-wijk/"))
    expect(page.locator("main")).not_to_contain_text(f"Loket {seeded['tag']}")
    expect(page.locator("main")).not_to_contain_text(f"Stichting Kontext {seeded['tag']}")


def test_the_place_pages_pass_axe(seeded, page, site):
    """axe-core runs as a script in the page, so it checks these pages in a browser with JavaScript (in one without,
    Playwright's evaluate never returns); the pages themselves are the same."""
    log_in(page, site, seeded["marleen"], slug="centrum")
    page.goto(site.url("centrum", "/in-de-wijk/plekken/"))
    page.get_by_role("link", name="Loket toevoegen").click()
    page.get_by_label("Naam", exact=True).fill(f"Loket axe {seeded['tag']}")
    page.get_by_label("Adres", exact=True).fill("Grote Markt 3")
    page.get_by_label("Woensdag").fill("17:00-09:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_hours_3_error")).to_contain_text("Op woensdag sluit het eerder dan het opengaat.")
    assert_accessible(page, "place form with an error")
    page.goto(site.url("centrum", "/in-de-wijk/"))
    assert_accessible(page, "in de wijk")


def test_bram_in_parkwijk_gives_points_to_his_mother_in_centrum(seeded, page, site):
    log_in(page, site, seeded["bram"], slug="parkwijk")
    open_when_points_are_on(page, site.url("parkwijk", "/punten/"))
    expect(page.locator("main")).to_contain_text("U heeft 6 punten.")
    assert_accessible(page, "mijn punten")
    page.get_by_label("E-mailadres van de ontvanger").fill(seeded["mien"])
    page.get_by_label("Hoeveel punten?").fill("10")
    page.get_by_role("button", name="Punten geven").click()
    expect(page.locator("#id_amount_error")).to_have_text("Zoveel punten heeft u niet.")
    page.get_by_label("Hoeveel punten?").fill("4")
    page.get_by_label("Bericht (mag leeg blijven)").fill("Voor mama")
    page.get_by_role("button", name="Punten geven").click()
    expect(page.locator("main")).to_contain_text("Bram gaf 4 punten aan Mien (Centrum).")
    expect(page.locator("main")).to_contain_text("U heeft 2 punten.")

    page.context.clear_cookies()
    log_in(page, site, seeded["mien"], slug="centrum")
    open_when_points_are_on(page, site.url("centrum", "/punten/"))
    expect(page.locator("main")).to_contain_text("U heeft 4 punten.")
    expect(page.locator("main")).to_contain_text("Gekregen van Bram (Parkwijk): Voor mama")
