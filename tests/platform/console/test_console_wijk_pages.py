"""Changing a wijk from the console by page: status, branding, rules, partners, a new wijk. Each change is in the
audit log; bad input gets a Dutch error next to the field and writes nothing (neither the change nor a log line)."""

import pytest

from tests.builders.clients import client_for
from wijkmarkt.platform.console.models import AuditAction, AuditEntry
from wijkmarkt.platform.partners.actions import register_partner
from wijkmarkt.platform.partners.models import WijkPartner
from wijkmarkt.platform.wijken.models import Wijk

BRANDING = {
    "name": "Parkwijk",
    "tagline": "Buren helpen buren",
    "theme": "zomerzone",
    "primary_colour": "#8a4b00",
    "logo": "themes/zomerzone/logo.svg",
}
RULES = {
    "modules": ["marketplace", "chat"],
    "listing_expiry_days": "30",
    "done_objection_days": "5",
    "house_rules": "Wees aardig.",
    "postcodes": "2032 AB, 2033",
}


def test_wijk_page_shows_what_each_status_means(coordinator):
    page = client_for(None, coordinator).get("/console/wijk/parkwijk/").content.decode()
    for label in ("In voorbereiding", "Proef", "Open", "Gepauzeerd", "Gestopt"):
        assert label in page
    assert "nieuwe bewoners kunnen zich aanmelden" in page
    assert "De site is niet te zien" in page


def test_coordinator_pauses_a_wijk_and_the_log_says_so(coordinator, parkwijk):
    response = client_for(None, coordinator).post("/console/wijk/parkwijk/status/", {"status": "paused"}, follow=True)
    assert "Parkwijk is nu: Gepauzeerd." in response.content.decode()
    parkwijk.refresh_from_db()
    assert parkwijk.status == "paused" and not parkwijk.open_for_sign_up
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.via, entry.wijken, entry.coordinator_email) == (
        AuditAction.SET_STATUS,
        "page",
        ["parkwijk"],
        coordinator.email,
    )
    assert "Proef -> Gepauzeerd" in entry.summary


def test_ending_a_wijk_records_the_day_and_hides_its_site(coordinator, boerhaavewijk):
    client_for(None, coordinator).post("/console/wijk/boerhaavewijk/status/", {"status": "ended"})
    boerhaavewijk.refresh_from_db()
    assert boerhaavewijk.ended_on is not None
    assert "niet open" in client_for("boerhaavewijk").get("/").content.decode() or not boerhaavewijk.site_visible


@pytest.mark.parametrize("status", ["", "gesloten", "<b>live</b>"])
def test_unknown_status_is_refused_next_to_the_field(coordinator, parkwijk, status):
    response = client_for(None, coordinator).post("/console/wijk/parkwijk/status/", {"status": status})
    assert response.status_code == 400
    assert "Kies een van de statussen uit de lijst." in response.content.decode()
    parkwijk.refresh_from_db()
    assert parkwijk.status == "pilot" and not AuditEntry.objects.exists()


def test_branding_is_saved_and_logged(coordinator, parkwijk):
    data = {**BRANDING, "name": "Parkwijk Noord", "primary_colour": "#1F5C2E"}
    client_for(None, coordinator).post("/console/wijk/parkwijk/uiterlijk/", data)
    parkwijk.refresh_from_db()
    assert (parkwijk.name, parkwijk.primary_colour) == ("Parkwijk Noord", "#1f5c2e")
    assert AuditEntry.objects.get().action == AuditAction.UPDATE_BRANDING


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Vul dit veld in."),
        ("name", "x" * 81, "Dit is te lang: maximaal 80 tekens, u typte er 81."),
        ("name", "Park\x00wijk", "onzichtbare of ongeldige tekens"),
        ("primary_colour", "rood", "Geef een kleur als #RRGGBB"),
        ("primary_colour", "#ffff00", "Deze kleur is te licht"),
        ("theme", "../etc", "Kies een van de thema&#x27;s uit de lijst."),
        ("logo", "/etc/passwd", "Kies een van de logo&#x27;s uit de lijst."),
    ],
)
def test_bad_branding_is_refused_next_to_the_field_keeping_what_was_typed(coordinator, parkwijk, field, value, message):
    response = client_for(None, coordinator).post("/console/wijk/parkwijk/uiterlijk/", {**BRANDING, field: value})
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert Wijk.objects.get(pk=parkwijk.pk).name == "Parkwijk" and not AuditEntry.objects.exists()


