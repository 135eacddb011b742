"""Household help in a real browser: a daughter who lives outside the wijk arranges household help for her mother
(search, send, the provider accepts from the worklist, the daughter sees the answer); a provider draws up a support
plan with a resident, both agree, and satisfaction is recorded at the start. axe-core finds no serious or critical
violations on the pages of both flows.

The live server only sees committed rows, and inside Playwright's sync API the ORM refuses to run, so the data is
made (through the actions) and committed before the browser starts, and removed again when the module is done."""

import datetime as dt
import re
import secrets

import pytest
from django.db import connection
from django.utils import timezone
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, assert_accessible, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.care.actions import ProviderInput, answer_help_request, register_provider, send_help_request
from wijkmarkt.tenants.care.models import HelpRequest, Provider, SupportPlan
from wijkmarkt.tenants.marketplace.models import Notification
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.models import ActingFor, Membership, Proxy
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.models import AccessLogEntry

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeded(wijkmarkt_server, django_db_blocker):
    """Parkwijk: Greet (75) and her daughter Carla (no member, her registered proxy), Piet with an accepted request,
    and Henk, who works for a contracted provider. Committed, and removed afterwards."""
    tag = secrets.token_hex(3)
    emails = {name: f"{name}-{tag}@example.nl" for name in ("greet", "carla", "piet", "henk")}
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        users = {
            name: create_account(email=email, first_name=name.title(), password=PASSWORD)
            for name, email in emails.items()
        }
        with tenant_context(wijk):
            greet, piet = (
                join_wijk(wijk=wijk, user=users[name], accepted_house_rules=True) for name in ("greet", "piet")
            )
            henk = join_wijk(wijk=wijk, user=users["henk"], accepted_house_rules=True, role=Role.PROVIDER)
            register_proxy(
                actor=actor_for(greet.user), principal=greet, proxy_email=emails["carla"], relation="dochter"
            )
            provider = register_provider(
                wijk=wijk,
                staff=[henk],
                data=ProviderInput(
                    name=f"Thuiszorg {tag}",
                    kind="contracted",
                    activities=["light", "heavy"],
                    available=["tue_morning", "thu_morning"],
                    in_natura=True,
                    phone="023 555 01 01",
                ),
            )
            sent = send_help_request(actor=actor_for(piet.user), member=piet, provider=provider, activities=["light"])
            answer_help_request(actor=actor_for(henk.user), help_request=sent, accept=True)
        connection.set_schema_to_public()
    yield {**emails, "tag": tag, "provider": provider.pk, "piet_request": sent.pk}
    with django_db_blocker.unblock():
        with tenant_context(Wijk.objects.get(schema_name="parkwijk")):
            members = Membership.objects.filter(user__email__in=emails.values())
            SupportPlan.objects.filter(member__in=members).delete()
            HelpRequest.objects.filter(member__in=members).delete()
            Provider.objects.filter(pk=provider.pk).delete()
            Proxy.objects.filter(principal__in=members).delete()
            Notification.objects.filter(member__in=members).delete()
            AccessLogEntry.objects.filter(reader__email__in=emails.values()).delete()
            ActingFor.objects.filter(actor__email__in=emails.values()).delete()
            members.delete()
            User.objects.filter(email__in=emails.values()).delete()
        connection.set_schema_to_public()


