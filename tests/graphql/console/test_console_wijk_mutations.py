"""setWijkStatus, updateWijkBranding, updateWijkRules, provisionWijk and the partner links through GraphQL: each
writes through the console's actions with an audit entry marked as API; bad input gives typed errors and writes
nothing."""

import pytest

from tests.builders.clients import gql
from wijkmarkt.platform.console.models import AuditAction, AuditEntry
from wijkmarkt.platform.partners.actions import register_partner
from wijkmarkt.platform.partners.models import WijkPartner
from wijkmarkt.platform.wijken.models import Wijk

SET_STATUS = """mutation($wijk: String!, $status: String!) {
  setWijkStatus(wijk: $wijk, status: $status) { wijk { slug status openForSignUp } errors { field code message } }
}"""
BRANDING = """mutation($wijk: String!, $input: BrandingInput!) {
  updateWijkBranding(wijk: $wijk, input: $input) { wijk { name theme { primaryColour } } errors { field code message } }
}"""
RULES = """mutation($wijk: String!, $input: RulesInput!) {
  updateWijkRules(wijk: $wijk, input: $input) { wijk { rules { pointsEnabled listingExpiryDays postcodes } }
    errors { field code message } }
}"""
PROVISION = """mutation($input: ProvisionInput!) {
  provisionWijk(input: $input) { wijk { slug name status } errors { field code message } }
}"""
GOOD_BRANDING = {
    "name": "Parkwijk",
    "tagline": "",
    "theme": "zomerzone",
    "primaryColour": "#8a4b00",
    "logo": "themes/zomerzone/logo.svg",
}


def test_set_wijk_status(coordinator, parkwijk):
    body = gql(None, SET_STATUS, {"wijk": "parkwijk", "status": "live"}, user=coordinator).json()
    assert body["data"]["setWijkStatus"] == {
        "wijk": {"slug": "parkwijk", "status": "LIVE", "openForSignUp": True},
        "errors": [],
    }
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.via, entry.wijken) == (AuditAction.SET_STATUS, "graphql", ["parkwijk"])


def test_unknown_status_is_a_typed_error(coordinator, parkwijk):
    body = gql(None, SET_STATUS, {"wijk": "parkwijk", "status": "gesloten"}, user=coordinator).json()
    assert body["data"]["setWijkStatus"] == {
        "wijk": None,
        "errors": [{"field": "status", "code": "INVALID_STATUS", "message": "Kies een van de statussen uit de lijst."}],
    }
    parkwijk.refresh_from_db()
    assert parkwijk.status == "pilot" and not AuditEntry.objects.exists()


def test_unknown_wijk_is_not_found(coordinator):
    body = gql(None, SET_STATUS, {"wijk": "wijk_template", "status": "live"}, user=coordinator).json()
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_update_branding(coordinator, parkwijk):
    data = {**GOOD_BRANDING, "name": "Parkwijk-Oost", "primaryColour": "#5B1A6B"}
    body = gql(None, BRANDING, {"wijk": "parkwijk", "input": data}, user=coordinator).json()
    assert body["data"]["updateWijkBranding"]["wijk"] == {
        "name": "Parkwijk-Oost",
        "theme": {"primaryColour": "#5b1a6b"},
    }
    assert AuditEntry.objects.get().via == "graphql"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "", "REQUIRED"),
        ("name", "x" * 10_000, "TOO_LONG"),
        ("name", "Park\u202ewijk", "INVALID_CHARACTERS"),
        ("primaryColour", "#ffee00", "LOW_CONTRAST"),
        ("primaryColour", "red; } body { display:none", "INVALID_COLOUR"),
        ("theme", "bestaat-niet", "INVALID_THEME"),
        ("logo", "https://example.org/x.svg", "INVALID_LOGO"),
    ],
)
def test_bad_branding_is_a_typed_error_and_writes_nothing(coordinator, parkwijk, field, value, code):
    body = gql(None, BRANDING, {"wijk": "parkwijk", "input": {**GOOD_BRANDING, field: value}}, user=coordinator)
    result = body.json()["data"]["updateWijkBranding"]
    assert result["wijk"] is None
    assert [(error["field"], error["code"]) for error in result["errors"]] == [(field, code)]
    assert Wijk.objects.get(pk=parkwijk.pk).primary_colour == "#8a4b00" and not AuditEntry.objects.exists()


