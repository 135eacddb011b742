"""The partner fixtures are shared with the "In de wijk" tests (a wijk page lists the partners linked to it)."""

from tests.tenants.places.conftest import partners, wijken  # noqa: F401 - fixtures used by this folder's tests
