"""Cases through GraphQL: the worklist (overdue first, filters, query count flat in the page size), opening and
reading a case (a logged read), the hand-over to a partner's contact person, and every role boundary."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for, gid, ok, run, top_error
from tests.builders.makelaar import case_in
from tests.builders.members import make_member
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.platform.partners.models import ContactPerson, Partner
from wijkmarkt.tenants.makelaar.models import Case, HandOver
from wijkmarkt.tenants.privacy.models import AccessLogEntry

WORKLIST = """query($first: Int, $due: WorklistDue) { worklist(first: $first, due: $due) { edges { node {
  caseId followUpOn overdue dueToday status makelaarFirstName resident { firstName street } } } } }"""
CASE = """query($id: ID!) { makelaarCase(id: $id) { question agreements status overdue
  handOvers { organisation contactName status } actingFor { what } } }"""


def test_worklist_puts_overdue_first_and_shows_no_content(parkwijk, crew):
    today = timezone.localdate()
    case_in(parkwijk, crew["fatima"], crew["bram"], follow_up_on=today + dt.timedelta(days=2))
    late = case_in(parkwijk, crew["fatima"], crew["anna"], follow_up_on=today - dt.timedelta(days=1))
    data = ok("parkwijk", WORKLIST, user=crew["fatima"].user)["worklist"]["edges"]
    assert [edge["node"]["resident"]["firstName"] for edge in data] == ["Anna", "Bram"]
    assert data[0]["node"]["overdue"] is True and data[0]["node"]["caseId"] == gid("Case", late.pk)
    overdue = ok("parkwijk", WORKLIST, {"due": "OVERDUE"}, user=crew["fatima"].user)["worklist"]["edges"]
    assert len(overdue) == 1
    with tenant_context(parkwijk):
        assert not AccessLogEntry.objects.exists()  # names and dates only: no case was read


def test_worklist_query_count_does_not_grow_with_page_size(parkwijk, crew):
    for number in range(12):
        case_in(
            parkwijk,
            crew["fatima"],
            make_member(parkwijk, f"Bewoner{number}"),
            follow_up_on=timezone.localdate() + dt.timedelta(days=number - 5),
        )
    counts = []
    for first in (2, 12):
        client = client_for("parkwijk", crew["fatima"].user)
        client.post("/graphql", {"query": "{ wijk { name } }"}, content_type="application/json")
        with CaptureQueriesContext(connection) as captured:
            body = client.post(
                "/graphql", {"query": WORKLIST, "variables": {"first": first}}, content_type="application/json"
            ).json()
        assert len(body["data"]["worklist"]["edges"]) == first, body
        real = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]
        counts.append((len(real), "\n".join(real)))
    assert counts[0][0] == counts[1][0], counts[1][1]


def test_worklist_page_is_capped_at_200(parkwijk, crew):
    body = run("parkwijk", WORKLIST, {"first": 201}, user=crew["fatima"].user)
    assert top_error(body)["code"] == "PAGE_SIZE_TOO_LARGE"


def test_makelaar_opens_reads_hands_over_and_closes_a_case_and_each_read_is_logged(parkwijk, crew):
    partner = Partner.objects.create(slug="mee", name="MEE Kennemerland", kind="care")
    els = ContactPerson.objects.create(partner=partner, name="Els Bakker")
    fatima = crew["fatima"].user
    opened = ok(
        "parkwijk",
        """mutation($id: ID!, $on: Date) { openCase(residentId: $id, question: "Post lezen",
      followUpOn: $on) { case { id status } errors { code } } }""",
        {"id": gid("Membership", crew["anna"].pk), "on": timezone.localdate().isoformat()},
        user=fatima,
    )
    case_id = opened["openCase"]["case"]["id"]
    read = ok("parkwijk", CASE, {"id": case_id}, user=fatima)["makelaarCase"]
    assert read["question"] == "Post lezen" and read["status"] == "OPEN"
    hand_over = """mutation($case: ID!, $contact: ID, $consent: Boolean!) { handOverCase(caseId: $case,
      contactPersonId: $contact, passedOn: "Hulp bij de post", consentGiven: $consent, consentNote: "Mondeling") {
      handOver { id organisation contactName } case { status } errors { field code } } }"""
    refused = ok(
        "parkwijk",
        hand_over,
        {"case": case_id, "contact": to_global_id("ContactPerson", "public", els.pk), "consent": False},
        user=fatima,
    )["handOverCase"]
    assert refused["errors"] == [{"field": "consentGiven", "code": "CONSENT_REQUIRED"}] and refused["handOver"] is None
    done = ok(
        "parkwijk",
        hand_over,
        {"case": case_id, "contact": to_global_id("ContactPerson", "public", els.pk), "consent": True},
        user=fatima,
    )["handOverCase"]
    assert done["handOver"]["organisation"] == "MEE Kennemerland" and done["case"]["status"] == "WAITING"
    outcome = ok(
        "parkwijk",
        """mutation($id: ID!) { recordHandOverOutcome(handOverId: $id, outcome: "Els komt") {
      handOver { status outcome } errors { code } } }""",
        {"id": done["handOver"]["id"]},
        user=fatima,
    )
    assert outcome["recordHandOverOutcome"]["handOver"] == {"status": "DONE", "outcome": "Els komt"}
    closed = ok(
        "parkwijk",
        """mutation($id: ID!) { closeCase(caseId: $id, outcome: "") { case { status }
      errors { field code message } } }""",
        {"id": case_id},
        user=fatima,
    )["closeCase"]
    assert closed["errors"] == [{"field": "outcome", "code": "REQUIRED", "message": "Vul dit veld in."}]
    with tenant_context(parkwijk):
        assert HandOver.objects.get().contact == els
        case = Case.objects.get()
        reads = AccessLogEntry.objects.filter(what="case", object_id=case.pk, via="graphql")
        assert reads.exists() and set(reads.values_list("reader", flat=True)) == {fatima.pk}


def test_others_never_read_a_case_and_the_resident_reads_their_own(parkwijk, crew):
    case = case_in(parkwijk, crew["fatima"], crew["anna"], agreements="Bram belt")
    for name in ("bram", "joost", "henk"):
        user = crew[name].user
        assert ok("parkwijk", CASE, {"id": gid("Case", case.pk)}, user=user)["makelaarCase"] is None
        assert top_error(run("parkwijk", WORKLIST, user=user))["code"] == "PERMISSION_DENIED"
        update = (
            """mutation($id: ID!) { updateCase(caseId: $id, question: "x", agreements: "y") { errors { code } } }"""
        )
        assert top_error(run("parkwijk", update, {"id": gid("Case", case.pk)}, user=user))["code"] == "NOT_FOUND"
        opened = """mutation($id: ID!) { openCase(residentId: $id, question: "x") { errors { code } } }"""
        assert top_error(run("parkwijk", opened, {"id": gid("Membership", crew["anna"].pk)}, user=user))["code"] in (
            "NOT_FOUND",
            "PERMISSION_DENIED",
        )
    own = ok("parkwijk", "{ myCases { question agreements } }", user=crew["anna"].user)["myCases"]
    assert own == [{"question": "Wie helpt met boodschappen?", "agreements": "Bram belt"}]
    assert ok("parkwijk", "{ myCases { question } }", user=crew["bram"].user)["myCases"] == []
    with tenant_context(parkwijk):
        assert not AccessLogEntry.objects.exists()


def test_a_parkwijk_makelaar_never_reaches_a_centrum_case(parkwijk, centrum, crew):
    from wijkmarkt.platform.accounts.models import Role

    cees = make_member(centrum, "Cees", role=Role.MAKELAAR)
    carla = make_member(centrum, "Carla")
    case = case_in(centrum, cees, carla, question="Geheime vraag uit Centrum")
    user = crew["fatima"].user
    for schema in ("parkwijk", "centrum"):
        for slug in ("parkwijk", "centrum"):
            body = run(
                slug,
                "query($id: ID!) { makelaarCase(id: $id) { question } node(id: $id) { id } }",
                {"id": gid("Case", case.pk, schema)},
                user=user,
            )
            assert "Geheime" not in str(body)
    assert top_error(run("centrum", WORKLIST, user=user))["code"] == "PERMISSION_DENIED"
    with tenant_context(centrum):
        assert not AccessLogEntry.objects.exists()