def test_update_rules_and_a_bad_value(coordinator, parkwijk):
    rules = {
        "modules": ["marketplace"],
        "pointsEnabled": True,
        "listingExpiryDays": 30,
        "doneObjectionDays": 3,
        "houseRules": "Aardig blijven.",
        "postcodes": ["2032ab"],
    }
    body = gql(None, RULES, {"wijk": "parkwijk", "input": rules}, user=coordinator).json()
    assert body["data"]["updateWijkRules"]["wijk"]["rules"] == {
        "pointsEnabled": True,
        "listingExpiryDays": 30,
        "postcodes": ["2032AB"],
    }
    bad = gql(
        None,
        RULES,
        {"wijk": "parkwijk", "input": {**rules, "listingExpiryDays": 1000, "postcodes": ["x"]}},
        user=coordinator,
    ).json()["data"]["updateWijkRules"]
    assert {(e["field"], e["code"]) for e in bad["errors"]} == {
        ("listingExpiryDays", "INVALID_NUMBER"),
        ("postcodes", "INVALID_POSTCODE"),
    }
    assert Wijk.objects.get(pk=parkwijk.pk).listing_expiry_days == 30


def test_provision_wijk_through_the_api(coordinator):
    data = {
        "slug": "schalkwijk",
        "name": "Schalkwijk",
        "theme": "base",
        "primaryColour": "#1d4f91",
        "status": "pilot",
        "areas": ["Schalkwijk"],
    }
    body = gql(None, PROVISION, {"input": data}, user=coordinator).json()
    assert body["data"]["provisionWijk"] == {
        "wijk": {"slug": "schalkwijk", "name": "Schalkwijk", "status": "PILOT"},
        "errors": [],
    }
    assert AuditEntry.objects.get().action == AuditAction.PROVISION
    again = gql(None, PROVISION, {"input": data}, user=coordinator).json()["data"]["provisionWijk"]
    assert again["errors"][0]["code"] == "WIJK_EXISTS"


def test_bad_provision_lists_every_field_and_creates_nothing(coordinator):
    data = {"slug": "Bad Slug", "name": "<b>" * 100, "theme": "base", "primaryColour": "#fff", "status": "x"}
    result = gql(None, PROVISION, {"input": data}, user=coordinator).json()["data"]["provisionWijk"]
    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("slug", "INVALID_SLUG"),
        ("name", "TOO_LONG"),
        ("primaryColour", "INVALID_COLOUR"),
        ("status", "INVALID_STATUS"),
    }
    assert not Wijk.objects.filter(name__startswith="<b>").exists() and not AuditEntry.objects.exists()


def test_link_and_unlink_a_partner(coordinator, parkwijk):
    partner = register_partner(name="Dock Haarlem", kind="welfare")
    link = 'mutation { linkPartnerToWijk(wijk: "parkwijk", partner: "%s", offer: "Inloop") { linked errors { code } } }'
    assert gql(None, link % partner.slug, user=coordinator).json()["data"]["linkPartnerToWijk"]["linked"] is True
    assert WijkPartner.objects.get(wijk=parkwijk, partner=partner).offer == "Inloop"
    unlink = 'mutation { unlinkPartnerFromWijk(wijk: "parkwijk", partner: "%s") { linked } }'
    assert gql(None, unlink % partner.slug, user=coordinator).json()["data"]["unlinkPartnerFromWijk"]["linked"] is False
    assert not WijkPartner.objects.filter(partner=partner).exists()
    assert AuditEntry.objects.count() == 2
