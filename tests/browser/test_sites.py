"""The portal and the wijk sites in a real browser: branding per wijk, the language switch, keyboard use, forms
without JavaScript, and axe-core with no serious or critical violations. Nothing is seeded here: the pages only
need the wijken that tests/conftest.py committed for the session."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from wijkmarkt.tenants.demo.load import WIJKEN

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SPEC = {spec["slug"]: spec for spec in WIJKEN}
BASE_INTRO = "Iedereen heeft een vraag, en iedereen heeft iets te bieden. Hier vinden buren elkaar."
BLOCKING_IMPACTS = {"serious", "critical"}


def rgb(hex_colour: str) -> str:
    """#8a4b00 -> rgb(138, 75, 0), the way getComputedStyle reports a colour."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def branding(page) -> dict[str, str | None]:
    header = page.locator(".site-header")
    return {
        "name": header.locator(".brand-name").inner_text(),
        "tagline": header.locator(".brand-tagline").inner_text(),
        "background": header.evaluate("element => getComputedStyle(element).backgroundColor"),
        "logo": header.locator(".brand-logo").get_attribute("src"),
        "intro": page.locator("main .lead").first.inner_text(),
    }


def test_portal_lists_the_wijken_with_their_status(page, site):
    page.goto(site.url(None))

    cards = page.locator(".wijk-card")
    listed = {
        card.locator("h3").inner_text(): (
            card.locator(".status").inner_text(),
            card.locator("h3 a").get_attribute("href"),
        )
        for card in cards.all()
    }

    assert listed["Parkwijk"] == ("Proef", site.url("parkwijk"))
    assert listed["Slachthuisbuurt"] == ("Proef", site.url("slachthuisbuurt"))
    assert listed["Centrum"] == ("Proef", site.url("centrum"))
    assert listed["Boerhaavewijk"] == ("In voorbereiding", site.url("boerhaavewijk"))
    expect(page.locator("h1")).to_have_count(1)


def test_parkwijk_and_centrum_show_their_own_branding(page, site):
    page.goto(site.url("parkwijk"))
    parkwijk = branding(page)
    page.goto(site.url("centrum"))
    centrum = branding(page)

    assert parkwijk["name"] == "Parkwijk"
    assert centrum["name"] == "Centrum"
    assert parkwijk["tagline"] == SPEC["parkwijk"]["tagline"]
    assert centrum["tagline"] == SPEC["centrum"]["tagline"]
    assert parkwijk["background"] == rgb(SPEC["parkwijk"]["primary_colour"]) == "rgb(138, 75, 0)"
    assert centrum["background"] == rgb(SPEC["centrum"]["primary_colour"]) == "rgb(91, 26, 107)"
    assert parkwijk["logo"].endswith("/themes/zomerzone/logo.svg")
    assert centrum["logo"].endswith("/themes/centrum/logo.svg")
    # Each theme overrides wijk/_intro.html; neither may fall back to the base theme's text.
    assert "Zomerzone" in parkwijk["intro"]
    assert "binnenstad" in centrum["intro"]
    assert BASE_INTRO not in (parkwijk["intro"], centrum["intro"])
    for key in parkwijk:
        assert parkwijk[key] != centrum[key], key


def test_logo_of_each_wijk_loads(page, site):
    for slug in ("parkwijk", "centrum"):
        page.goto(site.url(slug))
        logo = page.locator(".site-header .brand-logo")

        loaded = logo.evaluate("image => image.complete && image.naturalWidth > 0")

        assert loaded, f"{slug}: logo {logo.get_attribute('src')} did not load"


