"""The Eigen Kracht Wijzer in a real browser: a Parkwijk resident answers the four questions, goes back once, and
gets suggestions in the documents' order with a "why" that opens; axe-core finds no serious or critical violations
on a question (also with an error), the check page, the outcome and the wijk admin's rules page with an error.

The data is made and committed before the browser starts (Playwright's sync API blocks the ORM) and removed after:
`resident` is module-scoped, so pytest sets it up before the shared function-scoped `page`."""

import secrets

import pytest
from django.db import connection
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, assert_accessible, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.models import AccessLogEntry
from wijkmarkt.tenants.wijzer.models import Assessment

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def resident(wijkmarkt_server, django_db_blocker):
    """A Parkwijk resident, committed, and removed with her assessments when the module is done."""
    tag = secrets.token_hex(3)
    email, admin = f"wijzer-{tag}@example.nl", f"wijzer-beheer-{tag}@example.nl"
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        for address, name, role in ((email, "Wilma", Role.RESIDENT), (admin, "Wouter", Role.WIJK_ADMIN)):
            user = create_account(email=address, first_name=name, password=PASSWORD)
            with tenant_context(wijk):
                join_wijk(wijk=wijk, user=user, accepted_house_rules=True, role=role)
        connection.set_schema_to_public()
    yield email
    with django_db_blocker.unblock():
        with tenant_context(Wijk.objects.get(schema_name="parkwijk")):
            members = Membership.objects.filter(user__email__in=[email, admin])
            Assessment.objects.filter(member__in=members).delete()
            AccessLogEntry.objects.filter(subject__in=members).delete()
            members.delete()
            User.objects.filter(email__in=[email, admin]).delete()
        connection.set_schema_to_public()


def test_resident_takes_the_wijzer_and_gets_explained_suggestions(resident, page, site):
    log_in(page, site, resident)
    page.goto(site.url("parkwijk", "/wijzer/"))
    page.get_by_role("button", name="Begin de Wijzer").click()
    expect(page.locator(".step-count")).to_have_text("Vraag 1 van 4")
    page.get_by_role("button", name="Volgende vraag").click()
    expect(page.locator(".error-message")).to_contain_text("Kies minstens één antwoord.")
    assert_accessible(page, "question-with-error")

    page.get_by_label("Dagelijkse boodschappen").check()
    page.get_by_label("Licht huishoudelijk werk").check()
    page.get_by_role("button", name="Volgende vraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie is er in de buurt die u helpt of zou kunnen helpen?")
    page.get_by_role("button", name="Vorige vraag").click()
    expect(page.get_by_label("Dagelijkse boodschappen")).to_be_checked()
    page.get_by_role("button", name="Volgende vraag").click()
    page.get_by_label("Familie").check()
    assert_accessible(page, "question")
    page.get_by_role("button", name="Volgende vraag").click()
    page.get_by_label("Dagelijkse boodschappen").check()
    page.get_by_role("button", name="Volgende vraag").click()
    page.get_by_label("Binnen een maand").check()
    page.get_by_role("button", name="Naar het overzicht").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kloppen uw antwoorden?")
    assert_accessible(page, "check")
    page.get_by_role("button", name="Klaar: laat de ideeën zien").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Uw ideeën")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:3] == ["Wat u zelf kunt doen", "Uw eigen netwerk", "Buren via de Wijkmarkt"]
    first = page.locator("section.card").first
    expect(first.get_by_role("heading", level=3)).to_have_text("Boodschappen laten bezorgen")
    first.locator("summary").click()
    expect(first.locator("details")).to_contain_text("U zei dat u dit met een handigheidje nog zelf kunt.")
    expect(first.locator("details")).to_contain_text("versie 1")
    assert_accessible(page, "outcome")
    page.get_by_role("link", name="Vraag plaatsen op de Wijkmarkt").click()
    expect(page.get_by_label("Titel")).to_have_value("Wie helpt mij met licht huishoudelijk werk?")


def test_wijk_admin_rules_page_with_an_error_has_no_blocking_axe_violations(resident, page, site):
    log_in(page, site, resident.replace("wijzer-", "wijzer-beheer-"))
    page.goto(site.url("parkwijk", "/wijzer/regels/"))
    page.get_by_label("De regels").fill('{"regels": [')
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.locator(".error-message")).to_contain_text("Dit is geen geldige JSON")
    assert_accessible(page, "rules-with-error")
