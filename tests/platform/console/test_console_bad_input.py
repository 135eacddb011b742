"""Issue 12, point 7, on the console's pages: a NUL (which PostgreSQL cannot store or compare) in any field of any
console form is answered with the page and a plain Dutch error next to the field, what was typed kept; never a 500
and nothing written."""

import pytest

from tests.builders.clients import client_for
from tests.builders.console import make_coordinator
from wijkmarkt.platform.console.models import AuditEntry
from wijkmarkt.platform.partners.models import Partner, WijkPartner

NUL = "Buurt\x00huis"

FORMS = {
    "/wijk/parkwijk/status/": ["status"],
    "/wijk/parkwijk/uiterlijk/": ["name", "tagline", "theme", "primary_colour", "logo"],
    "/wijk/parkwijk/regels/": ["modules", "listing_expiry_days", "done_objection_days", "house_rules", "postcodes"],
    "/wijk/parkwijk/partners/": ["partner", "offer"],
    "/nieuwe-wijk/": ["name", "slug", "status", "areas", "tagline", "theme", "primary_colour", "logo"],
    "/coordinatoren/": ["grant-email", "revoke-email"],
}
FILTERS = {
    "/logboek/": ["since", "until", "wijk", "coordinator", "pagina"],
    "/cijfers/": ["since", "until", "wijk"],
    "/cijfers.csv": ["since", "until", "wijk"],
}


@pytest.fixture
def console(parkwijk):
    Partner.objects.create(slug="buurthuis", name="Buurthuis De Brug", kind="welfare", active=True)
    return client_for(None, make_coordinator())


@pytest.mark.parametrize(("address", "field"), [(a, f) for a, fields in FORMS.items() for f in fields])
def test_a_nul_in_a_console_form_is_a_field_error(console, address, field):
    entries, links = AuditEntry.objects.count(), WijkPartner.objects.count()
    response = console.post(f"/console{address}", {"partner": "buurthuis", field: NUL})
    assert response.status_code < 500
    assert (AuditEntry.objects.count(), WijkPartner.objects.count()) == (entries, links)


def test_a_nul_in_the_partner_choice_says_choose_from_the_list_and_keeps_the_offer(console):
    response = console.post("/console/wijk/parkwijk/partners/", {"partner": NUL, "offer": "Koffie op dinsdag"})
    assert response.status_code == 400
    assert "Kies een partner uit de lijst." in response.content.decode()
    assert "Koffie op dinsdag" in response.content.decode()
    assert not WijkPartner.objects.exists()


@pytest.mark.parametrize(("address", "field"), [(a, f) for a, fields in FILTERS.items() for f in fields])
def test_a_nul_in_a_console_filter_is_no_server_fault(console, address, field):
    response = console.get(f"/console{address}", {field: NUL})
    assert response.status_code < 500
