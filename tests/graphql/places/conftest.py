"""The "In de wijk" fixtures (places, partners, admins) are shared with the page tests."""

from tests.tenants.places.conftest import admins, partners, places, wijken  # noqa: F401 - fixtures
