"""Support plans through GraphQL: the provider starts one from an accepted request, both sides agree, a change makes
a new version, satisfaction at the start; typed Dutch errors that write nothing; and every role and wijk that may
not read a plan gets null or NOT_FOUND, while each read by someone other than the resident is in the access log."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.care import request_in
from tests.builders.clients import gid, ok, run, top_error
from tests.builders.marketplace import consents_to_makelaar
from tests.builders.members import make_member
from wijkmarkt.graphql.core.ids import from_global_id
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.care.actions import answer_help_request
from wijkmarkt.tenants.care.models import SatisfactionMeasurement, SupportPlan
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.models import AccessLogEntry

START = """mutation($r: ID!, $plan: PlanFields!) {
  startSupportPlan(helpRequestId: $r, plan: $plan) {
    supportPlan { id member { firstName } provider { name } currentVersion { number result providerPart reviewDates } }
    errors { field code message }
  }
}"""
AGREE = """mutation($p: ID!, $n: Int!) {
  agreeSupportPlan(planId: $p, versionNumber: $n) {
    supportPlan { currentVersion { number agreed agreements { side byProxy } } inForce { number } }
    errors { field code message }
  }
}"""
REVISE = """mutation($p: ID!, $plan: PlanFields!) {
  reviseSupportPlan(planId: $p, plan: $plan) {
    supportPlan { versions { number providerPart } inForce { number } } errors { code }
  }
}"""
MEASURE = """mutation($p: ID!, $m: SatisfactionMoment!, $s: [Int]!) {
  recordSatisfaction(planId: $p, moment: $m, scores: $s) {
    measurement { moment scores average side } errors { field code message }
  }
}"""
READ = "query($p: ID!) { supportPlan(id: $p) { currentVersion { result } measurements { moment } } }"


def in_a_month() -> str:
    return (timezone.localdate() + dt.timedelta(days=30)).isoformat()


def accepted_request(parkwijk, care):
    sent = request_in(parkwijk, care["anna"], care["spaarne"])
    with tenant_context(parkwijk):
        answer_help_request(actor=actor_for(care["henk"].user), help_request=sent, accept=True)
    return sent


def started_plan(parkwijk, care) -> str:
    sent = accepted_request(parkwijk, care)
    data = ok(
        "parkwijk",
        START,
        {
            "r": gid("HelpRequest", sent.pk),
            "plan": {"providerPart": "Elke dinsdag stofzuigen.", "reviewDates": [in_a_month()]},
        },
        user=care["henk"].user,
    )
    assert data["startSupportPlan"]["errors"] == []
    return data["startSupportPlan"]["supportPlan"]["id"]


def test_provider_and_resident_agree_a_plan_and_measure_satisfaction_at_the_start(parkwijk, care):
    sent = accepted_request(parkwijk, care)
    data = ok(
        "parkwijk",
        START,
        {
            "r": gid("HelpRequest", sent.pk),
            "plan": {"providerPart": "Elke dinsdag stofzuigen.", "reviewDates": [in_a_month()]},
        },
        user=care["henk"].user,
    )
    plan = data["startSupportPlan"]["supportPlan"]
    assert plan["currentVersion"] == {
        "number": 1,
        "result": "Een schoon en leefbaar huis",
        "providerPart": "Elke dinsdag stofzuigen.",
        "reviewDates": [in_a_month()],
    }
    assert (plan["member"], plan["provider"]) == ({"firstName": "Anna"}, {"name": "Thuiszorg Spaarne"})

    henk = ok("parkwijk", AGREE, {"p": plan["id"], "n": 1}, user=care["henk"].user)["agreeSupportPlan"]
    assert henk["supportPlan"]["currentVersion"]["agreed"] is False
    anna = ok("parkwijk", AGREE, {"p": plan["id"], "n": 1}, user=care["anna"].user)["agreeSupportPlan"]
    assert anna["supportPlan"]["currentVersion"]["agreed"] is True and anna["supportPlan"]["inForce"] == {"number": 1}

    measured = ok("parkwijk", MEASURE, {"p": plan["id"], "m": "START", "s": [2, 3, 4, 3, 3]}, user=care["henk"].user)[
        "recordSatisfaction"
    ]
    assert measured == {
        "measurement": {"moment": "START", "scores": [2, 3, 4, 3, 3], "average": 3.0, "side": "PROFESSIONAL"},
        "errors": [],
    }
    again = ok("parkwijk", MEASURE, {"p": plan["id"], "m": "START", "s": [5, 5, 5, 5, 5]}, user=care["anna"].user)
    assert again["recordSatisfaction"]["errors"][0]["code"] == "ALREADY_MEASURED"


def test_a_change_is_a_new_version_and_the_old_agreement_stays(parkwijk, care):
    plan_id = started_plan(parkwijk, care)
    for user in (care["henk"].user, care["anna"].user):
        ok("parkwijk", AGREE, {"p": plan_id, "n": 1}, user=user)
    revised = ok(
        "parkwijk",
        REVISE,
        {"p": plan_id, "plan": {"providerPart": "Ook de ramen.", "reviewDates": [in_a_month()]}},
        user=care["henk"].user,
    )
    assert revised["reviseSupportPlan"]["supportPlan"] == {
        "versions": [
            {"number": 2, "providerPart": "Ook de ramen."},
            {"number": 1, "providerPart": "Elke dinsdag stofzuigen."},
        ],
        "inForce": {"number": 1},
    }
    stale = ok("parkwijk", AGREE, {"p": plan_id, "n": 1}, user=care["anna"].user)["agreeSupportPlan"]
    assert stale["errors"] == [
        {
            "field": None,
            "code": "WRONG_STATE",
            "message": "Er is intussen een nieuwere versie van dit plan. Lees die eerst.",
        }
    ]
    resident_revises = run(
        "parkwijk", REVISE, {"p": plan_id, "plan": {"reviewDates": [in_a_month()]}}, user=care["anna"].user
    )
    assert top_error(resident_revises)["code"] == "PERMISSION_DENIED"


def test_bad_input_gives_typed_dutch_errors_and_writes_nothing(parkwijk, care):
    sent = accepted_request(parkwijk, care)
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    data = ok(
        "parkwijk",
        START,
        {
            "r": gid("HelpRequest", sent.pk),
            "plan": {"result": "", "residentPart": "<b>ik</b>\x1b", "providerPart": "x" * 2001, "reviewDates": [past]},
        },
        user=care["henk"].user,
    )["startSupportPlan"]
    assert data["supportPlan"] is None
    assert {(e["field"], e["code"]) for e in data["errors"]} == {
        ("result", "REQUIRED"),
        ("residentPart", "INVALID_CHARACTERS"),
        ("providerPart", "TOO_LONG"),
        ("reviewDates", "INVALID_DATE"),
    }
    with tenant_context(parkwijk):
        assert not SupportPlan.objects.exists()

    plan_id = started_plan(parkwijk, care)
    bad = ok("parkwijk", MEASURE, {"p": plan_id, "m": "END", "s": [6, None, 0, 3]}, user=care["anna"].user)
    errors = {e["field"]: (e["code"], e["message"]) for e in bad["recordSatisfaction"]["errors"]}
    assert errors == {
        "q1": ("OUT_OF_RANGE", "Kies een antwoord van 1 tot en met 5."),
        "q2": ("REQUIRED", "Kies een antwoord."),
        "q3": ("OUT_OF_RANGE", "Kies een antwoord van 1 tot en met 5."),
        "q5": ("REQUIRED", "Kies een antwoord."),
    }
    with tenant_context(parkwijk):
        assert not SatisfactionMeasurement.objects.exists()


def test_only_the_resident_proxy_makelaar_and_provider_on_the_plan_read_it_and_reads_are_logged(
    parkwijk, centrum, care
):
    plan_id = started_plan(parkwijk, care)  # Henk read the plan he wrote in the answer: logged
    with tenant_context(parkwijk):
        AccessLogEntry.objects.all().delete()
    other_provider = make_member(parkwijk, "Gerrit", role=Role.PROVIDER)
    other_makelaar = make_member(centrum, "Esther", role=Role.MAKELAAR)
    for outsider in (care["bram"].user, other_provider.user):
        assert ok("parkwijk", READ, {"p": plan_id}, user=outsider)["supportPlan"] is None
        measure = run("parkwijk", MEASURE, {"p": plan_id, "m": "START", "s": [3] * 5}, user=outsider)
        assert top_error(measure)["code"] == "NOT_FOUND"
    forged = gid("SupportPlan", from_global_id(plan_id)[2], "centrum")  # the same number, claimed for Centrum
    assert ok("centrum", READ, {"p": forged}, user=other_makelaar.user)["supportPlan"] is None
    assert ok("centrum", READ, {"p": plan_id}, user=other_makelaar.user)["supportPlan"] is None
    assert (
        ok("centrum", "{ supportPlans { edges { node { id } } } }", user=other_makelaar.user)["supportPlans"]["edges"]
        == []
    )
    with tenant_context(parkwijk):
        assert not AccessLogEntry.objects.exists()

    for reader in (care["anna"].user, care["fatima"].user, care["henk"].user):
        read = ok("parkwijk", READ, {"p": plan_id}, user=reader)["supportPlan"]
        assert read["currentVersion"]["result"] == "Een schoon en leefbaar huis"
    with tenant_context(parkwijk):
        logged = list(AccessLogEntry.objects.values_list("reader__first_name", "what", "via", "subject"))
    assert sorted(logged) == [
        ("Fatima", "support_plan", "graphql", care["anna"].pk),
        ("Henk", "support_plan", "graphql", care["anna"].pk),
    ]


def test_a_provider_without_an_accepted_request_cannot_start_a_plan(parkwijk, care):
    sent = request_in(parkwijk, care["anna"], care["spaarne"])
    data = ok(
        "parkwijk",
        START,
        {"r": gid("HelpRequest", sent.pk), "plan": {"reviewDates": [in_a_month()]}},
        user=care["henk"].user,
    )["startSupportPlan"]
    assert data["errors"] == [
        {
            "field": None,
            "code": "NO_ACCEPTED_REQUEST",
            "message": "Anna heeft nog geen aangenomen verzoek om hulp bij Thuiszorg Spaarne.",
        }
    ]
    resident = run(
        "parkwijk",
        START,
        {"r": gid("HelpRequest", sent.pk), "plan": {"reviewDates": [in_a_month()]}},
        user=care["anna"].user,
    )
    assert top_error(resident)["code"] == "PERMISSION_DENIED"


def test_support_plans_query_count_does_not_grow_with_the_number_of_plans(parkwijk, care):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.builders.clients import client_for

    query = """{ supportPlans(first: 10) { edges { node { id provider { name } member { firstName }
      currentVersion { number agreements { side agreedBy } } inForce { number } versions { number }
      measurements { moment scores } } } } }"""
    counts = []
    for plans in (1, 2):
        if plans == 1:
            started_plan(parkwijk, care)
        else:
            with tenant_context(parkwijk):
                consents_to_makelaar(care["fatima"], care["anna"])
            ok(
                "parkwijk",
                START.replace("helpRequestId: $r", "memberId: $r"),
                {  # the makelaar's own plan
                    "r": gid("Membership", care["anna"].pk),
                    "plan": {"reviewDates": [in_a_month()]},
                },
                user=care["fatima"].user,
            )
        client = client_for("parkwijk", care["anna"].user)  # her own plans: no access log rows
        client.post("/graphql", {"query": "{ wijk { name } }"}, content_type="application/json")
        with CaptureQueriesContext(connection) as captured:
            body = client.post("/graphql", {"query": query}, content_type="application/json").json()
        assert len(body["data"]["supportPlans"]["edges"]) == plans, body
        real = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]
        counts.append((len(real), "\n".join(real)))
    assert counts[0][0] == counts[1][0], counts[1][1]
