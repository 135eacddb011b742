"""Signals through GraphQL: any member or partner reports one and gets a receipt only; the makelaar reads, takes up
and closes it (each read logged); residents, providers and professionals never see a signal, nor does a makelaar of
another wijk, by ID, list or search."""

from django_tenants.utils import tenant_context

from tests.builders.clients import gid, ok, run, top_error
from tests.builders.makelaar import signal_in
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.makelaar.models import Signal
from wijkmarkt.tenants.privacy.models import AccessLogEntry

REPORT = """mutation($about: String!, $worry: String!) { reportSignal(about: $about, worry: $worry) {
  receipt { status reportedAt } errors { field code message } } }"""
SIGNAL = "query($id: ID!) { signal(id: $id) { about worry status outcome } node(id: $id) { id } }"


def test_a_professional_reports_and_sees_only_the_receipt(parkwijk, crew):
    data = ok("parkwijk", REPORT, {"about": "Meneer Jansen", "worry": "Eet niet meer"}, user=crew["joost"].user)
    assert data["reportSignal"]["receipt"]["status"] == "RECEIVED" and data["reportSignal"]["errors"] == []
    with tenant_context(parkwijk):
        signal = Signal.objects.get()
    fatima = crew["fatima"].user
    listed = ok("parkwijk", "{ signals { edges { node { id about worry } } } }", user=fatima)["signals"]["edges"]
    assert [edge["node"]["about"] for edge in listed] == ["Meneer Jansen"]
    take = """mutation($id: ID!) { takeUpSignal(signalId: $id, followUp: "Ik bel aan") { signal { status } errors { code } } }"""
    assert ok("parkwijk", take, {"id": gid("Signal", signal.pk)}, user=fatima)["takeUpSignal"]["signal"] == {
        "status": "FOLLOWING_UP"
    }
    close = """mutation($id: ID!, $outcome: String!) { closeSignal(signalId: $id, outcome: $outcome) {
      signal { status outcome } errors { field code } } }"""
    empty = ok("parkwijk", close, {"id": gid("Signal", signal.pk), "outcome": "  "}, user=fatima)["closeSignal"]
    assert empty["errors"] == [{"field": "outcome", "code": "REQUIRED"}]
    ok("parkwijk", close, {"id": gid("Signal", signal.pk), "outcome": "Huisarts gebeld"}, user=fatima)
    receipts = ok("parkwijk", "{ mySignals { status } }", user=crew["joost"].user)["mySignals"]
    assert receipts == [{"status": "HANDLED"}]
    with tenant_context(parkwijk):
        reads = AccessLogEntry.objects.filter(what="signal", object_id=signal.pk, via="graphql")
        assert reads.exists() and set(reads.values_list("reader", flat=True)) == {fatima.pk}


def test_bad_signal_input_returns_typed_errors_and_writes_nothing(parkwijk, crew):
    data = ok("parkwijk", REPORT, {"about": "", "worry": "x" * 3000}, user=crew["anna"].user)["reportSignal"]
    assert {(e["field"], e["code"]) for e in data["errors"]} == {("about", "REQUIRED"), ("worry", "TOO_LONG")}
    assert data["receipt"] is None
    with tenant_context(parkwijk):
        assert not Signal.objects.exists()


def test_residents_providers_and_professionals_never_read_a_signal(parkwijk, crew):
    signal = signal_in(parkwijk, crew["anna"], worry="Geheime zorg")
    for name in ("anna", "bram", "joost", "henk"):
        user = crew[name].user
        data = ok("parkwijk", SIGNAL, {"id": gid("Signal", signal.pk)}, user=user)
        assert data == {"signal": None, "node": None}
        assert top_error(run("parkwijk", "{ signals { edges { node { worry } } } }", user=user))["code"] == (
            "PERMISSION_DENIED"
        )
        close = """mutation($id: ID!) { closeSignal(signalId: $id, outcome: "Klaar") { errors { code } } }"""
        assert top_error(run("parkwijk", close, {"id": gid("Signal", signal.pk)}, user=user))["code"] == "NOT_FOUND"
        search = ok("parkwijk", '{ listings(q: "Geheime") { edges { node { title } } } }', user=user)
        assert search["listings"]["edges"] == []
    assert "Geheime" not in str(ok("parkwijk", "{ mySignals { status reportedAt } }", user=crew["anna"].user))
    with tenant_context(parkwijk):
        assert Signal.objects.get().status == "received" and not AccessLogEntry.objects.exists()


def test_a_parkwijk_makelaar_never_reaches_a_centrum_signal(parkwijk, centrum, crew):
    carla = make_member(centrum, "Carla")
    make_member(centrum, "Cees", role=Role.MAKELAAR)
    signal = signal_in(centrum, carla, worry="Geheime zorg uit Centrum")
    user = crew["fatima"].user
    for slug in ("parkwijk", "centrum"):
        for schema in ("parkwijk", "centrum"):
            body = run(slug, SIGNAL, {"id": gid("Signal", signal.pk, schema)}, user=user)
            assert "Geheime" not in str(body)
        body = run(slug, "{ signals { edges { node { worry } } } }", user=user)
        assert "Geheime" not in str(body)
    citywide = ok(None, '{ citySearch(query: "Geheime zorg") { total results { title } } }', user=user)
    assert citywide["citySearch"]["total"] == 0  # a signal is never in the citywide search either
    with tenant_context(centrum):
        assert not AccessLogEntry.objects.exists()


def test_only_the_makelaar_links_a_signal_to_a_resident(parkwijk, crew):
    signal = signal_in(parkwijk, crew["bram"])
    link = """mutation($s: ID!, $r: ID!) { linkSignalToResident(signalId: $s, residentId: $r) {
      signal { aboutResident { firstName } } errors { code } } }"""
    variables = {"s": gid("Signal", signal.pk), "r": gid("Membership", crew["anna"].pk)}
    assert top_error(run("parkwijk", link, variables, user=crew["anna"].user))["code"] == "NOT_FOUND"
    data = ok("parkwijk", link, variables, user=crew["fatima"].user)["linkSignalToResident"]
    assert data == {"signal": {"aboutResident": {"firstName": "Anna"}}, "errors": []}
