"""Each wijk looks like itself: theme chosen by its settings (templates, logo, colour), not by copied templates."""

import re
from pathlib import Path

from django.test import Client

from wijkmarkt.themes.registry import THEMES_DIR, available_themes


def home(slug: str) -> str:
    return Client(HTTP_HOST=f"{slug}.localhost").get("/").content.decode()


def test_each_wijk_home_shows_its_own_name_tagline_logo_and_intro(parkwijk, centrum):
    park, centre = home("parkwijk"), home("centrum")

    assert '<span class="brand-name">Parkwijk</span>' in park
    assert '<span class="brand-name">Centrum</span>' in centre
    assert "Buren helpen buren in de Zomerzone" in park
    assert "Buren in de binnenstad" in centre
    assert "themes/zomerzone/logo.svg" in park
    assert "themes/centrum/logo.svg" in centre
    assert "De Hamelink" in park and "De Hamelink" not in centre
    assert "Vijfhoek tot Stationsbuurt" in centre and "Vijfhoek tot Stationsbuurt" not in park


def test_two_wijken_with_one_theme_share_templates_but_not_colours(parkwijk):
    park = home("parkwijk")
    slachthuis = home("slachthuisbuurt")

    assert "De Hamelink" in park and "De Hamelink" in slachthuis
    assert Client(HTTP_HOST="parkwijk.localhost").get("/thema.css").content == b":root { --wijk-primary: #8a4b00; }\n"
    assert Client(HTTP_HOST="slachthuisbuurt.localhost").get("/thema.css").content == (
        b":root { --wijk-primary: #1f5c2e; }\n"
    )


def test_only_the_base_theme_holds_full_pages():
    """Overrides are small partials: a theme never copies a whole page of the base theme."""
    base_pages = {
        p.relative_to(THEMES_DIR / "base" / "templates") for p in (THEMES_DIR / "base" / "templates").rglob("*.html")
    }
    for theme in available_themes() - {"base"}:
        for path in (THEMES_DIR / theme / "templates").rglob("*.html"):
            relative = path.relative_to(THEMES_DIR / theme / "templates")
            assert relative in base_pages, f"{theme} adds {relative} that the base theme lacks"
            assert Path(relative).name.startswith("_"), f"{theme} overrides a whole page: {relative}"


def test_body_text_is_at_least_18_pixels():
    css = (THEMES_DIR / "base" / "static" / "themes" / "base" / "wijkmarkt.css").read_text()
    body = re.search(r"body \{[^}]*font-size: ([0-9.]+)rem", css)

    assert body and float(body.group(1)) * 16 >= 18


def test_every_page_has_a_skip_link_one_h1_and_a_language_switch(parkwijk):
    for path in ("/", "/aanmelden/", "/account/inloggen/", "/huisregels/"):
        page = Client(HTTP_HOST="parkwijk.localhost").get(path).content.decode()
        assert 'class="skip-link" href="#inhoud"' in page, path
        assert page.count("<h1") == 1, path
        assert 'name="language" value="en"' in page, path


def test_language_switch_is_a_form_that_works_without_javascript(parkwijk):
    client = Client(HTTP_HOST="parkwijk.localhost")

    response = client.post("/taal/", {"language": "en", "next": "/huisregels/"})
    page = client.get("/huisregels/").content.decode()

    assert response.status_code == 302
    assert response["Location"] == "/huisregels/"
    assert '<html lang="en">' in page
    assert 'name="language" value="nl"' in page
