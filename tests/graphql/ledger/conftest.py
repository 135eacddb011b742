"""The ledger fixtures (wijken with points on, members, the invariant check after each test) are shared."""

from tests.platform.ledger.conftest import points  # noqa: F401 - fixture
