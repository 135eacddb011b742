"""GraphQL over HTTP: POST JSON, GET for queries only, status codes, depth limit, no stack traces."""

from django.test import Client

from tests.builders.clients import client_for, gql
from tests.builders.members import make_member


def test_get_runs_a_query(parkwijk):
    response = gql("parkwijk", "{ wijk { name } }", method="get")

    assert response.status_code == 200
    assert response.json() == {"data": {"wijk": {"name": "Parkwijk"}}}


def test_get_refuses_a_mutation(parkwijk):
    response = gql("parkwijk", "mutation { joinWijk(acceptHouseRules: true) { errors { code } } }", method="get")

    assert response.status_code == 405
    assert "errors" in response.json()


def test_malformed_json_is_a_400_with_a_message(parkwijk):
    response = client_for("parkwijk").post("/graphql", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"]


def test_unknown_field_is_a_400_validation_error(parkwijk):
    response = gql("parkwijk", "{ wijk { password } }")

    assert response.status_code == 400
    assert "password" in response.json()["errors"][0]["message"]


def test_query_deeper_than_the_limit_gets_a_clear_error(db, settings):
    settings.GRAPHQL_MAX_DEPTH = 2

    response = gql("parkwijk", "{ neighbours { edges { node { firstName } } } }")

    assert response.status_code == 400
    assert "exceeds maximum operation depth of 2" in response.json()["errors"][0]["message"]


def test_graphiql_is_off_when_debug_is_off(db):
    response = Client(HTTP_HOST="localhost").get("/graphql", HTTP_ACCEPT="text/html")

    assert b"graphiql" not in response.content.lower()


def test_cross_site_post_with_a_session_cookie_is_served_as_anonymous(parkwijk):
    anna = make_member(parkwijk, "Anna")
    client = Client(HTTP_HOST="parkwijk.localhost", enforce_csrf_checks=True)
    client.force_login(anna.user, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post(
        "/graphql",
        {"query": "{ me { firstName } }"},
        content_type="application/json",
        HTTP_ORIGIN="http://evil.example",
    )

    assert response.json() == {"data": {"me": None}}
