import pytest

from tests.builders.clients import gql


@pytest.fixture
def graphql():
    """gql(slug, query, variables, user=..., method=...): a request on /graphql (tests/builders/clients.py)."""
    return gql
