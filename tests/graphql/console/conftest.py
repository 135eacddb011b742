from tests.graphql.conftest import graphql  # noqa: F401 - the fixture, for the tests here
from tests.platform.console.conftest import coordinator, members  # noqa: F401 - the fixtures, for the tests here
