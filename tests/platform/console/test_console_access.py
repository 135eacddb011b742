"""Who gets into the console: coordinators on the portal only. Anonymous visitors are sent to log in; residents,
wijk admins and makelaars (not coordinators) get 403; on a wijk's domain the console does not exist."""

import pytest

from tests.builders.clients import client_for
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role, User

PAGES = [
    "/console/",
    "/console/cijfers/",
    "/console/cijfers.csv",
    "/console/logboek/",
    "/console/coordinatoren/",
    "/console/partners/",
    "/console/nieuwe-wijk/",
    "/console/wijk/parkwijk/",
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitor_is_sent_to_log_in(db, url):
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.WIJK_ADMIN, Role.MAKELAAR])
@pytest.mark.parametrize("url", PAGES)
def test_wijk_roles_are_not_coordinators(parkwijk, role, url):
    member = make_member(parkwijk, "Wim", role=role)
    response = client_for(None, member.user).get(url)
    assert response.status_code == 403
    assert "Alleen voor coördinatoren" in response.content.decode()


def test_deactivated_coordinator_is_refused(coordinator):
    client = client_for(None, coordinator)
    User.objects.filter(pk=coordinator.pk).update(is_active=False)
    assert client.get("/console/").status_code in (302, 403)


def test_writes_are_refused_for_a_non_coordinator(parkwijk):
    admin = make_member(parkwijk, "Marleen", role=Role.WIJK_ADMIN)
    response = client_for(None, admin.user).post("/console/wijk/parkwijk/status/", {"status": "ended"})
    assert response.status_code == 403
    parkwijk.refresh_from_db()
    assert parkwijk.status == "pilot"


@pytest.mark.parametrize("url", ["/console/", "/console/cijfers/", "/console/wijk/parkwijk/"])
def test_console_does_not_exist_on_a_wijk_domain(coordinator, url):
    assert client_for("parkwijk", coordinator).get(url).status_code == 404


def test_coordinator_sees_the_console_and_the_portal_links_to_it(coordinator):
    client = client_for(None, coordinator)
    page = client.get("/console/").content.decode()
    assert "Console voor coördinatoren" in page and "Parkwijk" in page and "Proef" in page
    assert 'href="/console/"' in client.get("/").content.decode()


def test_portal_home_has_no_console_link_for_residents(parkwijk):
    member = make_member(parkwijk, "Anna")
    assert "/console/" not in client_for(None, member.user).get("/").content.decode()
