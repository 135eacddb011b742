"""The coordinators' console in a real browser: a coordinator logs in on the portal, opens the evaluation dashboard
(charts with their tables, the CSV link) and changes a wijk's status; axe-core finds no serious or critical
violations on the dashboard and the wijk page.

Rows are made and committed before the browser starts (inside Playwright's sync API the ORM refuses to run) and put
back when the module is done: the coordinator account, its audit entries and Boerhaavewijk's status."""

import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, assert_accessible, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.console.models import AuditEntry
from wijkmarkt.platform.wijken.models import Wijk

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def coordinator_email(wijkmarkt_server, django_db_blocker):
    email = f"coordinator-{secrets.token_hex(3)}@example.nl"
    with django_db_blocker.unblock():
        user = create_account(email=email, first_name="Sanne", password=PASSWORD)
        User.objects.filter(pk=user.pk).update(is_coordinator=True)
        status = Wijk.objects.get(schema_name="boerhaavewijk").status
    yield email
    with django_db_blocker.unblock():
        Wijk.objects.filter(schema_name="boerhaavewijk").update(status=status, started_on=None, ended_on=None)
        AuditEntry.objects.filter(coordinator_email=email).delete()
        # Deleting the account would look for its memberships in the public schema; it just stops being one.
        User.objects.filter(email=email).update(is_coordinator=False, is_active=False)


def test_coordinator_opens_the_dashboard_and_pauses_a_wijk(coordinator_email, page, site):
    log_in(page, site, coordinator_email, slug=None)
    page.goto(site.url(None, "/"))
    page.get_by_role("link", name="Console voor coördinatoren").click()
    page.get_by_role("link", name="Cijfers", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers van de wijken")
    expect(page.locator("figure.chart")).to_have_count(6)
    expect(page.locator("figure.chart table").first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Download als CSV"))).to_have_attribute(
        "href", re.compile(r"^/console/cijfers\.csv\?since=")
    )
    assert_accessible(page, "evaluation dashboard")

    page.get_by_label("Van").fill("2026-05-01")
    page.get_by_label("Tot en met").fill("2026-04-01")
    page.get_by_role("button", name="Cijfers tonen").click()
    expect(page.locator(".error-summary")).to_contain_text("De begindatum ligt na de einddatum.")
    assert_accessible(page, "evaluation dashboard with an error")

    page.get_by_role("link", name="Wijken", exact=True).click()
    page.get_by_role("link", name="Boerhaavewijk", exact=True).click()
    page.get_by_label("Proef").check()
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.locator(".notice")).to_contain_text("Boerhaavewijk is nu: Proef.")
    expect(page.get_by_label("Proef")).to_be_checked()
    assert_accessible(page, "wijk page")
