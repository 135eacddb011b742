"""The selfAssessments list: its query count does not grow with the page size, and a wijk without the care module
has no Wijzer (WRONG_DOMAIN by GraphQL, not found by page)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders.clients import client_for, run, top_error
from tests.builders.wijzer import take_wijzer
from wijkmarkt.platform.wijken.models import Module, Wijk

LIST = """query($first: Int) { selfAssessments(first: $first) { edges { node {
  id status ruleVersion finishedAs nextQuestion member { firstName street } answers { question values labels } } } } }"""


def _count(user, first: int) -> tuple[int, int, str]:
    client = client_for("parkwijk", user)
    client.post("/graphql", {"query": "{ wijk { name } }"}, content_type="application/json")  # warms the host cache
    with CaptureQueriesContext(connection) as captured:
        body = client.post(
            "/graphql", {"query": LIST, "variables": {"first": first}}, content_type="application/json"
        ).json()
    assert "errors" not in body, body
    real = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]
    return len(real), len(body["data"]["selfAssessments"]["edges"]), "\n".join(real)


def test_query_count_does_not_grow_with_page_size(parkwijk, wijzer_people):
    for _number in range(8):
        take_wijzer(parkwijk, wijzer_people["anna"])
    small, shown_small, _sql = _count(wijzer_people["anna"].user, 2)
    large, shown_large, sql = _count(wijzer_people["anna"].user, 8)
    assert (shown_small, shown_large) == (2, 8)
    assert small == large, sql


def test_a_wijk_without_the_care_module_has_no_wijzer(parkwijk, wijzer_people):
    Wijk.objects.filter(pk=parkwijk.pk).update(modules=[Module.MARKETPLACE])
    error = top_error(run("parkwijk", "{ wijzerQuestions { key } }", user=wijzer_people["anna"].user))
    assert error == {"code": "WRONG_DOMAIN", "message": "Hulp bij het huishouden staat in deze wijk niet aan."}
    start = "mutation { startSelfAssessment { errors { code } } }"
    assert top_error(run("parkwijk", start, user=wijzer_people["anna"].user))["code"] == "WRONG_DOMAIN"
    assert client_for("parkwijk", wijzer_people["anna"].user).get("/wijzer/").status_code == 404
