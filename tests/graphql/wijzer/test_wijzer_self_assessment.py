"""startSelfAssessment, answerSelfAssessment and finishSelfAssessment as a client uses them: the resident (or the
makelaar for a resident) answers question by question, can stop and resume, and reads explained suggestions; bad
input comes back as typed WijzerError items and writes nothing."""

from django_tenants.utils import tenant_context

from tests.builders.clients import gid, ok, run, top_error
from tests.builders.marketplace import consents_to_makelaar
from wijkmarkt.tenants.wijzer.models import Assessment

START = """mutation($for: ID) { startSelfAssessment(onBehalfOf: $for) {
  selfAssessment { id status placedAs nextQuestion member { firstName } } errors { field code message } } }"""
ANSWER = """mutation($id: ID!, $q: WijzerQuestionKey!, $a: [String!]!) {
  answerSelfAssessment(assessmentId: $id, question: $q, answer: $a) {
    selfAssessment { nextQuestion answers { question values labels } } errors { field code message } } }"""
FINISH = """mutation($id: ID!) { finishSelfAssessment(assessmentId: $id) {
  selfAssessment { status ruleVersion finishedAs
    suggestions { rule kind kindLabel title tasks why requestUrl applicationUrl providers { name why } } }
  errors { field code message } } }"""
STEPS = [
    ("TAKEN", ["boodschappen", "licht_huishouden"]),
    ("NETWERK", ["familie"]),
    ("ZELF", ["geen"]),
    ("URGENTIE", ["binnenkort"]),
]


def test_resident_answers_question_by_question_and_gets_explained_suggestions(parkwijk, wijzer_people):
    user = wijzer_people["anna"].user
    started = ok("parkwijk", START, user=user)["startSelfAssessment"]
    assessment = started["selfAssessment"]
    assert started["errors"] == [] and assessment["nextQuestion"] == "TAKEN" and assessment["placedAs"] == "SELF"
    for question, values in STEPS:
        result = ok("parkwijk", ANSWER, {"id": assessment["id"], "q": question, "a": values}, user=user)
        assert result["answerSelfAssessment"]["errors"] == []
    answered = result["answerSelfAssessment"]["selfAssessment"]
    assert answered["nextQuestion"] is None
    assert answered["answers"][1] == {"question": "NETWERK", "values": ["familie"], "labels": ["Familie"]}

    finished = ok("parkwijk", FINISH, {"id": assessment["id"]}, user=user)["finishSelfAssessment"]["selfAssessment"]
    assert finished["status"] == "FINISHED" and finished["ruleVersion"] == 1 and finished["finishedAs"] == "SELF"
    kinds = [s["kind"] for s in finished["suggestions"]]
    assert kinds == ["NETWERK", "BUREN", "DIENST", "AANBIEDER", "GEMEENTE", "CONTACT"]
    network, neighbours = finished["suggestions"][0], finished["suggestions"][1]
    assert network["why"] == [
        "U vindt dit moeilijk: dagelijkse boodschappen, licht huishoudelijk werk.",
        "U zei dat deze mensen er zijn: familie.",
    ]
    assert neighbours["requestUrl"].startswith("/vraag-en-aanbod/nieuw/?soort=vraag&titel=Wie+helpt+mij")
    assert finished["suggestions"][4]["applicationUrl"] == f"/wijzer/{_pk(assessment['id'])}/aanvraag/"


def _pk(global_id: str) -> int:
    import base64

    return int(base64.b64decode(global_id).decode().rsplit(":", 1)[1])


def test_starting_again_resumes_the_draft(parkwijk, wijzer_people):
    user = wijzer_people["anna"].user
    first = ok("parkwijk", START, user=user)["startSelfAssessment"]["selfAssessment"]["id"]
    ok("parkwijk", ANSWER, {"id": first, "q": "TAKEN", "a": ["was"]}, user=user)
    again = ok("parkwijk", START, user=user)["startSelfAssessment"]["selfAssessment"]
    assert again["id"] == first and again["nextQuestion"] == "NETWERK"


