from tests.tenants.privacy.conftest import riets  # noqa: F401 - the fixture these API tests share with the pages
