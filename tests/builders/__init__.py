"""Builders the tests call directly: plain functions that make rows through the apps' own actions, as a person would,
and clients that talk to the site as a browser or an app would. Fixtures live in tests/fixtures/ (pytest plugins,
registered once in tests/conftest.py); no test or conftest imports a conftest."""