def test_html_in_a_name_is_stored_as_text_and_escaped(coordinator, parkwijk):
    client = client_for(None, coordinator)
    client.post("/console/wijk/parkwijk/uiterlijk/", {**BRANDING, "name": "<script>alert(1)</script>"})
    page = client.get("/console/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_rules_are_saved_and_logged(coordinator, parkwijk):
    client_for(None, coordinator).post("/console/wijk/parkwijk/regels/", {**RULES, "points_enabled": "on"})
    parkwijk.refresh_from_db()
    assert parkwijk.modules == ["marketplace", "chat"] and parkwijk.points_enabled
    assert (parkwijk.listing_expiry_days, parkwijk.done_objection_days) == (30, 5)
    assert parkwijk.postcodes == ["2032 AB", "2033"]
    assert AuditEntry.objects.get().action == AuditAction.UPDATE_RULES


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("listing_expiry_days", "3", "Geef een heel getal van 7 tot en met 365."),
        ("listing_expiry_days", "veel", "Geef een heel getal van 7 tot en met 365."),
        ("done_objection_days", "61", "Geef een heel getal van 1 tot en met 60."),
        ("postcodes", "Haarlem", "HAARLEM is geen postcode."),
        ("house_rules", "x" * 5001, "Dit is te lang: maximaal 5000 tekens"),
        ("modules", ["marketplace", "casino"], "Kies onderdelen uit de lijst."),
    ],
)
def test_bad_rules_are_refused_next_to_the_field(coordinator, parkwijk, field, value, message):
    response = client_for(None, coordinator).post("/console/wijk/parkwijk/regels/", {**RULES, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    parkwijk.refresh_from_db()
    assert parkwijk.listing_expiry_days == 60 and not AuditEntry.objects.exists()


def test_unknown_wijk_is_a_404(coordinator):
    assert client_for(None, coordinator).get("/console/wijk/nergens/").status_code == 404
    assert client_for(None, coordinator).get("/console/wijk/wijk_template/").status_code == 404


def test_coordinator_links_and_unlinks_a_partner(coordinator, centrum):
    partner = register_partner(name="Buurtteam Haarlem", kind="welfare")
    client = client_for(None, coordinator)
    client.post("/console/wijk/centrum/partners/", {"partner": partner.slug, "offer": "Spreekuur op dinsdag"})
    link = WijkPartner.objects.get(wijk=centrum, partner=partner)
    assert link.offer == "Spreekuur op dinsdag"
    assert "Buurtteam Haarlem" in client.get("/console/partners/").content.decode()
    client.post(f"/console/wijk/centrum/partners/{partner.slug}/loskoppelen/")
    assert not WijkPartner.objects.filter(wijk=centrum, partner=partner).exists()
    assert list(AuditEntry.objects.order_by("at", "id").values_list("action", flat=True)) == [
        AuditAction.LINK_PARTNER,
        AuditAction.UNLINK_PARTNER,
    ]


def test_linking_an_unknown_partner_is_refused(coordinator, centrum):
    response = client_for(None, coordinator).post("/console/wijk/centrum/partners/", {"partner": "bestaat-niet"})
    assert response.status_code == 400 and "Kies een partner uit de lijst." in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_coordinator_provisions_a_new_wijk_with_a_result_page(coordinator):
    data = {
        "name": "Schalkwijk",
        "slug": "schalkwijk",
        "status": "planned",
        "areas": "Schalkwijk, Molenwijk",
        "tagline": "",
        "theme": "base",
        "primary_colour": "#1d4f91",
        "logo": "",
    }
    response = client_for(None, coordinator).post("/console/nieuwe-wijk/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Schalkwijk is aangemaakt" in page and "schalkwijk: klaar op schalkwijk.localhost" in page
    wijk = Wijk.objects.get(schema_name="schalkwijk")
    assert wijk.areas == ["Schalkwijk", "Molenwijk"] and wijk.status == "planned"
    assert AuditEntry.objects.get().action == AuditAction.PROVISION


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("slug", "Schalk wijk", "Een korte naam bestaat uit 2 tot 40 kleine letters"),
        ("slug", "public", "is gereserveerd"),
        ("slug", "parkwijk", "Er is al een wijk met de korte naam parkwijk."),
        ("name", "", "Vul dit veld in."),
        ("status", "open", "Kies een van de statussen uit de lijst."),
        ("primary_colour", "#fff", "Geef een kleur als #RRGGBB"),
    ],
)
def test_bad_new_wijk_is_refused_and_nothing_is_created(coordinator, field, value, message):
    data = {
        "name": "Schalkwijk",
        "slug": "schalkwijk",
        "status": "planned",
        "areas": "",
        "tagline": "",
        "theme": "base",
        "primary_colour": "#1d4f91",
        "logo": "",
        field: value,
    }
    response = client_for(None, coordinator).post("/console/nieuwe-wijk/", data)
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    assert 'value="Schalkwijk"' in page or field == "name"  # what was typed is kept
    assert not Wijk.objects.filter(schema_name="schalkwijk").exists() and not AuditEntry.objects.exists()
