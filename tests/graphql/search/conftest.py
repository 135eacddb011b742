# The same listings and members as the page tests.
from tests.platform.search.conftest import members, publish  # noqa: F401