def test_bad_answers_are_typed_errors_and_write_nothing(parkwijk, wijzer_people):
    user = wijzer_people["anna"].user
    assessment = ok("parkwijk", START, user=user)["startSelfAssessment"]["selfAssessment"]["id"]
    cases = [
        ("TAKEN", [], "REQUIRED", "Kies minstens één antwoord."),
        ("TAKEN", ["<b>ramen</b>"], "INVALID_CHOICE", "Kies uit de antwoorden op deze pagina."),
        ("TAKEN", ["was\u0000"], "INVALID_CHOICE", "Kies uit de antwoorden op deze pagina."),
        ("TAKEN", ["was"] * 500, "INVALID_CHOICE", "Kies uit de antwoorden op deze pagina."),
        ("NETWERK", ["niemand", "familie"], "INVALID_CHOICE", "U koos “Niemand” en ook iets anders."),
        ("URGENTIE", ["nu", "binnenkort"], "INVALID_CHOICE", "Kies één antwoord."),
    ]
    for question, values, code, message in cases:
        result = ok("parkwijk", ANSWER, {"id": assessment, "q": question, "a": values}, user=user)
        errors = result["answerSelfAssessment"]["errors"]
        assert result["answerSelfAssessment"]["selfAssessment"] is None
        assert len(errors) == 1 and errors[0]["field"] == "answer" and errors[0]["code"] == code
        assert errors[0]["message"].startswith(message)
    early = ok("parkwijk", FINISH, {"id": assessment}, user=user)["finishSelfAssessment"]["errors"]
    assert early == [
        {
            "field": None,
            "code": "NOT_ANSWERED",
            "message": "Beantwoord eerst deze vraag: Welke taken in huis zijn moeilijk voor u?",
        }
    ]
    with tenant_context(parkwijk):
        draft = Assessment.objects.get()
    assert draft.answers == {} and draft.status == "draft"


def test_a_finished_assessment_takes_no_more_answers(parkwijk, wijzer_people):
    user = wijzer_people["anna"].user
    assessment = ok("parkwijk", START, user=user)["startSelfAssessment"]["selfAssessment"]["id"]
    for question, values in STEPS:
        ok("parkwijk", ANSWER, {"id": assessment, "q": question, "a": values}, user=user)
    ok("parkwijk", FINISH, {"id": assessment}, user=user)
    late = ok("parkwijk", ANSWER, {"id": assessment, "q": "TAKEN", "a": ["was"]}, user=user)["answerSelfAssessment"]
    assert late["errors"][0]["code"] == "WRONG_STATE"
    assert ok("parkwijk", FINISH, {"id": assessment}, user=user)["finishSelfAssessment"]["errors"][0]["code"] == (
        "WRONG_STATE"
    )


def test_makelaar_starts_the_wijzer_for_a_resident(parkwijk, wijzer_people):
    with tenant_context(parkwijk):
        consents_to_makelaar(wijzer_people["fatima"], wijzer_people["bram"])
    result = ok(
        "parkwijk", START, {"for": gid("Membership", wijzer_people["bram"].pk)}, user=wijzer_people["fatima"].user
    )
    assessment = result["startSelfAssessment"]["selfAssessment"]
    assert assessment["placedAs"] == "MAKELAAR" and assessment["member"]["firstName"] == "Bram"
    # A resident cannot start one for a neighbour.
    denied = run(
        "parkwijk", START, {"for": gid("Membership", wijzer_people["bram"].pk)}, user=wijzer_people["anna"].user
    )
    assert top_error(denied)["code"] in ("PERMISSION_DENIED", "NOT_FOUND")


def test_questions_are_listed_with_their_answers(parkwijk, wijzer_people):
    data = ok(
        "parkwijk", "{ wijzerQuestions { key text multiple choices { value label } } }", user=wijzer_people["anna"].user
    )
    questions = data["wijzerQuestions"]
    assert [q["key"] for q in questions] == ["TAKEN", "NETWERK", "ZELF", "URGENTIE"]
    assert questions[0]["choices"][0] == {"value": "boodschappen", "label": "Dagelijkse boodschappen"}
    assert questions[3]["multiple"] is False