@pytest.fixture
def new_page(seeded, browser):
    """A fresh browser context per person (each their own session), opened only after the data is committed."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="nl-NL")
        context.set_default_timeout(5_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_daughter_arranges_household_help_for_her_mother(seeded, new_page, site):
    carla = new_page()
    log_in(carla, site, seeded["carla"])
    carla.goto(site.url("parkwijk", "/hulp-in-huis/"))
    carla.get_by_role("group", name="Waarmee wilt u hulp?").get_by_label("licht huishoudelijk werk").check()
    carla.get_by_role("group", name="Op welke dagen?").get_by_label("dinsdag").check()
    carla.get_by_role("group", name="Welk deel van de dag?").get_by_label("ochtend").check()
    carla.get_by_label("Hoe betaalt u?").select_option("natura")
    carla.get_by_role("button", name="Zoeken").click()
    result = carla.get_by_role("listitem").filter(has_text=f"Thuiszorg {seeded['tag']}")
    expect(result).to_contain_text("Werkt dinsdagochtend")
    expect(result).to_contain_text("gecontracteerd door de gemeente")
    assert_accessible(carla)

    result.get_by_role("link").click()
    carla.get_by_label("Wilt u nog iets vertellen?").fill("Mijn moeder heeft een versleten heup. Bel eerst aan.")
    carla.get_by_role("button", name="Verzoek versturen").click()
    expect(carla.get_by_text("Uw verzoek is verstuurd.")).to_be_visible()
    expect(carla.locator("dd").first).to_have_text("Verstuurd")
    expect(carla.get_by_text("Greet", exact=True)).to_be_visible()
    assert_accessible(carla)
    request_url = carla.url

    henk = new_page()
    log_in(henk, site, seeded["henk"])
    henk.goto(site.url("parkwijk", "/hulp-in-huis/werklijst/"))
    expect(henk.get_by_text("1 verzoek wacht op uw antwoord.")).to_be_visible()
    assert_accessible(henk)
    henk.get_by_role("button", name="Verzoek van Greet aannemen").click()
    expect(henk.get_by_text("Uw antwoord is verstuurd.")).to_be_visible()

    carla.goto(request_url)
    expect(carla.locator("dd").first).to_have_text("Aangenomen")


def test_provider_agrees_a_support_plan_with_a_resident_and_records_satisfaction_at_the_start(seeded, new_page, site):
    henk = new_page()
    log_in(henk, site, seeded["henk"])
    henk.goto(site.url("parkwijk", f"/hulp-in-huis/verzoeken/{seeded['piet_request']}/"))
    henk.get_by_role("link", name="Ondersteuningsplan opstellen").click()
    expect(henk.get_by_label("Het resultaat dat u samen afspreekt")).to_have_value("Een schoon en leefbaar huis")
    henk.get_by_label("Wat doet de bewoner zelf?").fill("Piet doet de afwas en de planten.")
    henk.get_by_label("Wat doen familie, buren en vrienden?").fill("Zijn zoon doet zaterdag de boodschappen.")
    henk.get_by_label("Wat doet de aanbieder?").fill("Elke dinsdagochtend stofzuigen en de badkamer.")
    henk.get_by_label("Eerste datum om samen terug te kijken").fill(
        (timezone.localdate() + dt.timedelta(days=90)).isoformat()
    )
    henk.get_by_role("button", name="Plan opslaan").click()
    expect(henk.get_by_role("heading", level=1)).to_have_text("Ondersteuningsplan van Piet")
    henk.get_by_role("button", name="Ik ga akkoord met versie 1").click()
    expect(henk.get_by_text("De aanbieder gaf akkoord. Nu nog de bewoner.")).to_be_visible()
    assert_accessible(henk)
    plan_url = henk.url

    piet = new_page()
    log_in(piet, site, seeded["piet"])
    piet.goto(plan_url)
    expect(piet.get_by_text("Elke dinsdagochtend stofzuigen en de badkamer.")).to_be_visible()
    piet.get_by_role("button", name="Ik ga akkoord met versie 1").click()
    expect(piet.get_by_role("heading", name=re.compile("Versie 1: afgesproken"))).to_be_visible()

    henk.goto(plan_url)
    henk.get_by_role("link", name="Tevredenheid invullen").click()
    henk.get_by_role("group", name="Wanneer is deze meting?").get_by_label("Bij de start").check()
    for question, answer in (
        ("schoon en leefbaar", "Ontevreden"),
        ("hulp die u krijgt", "Niet tevreden, niet ontevreden"),
        ("zelf nog kunt doen", "Tevreden"),
        ("familie, buren", "Tevreden"),
        ("afspraken in uw plan", "Niet tevreden, niet ontevreden"),
    ):
        henk.get_by_role("group", name=re.compile(question)).get_by_label(answer, exact=True).check()
    assert_accessible(henk)
    henk.get_by_role("button", name="Antwoorden opslaan").click()
    expect(henk.get_by_text("Dank u wel. De antwoorden zijn opgeslagen.")).to_be_visible()
    expect(henk.get_by_role("row", name=re.compile("Bij de start"))).to_contain_text("3,2")

    piet.goto(plan_url.rstrip("/") + "/afdrukken/")
    expect(piet.get_by_text("Piet doet de afwas en de planten.")).to_be_visible()
    assert_accessible(piet)
