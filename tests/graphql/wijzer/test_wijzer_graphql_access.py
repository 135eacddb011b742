"""Through GraphQL, a Wijzer is reachable only by the resident, their proxy and the wijk's makelaar: another
resident, a provider, the wijk admin and a makelaar of another wijk get null (by ID, forged ID, node and list) and
NOT_FOUND on mutations; reads by the proxy and makelaar are logged once per request, the resident's are not."""

from django_tenants.utils import tenant_context

from tests.builders.clients import gid, ok, run, top_error
from tests.builders.wijzer import take_wijzer
from wijkmarkt.tenants.privacy.models import AccessLogEntry

READ = """query($id: ID!) { selfAssessment(id: $id) { status answers { values } suggestions { title why } }
  node(id: $id) { id } selfAssessments { edges { node { id } } } }"""
ANSWER = """mutation($id: ID!) { answerSelfAssessment(assessmentId: $id, question: TAKEN, answer: ["was"]) {
  errors { code } } }"""


def test_others_get_null_and_not_found_and_nothing_is_logged(parkwijk, wijzer_people):
    finished = take_wijzer(parkwijk, wijzer_people["anna"])
    draft = take_wijzer(parkwijk, wijzer_people["bram"], {"taken": ["was"]}, finish=False)
    for name in ("bram", "henk", "joost", "marleen"):
        user = wijzer_people[name].user
        data = ok("parkwijk", READ, {"id": gid("SelfAssessment", finished.pk)}, user=user)
        assert data["selfAssessment"] is None and data["node"] is None
        assert all(
            edge["node"]["id"] != gid("SelfAssessment", finished.pk) for edge in data["selfAssessments"]["edges"]
        )
    for name in ("anna", "henk", "marleen"):
        denied = run("parkwijk", ANSWER, {"id": gid("SelfAssessment", draft.pk)}, user=wijzer_people[name].user)
        assert top_error(denied)["code"] == "NOT_FOUND"
    with tenant_context(parkwijk):
        draft.refresh_from_db()
        assert draft.answers == {"taken": ["was"]}
        assert not AccessLogEntry.objects.exists()


def test_makelaar_of_centrum_never_reaches_a_parkwijk_assessment(parkwijk, centrum, wijzer_people):
    finished = take_wijzer(parkwijk, wijzer_people["anna"])
    user = wijzer_people["cor"].user
    for schema in ("parkwijk", "centrum"):
        data = ok("centrum", READ, {"id": gid("SelfAssessment", finished.pk, schema)}, user=user)
        assert data["selfAssessment"] is None and data["node"] is None and data["selfAssessments"]["edges"] == []
    on_parkwijk = ok("parkwijk", READ, {"id": gid("SelfAssessment", finished.pk)}, user=user)
    assert on_parkwijk["selfAssessment"] is None and on_parkwijk["selfAssessments"]["edges"] == []
    assert top_error(run("centrum", ANSWER, {"id": gid("SelfAssessment", finished.pk)}, user=user))["code"] == (
        "NOT_FOUND"
    )
    for wijk in (parkwijk, centrum):
        with tenant_context(wijk):
            assert not AccessLogEntry.objects.exists()


def test_proxy_and_makelaar_read_with_a_log_entry_the_resident_without(parkwijk, wijzer_people):
    finished = take_wijzer(parkwijk, wijzer_people["anna"])
    variables = {"id": gid("SelfAssessment", finished.pk)}
    own = ok("parkwijk", READ, variables, user=wijzer_people["anna"].user)["selfAssessment"]
    assert own["status"] == "FINISHED" and own["suggestions"][0]["title"] == "Boodschappen laten bezorgen"
    with tenant_context(parkwijk):
        assert not AccessLogEntry.objects.exists()

    for reader in (wijzer_people["carla"], wijzer_people["fatima"].user):
        data = ok("parkwijk", READ, variables, user=reader)
        assert data["selfAssessment"]["answers"][0]["values"] == ["boodschappen", "zwaar_huishouden"]
        assert data["selfAssessment"]["suggestions"][0]["why"][0] == "U vindt dit moeilijk: dagelijkse boodschappen."
    with tenant_context(parkwijk):
        entries = list(AccessLogEntry.objects.order_by("at").values_list("reader__first_name", "what", "via"))
    # One entry per request, although each read answers, suggestions and the list.
    assert entries == [("Carla", "self_assessment", "graphql"), ("Fatima", "self_assessment", "graphql")]
