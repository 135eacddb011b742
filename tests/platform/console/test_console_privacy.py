"""A coordinator sees figures, never residents' private data: without membership of a wijk, its signals, cases,
messages and support plans stay closed by page and GraphQL, and the console's own pages show only totals."""

import pytest
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for, gql
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.membership.selectors import actor_for

WORRY = "Mevrouw De Vries op nummer 12 komt al dagen niet buiten."


@pytest.fixture
def signal(parkwijk):
    makelaar = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    with tenant_context(parkwijk):
        return report_signal(actor=actor_for(makelaar.user), about="Mevrouw De Vries", worry=WORRY)


@pytest.mark.parametrize("url", ["/makelaar/signalen/", "/makelaar/", "/berichten/", "/hulp-in-huis/plannen/"])
def test_coordinator_without_membership_gets_no_private_page_of_a_wijk(coordinator, signal, url):
    response = client_for("parkwijk", coordinator).get(url)
    assert response.status_code in (302, 403, 404)
    assert WORRY not in response.content.decode()


def test_coordinator_cannot_open_a_signal_by_its_address(coordinator, signal):
    response = client_for("parkwijk", coordinator).get(f"/makelaar/signalen/{signal.pk}/")
    assert response.status_code in (302, 403, 404) and WORRY not in response.content.decode()


def test_coordinator_gets_no_signals_or_messages_through_graphql_of_a_wijk(coordinator, signal):
    body = gql(
        "parkwijk", "{ signals(first: 5) { edges { node { worry } } } conversations { id } }", user=coordinator
    ).json()
    assert WORRY not in str(body)
    assert body.get("data") is None or not (body["data"].get("signals") or {}).get("edges")
    assert {error["extensions"]["code"] for error in body["errors"]} <= {"PERMISSION_DENIED", "NOT_FOUND"}


def test_console_figures_show_counts_not_the_signal(coordinator, signal):
    page = client_for(None, coordinator).get("/console/cijfers/").content.decode()
    assert WORRY not in page and "Mevrouw De Vries" not in page
    body = gql(
        None,
        '{ evaluationFigures(from: "2025-01-01", to: "2030-12-31", wijk: "parkwijk") { wijken { signalsOpened } } }',
        user=coordinator,
    ).json()
    assert body["data"]["evaluationFigures"]["wijken"][0]["signalsOpened"] == 1
    assert WORRY not in str(body)
