import pytest

from tests.conftest import client_for


def gql(slug: str | None, query: str, variables: dict | None = None, user=None, method: str = "post"):
    """POST (or GET) a GraphQL request on a wijk's domain (or the portal for None); returns the response."""
    client = client_for(slug, user)
    if method == "get":
        import json

        params = {"query": query, **({"variables": json.dumps(variables)} if variables else {})}
        return client.get("/graphql", params, HTTP_ACCEPT="application/json")
    return client.post("/graphql", {"query": query, "variables": variables or {}}, content_type="application/json")


@pytest.fixture
def graphql():
    return gql
