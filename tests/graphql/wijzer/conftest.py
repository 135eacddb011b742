"""The Wijzer GraphQL tests use the same people and builders as the page tests."""

from tests.tenants.wijzer.conftest import people  # noqa: F401 - the shared fixture, registered here
