"""evaluationFigures and auditLog through GraphQL: the same figures as the dashboard, typed errors for a bad period,
every call in the audit log, and the log filtered by coordinator, wijk and period."""

import datetime as dt

from tests.builders.clients import gql
from tests.builders.console import at, make_coordinator, seed_exchange
from wijkmarkt.platform.console.models import AuditEntry

FIGURES = """query($from: Date!, $to: Date!, $wijk: String) {
  evaluationFigures(from: $from, to: $to, wijk: $wijk) {
    since until errors { field code message }
    wijken { slug name exchangesWebsite exchangesMakelaar doneExchanges doneHours responseMedianHours }
    citywide { slug name exchangesWebsite doneHours }
  }
}"""
AUDIT = """query($c: String, $w: String, $f: Date, $t: Date) {
  auditLog(coordinatorEmail: $c, wijk: $w, from: $f, to: $t) { coordinatorEmail action via wijken summary }
}"""


def test_figures_through_the_api(coordinator, console_members, parkwijk, centrum):
    seed_exchange(
        parkwijk,
        console_members["anna"],
        console_members["bram"],
        placed=at(dt.date(2026, 3, 2), 10),
        responded=at(dt.date(2026, 3, 2), 13),
        agreed=at(dt.date(2026, 3, 3)),
        done=at(dt.date(2026, 3, 4)),
        hours="2.5",
    )
    seed_exchange(
        centrum,
        console_members["dirk"],
        console_members["eva"],
        placed=at(dt.date(2026, 3, 2)),
        responded=at(dt.date(2026, 3, 3)),
        via="makelaar",
    )
    body = gql(None, FIGURES, {"from": "2026-03-01", "to": "2026-03-31"}, user=coordinator).json()
    result = body["data"]["evaluationFigures"]
    assert result["errors"] == [] and result["since"] == "2026-03-01"
    park = next(f for f in result["wijken"] if f["slug"] == "parkwijk")
    assert park == {
        "slug": "parkwijk",
        "name": "Parkwijk",
        "exchangesWebsite": 1,
        "exchangesMakelaar": 0,
        "doneExchanges": 1,
        "doneHours": 2.5,
        "responseMedianHours": 3.0,
    }
    centrum_figures = next(f for f in result["wijken"] if f["slug"] == "centrum")
    assert (centrum_figures["exchangesWebsite"], centrum_figures["exchangesMakelaar"]) == (0, 1)
    assert result["citywide"] == {"slug": None, "name": "Heel Haarlem", "exchangesWebsite": 1, "doneHours": 2.5}
    entry = AuditEntry.objects.get()
    assert entry.via == "graphql" and len(entry.wijken) == 4


def test_one_wijk_only(coordinator, console_members, parkwijk, centrum):
    seed_exchange(
        centrum,
        console_members["dirk"],
        console_members["eva"],
        placed=at(dt.date(2026, 3, 2)),
        responded=at(dt.date(2026, 3, 3)),
    )
    result = gql(
        None, FIGURES, {"from": "2026-03-01", "to": "2026-03-31", "wijk": "parkwijk"}, user=coordinator
    ).json()["data"]["evaluationFigures"]
    assert [f["slug"] for f in result["wijken"]] == ["parkwijk"]
    assert result["wijken"][0]["exchangesWebsite"] == 0 and result["citywide"]["exchangesWebsite"] == 0
    assert AuditEntry.objects.get().wijken == ["parkwijk"]


def test_period_from_after_to_is_a_typed_error(coordinator):
    result = gql(None, FIGURES, {"from": "2026-04-01", "to": "2026-03-01"}, user=coordinator).json()
    result = result["data"]["evaluationFigures"]
    assert result["wijken"] == [] and result["citywide"] is None
    assert result["errors"] == [
        {
            "field": "from",
            "code": "PERIOD_REVERSED",
            "message": "De begindatum ligt na de einddatum. Kies een begindatum die ervoor ligt.",
        }
    ]
    assert not AuditEntry.objects.exists()


def test_unknown_wijk_is_a_typed_error(coordinator):
    result = gql(
        None, FIGURES, {"from": "2026-03-01", "to": "2026-03-31", "wijk": "atlantis"}, user=coordinator
    ).json()["data"]["evaluationFigures"]
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("wijk", "INVALID_CHOICE")]


def test_audit_log_filters(coordinator):
    other = make_coordinator("Piet")
    gql(None, 'mutation { setWijkStatus(wijk: "parkwijk", status: "live") { errors { code } } }', user=coordinator)
    gql(None, 'mutation { setWijkStatus(wijk: "centrum", status: "live") { errors { code } } }', user=other)
    everything = gql(None, AUDIT, {}, user=coordinator).json()["data"]["auditLog"]
    assert [e["wijken"] for e in everything] == [["centrum"], ["parkwijk"]]  # newest first
    mine = gql(None, AUDIT, {"c": coordinator.email}, user=coordinator).json()["data"]["auditLog"]
    assert [e["coordinatorEmail"] for e in mine] == [coordinator.email] and mine[0]["action"] == "SET_STATUS"
    centrum = gql(None, AUDIT, {"w": "centrum"}, user=coordinator).json()["data"]["auditLog"]
    assert [e["coordinatorEmail"] for e in centrum] == [other.email]
    assert gql(None, AUDIT, {"f": "2020-01-01", "t": "2020-12-31"}, user=coordinator).json()["data"]["auditLog"] == []
