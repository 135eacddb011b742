"""Every console field exists for coordinators on the portal only: on a wijk's domain it is WRONG_DOMAIN (even for a
coordinator), on the portal anyone else gets PERMISSION_DENIED; nothing is written either way."""

import pytest

from tests.builders.clients import gql
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.console.models import AuditEntry

OPERATIONS = [
    "{ consoleWijken { statusMeaning } }",
    '{ evaluationFigures(from: "2026-01-01", to: "2026-12-31") { citywide { exchangesWebsite } } }',
    "{ auditLog { summary } }",
    'mutation { setWijkStatus(wijk: "parkwijk", status: "ended") { errors { code } } }',
    'mutation { updateWijkBranding(wijk: "parkwijk", input: {name: "X", theme: "base", primaryColour: "#1d4f91"}) '
    "{ errors { code } } }",
    'mutation { updateWijkRules(wijk: "parkwijk", input: {modules: [], pointsEnabled: true, listingExpiryDays: 30, '
    "doneObjectionDays: 5}) { errors { code } } }",
    'mutation { provisionWijk(input: {slug: "nieuw", name: "Nieuw", theme: "base", primaryColour: "#1d4f91"}) '
    "{ errors { code } } }",
    'mutation { grantCoordinator(email: "anna@example.nl") { errors { code } } }',
    'mutation { revokeCoordinator(email: "sanne@stad.example.nl") { errors { code } } }',
    'mutation { linkPartnerToWijk(wijk: "parkwijk", partner: "x") { errors { code } } }',
    'mutation { unlinkPartnerFromWijk(wijk: "parkwijk", partner: "x") { errors { code } } }',
]


def _codes(body) -> set[str]:
    return {error["extensions"]["code"] for error in body.get("errors", [])}


@pytest.mark.parametrize("operation", OPERATIONS)
def test_console_fields_are_not_available_on_a_wijk_domain(coordinator, operation):
    body = gql("parkwijk", operation, user=coordinator).json()
    assert _codes(body) == {"WRONG_DOMAIN"}
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.WIJK_ADMIN, Role.MAKELAAR])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_wijk_roles_get_permission_denied_on_the_portal(parkwijk, coordinator, role, operation):
    member = make_member(parkwijk, "Anna", role=role)
    body = gql(None, operation, user=member.user).json()
    assert _codes(body) == {"PERMISSION_DENIED"}
    parkwijk.refresh_from_db()
    assert parkwijk.status == "pilot" and not member.user.__class__.objects.get(pk=member.user.pk).is_coordinator
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("operation", OPERATIONS[:3])
def test_anonymous_gets_permission_denied(db, operation):
    assert _codes(gql(None, operation).json()) == {"PERMISSION_DENIED"}
