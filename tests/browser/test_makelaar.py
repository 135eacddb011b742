"""The makelaar's work in a real browser: the makelaar registers a resident who is not online, places a request for
her, opens a case and hands it over to a partner's contact person, and handles a signal; axe-core finds no serious
or critical violations on the pages on the way (the registration form with its errors, the resident, the case, the
worklist, the signal).

The live server only sees committed rows, and inside Playwright's sync API the ORM refuses to run, so the data is
made (through the actions) and committed before the browser starts, and removed again when the module is done."""

import datetime as dt
import re
import secrets

import pytest
from django.db import connection
from django.db.models import Q
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, assert_accessible, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.partners.models import ContactPerson, Partner
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.makelaar.models import Case, HandOver, OfflineResident, Signal
from wijkmarkt.tenants.marketplace.models import Listing, Notification, Profile
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import ActingFor, Consent, Membership
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.models import AccessLogEntry

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeded(wijkmarkt_server, django_db_blocker):
    """Parkwijk's makelaar, a neighbour who reported a worry, and a partner with a contact person; committed, and
    removed afterwards with everything the test made."""
    tag = secrets.token_hex(3)
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        fatima = create_account(email=f"fatima-{tag}@example.nl", first_name="Fatima", password=PASSWORD)
        bram = create_account(email=f"bram-{tag}@example.nl", first_name="Bram", password=PASSWORD)
        partner = Partner.objects.create(slug=f"mee-{tag}", name=f"MEE {tag}", kind="care")
        ContactPerson.objects.create(partner=partner, name=f"Els {tag}", role="Consulent")
        with tenant_context(wijk):
            join_wijk(wijk=wijk, user=fatima, accepted_house_rules=True, role=Role.MAKELAAR)
            reporter = join_wijk(wijk=wijk, user=bram, accepted_house_rules=True)
            report_signal(actor=actor_for(reporter.user), about=f"Meneer Jansen {tag}", worry="De post stapelt op.")
        connection.set_schema_to_public()
    data = {"fatima": fatima.email, "bram": bram.email, "tag": tag, "partner": partner.name}
    yield data
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        users = User.objects.filter(Q(email__endswith=f"-{tag}@example.nl") | Q(first_name=f"Truus{tag}"))
        with tenant_context(wijk):
            members = Membership.objects.filter(user__in=users)
            AccessLogEntry.objects.filter(reader__in=users).delete()
            ActingFor.objects.filter(actor__in=users).delete()
            HandOver.objects.filter(case__member__in=members).delete()
            Case.objects.filter(member__in=members).delete()
            Signal.objects.filter(reporter__in=users).delete()
            Consent.objects.filter(member__in=members).delete()
            OfflineResident.objects.filter(member__in=members).delete()
            Listing.objects.filter(owner__in=members).delete()
            Notification.objects.filter(member__in=members).delete()
            Profile.objects.filter(member__in=members).delete()
            members.delete()
            users.delete()
        Partner.objects.filter(slug=f"mee-{tag}").delete()
        connection.set_schema_to_public()


@pytest.fixture
def page(seeded, browser):
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(5_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_makelaar_registers_acts_for_hands_over_and_handles_a_signal(seeded, page, site):
    tag = seeded["tag"]
    truus = f"Truus{tag}"
    log_in(page, site, seeded["fatima"])

    page.get_by_role("link", name="Makelaar").first.click()
    expect(page.locator("h1")).to_have_text("Werklijst")
    assert_accessible(page, "worklist")
    page.get_by_role("link", name="Bewoner inschrijven").click()
    page.get_by_role("button", name="Inschrijven").click()  # empty: errors next to the fields
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "register-with-errors")
    page.get_by_label("Voornaam").fill(truus)
    page.get_by_label("Straat").fill("Zomerkade")
    page.get_by_label("Telefoonnummer").fill("023 531 00 00")
    page.get_by_label("De bewoner vindt het goed dat ik hem of haar inschrijf en de gegevens bewaar").check()
    page.get_by_label("De bewoner vindt het goed dat ik namens hem of haar vragen plaats en reageer").check()
    page.get_by_label("Hoe gaf de bewoner toestemming?").fill("Mondeling, bij het spreekuur")
    page.get_by_role("button", name="Inschrijven").click()
    expect(page.locator("h1")).to_have_text(truus)
    expect(page.locator("main")).to_contain_text("Deze bewoner logt niet zelf in.")
    assert_accessible(page, "resident")

    page.get_by_role("link", name="Een vraag plaatsen namens deze bewoner").click()
    title = f"Boodschappen voor {truus}"
    expect(page.get_by_label("Voor wie plaatst u dit?")).to_have_value(re.compile(r"^\d+$"))
    expect(page.get_by_label("Voor wie plaatst u dit?").locator("option:checked")).to_have_text(f"{truus} (Zomerkade)")
    page.get_by_label("Een vraag: ik zoek hulp").check()
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Vertel er meer over").fill("Wie gaat dinsdag mee naar de supermarkt?")
    page.get_by_label("Soort hulp").select_option(index=1)
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.locator("h1")).to_have_text(title)

    page.goto(site.url("parkwijk", "/makelaar/bewoners/"))
    page.get_by_role("link", name=re.compile(truus)).click()
    expect(page.locator("main")).to_contain_text("plaatste een vraag of aanbod")
    page.get_by_role("link", name="Een dossier openen").click()
    page.get_by_label("Wat is de vraag?").fill("Truus krijgt haar post niet meer gelezen.")
    page.get_by_label("Wanneer kijkt u weer?").fill((dt.date.today() + dt.timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Dossier openen").click()
    expect(page.locator("h1")).to_have_text(f"Dossier van {truus}")
    page.get_by_label("Contactpersoon van een partner").select_option(
        label=f"Els {tag}, {seeded['partner']} (Consulent)"
    )
    page.get_by_label("Wat geeft u door?").fill("Hulp bij de administratie.")
    page.get_by_label("De bewoner vindt het goed dat ik dit doorgeef aan deze partner").check()
    page.locator("#id_consent_note").fill("Mondeling")
    page.get_by_role("button", name="Overdragen").click()
    expect(page.locator("main")).to_contain_text("De overdracht is vastgelegd.")
    expect(page.get_by_role("heading", name=f"Aan Els {tag}, {seeded['partner']}")).to_be_visible()
    assert_accessible(page, "case")

    page.get_by_role("link", name="Signalen").first.click()
    page.get_by_role("link", name=f"Meneer Jansen {tag}").click()
    expect(page.locator("main")).to_contain_text("De post stapelt op.")
    assert_accessible(page, "signal")
    page.get_by_label("Wat is de uitkomst?").fill("Langsgegaan; zijn dochter is ingelicht.")
    page.get_by_role("button", name="Signaal afhandelen").click()
    expect(page.locator("main")).to_contain_text("Het signaal is afgehandeld.")
    expect(page.get_by_role("link", name=f"Meneer Jansen {tag}")).to_have_count(0)
