"""How a test talks to the site: a page client on a wijk's domain (or the portal), and /graphql requests."""

import json

from django.test import Client

from wijkmarkt.graphql.core.ids import to_global_id


def client_for(slug: str | None, user=None) -> Client:
    """A test client on a wijk's domain (or the portal for None), logged in as `user` if given."""
    host = f"{slug}.localhost" if slug else "localhost"
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def gql(slug: str | None, query: str, variables: dict | None = None, user=None, method: str = "post"):
    """POST (or GET) a GraphQL request on a wijk's domain (or the portal for None); returns the response."""
    client = client_for(slug, user)
    if method == "get":
        params = {"query": query, **({"variables": json.dumps(variables)} if variables else {})}
        return client.get("/graphql", params, HTTP_ACCEPT="application/json")
    return client.post("/graphql", {"query": query, "variables": variables or {}}, content_type="application/json")


def run(slug: str | None, query: str, variables: dict | None = None, user=None) -> dict:
    """The response body of a GraphQL request."""
    return gql(slug, query, variables, user=user).json()


def ok(slug: str | None, query: str, variables: dict | None = None, user=None) -> dict:
    """The data of a request that must succeed without top-level errors."""
    body = run(slug, query, variables, user=user)
    assert "errors" not in body, body
    return body["data"]


def top_error(body: dict) -> dict:
    """The one top-level error of a response: {code, message}."""
    assert len(body.get("errors", [])) == 1, body
    error = body["errors"][0]
    return {"code": error["extensions"]["code"], "message": error["message"]}


def gid(type_name: str, pk, schema: str = "parkwijk") -> str:
    """The global ID of a row of `schema` (Parkwijk unless told); tests/builders/marketplace.py has the
    marketplace tests' `gid(type_name, schema, pk)`."""
    return to_global_id(type_name, schema, pk)
