"""What every browser test does the same way: log in through the login page, and check a page with axe-core (one
h1, and no serious or critical violation; the report names each rule and the elements)."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PASSWORD = "een-lang-browser-wachtwoord"
BLOCKING_IMPACTS = {"serious", "critical"}


def log_in(page, site, email: str, *, slug: str | None = "parkwijk", password: str = PASSWORD) -> None:
    """Log in on the wijk site `slug` (None: the portal) and wait until the page says so."""
    page.goto(site.url(slug, "/account/inloggen/"))
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name=re.compile("Uitloggen"))).to_be_visible()


def assert_accessible(page, name: str = "") -> None:
    expect(page.locator("h1")).to_have_count(1)
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{v['impact']} {v['id']}: {v['help']}\n    "
        + "\n    ".join(", ".join(map(str, n["target"])) for n in v["nodes"])
        for v in violations
    )
    assert not violations, f"{name} ({page.url}):\n{report}"