def test_switching_to_english_and_back_on_a_wijk_site(page, site):
    page.goto(site.url("parkwijk"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    switch = page.locator("footer .language-switch")
    expect(switch.get_by_role("button", name="Nederlands")).to_have_count(0)

    switch.get_by_role("button", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(site.url("parkwijk"))
    expect(switch.get_by_role("button", name="English")).to_have_count(0)
    expect(switch.get_by_role("button", name="Nederlands")).to_be_visible()

    page.reload()  # the choice is remembered (language cookie), not only on the page after the POST
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switch.get_by_role("button", name="Nederlands").click()

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(switch.get_by_role("button", name="English")).to_be_visible()


def test_planned_boerhaavewijk_says_it_is_coming_and_offers_no_sign_up(page, site):
    page.goto(site.url("boerhaavewijk"))

    expect(page.locator("h1")).to_contain_text("komt eraan")
    expect(page.locator("a[href*='aanmelden']")).to_have_count(0)
    expect(page.get_by_role("link", name="Aanmelden")).to_have_count(0)

    page.goto(site.url("boerhaavewijk", "/aanmelden/"))

    expect(page.locator("h1")).to_contain_text("komt eraan")
    expect(page.locator("form input[name='email']")).to_have_count(0)


def _submit_sign_up_empty(page) -> None:
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".error-summary")).to_be_visible()


AXE_PAGES = {
    "portal": (None, "/", None),
    "parkwijk-home": ("parkwijk", "/", None),
    "centrum-home": ("centrum", "/", None),
    "sign-up": ("parkwijk", "/aanmelden/", None),
    "sign-up-with-errors": ("parkwijk", "/aanmelden/", _submit_sign_up_empty),
    "login": ("parkwijk", "/account/inloggen/", None),
    "unknown-host": ("nope", "/", None),
}


@pytest.mark.parametrize("name", AXE_PAGES)
def test_page_has_no_serious_or_critical_axe_violations(page, site, name):
    slug, path, then = AXE_PAGES[name]
    page.goto(site.url(slug, path))
    if then is not None:
        then(page)

    results = Axe().run(page)

    assert isinstance(results.response["violations"], list), results.response
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} ({v['helpUrl']})\n"
        + "\n".join(f"    {', '.join(map(str, node['target']))}" for node in v["nodes"])
        for v in blocking
    )
    assert not blocking, f"{name} ({page.url}):\n{report}"


@pytest.mark.parametrize("slug", [None, "parkwijk"], ids=["portal", "parkwijk"])
def test_first_tab_focuses_the_visible_skip_link(page, site, slug):
    page.goto(site.url(slug))
    skip_link = page.locator(".skip-link")
    assert skip_link.bounding_box()["x"] < 0  # off-screen until focused

    page.keyboard.press("Tab")

    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_text("Direct naar de inhoud")
    box = skip_link.bounding_box()
    viewport = page.viewport_size
    assert 0 <= box["x"] <= viewport["width"] - box["width"], box
    assert 0 <= box["y"] <= viewport["height"] - box["height"], box

    page.keyboard.press("Enter")

    expect(page.locator("main#inhoud")).to_be_focused()


def test_sign_up_without_javascript_shows_errors_next_to_fields_and_keeps_input(page_without_javascript, site):
    page = page_without_javascript
    page.goto(site.url("parkwijk", "/aanmelden/"))
    page.locator("#id_first_name").fill("Anna")

    page.get_by_role("button", name="Aanmelden").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("h2")).to_have_text("Er ging iets mis")
    expect(summary.locator("a[href='#id_email']")).to_be_visible()
    for field_id, message in [
        ("id_email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        ("id_password", None),
        ("id_accept_house_rules", "Lees de huisregels en vink aan dat u ze accepteert."),
    ]:
        field = page.locator(".field", has=page.locator(f"#{field_id}"))
        expect(field).to_have_class(re.compile(r"\bfield-error\b"))
        error = field.locator(f"#{field_id}_error")
        expect(error).to_be_visible()
        if message:
            expect(error).to_have_text(message)
        else:
            expect(error).not_to_be_empty()
    expect(page.locator("#id_first_name")).to_have_value("Anna")
    expect(page.locator(".field", has=page.locator("#id_first_name")).locator(".error-message")).to_have_count(0)
