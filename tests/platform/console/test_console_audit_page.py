"""The audit log page: every entry, filtered by coordinator, wijk and period; a reversed period is a Dutch error."""

from tests.builders.clients import client_for
from tests.builders.console import make_coordinator


def test_audit_page_lists_and_filters(coordinator):
    other = make_coordinator("Piet")
    client_for(None, coordinator).post("/console/wijk/parkwijk/status/", {"status": "live"})
    client_for(None, other).post("/console/wijk/centrum/status/", {"status": "paused"})
    client = client_for(None, coordinator)
    page = client.get("/console/logboek/").content.decode()
    assert "Parkwijk: Proef -&gt; Open" in page and "Centrum: Proef -&gt; Gepauzeerd" in page
    mine = client.get("/console/logboek/", {"coordinator": coordinator.email}).content.decode()
    assert "Parkwijk: Proef" in mine and "Centrum: Proef" not in mine
    centrum = client.get("/console/logboek/", {"wijk": "centrum"}).content.decode()
    assert "Centrum: Proef" in centrum and "Parkwijk: Proef" not in centrum
    old = client.get("/console/logboek/", {"since": "2020-01-01", "until": "2020-01-31"}).content.decode()
    assert "Geen regels gevonden." in old


def test_audit_page_refuses_a_reversed_period(coordinator):
    response = client_for(None, coordinator).get("/console/logboek/", {"since": "2026-05-01", "until": "2026-04-01"})
    assert response.status_code == 400 and "De begindatum ligt na de einddatum." in response.content.decode()
